import type { NakesRecord, PelatihanRecord } from "../../shared/schema/records";
import { NAKES_FIELDS } from "../store/nakes";

/**
 * A person's fingerprint at a facility: a 53-bit hash (cyrb53) of their normalised row and their
 * training in the same upload. Equal fingerprints → "unchanged" in a diff; the chance that two
 * different rows collide is about 1 in 2^53. Synchronous and allocation-light, since it runs over
 * every row of an upload.
 */
function cyrb53(str: string, seed = 0): string {
  let h1 = 0xdeadbeef ^ seed;
  let h2 = 0x41c6ce57 ^ seed;
  for (let i = 0; i < str.length; i++) {
    const ch = str.charCodeAt(i);
    h1 = Math.imul(h1 ^ ch, 2654435761);
    h2 = Math.imul(h2 ^ ch, 1597334677);
  }
  h1 = Math.imul(h1 ^ (h1 >>> 16), 2246822507) ^ Math.imul(h2 ^ (h2 >>> 13), 3266489909);
  h2 = Math.imul(h2 ^ (h2 >>> 16), 2246822507) ^ Math.imul(h1 ^ (h1 >>> 13), 3266489909);
  return (4294967296 * (2097151 & h2) + (h1 >>> 0)).toString(36);
}

/** Training of each NIK as one sorted text. */
export function trainingByNik(pelatihan: readonly PelatihanRecord[]): Map<string, string> {
  const lists = new Map<string, string[]>();
  for (const p of pelatihan) {
    const entry = `${p.kode_pelatihan}\u0002${p.tahun}\u0002${p.penyelenggara ?? ""}`;
    const list = lists.get(p.nik);
    if (list) list.push(entry);
    else lists.set(p.nik, [entry]);
  }
  const out = new Map<string, string>();
  for (const [nik, list] of lists) out.set(nik, list.sort().join("\u0003"));
  return out;
}

export function fingerprint(r: NakesRecord, training: string | undefined): string {
  let s = "";
  for (const f of NAKES_FIELDS) s += `${r[f] ?? ""}\u0001`;
  return cyrb53(s + (training ?? ""));
}
