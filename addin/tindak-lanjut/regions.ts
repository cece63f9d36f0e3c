import { useEffect, useState } from "react";
import type { ApiClient, Facility } from "../api/client";
import { inScope } from "../../shared/validate/scope";
import type { Strings } from "../i18n";

/**
 * The regions a user picks by name in the Tindak lanjut tab: the regencies, kecamatan and facilities
 * of the facility master (GET /v1/facilities, which lists every facility) that lie in the token's
 * scope (shared/validate/scope's inScope, the rule the API applies), so no choice is one the server
 * would refuse. Kecamatan have no names in the reference data (only codes): a kecamatan is shown with
 * the name of its puskesmas.
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
 * Choices from the active facilities inside `scope` (a region prefix or one facility's code; null for
 * a national token; undefined while unknown: then every facility, and the server still checks).
 * `kabupaten`: names by code (the reference's regency list); a code without a name shows as the code.
 * Each group sorted by its label.
 */
export function regionChoices(
  facilities: readonly Pick<Facility, "kode" | "nama" | "kode_wilayah" | "kecamatan" | "jenis" | "aktif">[],
  kabupaten: readonly { kode: string; nama: string }[],
  t: Strings,
  scope?: string | null,
): RegionChoices {
  const regencyName = new Map(kabupaten.map((k) => [k.kode, k.nama]));
  const regencies = new Map<string, string>();
  const kecamatan = new Map<string, string | null>();
  const fasyankes: RegionChoice[] = [];
  for (const f of facilities) {
    if (!f.aktif || (scope != null && inScope(f.kode, scope, f) !== true)) continue;
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

/** The facility master, one GET /v1/facilities per client (pane session and server); null until it answers, [] when it cannot. */
const cache = new WeakMap<ApiClient, Promise<Facility[]>>();

export function useFacilityMaster(client: ApiClient | null): Facility[] | null {
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

/**
 * The token's scope, as the API resolves a question that names no region: GET /v1/coverage answers
 * for the token's scope and says which in `query.region` (null: national). Undefined until it answers
 * or when it cannot (then the choices are not narrowed and the server's 403 says what is outside).
 */
const scopes = new WeakMap<ApiClient, Promise<string | null | undefined>>();

export function useTokenScope(client: ApiClient | null): string | null | undefined {
  const [scope, setScope] = useState<string | null | undefined>(undefined);
  useEffect(() => {
    if (!client) return;
    let live = true;
    let answer = scopes.get(client);
    if (!answer) {
      answer = client.coverage({}).then(
        (r) => r.query.region,
        () => {
          scopes.delete(client);
          return undefined;
        },
      );
      scopes.set(client, answer);
    }
    void answer.then((s) => live && setScope(s));
    return () => {
      live = false;
    };
  }, [client]);
  return scope;
}
