import { useEffect, useState } from "react";
import type { ApiClient, Facility } from "../api/client";
import type { Strings } from "../i18n";

/**
 * The regions a user picks by name in the Tindak lanjut tab: the regencies, kecamatan and facilities
 * of the facilities the token's scope holds (GET /v1/facilities answers only those), so no choice
 * lies outside the scope. Kecamatan have no names in the reference data (only codes): a kecamatan is
 * shown with the name of its puskesmas.
 */

export type RegionKind = "kabupaten" | "kecamatan" | "fasyankes";

export interface RegionChoice {
  kind: RegionKind;
  /** What the API takes as `region`: 4 or 6 digits, or a facility code. */
  kode: string;
  label: string;
}

export type RegionChoices = Record<RegionKind, RegionChoice[]>;

/**
 * Choices from the facilities of the scope. `kabupaten`: names by code (the reference's regency list);
 * a code without a name shows as the code. Each group sorted by its label.
 */
export function regionChoices(
  facilities: readonly Pick<Facility, "kode" | "nama" | "kode_wilayah" | "kecamatan" | "jenis" | "aktif">[],
  kabupaten: readonly { kode: string; nama: string }[],
  t: Strings,
): RegionChoices {
  const regencyName = new Map(kabupaten.map((k) => [k.kode, k.nama]));
  const regencies = new Map<string, string>();
  const kecamatan = new Map<string, string | null>();
  const fasyankes: RegionChoice[] = [];
  for (const f of facilities) {
    if (!f.aktif) continue;
    regencies.set(f.kode_wilayah, regencyName.get(f.kode_wilayah) ?? f.kode_wilayah);
    if (f.kecamatan) {
      // Named after its puskesmas once one is seen; a hospital or clinic alone leaves the code.
      if (!kecamatan.get(f.kecamatan)) kecamatan.set(f.kecamatan, f.jenis === "PUSKESMAS" ? f.nama : null);
    }
    fasyankes.push({ kind: "fasyankes", kode: f.kode, label: `${f.nama} (${f.kode})` });
  }
  const byLabel = (a: RegionChoice, b: RegionChoice) => a.label.localeCompare(b.label, "id");
  return {
    kabupaten: [...regencies].map(([kode, nama]): RegionChoice => ({ kind: "kabupaten", kode, label: nama })).sort(byLabel),
    kecamatan: [...kecamatan]
      .map(([kode, puskesmas]): RegionChoice => ({ kind: "kecamatan", kode, label: t.tindak.kecamatan(kode, puskesmas) }))
      .sort((a, b) => a.kode.localeCompare(b.kode)),
    fasyankes: fasyankes.sort(byLabel),
  };
}

/** One GET /v1/facilities per client (pane session and server); null until it answers, [] when it cannot. */
const cache = new WeakMap<ApiClient, Promise<Facility[]>>();

export function useScopeFacilities(client: ApiClient | null): Facility[] | null {
  const [facilities, setFacilities] = useState<Facility[] | null>(null);
  useEffect(() => {
    if (!client) return;
    let live = true;
    let answer = cache.get(client);
    if (!answer) {
      answer = client.facilities().catch(() => {
        cache.delete(client);
        return [];
      });
      cache.set(client, answer);
    }
    void answer.then((list) => live && setFacilities(list));
    return () => {
      live = false;
    };
  }, [client]);
  return facilities;
}
