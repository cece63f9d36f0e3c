import { useEffect, useState } from "react";
import type { ApiClient, Facility } from "../api/client";

/**
 * What the region pickers (addin/regions/choices.ts) are made from, asked of the API once per client:
 * the facility master and the token's scope.
 */

/**
 * One answer per client (pane session and server), shared by every component that asks: `ask` is sent
 * once per client; a failed one is forgotten, so the next mount asks again, and gives `fallback`.
 * `initial` until it answers.
 */
function useOncePerClient<T>(
  answers: WeakMap<ApiClient, Promise<T>>,
  client: ApiClient | null,
  ask: (client: ApiClient) => Promise<T>,
  initial: T,
  fallback: T,
): T {
  const [value, setValue] = useState<T>(initial);
  useEffect(() => {
    if (!client) return;
    let live = true;
    let answer = answers.get(client);
    if (!answer) {
      answer = ask(client).catch(() => {
        answers.delete(client);
        return fallback;
      });
      answers.set(client, answer);
    }
    void answer.then((v) => live && setValue(v));
    return () => {
      live = false;
    };
    // `ask` and `fallback` are fixed per hook below: the answer depends on the client alone.
  }, [client]);
  return value;
}

/** The facility master, one GET /v1/facilities per client; null until it answers, [] when it cannot. */
const masters = new WeakMap<ApiClient, Promise<Facility[] | null>>();

export function useFacilityMaster(client: ApiClient | null): Facility[] | null {
  return useOncePerClient<Facility[] | null>(masters, client, (c) => c.facilities(), null, []);
}

/**
 * The token's scope, as the API resolves a question that names no region: GET /v1/coverage answers
 * for the token's scope and says which in `query.region` (null: national). Undefined until it answers
 * or when it cannot (then the choices are not narrowed and the server's 403 says what is outside).
 */
const scopes = new WeakMap<ApiClient, Promise<string | null | undefined>>();

export function useTokenScope(client: ApiClient | null): string | null | undefined {
  return useOncePerClient<string | null | undefined>(scopes, client, (c) => c.coverage({}).then((r) => r.query.region), undefined, undefined);
}
