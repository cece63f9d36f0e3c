import type { JenisStandar, JenisTenaga, KategoriPuskesmas } from "../reference/codes";
import { jenisTenagaSchema } from "../reference/codes";
import type { z } from "zod";
import type { standardRuleSchema } from "../api/coverage";

/** One row of a staffing standard set (SPEC §4.3): minimum persons per puskesmas of a kind. */
export type StandardRule = z.infer<typeof standardRuleSchema>;

/** KEFARMASIAN counts APOTEKER and TTK together; every other standard jenis is a profession code. */
export const KEFARMASIAN_MEMBERS: readonly JenisTenaga[] = ["APOTEKER", "TTK"];

export function membersOf(s: JenisStandar): readonly JenisTenaga[] {
  return s === "KEFARMASIAN" ? KEFARMASIAN_MEMBERS : [s];
}

/** The standard jenis a profession counts towards: APOTEKER and TTK → KEFARMASIAN. */
export function standardJenisOf(j: JenisTenaga): JenisStandar {
  return KEFARMASIAN_MEMBERS.includes(j) ? "KEFARMASIAN" : j;
}

/**
 * The rules that apply to a puskesmas. A set need not list SANGAT_TERPENCIL: the Permenkes table
 * uses its TERPENCIL column for both, so those rows stand in when the set has none of its own.
 */
export function rulesFor(
  rules: readonly StandardRule[],
  kategori: KategoriPuskesmas | null,
  rawatInap: boolean,
): StandardRule[] {
  if (kategori === null) return [];
  const own = rules.filter((r) => r.kategori === kategori && r.rawat_inap === rawatInap);
  if (own.length > 0 || kategori !== "SANGAT_TERPENCIL") return own;
  return rules.filter((r) => r.kategori === "TERPENCIL" && r.rawat_inap === rawatInap);
}

/** Position of a standard jenis in the profession list (KEFARMASIAN where APOTEKER stands). */
function rank(s: JenisStandar): number {
  return jenisTenagaSchema.options.indexOf(s === "KEFARMASIAN" ? "APOTEKER" : s);
}

/** Standard jenis of a set in the order of the profession list, whatever order the rows came in. */
export function standardJenisList(rules: readonly StandardRule[]): JenisStandar[] {
  return [...new Set(rules.map((r) => r.jenis))].sort((a, b) => rank(a) - rank(b));
}
