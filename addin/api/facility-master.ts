import { useEffect, useState } from "react";
import type { ApiClient, Facility } from "./client";
import { oncePerClient } from "./once-per-client";
import type { FacilityNames } from "../roster/diff-order";

/**
 * The facility master (GET /v1/facilities: every facility, not only the token's), fetched once per
 * client for every part of the pane that needs it: names beside codes in the send dialog, the region
 * pickers of Cakupan and Tindak lanjut, the template's kode_fasyankes dropdown. Rejects when
 * unreachable (the next call asks again).
 */
export const facilityMaster: (client: ApiClient) => Promise<Facility[]> = oncePerClient((c) => c.facilities());

/** The master's names by code; empty when unreachable. */
export function facilityNames(client: ApiClient): Promise<FacilityNames> {
  return facilityMaster(client).then(
    (list) => new Map(list.map((f) => [f.kode, f.nama])) as FacilityNames,
    () => new Map() as FacilityNames,
  );
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
