import type { Facility } from "../../shared/api/facilities";
import { kabupatenByKode } from "../../shared/reference/wilayah";
import { inScope } from "../../shared/validate/scope";
import type { Strings } from "../i18n";

/**
 * The regions a user picks by name (Cakupan and Tindak lanjut tabs), from the facility master
 * (GET /v1/facilities): regencies named by the Kemendagri list, kecamatan (the reference has no
 * kecamatan names, only codes) named by their puskesmas — a puskesmas code begins with its
 * kecamatan's six digits (SPEC §3.3) — and the facilities themselves.
 */

type FacilityFacts = Pick<Facility, "kode" | "nama" | "kode_wilayah" | "kecamatan" | "jenis" | "aktif">;

/** The regions the facilities lie in, in the order first seen. */
interface RegionsOf<F> {
  /** regency code → its name, or the code when the reference has no name for it. */
  regencies: Map<string, string>;
  /** kecamatan code → its regency's code and the names of its puskesmas, in the order seen. */
  kecamatan: Map<string, { regency: string; puskesmas: string[] }>;
  facilities: F[];
}

/** The one walk over the master both pickers share: every facility `keep` accepts, grouped by region. */
function regionsOf<F extends FacilityFacts>(facilities: readonly F[], regencyName: (kode: string) => string | undefined, keep: (f: F) => boolean): RegionsOf<F> {
  const out: RegionsOf<F> = { regencies: new Map(), kecamatan: new Map(), facilities: [] };
  for (const f of facilities) {
    if (!keep(f)) continue;
    if (!out.regencies.has(f.kode_wilayah)) out.regencies.set(f.kode_wilayah, regencyName(f.kode_wilayah) ?? f.kode_wilayah);
    if (f.kecamatan) {
      const k = out.kecamatan.get(f.kecamatan) ?? { regency: f.kode_wilayah, puskesmas: [] };
      // A hospital or clinic does not name its kecamatan; only a puskesmas does.
      if (f.jenis === "PUSKESMAS") k.puskesmas.push(f.nama);
      out.kecamatan.set(f.kecamatan, k);
    }
    out.facilities.push(f);
  }
  return out;
}

// ---- Cakupan ---------------------------------------------------------------------------------

/** A region a person picks by name on the Cakupan tab; `kode` is what GET /v1/coverage takes. */
export interface CoverageRegionChoice {
  kode: string;
  label: string;
  level: "regency" | "kecamatan";
}

/**
 * The regencies and kecamatan of the facilities given, by name (issue 13 item 5): regencies first,
 * then kecamatan labelled "Regency · Kec. code (its puskesmas, …)", each group sorted by label in
 * `locale`'s collation. Every facility counts, retired ones too, and none is narrowed to the token's
 * scope (GET /v1/facilities lists the whole master; the coverage route's 403 says what is outside).
 */
export function coverageRegionChoices(facilities: readonly Facility[], locale = "id"): CoverageRegionChoice[] {
  const { regencies, kecamatan } = regionsOf(facilities, (kode) => kabupatenByKode.get(kode)?.nama, () => true);
  const collator = new Intl.Collator(locale, { sensitivity: "base", numeric: true });
  const byLabel = (a: CoverageRegionChoice, b: CoverageRegionChoice) => collator.compare(a.label, b.label);
  const reg = [...regencies].map(([kode, label]): CoverageRegionChoice => ({ kode, label, level: "regency" }));
  const kec = [...kecamatan].map(([kode, k]): CoverageRegionChoice => ({
    kode,
    level: "kecamatan",
    label: `${regencies.get(k.regency) ?? k.regency} · Kec. ${kode}${k.puskesmas.length ? ` (${[...k.puskesmas].sort(collator.compare).join(", ")})` : ""}`,
  }));
  return [...reg.sort(byLabel), ...kec.sort(byLabel)];
}

// ---- Tindak lanjut ---------------------------------------------------------------------------

export type RegionKind = "kabupaten" | "kecamatan" | "fasyankes";

/** A region a person picks by name on the Tindak lanjut tab. */
export interface RegionChoice {
  kind: RegionKind;
  /** What the API takes as `region`: 4 or 6 digits, or a facility code. */
  kode: string;
  label: string;
}

export type RegionChoices = Record<RegionKind, RegionChoice[]>;

/**
 * Choices from the active facilities inside `scope` (a region prefix or one facility's code; null for
 * a national token; undefined while unknown: then every facility, and the server still checks), by
 * shared/validate/scope's inScope, the rule the API applies, so no choice is one the server would
 * refuse (GET /v1/facilities lists every facility). `kabupaten`: names by code (the reference's
 * regency list); a code without a name shows as the code. A kecamatan is named after its first
 * puskesmas (t.tindak.kecamatan). Regencies and facilities sorted by label, kecamatan by code.
 */
export function regionChoices(
  facilities: readonly FacilityFacts[],
  kabupaten: readonly { kode: string; nama: string }[],
  t: Strings,
  scope?: string | null,
): RegionChoices {
  const regencyName = new Map(kabupaten.map((k) => [k.kode, k.nama]));
  const { regencies, kecamatan, facilities: kept } = regionsOf(
    facilities,
    (kode) => regencyName.get(kode),
    (f) => f.aktif && (scope == null || inScope(f.kode, scope, f) === true),
  );
  const byLabel = (a: RegionChoice, b: RegionChoice) => a.label.localeCompare(b.label, "id");
  return {
    kabupaten: [...regencies].map(([kode, nama]): RegionChoice => ({ kind: "kabupaten", kode, label: nama })).sort(byLabel),
    kecamatan: [...kecamatan]
      .map(([kode, k]): RegionChoice => ({ kind: "kecamatan", kode, label: t.tindak.kecamatan(kode, k.puskesmas[0] ?? null) }))
      .sort((a, b) => a.kode.localeCompare(b.kode)),
    fasyankes: kept.map((f): RegionChoice => ({ kind: "fasyankes", kode: f.kode, label: `${f.nama} (${f.kode})` })).sort(byLabel),
  };
}
