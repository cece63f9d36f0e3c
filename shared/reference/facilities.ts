import { z } from "zod";
import { jenisFasyankesSchema, kategoriPuskesmasSchema, type JenisFasyankes } from "./codes";
import { bilingualSchema, type Bilingual } from "./labels";

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

/**
 * The shape of a facility code for each kind (SPEC §3.3, §7 Access): a letter (none for hospitals),
 * then digits whose first ones are the region the facility lies in. Puskesmas `P` + 10 digits, the
 * first six the kecamatan (`P1706010101`); hospitals 7 digits, the first four the regency
 * (`1706015`); clinics `K` and laboratories `L` + the 4-digit regency + 3 to 6 digits (`K1706001`).
 * So a code's shape fixes its kind and its region, and no facility code equals a region code (2, 4
 * or 6 digits). The one definition: the validator, the scope checks and their SQL derive from it.
 */
export interface FacilityCodeShape {
  kind: JenisFasyankes;
  /** The leading letter, "" for none. */
  letter: "" | "P" | "K" | "L";
  /** How many digits follow the letter. */
  digits: { min: number; max: number };
  /** How many of those digits are the region: 6 a kecamatan, 4 a regency. */
  regionDigits: 4 | 6;
  example: string;
  /** The shape in words, for messages. */
  label: Bilingual;
}

export const facilityCodeShapes: readonly FacilityCodeShape[] = [
  {
    kind: "PUSKESMAS",
    letter: "P",
    digits: { min: 10, max: 10 },
    regionDigits: 6,
    example: "P1706010101",
    label: { id: "P diikuti 10 digit, enam digit pertamanya kode kecamatan (misalnya P1706010101)", en: "P followed by 10 digits, the first six being the district code (e.g. P1706010101)" },
  },
  {
    kind: "RUMAH_SAKIT",
    letter: "",
    digits: { min: 7, max: 7 },
    regionDigits: 4,
    example: "1706015",
    label: { id: "7 digit, empat digit pertamanya kode kabupaten/kota (misalnya 1706015)", en: "7 digits, the first four being the regency code (e.g. 1706015)" },
  },
  {
    kind: "KLINIK",
    letter: "K",
    digits: { min: 7, max: 10 },
    regionDigits: 4,
    example: "K1706001",
    label: { id: "K diikuti kode kabupaten/kota 4 digit lalu 3–6 digit (misalnya K1706001)", en: "K followed by the 4-digit regency code and 3–6 digits (e.g. K1706001)" },
  },
  {
    kind: "LABKES",
    letter: "L",
    digits: { min: 7, max: 10 },
    regionDigits: 4,
    example: "L1706001",
    label: { id: "L diikuti kode kabupaten/kota 4 digit lalu 3–6 digit (misalnya L1706001)", en: "L followed by the 4-digit regency code and 3–6 digits (e.g. L1706001)" },
  },
];

const SHAPE_BY_KIND = new Map(facilityCodeShapes.map((s) => [s.kind, s]));

/** The code shape of a facility kind. */
export function facilityCodeShape(kind: JenisFasyankes): FacilityCodeShape {
  return SHAPE_BY_KIND.get(kind)!;
}

const matches = (s: FacilityCodeShape, kode: string): boolean => {
  if (s.letter !== "" && kode[0] !== s.letter) return false;
  const digits = kode.slice(s.letter.length);
  return digits.length >= s.digits.min && digits.length <= s.digits.max && /^\d+$/.test(digits);
};

/** The kind a code's shape fixes (codes are upper case as stored), or null for a code of no facility shape. */
export function kindOfCode(kode: string): JenisFasyankes | null {
  for (const s of facilityCodeShapes) if (matches(s, kode)) return s.kind;
  return null;
}

/** Whether a text is a facility code of some kind (never a region code: 2, 4 or 6 digits). */
export const isFacilityCode = (kode: string): boolean => kindOfCode(kode) !== null;

/** The region a facility code names: the kecamatan of a puskesmas, the regency of the others; null for no facility shape. */
export function regionOfCode(kode: string): string | null {
  for (const s of facilityCodeShapes) if (matches(s, kode)) return kode.slice(s.letter.length, s.letter.length + s.regionDigits);
  return null;
}

/**
 * regionOfCode as an SQL expression over the column `col` (SQLite: GLOB for the digits), NULL for a
 * code of no facility shape: for the scope checks in SQL (worker/auth/scope.ts).
 */
export function regionOfCodeSql(col: string): string {
  const arms = facilityCodeShapes.map((s) => {
    const start = s.letter.length + 1;
    const letter = s.letter === "" ? "" : `substr(${col}, 1, 1) = '${s.letter}' AND `;
    return `WHEN ${letter}length(${col}) BETWEEN ${s.letter.length + s.digits.min} AND ${s.letter.length + s.digits.max} AND substr(${col}, ${start}) NOT GLOB '*[^0-9]*' THEN substr(${col}, ${start}, ${s.regionDigits})`;
  });
  return `(CASE ${arms.join(" ")} ELSE NULL END)`;
}

/**
 * The sentence of `fasyankes.kode_format` (SPEC §3.3): the shape the code's kind takes, and when the
 * code has another kind's shape, which; with no kind known, every shape.
 */
export function facilityCodeMessage(value: string, jenis: string, lang: "id" | "en"): string {
  const v = `“${value}”`;
  const kind = facilityKinds.find((k) => k.code === jenis);
  const other = kindOfCode(value);
  const otherLabel = other === null ? null : facilityKinds.find((k) => k.code === other)!.label[lang];
  if (!kind) {
    const all = facilityCodeShapes.map((s) => `${facilityKinds.find((k) => k.code === s.kind)!.label[lang]}: ${s.label[lang]}`).join("; ");
    return lang === "id" ? `Kode fasyankes ${v} tidak berbentuk kode fasyankes mana pun (${all}).` : `Facility code ${v} has the shape of no facility code (${all}).`;
  }
  const shape = facilityCodeShape(kind.code).label[lang];
  if (lang === "id") return `Kode ${kind.label.id.toLowerCase()} ${v} harus ${shape}.${otherLabel ? ` Bentuk kode ini milik ${otherLabel.toLowerCase()}: jenis fasyankes ditentukan oleh bentuk kodenya.` : ""}`;
  return `${kind.label.en} code ${v} must be ${shape}.${otherLabel ? ` This shape belongs to a ${otherLabel.toLowerCase()}: a code's shape fixes the facility's kind.` : ""}`;
}
