import type { DiffEntry } from "../../shared/api/rosters";

export interface PersonAt {
  kode_fasyankes: string;
  nik: string;
  fp: string;
}

/**
 * What replacing each facility's roster changes, in persons (by NIK): added (new NIK), removed (NIK
 * no longer listed), changed (same NIK, different row or training), unchanged. One entry per facility
 * of the upload, in code order.
 */
export function diffRosters(kodes: readonly string[], incoming: readonly PersonAt[], stored: readonly PersonAt[]): DiffEntry[] {
  const before = new Map<string, Map<string, string>>();
  for (const p of stored) {
    let m = before.get(p.kode_fasyankes);
    if (!m) before.set(p.kode_fasyankes, (m = new Map()));
    m.set(p.nik, p.fp);
  }
  const entries = new Map<string, DiffEntry>();
  for (const k of kodes) entries.set(k, { kode_fasyankes: k, added: 0, removed: 0, changed: 0, unchanged: 0 });
  const seen = new Map<string, Set<string>>();
  for (const p of incoming) {
    const e = entries.get(p.kode_fasyankes);
    if (!e) continue;
    let s = seen.get(p.kode_fasyankes);
    if (!s) seen.set(p.kode_fasyankes, (s = new Set()));
    if (s.has(p.nik)) continue;
    s.add(p.nik);
    const old = before.get(p.kode_fasyankes)?.get(p.nik);
    if (old === undefined) e.added++;
    else if (old === p.fp) e.unchanged++;
    else e.changed++;
  }
  for (const [k, m] of before) {
    const e = entries.get(k);
    if (!e) continue;
    const s = seen.get(k);
    for (const nik of m.keys()) if (!s?.has(nik)) e.removed++;
  }
  return [...entries.values()].sort((a, b) => (a.kode_fasyankes < b.kode_fasyankes ? -1 : a.kode_fasyankes > b.kode_fasyankes ? 1 : 0));
}
