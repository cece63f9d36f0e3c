import type { PendudukRecord } from "../schema/records";
import { NATIONAL, type Placed } from "./units";

/** One row of the population table (SPEC §3.4). */
export type PopulationRow = Omit<PendudukRecord, "row">;

/**
 * Population per region code for a year: the latest figure at or before the year, else the earliest
 * after it (figures are published late; a query for this year uses last year's count).
 */
export function populationByCode(rows: readonly PopulationRow[], year: number): Map<string, number> {
  const best = new Map<string, PopulationRow>();
  const better = (a: PopulationRow, b: PopulationRow) => {
    const aPast = a.tahun <= year;
    const bPast = b.tahun <= year;
    if (aPast !== bPast) return aPast;
    return aPast ? a.tahun > b.tahun : a.tahun < b.tahun;
  };
  for (const r of rows) {
    const cur = best.get(r.kode_wilayah);
    if (!cur || better(r, cur)) best.set(r.kode_wilayah, r);
  }
  return new Map([...best].map(([k, r]) => [k, r.jumlah]));
}

function parentOf(code: string): string {
  return code.length <= 2 ? NATIONAL : code.slice(0, code.length - 2);
}

/** Region tree (national → provinces → regencies → kecamatan) spanned by the facility master. */
export function regionTree(facilities: Iterable<Pick<Placed, "kode_wilayah" | "kecamatan">>): Map<string, Set<string>> {
  const tree = new Map<string, Set<string>>();
  const link = (child: string) => {
    const parent = parentOf(child);
    let kids = tree.get(parent);
    if (!kids) tree.set(parent, (kids = new Set()));
    kids.add(child);
  };
  for (const f of facilities) {
    link(f.kode_wilayah.slice(0, 2));
    link(f.kode_wilayah);
    if (f.kecamatan !== null) link(f.kecamatan);
  }
  return tree;
}

/**
 * Population of a region: its own figure, else the sum of its sub-regions' when every one of them
 * (as the facility master spans them) is known. Unknown stays null, never 0: density is then absent.
 */
export function populationResolver(
  byCode: ReadonlyMap<string, number>,
  tree: ReadonlyMap<string, ReadonlySet<string>> | (() => ReadonlyMap<string, ReadonlySet<string>>),
): (code: string) => number | null {
  const memo = new Map<string, number | null>();
  // The tree is only needed where a region has no figure of its own; built then, once.
  let built: ReadonlyMap<string, ReadonlySet<string>> | null = typeof tree === "function" ? null : tree;
  const treeOf = () => (built ??= (tree as () => ReadonlyMap<string, ReadonlySet<string>>)());
  const resolve = (code: string): number | null => {
    if (memo.has(code)) return memo.get(code) ?? null;
    let value: number | null = byCode.get(code) ?? null;
    if (value === null) {
      const kids = treeOf().get(code);
      if (kids && kids.size > 0) {
        let sum = 0;
        for (const k of kids) {
          const v = resolve(k);
          if (v === null) {
            sum = Number.NaN;
            break;
          }
          sum += v;
        }
        value = Number.isNaN(sum) ? null : sum;
      }
    }
    memo.set(code, value);
    return value;
  };
  return resolve;
}
