/**
 * The workbook behind the fake: sheets of sparse cells, tables, conditional formats, data
 * validation, charts, selection. Tests reach it directly (as the user would, by typing) to set a
 * sheet up and to look at what the add-in left behind; the add-in reaches it only through the
 * office.js proxies of ./proxies.
 */
import { areaAddress, cols, contains, fullAddress, intersection, intersects, parseArea, rows, splitSheet, type Rect } from "./address";
import { displayText, readFormula, readValue, writeValue, type CellModel, type DateSystem, type FontModel, type HyperlinkModel, type Scalar } from "./cells";

export interface DataValidationModel {
  rect: Rect;
  rule: Record<string, unknown>;
  prompt?: Record<string, unknown>;
  errorAlert?: Record<string, unknown>;
  ignoreBlanks?: boolean;
}

export interface ConditionalFormatModel {
  id: string;
  /**
   * One rule added to a RangeAreas (or split by a sort) covers several rectangles: one model per
   * rectangle, all with the id of the first as their group, seen through office.js as one rule.
   */
  group?: string;
  type: string;
  rect: Rect;
  /** Rule per type: custom → { formula }, cellValue → { formula1, formula2?, operator }. */
  rule: Record<string, unknown>;
  format: { fill?: string; fontColor?: string; bold?: boolean };
  stopIfTrue?: boolean;
}

export interface ChartModel {
  id: string;
  name: string;
  type: string;
  source: { sheetId: string; rect: Rect };
  seriesBy: string;
  title?: string;
  position?: { start: string; end?: string };
  legendVisible?: boolean;
}

export interface TableModel {
  id: string;
  name: string;
  sheetId: string;
  /** Header row plus body. */
  rect: Rect;
  style: string;
  showHeaders: boolean;
}

export type Visibility = "Visible" | "Hidden" | "VeryHidden";

export class SheetModel {
  /** row → columns; sparse. */
  readonly cells = new Map<number, (CellModel | undefined)[]>();
  readonly columnWidths = new Map<number, number>();
  readonly conditionalFormats: ConditionalFormatModel[] = [];
  readonly dataValidations: DataValidationModel[] = [];
  readonly charts: ChartModel[] = [];
  visibility: Visibility = "Visible";
  frozenRows = 0;
  frozenColumns = 0;
  autoFilter: Rect | null = null;
  tabColor = "";
  /** Number formats set on whole rows or columns: cells created there later start with them. */
  readonly formatLayers: { rect: Rect; nf: string }[] = [];
  /** Merged areas (Merge & Center): the value lives in the top-left cell, the others are empty. */
  readonly merged: Rect[] = [];

  constructor(
    readonly id: string,
    public name: string,
  ) {}

  cell(r: number, c: number): CellModel | undefined {
    return this.cells.get(r)?.[c];
  }

  /** The cell, created when absent. */
  touch(r: number, c: number): CellModel {
    let row = this.cells.get(r);
    if (!row) {
      row = [];
      this.cells.set(r, row);
    }
    let cell = row[c];
    if (!cell) {
      cell = { v: null };
      for (const layer of this.formatLayers) {
        if (r >= layer.rect.r0 && r <= layer.rect.r1 && c >= layer.rect.c0 && c <= layer.rect.c1) cell.nf = layer.nf;
      }
      row[c] = cell;
    }
    return cell;
  }

  /** Calls fn for every existing cell inside rect (cheap for huge, mostly empty rects). */
  eachExisting(rect: Rect, fn: (cell: CellModel, r: number, c: number) => void): void {
    const rowCount = rect.r1 - rect.r0 + 1;
    if (rowCount <= this.cells.size) {
      for (let r = rect.r0; r <= rect.r1; r++) {
        const row = this.cells.get(r);
        if (row) eachInRow(row, rect, (cell, c) => fn(cell, r, c));
      }
    } else {
      for (const [r, row] of this.cells) if (r >= rect.r0 && r <= rect.r1) eachInRow(row, rect, (cell, c) => fn(cell, r, c));
    }
  }

  /** Smallest rectangle holding every value (valuesOnly) or every value or format; null when none. */
  usedRect(valuesOnly: boolean): Rect | null {
    let r0 = Infinity;
    let r1 = -1;
    let c0 = Infinity;
    let c1 = -1;
    for (const [r, row] of this.cells) {
      row.forEach((cell, c) => {
        if (!cell) return;
        const used = valuesOnly ? cell.v !== null : cell.v !== null || hasFormat(cell);
        if (!used) return;
        if (r < r0) r0 = r;
        if (r > r1) r1 = r;
        if (c < c0) c0 = c;
        if (c > c1) c1 = c;
      });
    }
    return r1 < 0 ? null : { r0, r1, c0, c1 };
  }
}

