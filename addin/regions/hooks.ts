import { useEffect, useState } from "react";
import type { ApiClient, Facility } from "../api/client";
import { facilityMaster } from "../api/facility-master";
import { oncePerClient } from "../api/once-per-client";

/**
 * What the region pickers (addin/regions/choices.ts) are made from, asked of the API once per client:
 * the facility master and the token's scope.
 */

/**
 * The answer of `ask` (sent once per client, addin/api/once-per-client.ts) for a component: `initial`
 * until it answers, `fallback` when it cannot.
 */
function useAnswer<T>(client: ApiClient | null, ask: (client: ApiClient) => Promise<T>, initial: T, fallback: T): T {
  const [value, setValue] = useState<T>(initial);
  useEffect(() => {
    if (!client) return;
    let live = true;
    void ask(client).then(
      (v) => live && setValue(v),
      () => live && setValue(fallback),
    );
    return () => {
      live = false;
    };
    // `ask` and `fallback` are fixed per hook below: the answer depends on the client alone.
  }, [client]);
  return value;
}

/** The facility master, one GET /v1/facilities per client; null until it answers, [] when it cannot. */
export function useFacilityMaster(client: ApiClient | null): Facility[] | null {
  return useAnswer<Facility[] | null>(client, facilityMaster, null, []);
}

/**
 * The token's scope, as the API resolves a question that names no region: GET /v1/coverage answers
 * for the token's scope and says which in `query.region` (null: national). Undefined until it answers
 * or when it cannot (then the choices are not narrowed and the server's 403 says what is outside).
 */
const tokenScope = oncePerClient((c) => c.coverage({}).then((r) => r.query.region));

export function useTokenScope(client: ApiClient | null): string | null | undefined {
  return useAnswer<string | null | undefined>(client, tokenScope, undefined, undefined);
}
