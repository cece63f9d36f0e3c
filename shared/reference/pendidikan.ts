import { z } from "zod";
import { pendidikanSchema } from "./codes";
import { bilingualSchema } from "./labels";

export const pendidikanEntrySchema = z.object({
  code: pendidikanSchema,
  label: bilingualSchema,
  aliases: z.array(z.string()),
});
export type PendidikanEntry = z.infer<typeof pendidikanEntrySchema>;

/** SPEC §3.1 pendidikan terakhir, with the spellings sheets use for each. */
export const pendidikanList: readonly PendidikanEntry[] = [
  { code: "SMA", label: { id: "SMA/SMK sederajat", en: "Secondary school" }, aliases: ["SMK", "SMU", "SLTA", "MA", "SPK", "SMF"] },
  { code: "D3", label: { id: "Diploma III", en: "Diploma (3 years)" }, aliases: ["DIII", "D-III", "D 3", "D-3", "Diploma III", "Diploma 3", "Akademi"] },
  { code: "D4", label: { id: "Diploma IV / Sarjana Terapan", en: "Applied bachelor (4 years)" }, aliases: ["DIV", "D-IV", "D-4", "Diploma IV", "Diploma 4", "Sarjana Terapan"] },
  { code: "S1", label: { id: "Sarjana (S1)", en: "Bachelor" }, aliases: ["S-1", "Sarjana", "Strata 1"] },
  { code: "Profesi", label: { id: "Pendidikan profesi (dokter, ners, apoteker, bidan)", en: "Professional degree" }, aliases: ["Ners", "Profesi Ners", "Profesi Bidan", "Profesi Dokter"] },
  { code: "S2", label: { id: "Magister (S2)", en: "Master" }, aliases: ["S-2", "Magister", "Strata 2"] },
  { code: "S3", label: { id: "Doktor (S3)", en: "Doctorate" }, aliases: ["S-3", "Strata 3"] },
  { code: "Sp", label: { id: "Spesialis", en: "Specialist" }, aliases: ["Spesialis", "Sp1", "Sp-1", "Sp.1", "Sp2", "Sp-2", "Subspesialis"] },
  { code: "lain", label: { id: "Lainnya", en: "Other" }, aliases: ["Lainnya", "Lain-lain", "SD", "SMP", "SLTP"] },
];