function eachInRow(row: (CellModel | undefined)[], rect: Rect, fn: (cell: CellModel, c: number) => void): void {
  const end = Math.min(rect.c1, row.length - 1);
  for (let c = rect.c0; c <= end; c++) {
    const cell = row[c];
    if (cell) fn(cell, c);
  }
}

function hasFormat(cell: CellModel): boolean {
  return (cell.nf !== undefined && cell.nf !== "General") || cell.fill !== undefined || cell.font !== undefined || cell.link !== undefined || cell.fmt !== undefined;
}

/** What a test sees of one cell. */
export interface CellView {
  value: Scalar;
  text: string;
  /** The formula, when the cell holds one (never for text). */
  formula: string | null;
  numberFormat: string;
  fill: string | null;
  font: FontModel;
  hyperlink: HyperlinkModel | null;
  /** Entered with a leading apostrophe. */
  apostrophe: boolean;
}

export interface SelectionListener {
  (sheet: SheetModel, rect: Rect): Promise<void> | void;
}

export class WorkbookModel {
  readonly sheets: SheetModel[] = [];
  readonly tables: TableModel[] = [];
  activeSheetId: string | null = null;
  selection: { sheetId: string; rect: Rect } | null = null;
  readonly selectionListeners = new Set<SelectionListener>();
  /** Excel's date system of the workbook (File › Options › "Use 1904 date system"): how date serials count. */
  dateSystem: DateSystem = 1900;
  private seq = 0;

  constructor() {
    this.addSheet("Sheet1");
  }

  nextId(prefix: string): string {
    this.seq++;
    return `{${prefix}-${String(this.seq).padStart(8, "0")}}`;
  }

  // ---- sheets -------------------------------------------------------------------------------

  sheet(name: string): SheetModel | undefined {
    const key = name.toLowerCase();
    return this.sheets.find((s) => s.name.toLowerCase() === key);
  }

  sheetById(id: string): SheetModel | undefined {
    return this.sheets.find((s) => s.id === id);
  }

  /** By name (case-insensitive) or id, as Worksheets.getItem does. */
  sheetByKey(key: string): SheetModel | undefined {
    return this.sheetById(key) ?? this.sheet(key);
  }

  requireSheet(name: string): SheetModel {
    const s = this.sheet(name);
    if (!s) throw new Error(`fake Excel: no sheet "${name}"`);
    return s;
  }

  addSheet(name: string): SheetModel {
    const sheet = new SheetModel(this.nextId("ws"), name);
    this.sheets.push(sheet);
    if (this.activeSheetId === null) {
      this.activeSheetId = sheet.id;
      this.selection = { sheetId: sheet.id, rect: { r0: 0, c0: 0, r1: 0, c1: 0 } };
    }
    return sheet;
  }

  deleteSheet(sheet: SheetModel): void {
    const i = this.sheets.indexOf(sheet);
    if (i >= 0) this.sheets.splice(i, 1);
    for (let t = this.tables.length - 1; t >= 0; t--) if (this.tables[t]!.sheetId === sheet.id) this.tables.splice(t, 1);
    if (this.activeSheetId === sheet.id) {
      const next = this.sheets.find((s) => s.visibility === "Visible") ?? this.sheets[0] ?? null;
      this.activeSheetId = next?.id ?? null;
      this.selection = next ? { sheetId: next.id, rect: { r0: 0, c0: 0, r1: 0, c1: 0 } } : null;
    }
  }

  activeSheet(): SheetModel {
    const s = this.activeSheetId ? this.sheetById(this.activeSheetId) : undefined;
    if (!s) throw new Error("fake Excel: no active sheet");
    return s;
  }

  activate(sheet: SheetModel): void {
    this.activeSheetId = sheet.id;
  }

  // ---- host-side helpers for tests (what a user does by hand) -------------------------------

