import type { Cell } from "../schema/cell";
import type { Issue } from "../schema/issue";
import { readId } from "../normalize/ids";
import { DigitGroups } from "./id-groups";
import { inScope } from "./scope";
import type { Run } from "./run";
import type { Sink } from "./sink";

/** How many other rows an issue's `related` names at most: enough to find them, bounded so a pathological upload stays linear. */
export const RELATED_LIMIT = 10;

type Related = NonNullable<Issue["related"]>;

/** An STR number as compared: spaces dropped, upper case (the copy is made only when needed). The Worker's lookups use it too. */
export function strKey(str: string): string {
  for (let i = 0; i < str.length; i++) {
    const c = str.charCodeAt(i);
    if (c <= 32 || (c >= 97 && c <= 122) || c === 160) return str.replace(/\s+/g, "").toUpperCase();
  }
  return str;
}

/** Rows grouped by a per-row id (a table slot), for the ids flagged as repeated. */
function groupRows(ids: Int32Array, rowCount: number, isRepeated: (id: number) => boolean): number[][] {
  const groups = new Map<number, number[]>();
  for (let row = 0; row < rowCount; row++) {
    const id = ids[row]!;
    if (id < 0 || !isRepeated(id)) continue;
    const list = groups.get(id);
    if (list) list.push(row);
    else groups.set(id, [row]);
  }
  return [...groups.values()];
}

/**
 * The rules that compare rows (SPEC §5): nik.duplicate (same NIK twice in one facility),
 * nik.multi_facility (same NIK in more than three facilities of the caller's scope, stored rosters
 * included), nip.duplicate and str.duplicate (one number, two NIKs; also against stored rosters in
 * scope), nip.elsewhere / str.duplicate "outside your area" (a number held outside scope, said the same
 * whatever the NIK: SPEC §7 Access). Each row's identifiers are
 * recorded as it passes and grouped by sorting after it (./id-groups: no random memory reads in the
 * pass); findings are made once after the pass, visiting only the identifiers that repeat, so the cost
 * stays linear in rows.
 */
export class CrossRow {
  private readonly niks: DigitGroups;
  private readonly nips: DigitGroups;
  private readonly strs: DigitGroups;
  /** STR numbers that are not plain digits (older formats such as "KT.01.01/1/IV/1234/2023"). */
  private readonly textStrs = new Map<string, number>();
  private textStrRepeated = false;
  /** Per row: the id of its text STR (-1 none; digit STRs are grouped by `strs`), and its facility as a small id (-1 none). */
  private readonly strSlot: Int32Array;
  private readonly kodeId: Int32Array;
  private readonly kodeIds = new Map<string, number>();
  private readonly kodes: string[] = [];
  private lastKode: string | null = null;
  private lastKodeId = -1;

  constructor(
    private readonly run: Run,
    private readonly s: Sink,
    private readonly rowCount: number,
  ) {
    this.niks = new DigitGroups(rowCount);
    this.nips = new DigitGroups(rowCount);
    this.strs = new DigitGroups(rowCount);
    this.strSlot = new Int32Array(rowCount).fill(-1);
    this.kodeId = new Int32Array(rowCount).fill(-1);
  }

  /** Every NIK of the Nakes table that could be read (for pelatihan.nik_unknown). */
  nikSet(): { has(nik: string): boolean } {
    return this.niks;
  }

