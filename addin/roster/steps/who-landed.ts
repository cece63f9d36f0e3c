import type { DiffEntry } from "../../../shared/api/rosters";
import type { ApiClient } from "../../api/client";
import type { ConflictBy } from "../flow";

/** Facilities with the most change first: the uploads there are the likeliest to have landed. */
export function byChange(diff: readonly DiffEntry[]): DiffEntry[] {
  return [...diff].sort((a, b) => b.added + b.removed + b.changed - (a.added + a.removed + a.changed));
}

/** How many facilities' histories a 412 asks about: enough to find the upload, few enough to be quick. */
const LOOKUPS = 3;

/**
 * Who stored a roster for these facilities since the dry run: the newest upload in the history of
 * the first few (GET /v1/uploads is scope-checked on the server). Null when it cannot be read.
 */
export async function whoLanded(client: Pick<ApiClient, "uploads">, diff: readonly DiffEntry[] | null): Promise<ConflictBy | null> {
  try {
    const codes = byChange(diff ?? []).slice(0, LOOKUPS).map((d) => d.kode_fasyankes);
    const pages = await Promise.all(codes.map((kode_fasyankes) => client.uploads({ kode_fasyankes, limit: 1 })));
    const newest = pages
      .flatMap((p) => p.uploads.slice(0, 1))
      .sort((a, b) => b.committed_at.localeCompare(a.committed_at))[0];
    return newest ? { name: newest.uploaded_by.name, at: newest.committed_at } : null;
  } catch {
    return null;
  }
}