  /**
   * Types values into a sheet from `topLeft` on, as a user pasting them would: the same
   * conversion rules as `Range.values` (numbers lose digits past 15, "=…" becomes a formula
   * unless the cell is text). `raw` stores them unconverted. Creates the sheet if needed.
   */
  setValues(sheetName: string, topLeft: string, values: readonly (readonly unknown[])[], options: { raw?: boolean } = {}): void {
    const sheet = this.sheet(sheetName) ?? this.addSheet(sheetName);
    const at = parseArea(topLeft);
    if (!at) throw new Error(`fake Excel: bad address ${topLeft}`);
    values.forEach((row, i) =>
      row.forEach((v, j) => {
        if (v === null || v === undefined) return;
        const cell = sheet.touch(at.r0 + i, at.c0 + j);
        if (options.raw) cell.v = v as Scalar;
        else writeValue(cell, v, this.dateSystem);
      }),
    );
  }

  /** Sets the number format of every cell of an area, as Format Cells does. */
  setNumberFormat(sheetName: string, address: string, format: string): void {
    const sheet = this.requireSheet(sheetName);
    const rect = this.area(address);
    for (let r = rect.r0; r <= rect.r1; r++) for (let c = rect.c0; c <= rect.c1; c++) sheet.touch(r, c).nf = format;
  }

  /** Fills cells by hand (a user's own colouring, which the add-in must leave alone). */
  setFill(sheetName: string, address: string, color: string): void {
    const sheet = this.requireSheet(sheetName);
    const rect = this.area(address);
    for (let r = rect.r0; r <= rect.r1; r++) for (let c = rect.c0; c <= rect.c1; c++) sheet.touch(r, c).fill = color;
  }

  /**
   * Merges an area by hand, as Merge & Center does: only the top-left value is kept (Excel warns
   * that the others are lost). Areas may not overlap an existing merge.
   */
  merge(sheetName: string, address: string): void {
    const sheet = this.requireSheet(sheetName);
    const rect = this.area(address);
    if (sheet.merged.some((m) => intersects(m, rect))) throw new Error(`fake Excel: ${address} overlaps a merged area`);
    sheet.eachExisting(rect, (cell, r, c) => {
      if (r !== rect.r0 || c !== rect.c0) {
        cell.v = null;
        delete cell.f;
        delete cell.prefix;
      }
    });
    sheet.merged.push(rect);
  }

  addTable(sheetName: string, address: string, name: string): TableModel {
    const sheet = this.requireSheet(sheetName);
    const table: TableModel = { id: this.nextId("tbl"), name, sheetId: sheet.id, rect: this.area(address), style: "TableStyleMedium2", showHeaders: true };
    this.tables.push(table);
    return table;
  }

  cellAt(sheetName: string, address: string): CellView {
    const sheet = this.requireSheet(sheetName);
    const rect = this.area(address);
    const cell = sheet.cell(rect.r0, rect.c0);
    return {
      value: cell ? readValue(cell) : "",
      text: displayText(cell, this.dateSystem),
      formula: cell?.f ?? null,
      numberFormat: cell?.nf ?? "General",
      fill: cell?.fill ?? null,
      font: { ...(cell?.font ?? {}) },
      hyperlink: cell?.link ? { ...cell.link } : null,
      apostrophe: cell?.prefix === true,
    };
  }

  /** Values of an area as `Range.values` would return them. */
  valuesAt(sheetName: string, address: string): Scalar[][] {
    const sheet = this.requireSheet(sheetName);
    const rect = this.area(address);
    const out: Scalar[][] = [];
    for (let r = rect.r0; r <= rect.r1; r++) {
      const row: Scalar[] = [];
      for (let c = rect.c0; c <= rect.c1; c++) row.push(readValue(sheet.cell(r, c)));
      out.push(row);
    }
    return out;
  }

  formulasAt(sheetName: string, address: string): Scalar[][] {
    const sheet = this.requireSheet(sheetName);
    const rect = this.area(address);
    const out: Scalar[][] = [];
    for (let r = rect.r0; r <= rect.r1; r++) {
      const row: Scalar[] = [];
      for (let c = rect.c0; c <= rect.c1; c++) row.push(readFormula(sheet.cell(r, c)));
      out.push(row);
    }
    return out;
  }

