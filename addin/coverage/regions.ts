import type { Facility } from "../../shared/api/facilities";
import { kabupatenByKode } from "../../shared/reference/wilayah";

/** A region a person picks by name on the Cakupan tab; `kode` is what GET /v1/coverage takes. */
export interface RegionChoice {
  kode: string;
  label: string;
  level: "regency" | "kecamatan";
}

/**
 * The regencies and kecamatan of the token's scope, by name (issue 13 item 5), from the facilities the
 * server lists for the token (GET /v1/facilities is scope-checked). Regency names come from the
 * Kemendagri list (shared/reference/wilayah.ts); the reference has no kecamatan names, so a kecamatan
 * is named by its puskesmas (a puskesmas code begins with its kecamatan's six digits, SPEC §3.3).
 */
export function regionChoices(facilities: readonly Facility[], locale = "id"): RegionChoice[] {
  const regencies = new Map<string, RegionChoice>();
  const kecamatan = new Map<string, { names: string[]; regency: string }>();
  for (const f of facilities) {
    const kab = kabupatenByKode.get(f.kode_wilayah);
    if (!regencies.has(f.kode_wilayah)) {
      regencies.set(f.kode_wilayah, { kode: f.kode_wilayah, label: kab ? kab.nama : f.kode_wilayah, level: "regency" });
    }
    if (f.kecamatan) {
      const k = kecamatan.get(f.kecamatan) ?? { names: [], regency: f.kode_wilayah };
      if (f.jenis === "PUSKESMAS") k.names.push(f.nama);
      kecamatan.set(f.kecamatan, k);
    }
  }
  const collator = new Intl.Collator(locale, { sensitivity: "base", numeric: true });
  const byLabel = (a: RegionChoice, b: RegionChoice) => collator.compare(a.label, b.label);
  const kec: RegionChoice[] = [...kecamatan].map(([kode, k]) => ({
    kode,
    level: "kecamatan",
    label: `${regencies.get(k.regency)?.label ?? k.regency} · Kec. ${kode}${k.names.length ? ` (${k.names.sort(collator.compare).join(", ")})` : ""}`,
  }));
  return [...[...regencies.values()].sort(byLabel), ...kec.sort(byLabel)];
}
