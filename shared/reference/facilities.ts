import { z } from "zod";
import { jenisFasyankesSchema, kategoriPuskesmasSchema } from "./codes";
import { bilingualSchema } from "./labels";

export const facilityKindSchema = z.object({ code: jenisFasyankesSchema, label: bilingualSchema, aliases: z.array(z.string()) });
export const categorySchema = z.object({ code: kategoriPuskesmasSchema, label: bilingualSchema });
export type FacilityKind = z.infer<typeof facilityKindSchema>;
export type Category = z.infer<typeof categorySchema>;

/** SPEC §2/§3.3. */
export const facilityKinds: readonly FacilityKind[] = [
  { code: "PUSKESMAS", label: { id: "Puskesmas", en: "Primary health centre" }, aliases: ["PKM"] },
  { code: "RUMAH_SAKIT", label: { id: "Rumah Sakit", en: "Hospital" }, aliases: ["RS", "RSUD"] },
  { code: "KLINIK", label: { id: "Klinik", en: "Clinic" }, aliases: [] },
  { code: "LABKES", label: { id: "Laboratorium Kesehatan", en: "Health laboratory" }, aliases: ["Labkesda", "Laboratorium"] },
];

export const categories: readonly Category[] = [
  { code: "PERKOTAAN", label: { id: "Perkotaan", en: "Urban" } },
  { code: "PEDESAAN", label: { id: "Pedesaan", en: "Rural" } },
  { code: "TERPENCIL", label: { id: "Terpencil", en: "Remote" } },
  { code: "SANGAT_TERPENCIL", label: { id: "Sangat Terpencil", en: "Very remote" } },
];
