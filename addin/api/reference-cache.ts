import { referenceData, referenceSchema } from "../../shared/reference";
import type { ApiClient, Reference } from "./client";

/**
 * GET /v1/reference, kept in localStorage so dropdowns and checks work offline. Before the first
 * successful fetch the pane uses the reference data built into shared/ (the same source the API
 * serves, so they only differ after the province changes the server's copy).
 */
export const REFERENCE_KEY = "nakes-roster:reference";

export interface KnownReference {
  data: Reference;
  source: "server" | "builtin";
  /** ISO timestamp of the fetch, for "server". */
  fetchedAt: string | null;
}

function store(storage?: Storage): Storage | null {
  try {
    return storage ?? globalThis.localStorage ?? null;
  } catch {
    return null;
  }
}

export function currentReference(storage?: Storage): KnownReference {
  const raw = store(storage)?.getItem(REFERENCE_KEY);
  if (raw) {
    try {
      const cached = JSON.parse(raw) as { fetchedAt?: unknown; data?: unknown };
      const parsed = referenceSchema.safeParse(cached.data);
      if (parsed.success && typeof cached.fetchedAt === "string") {
        return { data: parsed.data, source: "server", fetchedAt: cached.fetchedAt };
      }
    } catch {
      // A damaged cache is as good as none.
    }
  }
  return { data: referenceData, source: "builtin", fetchedAt: null };
}

/** Fetches the reference and keeps it; throws the client's ApiError when the server cannot answer. */
export async function refreshReference(client: ApiClient, storage?: Storage, now: () => Date = () => new Date()): Promise<KnownReference> {
  const data = await client.reference();
  const fetchedAt = now().toISOString();
  try {
    store(storage)?.setItem(REFERENCE_KEY, JSON.stringify({ fetchedAt, data }));
  } catch {
    // Storage full or denied: the fetched copy still serves this session.
  }
  return { data, source: "server", fetchedAt };
}

/** Reference when online, else the cached or built-in copy: never fails. */
export async function bestReference(client: ApiClient | null, storage?: Storage): Promise<KnownReference> {
  if (client) {
    try {
      return await refreshReference(client, storage);
    } catch {
      // Offline or refused: fall back below.
    }
  }
  return currentReference(storage);
}

/** How many professions the reference lists: the connection test shows it as a sign of real data. */
export function professionCount(reference: Reference): number {
  return reference.jenis_tenaga.length;
}
