import { z } from "zod";
import { jenisStandarSchema, jenisTenagaSchema, type JenisStandar, type JenisTenaga } from "./codes";
import { bilingualSchema } from "./labels";

/** Profession groups of UU 17/2023 (SPEC §4.1), plus the non-health staff of a puskesmas. */
export const kelompokTenagaSchema = z.enum([
  "medis",
  "keperawatan",
  "kebidanan",
  "kefarmasian",
  "kesehatan_masyarakat",
  "kesehatan_lingkungan",
  "gizi",
  "teknik_biomedika",
  "keterapian_fisik",
  "keteknisian_medis",
  "psikologi_klinis",
  "lain",
  "non_nakes",
]);
export type KelompokTenaga = z.infer<typeof kelompokTenagaSchema>;

export const professionSchema = z.object({
  code: jenisTenagaSchema,
  label: bilingualSchema,
  group: kelompokTenagaSchema,
  /** A registration (STR) is required (str.required). */
  needs_str: z.boolean(),
  /** A practice licence (SIP) is expected (sip.required). */
  needs_sip: z.boolean(),
  /** Which of the puskesmas "9 jenis" this profession counts for; APOTEKER and TTK both count for KEFARMASIAN. */
  sembilan_jenis: jenisStandarSchema.nullable(),
});
export type Profession = z.infer<typeof professionSchema>;

export const kelompokLabels: Readonly<Record<KelompokTenaga, { id: string; en: string }>> = {
  medis: { id: "Tenaga Medis", en: "Medical" },
  keperawatan: { id: "Keperawatan", en: "Nursing" },
  kebidanan: { id: "Kebidanan", en: "Midwifery" },
  kefarmasian: { id: "Kefarmasian", en: "Pharmacy" },
  kesehatan_masyarakat: { id: "Kesehatan Masyarakat", en: "Public health" },
  kesehatan_lingkungan: { id: "Kesehatan Lingkungan", en: "Environmental health" },
  gizi: { id: "Gizi", en: "Nutrition" },
  teknik_biomedika: { id: "Teknik Biomedika", en: "Biomedical engineering" },
  keterapian_fisik: { id: "Keterapian Fisik", en: "Physical therapy" },
  keteknisian_medis: { id: "Keteknisian Medis", en: "Medical technicians" },
  psikologi_klinis: { id: "Psikologi Klinis", en: "Clinical psychology" },
  lain: { id: "Tenaga Kesehatan Lain", en: "Other health workers" },
  non_nakes: { id: "Non-nakes", en: "Non-health staff" },
};

const p = (
  code: JenisTenaga,
  id: string,
  en: string,
  group: KelompokTenaga,
  needs_str: boolean,
  needs_sip: boolean,
  sembilan_jenis: JenisStandar | null,
): Profession => ({ code, label: { id, en }, group, needs_str, needs_sip, sembilan_jenis });

/** SPEC §4.1, in its order. */
export const professions: readonly Profession[] = [
  p("DOKTER", "Dokter", "Medical doctor", "medis", true, true, "DOKTER"),
  p("DOKTER_SPESIALIS", "Dokter Spesialis", "Medical specialist", "medis", true, true, null),
  p("DOKTER_GIGI", "Dokter Gigi", "Dentist", "medis", true, true, "DOKTER_GIGI"),
  p("DOKTER_GIGI_SPESIALIS", "Dokter Gigi Spesialis", "Dental specialist", "medis", true, true, null),
  p("PERAWAT", "Perawat", "Nurse", "keperawatan", true, true, "PERAWAT"),
  p("BIDAN", "Bidan", "Midwife", "kebidanan", true, true, "BIDAN"),
  p("APOTEKER", "Apoteker", "Pharmacist", "kefarmasian", true, true, "KEFARMASIAN"),
  p("TTK", "Tenaga Vokasi Farmasi / TTK", "Pharmacy technician (TTK)", "kefarmasian", true, true, "KEFARMASIAN"),
  p("PROMKES", "Tenaga Promosi Kesehatan dan Ilmu Perilaku", "Health promotion and behavioural science", "kesehatan_masyarakat", true, false, "PROMKES"),
  p("EPIDEMIOLOG", "Epidemiolog Kesehatan", "Health epidemiologist", "kesehatan_masyarakat", true, false, null),
  p("SANITARIAN", "Sanitarian / Tenaga Sanitasi Lingkungan", "Sanitarian (environmental health)", "kesehatan_lingkungan", true, false, "SANITARIAN"),
  p("NUTRISIONIS", "Nutrisionis / Dietisien", "Nutritionist / dietitian", "gizi", true, false, "NUTRISIONIS"),
  p("ATLM", "Ahli Teknologi Laboratorium Medik", "Medical laboratory technologist", "teknik_biomedika", true, true, "ATLM"),
  p("RADIOGRAFER", "Radiografer", "Radiographer", "teknik_biomedika", true, true, null),
  p("FISIOTERAPIS", "Fisioterapis", "Physiotherapist", "keterapian_fisik", true, true, null),
  p("PEREKAM_MEDIS", "Perekam Medis dan Informasi Kesehatan", "Medical records and health information", "keteknisian_medis", true, false, null),
  p("PSIKOLOG_KLINIS", "Psikolog Klinis", "Clinical psychologist", "psikologi_klinis", true, true, null),
  p("NAKES_LAIN", "Tenaga kesehatan lain", "Other health worker", "lain", true, false, null),
  p("ADMINISTRASI", "Tenaga administrasi (tata usaha, keuangan, sistem informasi)", "Administrative staff (office, finance, information systems)", "non_nakes", false, false, null),
  p("PEKARYA", "Pekarya / tenaga penunjang (kebersihan, pengemudi, keamanan)", "Support staff (cleaning, drivers, security)", "non_nakes", false, false, null),
];

export const professionByCode: ReadonlyMap<JenisTenaga, Profession> = new Map(professions.map((x) => [x.code, x]));

/** The nine professions every puskesmas should have (SPEC §6 "9 jenis lengkap"), with their names. */
export const sembilanJenis: readonly { jenis: JenisStandar; label: { id: string; en: string } }[] = [
  { jenis: "DOKTER", label: { id: "Dokter", en: "Doctor" } },
  { jenis: "DOKTER_GIGI", label: { id: "Dokter gigi", en: "Dentist" } },
  { jenis: "PERAWAT", label: { id: "Perawat", en: "Nurse" } },
  { jenis: "BIDAN", label: { id: "Bidan", en: "Midwife" } },
  { jenis: "KEFARMASIAN", label: { id: "Kefarmasian (apoteker/TTK)", en: "Pharmacy (pharmacist/TTK)" } },
  { jenis: "PROMKES", label: { id: "Promosi kesehatan", en: "Health promotion" } },
  { jenis: "SANITARIAN", label: { id: "Kesehatan lingkungan", en: "Environmental health" } },
  { jenis: "NUTRISIONIS", label: { id: "Gizi", en: "Nutrition" } },
  { jenis: "ATLM", label: { id: "Laboratorium", en: "Laboratory" } },
];