  add(row: number, nik: string | null, kode: string | null, nip: string | null, nipCell: Cell, str: string | null, strCell: Cell): void {
    if (nik === null) return;
    this.niks.add(nik, row);
    if (kode !== null) {
      // Rows of one facility follow each other: the last code's id is kept beside the map.
      let id = kode === this.lastKode ? this.lastKodeId : this.kodeIds.get(kode);
      if (id === undefined) {
        id = this.kodes.length;
        this.kodeIds.set(kode, id);
        this.kodes.push(kode);
      }
      this.lastKode = kode;
      this.lastKodeId = id;
      this.kodeId[row] = id;
    }
    const { ctx } = this.run;
    // A number whose stored holder lies outside the caller's scope is told the same whatever NIK the row
    // has (the holder is not even in the context): a comparison would answer "is this the holder's
    // NIK?" across scopes (SPEC §7 Access; attack finding 1).
    if (nip !== null) {
      this.nips.add(nip, row);
      if (ctx.storedOutsideScope?.nips.has(nip) === true) {
        this.s.add("nip.elsewhere", "nip", {}, nipCell, [{ row: null, column: "nip" }]);
      } else {
        const owner = ctx.storedNipOwner?.get(nip);
        if (owner !== undefined && owner !== nik) this.s.add("nip.duplicate", "nip", { stored: true }, nipCell, [{ row: null, column: "nip" }]);
      }
    }
    if (str !== null) {
      // A digit STR is its own key (nothing to drop or upper-case): tried first, without strKey's scan.
      let key = str;
      if (!this.strs.addIfFits(str, row)) {
        key = strKey(str);
        if (key === str || !this.strs.addIfFits(key, row)) this.addTextStr(key, row);
      }
      const outside = ctx.storedOutsideScope?.strs;
      if (outside !== undefined && (outside.has(key) || outside.has(str))) {
        this.s.add("str.duplicate", "no_str", { stored: true, outside: true }, strCell, [{ row: null, column: "no_str" }]);
      } else {
        const stored = ctx.storedStrOwner;
        const owner = stored?.get(stored.has(key) ? key : str);
        if (owner !== undefined && owner !== nik) this.s.add("str.duplicate", "no_str", { stored: true }, strCell, [{ row: null, column: "no_str" }]);
      }
    }
  }

  /** Text STR numbers get their own ids (even; the odd id marks a number seen again), grouped in `finish` by groupRows. */
  private addTextStr(key: string, row: number): void {
    const base = 1 << 30;
    let id = this.textStrs.get(key);
    if (id === undefined) {
      id = base + this.textStrs.size * 2;
      this.textStrs.set(key, id);
    } else if ((id & 1) === 0) {
      this.textStrs.set(key, id + 1);
      this.textStrRepeated = true;
      // Rows already stored with the even id are regrouped below via the odd mark.
    }
    this.strSlot[row] = id & ~1;
  }

  /**
   * The findings that needed every row, added to the Sink (the caller puts them into row order).
   * Returns the rows these findings give an error, so their records are withheld.
   */
  finish(cells: { nik: (row: number) => Cell; nip: (row: number) => Cell; str: (row: number) => Cell }): Set<number> {
    const errorRows = new Set<number>();
    const n = this.rowCount;
    this.niks.seal();
    this.nips.seal();
    this.strs.seal();
    // Each row holds one NIK, one NIP and one STR, so groups of one kind never share a row: the order in
    // which groups are visited does not change the issues once the caller puts them into row order.
    this.niks.forEachRepeated((rows) => this.nikFindings(rows, cells.nik, errorRows));
    const stored = this.run.ctx.storedFacilitiesByNik;
    if (stored !== undefined && stored.size > 0) {
      // People seen once here may still be at three other facilities.
      for (let row = 0; row < n; row++) {
        const slot = this.niks.idOf(row);
        if (slot < 0 || this.niks.isRepeated(slot)) continue;
        const nik = this.nikText(row, cells.nik);
        if ((stored.get(nik)?.length ?? 0) >= 3) this.nikFindings([row], cells.nik, errorRows);
      }
    }
    this.nips.forEachRepeated((rows) => this.ownerFindings(rows, "nip.duplicate", "nip", cells.nip, errorRows));
    this.strs.forEachRepeated((rows) => this.ownerFindings(rows, "str.duplicate", "no_str", cells.str, null));
    if (this.textStrRepeated) {
      const repeatedText = new Set<number>();
      for (const id of this.textStrs.values()) if ((id & 1) === 1) repeatedText.add(id & ~1);
      for (const rows of groupRows(this.strSlot, n, (id) => repeatedText.has(id))) this.ownerFindings(rows, "str.duplicate", "no_str", cells.str, null);
    }
    return errorRows;
  }

  private nikText(row: number, cell: (row: number) => Cell): string {
    const id = readId(cell(row), 16);
    return typeof id === "string" ? id : "";
  }

