import type { CoverageLevel } from "../api/coverage";

/** The unit code of the whole country. */
export const NATIONAL = "ID";

const RANK: Record<CoverageLevel, number> = { national: 0, province: 1, regency: 2, kecamatan: 3, facility: 4 };

/** Where a facility sits: the fields of the facility master that place it in the hierarchy. */
export interface Placed {
  kode: string;
  kode_wilayah: string;
  kecamatan: string | null;
}

/** The level a region code names: 2 digits a province, 4 a regency, 6 a kecamatan, else a facility. */
export function levelOfRegion(region: string | null): CoverageLevel {
  if (region === null) return "national";
  if (/^\d{2}$/.test(region)) return "province";
  if (/^\d{4}$/.test(region)) return "regency";
  if (/^\d{6}$/.test(region)) return "kecamatan";
  return "facility";
}

/** Default rows: one level finer than the region asked for (provinces for the whole country). */
export function defaultLevel(region: string | null): CoverageLevel {
  const order: CoverageLevel[] = ["national", "province", "regency", "kecamatan", "facility"];
  return order[Math.min(RANK[levelOfRegion(region)] + 1, 4)] ?? "facility";
}

/** A level coarser than the region would label a part as the whole (a province row holding one regency). */
export function levelFitsRegion(level: CoverageLevel, region: string | null): boolean {
  return RANK[level] >= RANK[levelOfRegion(region)];
}

/**
 * The unit a facility counts in at a level. A facility without a kecamatan (hospitals often lack one)
 * counts, at kecamatan level, in a unit named by its 4-digit regency code, so no staff is dropped.
 */
export function unitOf(level: CoverageLevel, f: Placed): string {
  switch (level) {
    case "facility":
      return f.kode;
    case "kecamatan":
      return f.kecamatan ?? f.kode_wilayah;
    case "regency":
      return f.kode_wilayah;
    case "province":
      return f.kode_wilayah.slice(0, 2);
    case "national":
      return NATIONAL;
  }
}

/** Whether a facility lies in a region (a code prefix of its kecamatan or regency, or its own code). */
export function inRegion(region: string | null, f: Placed): boolean {
  if (region === null) return true;
  if (f.kode === region) return true;
  const where = region.length > 4 ? f.kecamatan : f.kode_wilayah;
  return /^\d+$/.test(region) && where !== null && where.startsWith(region);
}