  /**
   * A1 addresses (no sheet) of every cell of a sheet that shows a fill, with the colour shown, row by
   * row: the cell's own fill, or the fill of a conditional format that is always on there (a custom
   * rule whose formula is a constant the fake can evaluate, see `alwaysTrue`), which Excel draws over it.
   */
  filledCells(sheetName: string): Map<string, string> {
    const sheet = this.requireSheet(sheetName);
    const shown = new Map<number, Map<number, string>>();
    const put = (r: number, c: number, color: string) => {
      let row = shown.get(r);
      if (!row) shown.set(r, (row = new Map()));
      row.set(c, color);
    };
    for (const [r, row] of sheet.cells) {
      row.forEach((cell, c) => {
        if (cell?.fill) put(r, c, cell.fill);
      });
    }
    for (const cf of sheet.conditionalFormats) {
      if (cf.type !== "Custom" || !cf.format.fill || !alwaysTrue(cf.rule.formula)) continue;
      for (let r = cf.rect.r0; r <= cf.rect.r1; r++) for (let c = cf.rect.c0; c <= cf.rect.c1; c++) put(r, c, cf.format.fill);
    }
    const out = new Map<string, string>();
    for (const r of [...shown.keys()].sort((a, b) => a - b)) {
      const row = shown.get(r)!;
      for (const c of [...row.keys()].sort((a, b) => a - b)) out.set(areaAddress({ r0: r, r1: r, c0: c, c1: c }), row.get(c)!);
    }
    return out;
  }

  /**
   * Sorts the rows of an area by one of its columns, as Data › Sort does: whole cells move, with
   * their values, formats and the conditional formats that cover them (Excel splits a rule's
   * range when its cells end up apart). Ascending; empty cells last.
   */
  sortRows(sheetName: string, address: string, byColumn: string, options: { descending?: boolean } = {}): void {
    const sheet = this.requireSheet(sheetName);
    const rect = this.area(address);
    const key = this.area(`${byColumn}1`).c0;
    const order = Array.from({ length: rect.r1 - rect.r0 + 1 }, (_, i) => rect.r0 + i);
    const valueAt = (r: number) => sheet.cell(r, key)?.v ?? null;
    order.sort((a, b) => {
      const va = valueAt(a);
      const vb = valueAt(b);
      if (va === null || vb === null) return va === null ? (vb === null ? 0 : 1) : -1;
      const d = typeof va === "number" && typeof vb === "number" ? va - vb : String(va).localeCompare(String(vb));
      return options.descending ? -d : d;
    });
    // order[i] is the old row that lands on row rect.r0 + i.
    const moved = new Map<number, number>(order.map((from, i) => [from, rect.r0 + i]));
    this.moveCells(sheet, rect, (r) => moved.get(r) ?? r);
  }

  /**
   * Inserts `count` empty rows above 1-based row `before`, as Insert › Sheet Rows does: everything
   * below moves down; a table, a conditional format or a merged area the new rows fall inside grows.
   */
  insertRows(sheetName: string, before: number, count = 1): void {
    const sheet = this.requireSheet(sheetName);
    const at = before - 1;
    const rowsBelow = [...sheet.cells.keys()].filter((r) => r >= at).sort((a, b) => b - a);
    for (const r of rowsBelow) {
      sheet.cells.set(r + count, sheet.cells.get(r)!);
      sheet.cells.delete(r);
    }
    const shift = (rect: Rect): Rect => (rect.r0 >= at ? { ...rect, r0: rect.r0 + count, r1: rect.r1 + count } : rect.r1 >= at ? { ...rect, r1: rect.r1 + count } : rect);
    for (const cf of sheet.conditionalFormats) cf.rect = shift(cf.rect);
    for (const dv of sheet.dataValidations) dv.rect = shift(dv.rect);
    sheet.merged.forEach((m, i) => (sheet.merged[i] = shift(m)));
    for (const t of this.tables) if (t.sheetId === sheet.id) t.rect = shift(t.rect);
  }

  /** Moves the cells of `rect` to new rows (a permutation of its rows), conditional formats with them. */
  private moveCells(sheet: SheetModel, rect: Rect, to: (r: number) => number): void {
    const taken = new Map<number, (CellModel | undefined)[]>();
    for (let r = rect.r0; r <= rect.r1; r++) {
      const row = sheet.cells.get(r) ?? [];
      taken.set(r, row.slice(rect.c0, rect.c1 + 1));
      for (let c = rect.c0; c <= rect.c1; c++) row[c] = undefined;
    }
    for (const [from, cells] of taken) {
      const r = to(from);
      let row = sheet.cells.get(r);
      if (!row) sheet.cells.set(r, (row = []));
      cells.forEach((cell, i) => (row[rect.c0 + i] = cell));
    }
    for (const [r, row] of [...sheet.cells]) if (row.every((x) => x === undefined)) sheet.cells.delete(r);
    // A conditional format's cells inside the area move too; its range is split into the runs they form.
    const next: ConditionalFormatModel[] = [];
    for (const cf of sheet.conditionalFormats) {
      const inside = intersection(cf.rect, rect);
      if (!inside) {
        next.push(cf);
        continue;
      }
      const cells: { r: number; c: number }[] = [];
      for (let r = cf.rect.r0; r <= cf.rect.r1; r++) {
        for (let c = cf.rect.c0; c <= cf.rect.c1; c++) {
          const moves = r >= inside.r0 && r <= inside.r1 && c >= inside.c0 && c <= inside.c1;
          cells.push({ r: moves ? to(r) : r, c });
        }
      }
      // Still one rule, now over several ranges.
      runs(cells).forEach((run, i) => next.push({ ...cf, id: i === 0 ? cf.id : this.nextId("cf"), group: cf.group ?? cf.id, rect: run }));
    }
    sheet.conditionalFormats.splice(0, sheet.conditionalFormats.length, ...next);
  }

