/** A1 addresses for the fake host: parse, format, and the sheet-name quoting Excel uses. */

export const MAX_ROWS = 1_048_576;
export const MAX_COLUMNS = 16_384;

/** A rectangle of cells, 0-based and inclusive on both ends. */
export interface Rect {
  r0: number;
  c0: number;
  r1: number;
  c1: number;
}

export function columnName(index: number): string {
  let n = index + 1;
  let out = "";
  while (n > 0) {
    const rem = (n - 1) % 26;
    out = String.fromCharCode(65 + rem) + out;
    n = Math.floor((n - 1) / 26);
  }
  return out;
}

export function columnIndex(letters: string): number {
  let n = 0;
  for (const ch of letters.toUpperCase()) n = n * 26 + (ch.charCodeAt(0) - 64);
  return n - 1;
}

/** Splits "'My Sheet'!A1:B2" into the sheet name (unquoted) and the local part. */
export function splitSheet(address: string): { sheet: string | null; local: string } {
  const bang = address.lastIndexOf("!");
  if (bang < 0) return { sheet: null, local: address.trim() };
  let sheet = address.slice(0, bang).trim();
  if (sheet.startsWith("'") && sheet.endsWith("'")) sheet = sheet.slice(1, -1).replace(/''/g, "'");
  return { sheet, local: address.slice(bang + 1).trim() };
}

const CELL = /^\$?([A-Za-z]{1,3})\$?(\d{1,7})$/;
const COLS = /^\$?([A-Za-z]{1,3})$/;
const ROWS = /^\$?(\d{1,7})$/;

/** One area without a sheet prefix: "A1", "$A$1:$C$9", "A:C", "2:5". Null when malformed. */
export function parseArea(local: string): Rect | null {
  const parts = local.trim().split(":");
  if (parts.length > 2 || parts[0] === "") return null;
  const a = parts[0]!;
  const b = parts[1] ?? a;
  const ca = CELL.exec(a);
  const cb = CELL.exec(b);
  if (ca && cb) {
    return norm({ r0: Number(ca[2]) - 1, c0: columnIndex(ca[1]!), r1: Number(cb[2]) - 1, c1: columnIndex(cb[1]!) });
  }
  if (parts.length === 2) {
    const xa = COLS.exec(a);
    const xb = COLS.exec(b);
    if (xa && xb) return norm({ r0: 0, c0: columnIndex(xa[1]!), r1: MAX_ROWS - 1, c1: columnIndex(xb[1]!) });
    const ya = ROWS.exec(a);
    const yb = ROWS.exec(b);
    if (ya && yb) return norm({ r0: Number(ya[1]) - 1, c0: 0, r1: Number(yb[1]) - 1, c1: MAX_COLUMNS - 1 });
  }
  return null;
}

function norm(r: Rect): Rect | null {
  const out = { r0: Math.min(r.r0, r.r1), r1: Math.max(r.r0, r.r1), c0: Math.min(r.c0, r.c1), c1: Math.max(r.c0, r.c1) };
  if (out.r0 < 0 || out.c0 < 0 || out.r1 >= MAX_ROWS || out.c1 >= MAX_COLUMNS) return null;
  return out;
}

export function areaAddress(r: Rect): string {
  if (r.r0 === 0 && r.r1 === MAX_ROWS - 1) return `${columnName(r.c0)}:${columnName(r.c1)}`;
  if (r.c0 === 0 && r.c1 === MAX_COLUMNS - 1) return `${r.r0 + 1}:${r.r1 + 1}`;
  const a = `${columnName(r.c0)}${r.r0 + 1}`;
  return r.r0 === r.r1 && r.c0 === r.c1 ? a : `${a}:${columnName(r.c1)}${r.r1 + 1}`;
}

/** Excel quotes a sheet name in an address unless it is a plain identifier. */
export function quoteSheet(name: string): string {
  return /^[A-Za-z_][A-Za-z0-9_.]*$/.test(name) && !CELL.test(name) ? name : `'${name.replace(/'/g, "''")}'`;
}

export function fullAddress(sheet: string, r: Rect): string {
  return `${quoteSheet(sheet)}!${areaAddress(r)}`;
}

export function isUnbounded(r: Rect): boolean {
  return (r.r0 === 0 && r.r1 === MAX_ROWS - 1) || (r.c0 === 0 && r.c1 === MAX_COLUMNS - 1);
}

export const rows = (r: Rect) => r.r1 - r.r0 + 1;
export const cols = (r: Rect) => r.c1 - r.c0 + 1;

export function contains(outer: Rect, inner: Rect): boolean {
  return inner.r0 >= outer.r0 && inner.r1 <= outer.r1 && inner.c0 >= outer.c0 && inner.c1 <= outer.c1;
}

export function intersects(a: Rect, b: Rect): boolean {
  return a.r0 <= b.r1 && b.r0 <= a.r1 && a.c0 <= b.c1 && b.c0 <= a.c1;
}

export function intersection(a: Rect, b: Rect): Rect | null {
  if (!intersects(a, b)) return null;
  return { r0: Math.max(a.r0, b.r0), c0: Math.max(a.c0, b.c0), r1: Math.min(a.r1, b.r1), c1: Math.min(a.c1, b.c1) };
}
