import type { Issue } from "../schema/issue";

/**
 * Findings made after a table's pass (rows compared with each other) put back into row order:
 * issues[0, head) are table-level, [head, passEnd) the pass's findings in row order, [passEnd, …) the
 * later ones. The later part is sorted by row (stably) and merged in, a row's own findings before those
 * comparing it with others; table-level findings of the pass (row null) go to the front.
 */
export function mergeByRow(issues: Issue[], head: number, passEnd: number): Issue[] {
  if (issues.length === passEnd) return issues;
  const tableLevel: Issue[] = [];
  const pass: Issue[] = [];
  for (let i = head; i < passEnd; i++) (issues[i]!.row === null ? tableLevel : pass).push(issues[i]!);
  const late = issues.slice(passEnd).sort((a, b) => (a.row ?? -1) - (b.row ?? -1));
  const out: Issue[] = issues.slice(0, head).concat(tableLevel);
  let i = 0;
  let j = 0;
  while (i < pass.length || j < late.length) {
    if (j >= late.length || (i < pass.length && (pass[i]!.row ?? -1) <= (late[j]!.row ?? -1))) out.push(pass[i++]!);
    else out.push(late[j++]!);
  }
  return out;
}

/**
 * The records whose row is not in `rows`, in place: no second array of 100,000 records (SPEC §8
 * validation target).
 */
export function withoutRows<R extends { row: number }>(records: R[], rows: ReadonlySet<number>): R[] {
  if (rows.size === 0) return records;
  let k = 0;
  for (let i = 0; i < records.length; i++) {
    const x = records[i]!;
    if (!rows.has(x.row)) records[k++] = x;
  }
  records.length = k;
  return records;
}