  usedAddress(sheetName: string, valuesOnly = true): string | null {
    const sheet = this.requireSheet(sheetName);
    const rect = sheet.usedRect(valuesOnly);
    return rect ? fullAddress(sheet.name, rect) : null;
  }

  table(name: string): TableModel | undefined {
    const key = name.toLowerCase();
    return this.tables.find((t) => t.name.toLowerCase() === key);
  }

  tableAddress(table: TableModel): string {
    return fullAddress(this.sheetById(table.sheetId)!.name, table.rect);
  }

  /** The validation rule that applies to one cell, if any (the last one set wins). */
  dataValidationAt(sheetName: string, address: string): DataValidationModel | null {
    const sheet = this.requireSheet(sheetName);
    const rect = this.area(address);
    for (let i = sheet.dataValidations.length - 1; i >= 0; i--) {
      const dv = sheet.dataValidations[i]!;
      if (contains(dv.rect, rect)) return dv;
    }
    return null;
  }

  conditionalFormatsOn(sheetName: string): (ConditionalFormatModel & { address: string })[] {
    const sheet = this.requireSheet(sheetName);
    return sheet.conditionalFormats.map((cf) => ({ ...cf, address: areaAddress(cf.rect) }));
  }

  chartsOn(sheetName: string): (ChartModel & { sourceAddress: string })[] {
    const sheet = this.requireSheet(sheetName);
    return sheet.charts.map((ch) => ({ ...ch, sourceAddress: fullAddress(this.sheetById(ch.source.sheetId)?.name ?? "?", ch.source.rect) }));
  }

  columnWidth(sheetName: string, column: string): number | undefined {
    const rect = this.area(`${column}1`);
    return this.requireSheet(sheetName).columnWidths.get(rect.c0);
  }

  /**
   * The user selects cells: moves the selection and runs the selection handlers the add-in
   * registered, resolving when they have finished.
   */
  async select(sheetName: string, address: string): Promise<void> {
    const sheet = this.requireSheet(sheetName);
    const rect = this.area(address);
    this.activeSheetId = sheet.id;
    this.selection = { sheetId: sheet.id, rect };
    await Promise.all([...this.selectionListeners].map((l) => l(sheet, rect)));
  }

  private area(address: string): Rect {
    const { local } = splitSheet(address);
    const rect = parseArea(local);
    if (!rect) throw new Error(`fake Excel: bad address ${address}`);
    return rect;
  }
}

/**
 * The custom rule formulas the fake can evaluate: constants that hold on every cell (`=TRUE`,
 * `=ISTEXT("…")`). Any other formula is taken as false: the fake has no calculation engine.
 */
export function alwaysTrue(formula: unknown): boolean {
  return typeof formula === "string" && /^=\s*(TRUE|ISTEXT\("[^"]*"\))\s*$/i.test(formula);
}

/** Cells → rectangles: consecutive rows of one column become one. */
function runs(cells: readonly { r: number; c: number }[]): Rect[] {
  const byColumn = new Map<number, number[]>();
  for (const { r, c } of cells) {
    let list = byColumn.get(c);
    if (!list) byColumn.set(c, (list = []));
    list.push(r);
  }
  const out: Rect[] = [];
  for (const [c, list] of byColumn) {
    list.sort((a, b) => a - b);
    let start = list[0]!;
    let prev = start;
    for (const r of list.slice(1)) {
      if (r === prev + 1) {
        prev = r;
        continue;
      }
      out.push({ r0: start, r1: prev, c0: c, c1: c });
      start = prev = r;
    }
    out.push({ r0: start, r1: prev, c0: c, c1: c });
  }
  return out;
}

export { rows as rectRows, cols as rectCols, intersects };
