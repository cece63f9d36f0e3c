import { useEffect, useState } from "react";
import type { ApiClient } from "./client";
import type { FacilityNames } from "../roster/diff-order";

/** Names already fetched, per client: one GET /v1/facilities per pane session and server. */
const cache = new WeakMap<ApiClient, Promise<FacilityNames>>();

/** The facility master's names by code (GET /v1/facilities: every facility); empty when unreachable. */
export function facilityNames(client: ApiClient): Promise<FacilityNames> {
  let names = cache.get(client);
  if (!names) {
    names = client
      .facilities()
      .then((list) => new Map(list.map((f) => [f.kode, f.nama])) as FacilityNames)
      .catch(() => {
        cache.delete(client);
        return new Map() as FacilityNames;
      });
    cache.set(client, names);
  }
  return names;
}

/** Facility names for display, once `enabled` (codes stand in until they arrive). */
export function useFacilityNames(client: ApiClient | null, enabled: boolean): FacilityNames {
  const [names, setNames] = useState<FacilityNames>(() => new Map());
  useEffect(() => {
    if (!client || !enabled) return;
    let live = true;
    void facilityNames(client).then((n) => live && setNames(n));
    return () => {
      live = false;
    };
  }, [client, enabled]);
  return names;
}
