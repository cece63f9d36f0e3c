/**
 * A1 addresses as the workbook layer writes and reads them: column letters, sheet-qualified
 * references, and the grouping of many cells into few address strings for `getRanges`.
 */

/** 0 → A, 25 → Z, 26 → AA. */
export function columnLetters(index: number): string {
  let n = index + 1;
  let out = "";
  while (n > 0) {
    const rem = (n - 1) % 26;
    out = String.fromCharCode(65 + rem) + out;
    n = Math.floor((n - 1) / 26);
  }
  return out;
}

export function columnNumber(letters: string): number {
  let n = 0;
  for (const ch of letters.toUpperCase()) n = n * 26 + (ch.charCodeAt(0) - 64);
  return n - 1;
}

/** 0-based row and column → "D42". */
export function cellAddress(row: number, column: number): string {
  return `${columnLetters(column)}${row + 1}`;
}

export interface Area {
  row: number;
  column: number;
  rowEnd: number;
  columnEnd: number;
}

const CELL = /^\$?([A-Za-z]{1,3})\$?(\d{1,7})$/;

/** "D42", "$D$42", "B2:C9", "Nakes!D42", "'Hasil Validasi'!A1:B2" → the area (sheet ignored); null when not a cell area. */
export function parseArea(address: string): Area | null {
  const local = address.slice(address.lastIndexOf("!") + 1).trim();
  const [a, b = a] = local.split(":");
  const ma = CELL.exec(a ?? "");
  const mb = CELL.exec(b ?? "");
  if (!ma || !mb) return null;
  const r0 = Number(ma[2]) - 1;
  const r1 = Number(mb[2]) - 1;
  const c0 = columnNumber(ma[1]!);
  const c1 = columnNumber(mb[1]!);
  return { row: Math.min(r0, r1), rowEnd: Math.max(r0, r1), column: Math.min(c0, c1), columnEnd: Math.max(c0, c1) };
}

/** Always quoted: valid for every sheet name, including ones with spaces or apostrophes. */
export function quoteSheet(name: string): string {
  return `'${name.replace(/'/g, "''")}'`;
}

/** "'Nakes'!D42": a reference for hyperlinks and formulas. */
export function sheetReference(sheetName: string, address: string): string {
  return `${quoteSheet(sheetName)}!${address}`;
}

/** "'Referensi'!$C$2:$C$21": an absolute column span, for list validation sources. */
export function absoluteColumnSpan(sheetName: string, column: number, firstRow: number, lastRow: number): string {
  const col = columnLetters(column);
  return `${quoteSheet(sheetName)}!$${col}$${firstRow + 1}:$${col}$${lastRow + 1}`;
}

/**
 * Cells → as few areas as possible: consecutive rows of one column become one area ("D4:D9").
 * Cells may come in any order and repeat.
 */
export function groupCells(cells: Iterable<{ row: number; column: number }>): string[] {
  const byColumn = new Map<number, number[]>();
  for (const { row, column } of cells) {
    let list = byColumn.get(column);
    if (!list) byColumn.set(column, (list = []));
    list.push(row);
  }
  const areas: string[] = [];
  for (const column of [...byColumn.keys()].sort((a, b) => a - b)) {
    const rows = byColumn.get(column)!.sort((a, b) => a - b);
    const letters = columnLetters(column);
    let start = rows[0]!;
    let prev = start;
    const flush = () => areas.push(start === prev ? `${letters}${start + 1}` : `${letters}${start + 1}:${letters}${prev + 1}`);
    for (let i = 1; i < rows.length; i++) {
      const r = rows[i]!;
      if (r === prev) continue;
      if (r === prev + 1) {
        prev = r;
        continue;
      }
      flush();
      start = prev = r;
    }
    flush();
  }
  return areas;
}

/**
 * Joins areas into comma-separated address lists of at most `maxChars` characters each: Excel
 * refuses a `getRanges` address much longer than 8,000 characters.
 */
export function chunkAreas(areas: readonly string[], maxChars: number): string[] {
  const chunks: string[] = [];
  let current = "";
  for (const area of areas) {
    if (current && current.length + 1 + area.length > maxChars) {
      chunks.push(current);
      current = "";
    }
    current = current ? `${current},${area}` : area;
  }
  if (current) chunks.push(current);
  return chunks;
}
