import { sha256Hex } from "../auth/secret";

/**
 * `base`: an opaque tag of the stored versions of the facilities an upload involves (SPEC §7). The dry
 * run returns it; the upload sends it back in If-Match and gets 412 if any of those facilities got a
 * new roster in between.
 */
export async function baseTag(pointers: ReadonlyMap<string, string | null>): Promise<string> {
  const lines = [...pointers.entries()].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)).map(([k, u]) => `${k}=${u ?? "-"}`);
  return `b1.${(await sha256Hex(lines.join("\n"))).slice(0, 32)}`;
}

/**
 * The tags of an If-Match header: null when absent or "*" (no precondition). Quotes and a weak
 * prefix are accepted: the add-in sends the bare tag, HTTP tools send "tag".
 */
export function ifMatchTags(header: string | undefined): string[] | null {
  if (header === undefined) return null;
  const tags = header
    .split(",")
    .map((t) => t.trim().replace(/^W\//, "").replace(/^"(.*)"$/, "$1"))
    .filter(Boolean);
  if (tags.length === 0 || tags.includes("*")) return null;
  return tags;
}
