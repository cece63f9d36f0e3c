import { z } from "zod";
import { statusKepegawaianSchema, type StatusKepegawaian } from "./codes";
import { bilingualSchema } from "./labels";

export const statusSchema = z.object({
  code: statusKepegawaianSchema,
  label: bilingualSchema,
  /** PNS and PPPK carry an 18-digit NIP / NI PPPK (nip.required). */
  needs_nip: z.boolean(),
  /** Special assignments start on a TMT (penugasan.tmt_required). */
  needs_tmt: z.boolean(),
  /** Years an assignment lasts from its TMT, where the rules fix it (penugasan.ended). */
  term_years: z.number().int().positive().nullable(),
  /** Other spellings seen in sheets, read as this status. */
  aliases: z.array(z.string()),
});
export type Status = z.infer<typeof statusSchema>;

/** SPEC §4.2. */
export const statuses: readonly Status[] = [
  { code: "PNS", label: { id: "Pegawai Negeri Sipil (PNS)", en: "Civil servant (PNS)" }, needs_nip: true, needs_tmt: false, term_years: null, aliases: ["Pegawai Negeri Sipil", "CPNS", "ASN PNS"] },
  { code: "PPPK", label: { id: "PPPK", en: "Government contract employee (PPPK)" }, needs_nip: true, needs_tmt: false, term_years: null, aliases: ["P3K", "ASN PPPK", "Pegawai Pemerintah dengan Perjanjian Kerja"] },
  { code: "PENUGASAN_KHUSUS", label: { id: "Penugasan Khusus", en: "Special assignment" }, needs_nip: false, needs_tmt: true, term_years: 5, aliases: ["Penugasan Khusus Nakes", "Tenaga Penugasan Khusus"] },
  { code: "NUSANTARA_SEHAT", label: { id: "Nusantara Sehat", en: "Nusantara Sehat (Ministry assignment)" }, needs_nip: false, needs_tmt: true, term_years: null, aliases: ["NS", "Nusantara Sehat Individu", "Nusantara Sehat Tim"] },
  { code: "KONTRAK_DAERAH", label: { id: "Kontrak daerah (honorer, kontrak, BLUD)", en: "Local contract (honorary, contract, BLUD)" }, needs_nip: false, needs_tmt: false, term_years: null, aliases: ["Honorer", "Kontrak", "BLUD", "Tenaga Kontrak", "Honorer Daerah", "Non PNS"] },
  { code: "INTERNSIP", label: { id: "Internsip", en: "Internship" }, needs_nip: false, needs_tmt: false, term_years: null, aliases: ["Internship", "Dokter Internsip"] },
  { code: "SWASTA", label: { id: "Swasta", en: "Private" }, needs_nip: false, needs_tmt: false, term_years: null, aliases: [] },
  { code: "LAINNYA", label: { id: "Lainnya", en: "Other" }, needs_nip: false, needs_tmt: false, term_years: null, aliases: ["Lain-lain", "Lain"] },
];

export const statusByCode: ReadonlyMap<StatusKepegawaian, Status> = new Map(statuses.map((s) => [s.code, s]));

/** The years of a Penugasan Khusus (its status's term_years, Pergub Banten 5/2020): coverage's special-assignment term. */
export const PENUGASAN_KHUSUS_TERM_YEARS: number = statusByCode.get("PENUGASAN_KHUSUS")!.term_years!;

/** SPEC §6 "penugasan khusus: active, ended, ending within 6 months": the window after as_of, in months. */
export const PENUGASAN_ENDING_MONTHS = 6;
