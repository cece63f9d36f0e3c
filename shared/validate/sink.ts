import type { Cell } from "../schema/cell";
import type { Issue, IssueCode, Lang, TableName } from "../schema/issue";
import type { MessageParams } from "../i18n/messages";
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

  at(row: number): void {
    this.row = row;
    this.error = false;
  }

  add<C extends IssueCode>(code: C, column: string | null, params: MessageParams<C>, value?: Cell, related?: Issue["related"]): void {
    if (SEVERITY[code] === "error") this.error = true;
    if (code === "required" && column !== null && this.looksMerged?.(this.row, column)) {
      params = { ...(params as MessageParams<"required">), merged: true } as MessageParams<C>;
    }
    this.issues.push(makeIssue(code, { table: this.table, row: this.row, column, value, related }, params, this.lang));
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
