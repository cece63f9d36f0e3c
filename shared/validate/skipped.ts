import type { Cell } from "../schema/cell";
import type { Issue } from "../schema/issue";
import type { SkipReason } from "../i18n/messages";
import { cleanCell } from "../normalize/cell";
import { BLANK, PERSON, type RowClass, type RowClassifier } from "../table/skip-rows";
import type { Sink } from "./sink";

/**
 * Runs of rows that are no people (SPEC §3.1), reported as one `row.skipped` info per run: `row` is the
 * run's first row, `related` lists every other row of the run (column null), in order. A run of
 * BLANK rows alone (the empty rows Excel tables keep at their end) is passed over silently; blank rows
 * inside a run of skipped rows belong to it. The message names the reason of the run's first
 * non-blank row.
 */
export class SkippedRuns {
  private start = -1;
  private count = 0;
  private reason: SkipReason | null = null;

  constructor(private readonly s: Sink) {}

  /** Row `row` (in order) is not a person. */
  add(row: number, cls: RowClass): void {
    if (this.start < 0) this.start = row;
    this.count++;
    if (this.reason === null && cls !== BLANK && cls !== PERSON) this.reason = cls;
  }

  /** The run, if any, ends here: report it. */
  flush(): void {
    if (this.start < 0) return;
    if (this.reason !== null) {
      const related: NonNullable<Issue["related"]> = [];
      for (let r = this.start + 1; r < this.start + this.count; r++) related.push({ row: r, column: null });
      this.s.addAt(this.start, "row.skipped", null, { count: this.count, reason: this.reason }, undefined, related.length > 0 ? related : undefined);
    }
    this.start = -1;
    this.count = 0;
    this.reason = null;
  }
}

/** Every row (0-based) that a run of `row.skipped` issues names: the add-in paints nothing on them. */
export function skippedRows(issues: readonly Issue[]): Set<number> {
  const rows = new Set<number>();
  for (const i of issues) {
    if (i.code !== "row.skipped") continue;
    if (i.row !== null) rows.add(i.row);
    for (const r of i.related ?? []) if (r.row !== null) rows.add(r.row);
  }
  return rows;
}

/**
 * Whether an empty cell looks like part of a merged cell (SPEC §3.1, issue 11 item 7): within one
 * block of person rows, the column holds a value and then blanks for at least two rows, the empty cell
 * among them (a facility code written once for a block, over merged cells whose value only the first
 * row keeps). A single gap under a value is an ordinary missing value.
 *
 * @param rows the table's rows; `classes` their classifier (see RowClassifier); `column` the column index
 *   (-1: none); `row` the row of the empty cell.
 */
export function looksMerged(rows: readonly (readonly Cell[])[], classes: RowClassifier, column: number, row: number): boolean {
  if (column < 0) return false;
  const blank = (r: number) => classes.classOf(r) === PERSON && cleanCell((rows[r] as readonly Cell[])[column]) === null;
  let up = row - 1;
  while (up >= 0 && blank(up)) up--;
  if (up < 0 || classes.classOf(up) !== PERSON) return false;
  let down = row + 1;
  while (down < rows.length && blank(down)) down++;
  return down - up - 1 >= 2;
}
