import { jenisTenagaSchema, type JenisStandar, type JenisTenaga } from "../reference/codes";
import { kelompokLabels, professionByCode, sembilanJenis, type KelompokTenaga } from "../reference/professions";
import { kelompokTenagaSchema } from "../reference/professions";

/** What coverage reads of the profession reference (shared/reference), in the shape it needs. */
export const JENIS_TENAGA: readonly JenisTenaga[] = jenisTenagaSchema.options;

function profession(j: JenisTenaga) {
  const p = professionByCode.get(j);
  if (!p) throw new Error(`profession ${j} missing from shared/reference`);
  return p;
}

export function groupOf(j: JenisTenaga): KelompokTenaga {
  return profession(j).group;
}

/** Health workers (nakes): every profession but the non-health staff. */
export function isNakes(j: JenisTenaga): boolean {
  return profession(j).group !== "non_nakes";
}

export function needsStr(j: JenisTenaga): boolean {
  return profession(j).needs_str;
}

/** The puskesmas "9 jenis" (SPEC §6), KEFARMASIAN standing for APOTEKER and TTK. */
export const NINE_JENIS: readonly JenisStandar[] = sembilanJenis.map((s) => s.jenis);

/** Profession groups of health workers, for density per group. */
export const HEALTH_GROUPS: readonly KelompokTenaga[] = kelompokTenagaSchema.options.filter((g) => g !== "non_nakes");

export function professionLabel(j: JenisTenaga): string {
  return profession(j).label.id;
}

export const GROUP_LABEL: Readonly<Record<string, { id: string; en: string }>> = kelompokLabels;
