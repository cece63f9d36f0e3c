import { z } from "zod";
import { kodePelatihanSchema } from "./codes";
import { bilingualSchema } from "./labels";

export const trainingSchema = z.object({
  code: kodePelatihanSchema,
  label: bilingualSchema,
  aliases: z.array(z.string()),
});
export type Training = z.infer<typeof trainingSchema>;

/** SPEC §4.4. */
export const trainings: readonly Training[] = [
  { code: "K3_FASYANKES", label: { id: "Keselamatan dan Kesehatan Kerja (K3) di Fasyankes", en: "Occupational safety and health in facilities" }, aliases: ["K3", "K3 Fasyankes", "K3RS"] },
  { code: "PENGELOLAAN_LIMBAH", label: { id: "Pengelolaan Limbah Medis", en: "Medical waste management" }, aliases: ["Limbah", "Limbah Medis", "Pengelolaan Limbah B3"] },
  { code: "PONED", label: { id: "Pelayanan Obstetri Neonatal Emergensi Dasar (PONED)", en: "Basic emergency obstetric and newborn care (PONED)" }, aliases: [] },
  { code: "PONEK", label: { id: "Pelayanan Obstetri Neonatal Emergensi Komprehensif (PONEK)", en: "Comprehensive emergency obstetric and newborn care (PONEK)" }, aliases: [] },
  { code: "PPI", label: { id: "Pencegahan dan Pengendalian Infeksi (PPI)", en: "Infection prevention and control" }, aliases: [] },
  { code: "BTCLS", label: { id: "Basic Trauma Cardiac Life Support (BTCLS)", en: "Basic trauma and cardiac life support" }, aliases: [] },
  { code: "IMS_HIV", label: { id: "Infeksi Menular Seksual dan HIV", en: "Sexually transmitted infections and HIV" }, aliases: ["IMS", "HIV", "HIV/AIDS"] },
  { code: "TB_DOTS", label: { id: "Tuberkulosis (DOTS)", en: "Tuberculosis (DOTS)" }, aliases: ["TB", "DOTS", "TBC"] },
  { code: "MTBS", label: { id: "Manajemen Terpadu Balita Sakit (MTBS)", en: "Integrated management of childhood illness" }, aliases: ["IMCI"] },
  { code: "LAINNYA", label: { id: "Lainnya", en: "Other" }, aliases: ["Lain-lain", "Lain"] },
];
