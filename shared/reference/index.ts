import { z } from "zod";
import { tableColumns } from "../table/columns";
import { professionAliases } from "./aliases";
import { jenisStandarSchema, jenisTenagaSchema } from "./codes";
import { categories, categorySchema, facilityKinds, facilityKindSchema } from "./facilities";
import { bilingualSchema } from "./labels";
import { pendidikanEntrySchema, pendidikanList } from "./pendidikan";
import { kelompokLabels, kelompokTenagaSchema, professions, professionSchema, sembilanJenis } from "./professions";
import { PMK75_2014, standardSetSchema } from "./standar-puskesmas";
import { statusSchema, statuses } from "./statuses";
import { trainings, trainingSchema } from "./trainings";
import { kabupatenList, kabupatenSchema, provinsiList, provinsiSchema } from "./wilayah";

const columnSchema = z.object({
  key: z.string(),
  header: z.string(),
  label_en: z.string(),
  aliases: z.array(z.string()),
  required: z.boolean(),
});

/**
 * What GET /v1/reference serves (SPEC §4): one source for the add-in's dropdowns and template and the
 * server's checks. Keys are named after the columns whose values they list.
 */
export const referenceSchema = z.object({
  jenis_tenaga: z.array(professionSchema),
  /** Other names for professions (alias → code), normalised with an info note. */
  jenis_tenaga_alias: z.record(z.string(), jenisTenagaSchema),
  kelompok_tenaga: z.array(z.object({ code: kelompokTenagaSchema, label: bilingualSchema })),
  sembilan_jenis: z.array(z.object({ jenis: jenisStandarSchema, label: bilingualSchema })),
  status_kepegawaian: z.array(statusSchema),
  pendidikan: z.array(pendidikanEntrySchema),
  pelatihan: z.array(trainingSchema),
  jenis_fasyankes: z.array(facilityKindSchema),
  kategori_puskesmas: z.array(categorySchema),
  provinsi: z.array(provinsiSchema),
  kabupaten: z.array(kabupatenSchema),
  /** The staffing standard shipped with the code (set PMK75_2014); the server's active set may differ. */
  standar: standardSetSchema,
  /** The headers of each sheet table (SPEC §3), with the aliases read from users' own sheets. */
  kolom: z.object({
    nakes: z.array(columnSchema),
    pelatihan: z.array(columnSchema),
    fasyankes: z.array(columnSchema),
    penduduk: z.array(columnSchema),
  }),
});
export type Reference = z.infer<typeof referenceSchema>;

const columnsOf = (t: keyof typeof tableColumns) => tableColumns[t].map((c) => ({ ...c, aliases: [...c.aliases] }));
const copy = <T>(xs: readonly T[]): T[] => xs.map((x) => structuredClone(x));

export const referenceData: Reference = {
  jenis_tenaga: copy(professions),
  jenis_tenaga_alias: { ...professionAliases },
  kelompok_tenaga: Object.entries(kelompokLabels).map(([code, label]) => ({ code: kelompokTenagaSchema.parse(code), label })),
  sembilan_jenis: copy(sembilanJenis),
  status_kepegawaian: copy(statuses),
  pendidikan: copy(pendidikanList),
  pelatihan: copy(trainings),
  jenis_fasyankes: copy(facilityKinds),
  kategori_puskesmas: copy(categories),
  provinsi: copy(provinsiList),
  kabupaten: copy(kabupatenList),
  standar: structuredClone(PMK75_2014),
  kolom: {
    nakes: columnsOf("nakes"),
    pelatihan: columnsOf("pelatihan"),
    fasyankes: columnsOf("fasyankes"),
    penduduk: columnsOf("penduduk"),
  },
};

export * from "./codes";
export { professions, professionByCode, sembilanJenis, kelompokLabels } from "./professions";
export { professionAliases } from "./aliases";
export { statuses, statusByCode } from "./statuses";
export { pendidikanList } from "./pendidikan";
export { trainings } from "./trainings";
export { facilityKinds, categories } from "./facilities";
export { provinsiList, kabupatenList, provinsiByKode, kabupatenByKode, isProvinceNumber } from "./wilayah";
export { PMK75_2014, DEFAULT_STANDARD_SET, type StandardSet } from "./standar-puskesmas";