  /** The rows of one NIK: duplicates within a facility, and the count of facilities. */
  private nikFindings(rows: number[], cell: (row: number) => Cell, errorRows: Set<number>): void {
    const storedByNik = this.run.ctx.storedFacilitiesByNik;
    // The common repeated NIK: one person at two or three facilities, once at each, nothing stored.
    // Neither rule can fire (at most three facilities, no facility twice), so nothing is read or built.
    if ((storedByNik === undefined || storedByNik.size === 0) && rows.length <= 3 && this.distinctFacilities(rows)) return;
    const nik = this.nikText(rows[0]!, cell);
    const byKode = new Map<string, number[]>();
    for (const row of rows) {
      const id = this.kodeId[row]!;
      if (id < 0) continue;
      const kode = this.kodes[id]!;
      const list = byKode.get(kode);
      if (list) list.push(row);
      else byKode.set(kode, [row]);
    }

    for (const [kode, same] of byKode) {
      if (same.length < 2) continue;
      const first = same[0]!;
      for (const row of same) {
        const related: Related = row === first ? same.slice(1, 1 + RELATED_LIMIT).map(nikAt) : [nikAt(first)];
        this.s.addAt(row, "nik.duplicate", "nik", { kode_fasyankes: kode, count: same.length }, cell(row), related);
        errorRows.add(row);
      }
    }

    // Only facilities in the caller's scope count toward "more than three" (SPEC §7 Access; attack
    // finding 2): stored ones outside it are null here and a row naming an out-of-scope facility is
    // refused anyway, so how many hold the NIK elsewhere never changes whether or what is answered.
    // That some do is told as a flag (an identifier taken somewhere is the one fact crossing scopes).
    const stored = this.run.ctx.storedFacilitiesByNik?.get(nik) ?? [];
    const counted = [...byKode.keys()].filter((k) => this.countsHere(k));
    const named = stored.filter((k): k is string => k !== null && !byKode.has(k));
    const count = counted.length + named.length;
    if (count <= 3) return;
    const outside = stored.includes(null);
    const facilities = [...counted, ...named];
    for (const [kode, same] of byKode) {
      const related: Related = [];
      for (const [k, r] of byKode) {
        if (related.length >= RELATED_LIMIT) break;
        if (k !== kode) related.push({ row: r[0]!, column: "nik", kode_fasyankes: k });
      }
      for (const k of named) {
        if (related.length >= RELATED_LIMIT) break;
        related.push({ row: null, column: "nik", kode_fasyankes: k });
      }
      const row = same[0]!;
      this.s.addAt(row, "nik.multi_facility", "nik", { count, facilities: facilities.slice(0, 12), outside }, cell(row), related);
    }
  }

  /** Whether no two of (at most three) rows name the same facility; rows without one never pair. */
  private distinctFacilities(rows: number[]): boolean {
    for (let i = 0; i < rows.length; i++) {
      const a = this.kodeId[rows[i]!]!;
      if (a < 0) continue;
      for (let j = i + 1; j < rows.length; j++) if (this.kodeId[rows[j]!] === a) return false;
    }
    return true;
  }

  /** Whether an uploaded row's facility counts for nik.multi_facility: not when it lies outside the caller's scope. */
  private countsHere(kode: string): boolean {
    const { scope, facilities } = this.run.ctx;
    return scope === undefined || inScope(kode, scope, facilities?.get(kode)) !== false;
  }

  /** Rows sharing a number (NIP, STR): when more than one NIK holds it, each row names the first row of each other NIK. */
  private ownerFindings(rows: number[], code: "nip.duplicate" | "str.duplicate", column: string, cell: (row: number) => Cell, errorRows: Set<number> | null): void {
    // The common repeat: one person's number on each of their rows (one NIK), which is no finding.
    const one = this.niks.idOf(rows[0]!);
    let k = 1;
    while (k < rows.length && this.niks.idOf(rows[k]!) === one) k++;
    if (k === rows.length) return;
    const firstOf = new Map<number, number>();
    for (let i = 0; i < rows.length && firstOf.size <= RELATED_LIMIT; i++) {
      const owner = this.niks.idOf(rows[i]!);
      if (!firstOf.has(owner)) firstOf.set(owner, rows[i]!);
    }
    if (firstOf.size < 2) return;
    for (const row of rows) {
      const own = this.niks.idOf(row);
      const related: Related = [];
      for (const [owner, r] of firstOf) {
        if (related.length >= RELATED_LIMIT) break;
        if (owner !== own) related.push({ row: r, column });
      }
      this.s.addAt(row, code, column, { stored: false }, cell(row), related);
      errorRows?.add(row);
    }
  }
}

const nikAt = (row: number) => ({ row, column: "nik" });
