import type { PendudukRecord } from "../schema/records";
import { NATIONAL, type Placed } from "./units";

/** One row of the population table (SPEC §3.4). */
export type PopulationRow = Omit<PendudukRecord, "row">;

/**
 * Population per region code for a year: the latest figure at or before the year, else the earliest
 * after it (figures are published late; a query for this year uses last year's count). `length`:
 * only the codes of that many characters.
 */
export function populationByCode(rows: readonly PopulationRow[], year: number, length?: number): Map<string, number> {
  const best = new Map<string, PopulationRow>();
  const jumlah = new Map<string, number>();
  const better = (a: PopulationRow, b: PopulationRow) => {
    const aPast = a.tahun <= year;
    const bPast = b.tahun <= year;
    if (aPast !== bPast) return aPast;
    return aPast ? a.tahun > b.tahun : a.tahun < b.tahun;
  };
  // One pass, both maps kept together: a national read has tens of thousands of rows.
  for (const r of rows) {
    if (length !== undefined && r.kode_wilayah.length !== length) continue;
    const cur = best.get(r.kode_wilayah);
    if (!cur || better(r, cur)) {
      best.set(r.kode_wilayah, r);
      jumlah.set(r.kode_wilayah, r.jumlah);
    }
  }
  return jumlah;
}

/** What populationResolver looks a code up in: a Map, or a lookup that builds as it is asked. */
export type Lookup<V> = Pick<ReadonlyMap<string, V>, "get">;

/**
 * populationByCode, indexed per code length when a code of that length is first asked: a national
 * read holds every kecamatan's figure, and answering for provinces needs none of them.
 */
export function populationLookup(rows: readonly PopulationRow[], year: number): Lookup<number> {
  const byLength = new Map<number, Map<string, number>>();
  return {
    get(code) {
      let codes = byLength.get(code.length);
      if (!codes) byLength.set(code.length, (codes = populationByCode(rows, year, code.length)));
      return codes.get(code);
    },
  };
}

function parentOf(code: string): string {
  return code.length <= 2 ? NATIONAL : code.slice(0, code.length - 2);
}

/**
 * Region tree (national → provinces → regencies → kecamatan) spanned by the facility master; `only`:
 * the children it keeps (all).
 */
export function regionTree(facilities: Iterable<Pick<Placed, "kode_wilayah" | "kecamatan">>, only?: (child: string) => boolean): Map<string, Set<string>> {
  const tree = new Map<string, Set<string>>();
  const link = (child: string) => {
    if (only && !only(child)) return;
    const parent = parentOf(child);
    let kids = tree.get(parent);
    if (!kids) tree.set(parent, (kids = new Set()));
    kids.add(child);
  };
  // Facilities come grouped by regency: its links are made once per run of it, not per facility.
  let regency: string | null = null;
  for (const f of facilities) {
    if (f.kode_wilayah !== regency) {
      regency = f.kode_wilayah;
      link(regency.slice(0, 2));
      link(regency);
    }
    if (f.kecamatan !== null) link(f.kecamatan);
  }
  return tree;
}

/**
 * Population of a region: its own figure, else the sum of its sub-regions' when every one of them
 * (as the facility master spans them) is known. Unknown stays null, never 0: density is then absent.
 */
export function populationResolver(
  byCode: Lookup<number>,
  tree: Lookup<ReadonlySet<string>> | (() => Lookup<ReadonlySet<string>>),
): (code: string) => number | null {
  const memo = new Map<string, number | null>();
  // The tree is only needed where a region has no figure of its own; built then, once.
  let built: Lookup<ReadonlySet<string>> | null = typeof tree === "function" ? null : tree;
  const treeOf = () => (built ??= (tree as () => Lookup<ReadonlySet<string>>)());
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

/**
 * regionTree, built per level of children when a parent's are first asked (the country's provinces
 * need no kecamatan linked): what populationResolver reads where a region has no figure of its own.
 */
export function regionTreeByLevel(facilities: () => Iterable<Pick<Placed, "kode_wilayah" | "kecamatan">>): Lookup<ReadonlySet<string>> {
  // A child's level: the length of its code, the nation's children (codes of ≤ 2) as 0.
  const levelOf = (child: string) => (child.length <= 2 ? 0 : child.length);
  const levels = new Map<number, Map<string, Set<string>>>();
  let placed: Pick<Placed, "kode_wilayah" | "kecamatan">[] | null = null;
  return {
    get(parent) {
      const level = parent === NATIONAL ? 0 : parent.length + 2;
      let tree = levels.get(level);
      if (!tree) levels.set(level, (tree = regionTree((placed ??= [...facilities()]), (child) => levelOf(child) === level)));
      return tree.get(parent);
    },
  };
}
