import type { Cell } from "../schema/cell";
import type { Issue, IssueCode, Lang, TableName } from "../schema/issue";
import type { MessageParams } from "../i18n/messages";
import { at } from "./columns";
import { makeIssue } from "./issues";
import { SEVERITY } from "../rules/codes";

/**
 * Where the checks of one table put their findings. The rules call `add` with the facts of the
 * finding; the message is only built for what is found, so a clean row costs no string work.
 */
export class Sink {
  readonly issues: Issue[] = [];
  /** The row being checked, and whether it has an error so far. */
  row = 0;
  error = false;
  /**
   * Whether an empty cell of the current row in `column` looks like part of a merged cell (set by the
   * table's validator, which sees the rows around it): every `required` finding passes through `add`,
   * so the hint is added in this one place (SPEC §3.1; issue 11 item 7).
   */
  looksMerged: ((row: number, column: string) => boolean) | null = null;

  constructor(
    readonly table: TableName,
    readonly lang: Lang,
  ) {}

  /** The current row's cells and each column's position in them (see `at`). */
  private cells: readonly Cell[] | null = null;
  private index: Readonly<Record<string, number>> | null = null;

  /**
   * The row the next findings are about. With its cells and the table's column index, a finding's
   * `value` is always the cell of the column it names (see `add`).
   */
  at(row: number, cells?: readonly Cell[], index?: Readonly<Record<string, number>>): void {
    this.row = row;
    this.error = false;
    this.cells = cells ?? null;
    this.index = index ?? null;
  }

  /**
   * A finding on the current row. Its `value` is the cleaned cell of `column` on that row whenever the
   * sink knows the row (every table validator passes it to `at`): a rule that reads two columns cannot
   * report the other one's text (issue 16: `str.format` on no_str showed the STR end date's
   * "SEUMUR HIDUP"). `value` given here counts only where the row has no such column to read from.
   */
  add<C extends IssueCode>(code: C, column: string | null, params: MessageParams<C>, value?: Cell, related?: Issue["related"]): void {
    if (SEVERITY[code] === "error") this.error = true;
    if (code === "required" && column !== null && this.looksMerged?.(this.row, column)) {
      params = { ...(params as MessageParams<"required">), merged: true } as MessageParams<C>;
    }
    const own = this.cellOf(column);
    this.issues.push(makeIssue(code, { table: this.table, row: this.row, column, value: own ?? value, related }, params, this.lang));
  }

  /** The current row's cell of `column`, cleaned as the rules read it; undefined where empty or unknown. */
  private cellOf(column: string | null): Cell | undefined {
    if (column === null || this.cells === null || this.index === null) return undefined;
    const i = this.index[column];
    if (i === undefined || i < 0) return undefined;
    return at(this.cells, i) ?? undefined;
  }

  /** A finding about the table as a whole (row null). */
  addTable<C extends IssueCode>(code: C, column: string | null, params: MessageParams<C>): void {
    this.issues.push(makeIssue(code, { table: this.table, row: null, column }, params, this.lang));
  }

  /** A finding about another row than the current one (cross-row rules, after the pass). */
  addAt<C extends IssueCode>(row: number, code: C, column: string | null, params: MessageParams<C>, value?: Cell, related?: Issue["related"]): Issue {
    const issue = makeIssue(code, { table: this.table, row, column, value, related }, params, this.lang);
    this.issues.push(issue);
    return issue;
  }
}
