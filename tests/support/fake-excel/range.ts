/** Range, RangeAreas and what hangs off them: formats, conditional formats, data validation. */
import {
  areaAddress,
  cols,
  contains,
  fullAddress,
  intersection,
  intersects,
  isUnbounded,
  MAX_COLUMNS,
  MAX_ROWS,
  parseArea,
  rows,
  splitSheet,
  type Rect,
} from "./address";
import { displayText, readFormula, readValue, valueType, writeFormula, writeValue, type CellModel } from "./cells";
import { ClientObject, defineProps, memo, type RequestContextCore, type Snapshot } from "./context";
import { errors, FakeRichApiError } from "./errors";
import type { ConditionalFormatModel, DataValidationModel, SheetModel } from "./model";
import { FakeWorksheet } from "./sheet";

export interface RangeTarget {
  sheet: SheetModel;
  rect: Rect;
}
export interface AreasTarget {
  sheet: SheetModel;
  rects: Rect[];
}

/** Beyond this many cells a single write is refused by the fake (Excel would time out or hit its limits). */
const MAX_CELLS_PER_WRITE = 2_000_000;

const COLORS: Record<string, string> = {
  red: "#FF0000",
  white: "#FFFFFF",
  black: "#000000",
  green: "#008000",
  yellow: "#FFFF00",
  blue: "#0000FF",
  orange: "#FFA500",
  gray: "#808080",
};

export function normalizeColor(value: unknown, where: string): string {
  if (typeof value !== "string") throw errors.invalidArgument(where, "color must be a string");
  if (/^#[0-9a-f]{6}$/i.test(value)) return value.toUpperCase();
  const named = COLORS[value.toLowerCase()];
  if (named) return named;
  throw errors.invalidArgument(where, `unknown color ${value}`);
}

function cellsOf(rect: Rect): number {
  return rows(rect) * cols(rect);
}

/** Visits every cell of a bounded rect (creating it), or only the existing ones of an unbounded rect. */
function eachCell(sheet: SheetModel, rect: Rect, where: string, fn: (cell: CellModel) => void): void {
  if (isUnbounded(rect)) {
    sheet.eachExisting(rect, (cell) => fn(cell));
    return;
  }
  if (cellsOf(rect) > MAX_CELLS_PER_WRITE) throw errors.notImplemented(`${where} on ${cellsOf(rect)} cells`);
  for (let r = rect.r0; r <= rect.r1; r++) for (let c = rect.c0; c <= rect.c1; c++) fn(sheet.touch(r, c));
}

/** Drops cells that hold nothing, so the used range stays right after clears. */
function compact(sheet: SheetModel, rect: Rect): void {
  sheet.eachExisting(rect, (cell, r, c) => {
    if (cell.v === null && cell.f === undefined && cell.nf === undefined && !cell.fill && !cell.font && !cell.link && !cell.fmt) {
      const row = sheet.cells.get(r);
      if (row) {
        row[c] = undefined;
        if (row.every((x) => x === undefined)) sheet.cells.delete(r);
      }
    }
  });
}

export function clearRect(sheet: SheetModel, rect: Rect, applyTo: string): void {
  const all = applyTo === "All";
  if (!["All", "Formats", "Contents", "Hyperlinks", "RemoveHyperlinks"].includes(applyTo)) {
    throw errors.invalidArgument("Range.clear", `applyTo ${applyTo}`);
  }
  sheet.eachExisting(rect, (cell) => {
    if (all || applyTo === "Contents") {
      cell.v = null;
      delete cell.f;
      delete cell.prefix;
    }
    if (all || applyTo === "Formats") {
      delete cell.nf;
      delete cell.fill;
      delete cell.font;
      delete cell.fmt;
    }
    if (all || applyTo === "Hyperlinks" || applyTo === "RemoveHyperlinks") delete cell.link;
  });
  if (all || applyTo === "Formats") {
    for (let i = sheet.conditionalFormats.length - 1; i >= 0; i--) {
      if (contains(rect, sheet.conditionalFormats[i]!.rect)) sheet.conditionalFormats.splice(i, 1);
    }
  }
  compact(sheet, rect);
}

/**
 * A 2-D input for `rect`: the same shape, or one value copied to every cell (CTRL+Enter rule).
 * A 1×1 array is copied only as a number format: for values and formulas that fails in Excel
 * (office-js-docs-reference#578), where only a bare single value is copied.
 */
function shaped(value: unknown, rect: Rect, where: string): (r: number, c: number) => unknown {
  if (!Array.isArray(value)) return () => value;
  const m = value as unknown[][];
  if (where === "Range.numberFormat" && m.length === 1 && Array.isArray(m[0]) && m[0].length === 1) {
    const single = m[0][0];
    return () => single;
  }
  if (m.length !== rows(rect) || m.some((row) => !Array.isArray(row) || row.length !== cols(rect))) {
    throw errors.invalidArgument(
      where,
      `The number of rows or columns in the input array doesn't match the size or dimensions of the range (${rows(rect)}×${cols(rect)})`,
    );
  }
  return (r, c) => m[r]![c];
}

function matrix<T>(sheet: SheetModel, rect: Rect, read: (cell: CellModel | undefined) => T): T[][] | null {
  if (isUnbounded(rect)) return null;
  if (cellsOf(rect) > 5_000_000) throw errors.notImplemented(`reading ${cellsOf(rect)} cells at once`);
  const out: T[][] = [];
  for (let r = rect.r0; r <= rect.r1; r++) {
    const row = sheet.cells.get(r);
    const line: T[] = new Array(cols(rect));
    for (let c = rect.c0; c <= rect.c1; c++) line[c - rect.c0] = read(row?.[c]);
    out.push(line);
  }
  return out;
}

function checkInside(rect: Rect, where: string): Rect {
  if (rect.r0 < 0 || rect.c0 < 0 || rect.r1 >= MAX_ROWS || rect.c1 >= MAX_COLUMNS || rect.r1 < rect.r0 || rect.c1 < rect.c0) {
    throw errors.invalidArgument(where, "range outside the sheet");
  }
  return rect;
}

export class FakeRange extends ClientObject {
  readonly _entity = "Range";
  declare readonly address: string;
  declare readonly addressLocal: string;
  declare readonly cellCount: number;
  declare readonly rowCount: number;
  declare readonly columnCount: number;
  declare readonly rowIndex: number;
  declare readonly columnIndex: number;
  declare values: unknown[][];
  declare readonly text: string[][];
  declare formulas: unknown[][];
  declare numberFormat: unknown[][];
  declare readonly valueTypes: string[][];
  declare hyperlink: unknown;
  declare readonly isEntireColumn: boolean;
  declare readonly isEntireRow: boolean;
  private _format?: FakeRangeFormat;
  private _cfs?: FakeConditionalFormatCollection;
  private _dv?: FakeDataValidation;
  private _ws?: FakeWorksheet;

  constructor(
    context: RequestContextCore,
    path: string,
    readonly _resolve: () => RangeTarget,
  ) {
    super(context, path);
  }

  protected override _resolveAny(): unknown {
    return this._resolve();
  }

  private derive(name: string, args: unknown[], fn: (t: RangeTarget) => Rect | null): FakeRange {
    const path = `${this._path}.${name}(${args.map((a) => JSON.stringify(a)).join(",")})`;
    return new FakeRange(
      this.context,
      path,
      memo(() => {
        const t = this._resolve();
        const rect = fn(t);
        if (!rect) throw errors.itemNotFound(`Range.${name}`);
        return { sheet: t.sheet, rect: checkInside(rect, `Range.${name}`) };
      }),
    );
  }

  protected _read(name: string): unknown {
    const { sheet, rect } = this._resolve();
    switch (name) {
      case "address":
      case "addressLocal":
        return fullAddress(sheet.name, rect);
      case "cellCount":
        return cellsOf(rect);
      case "rowCount":
        return rows(rect);
      case "columnCount":
        return cols(rect);
      case "rowIndex":
        return rect.r0;
      case "columnIndex":
        return rect.c0;
      case "values":
        return matrix(sheet, rect, readValue);
      case "text":
        return matrix(sheet, rect, (c) => displayText(c, this.host.model.dateSystem));
      case "formulas":
        return matrix(sheet, rect, readFormula);
      case "numberFormat":
        return matrix(sheet, rect, (c) => c?.nf ?? "General");
      case "valueTypes":
        return matrix(sheet, rect, valueType);
      case "hyperlink": {
        this.host.require("1.7", "Range.hyperlink");
        const link = sheet.cell(rect.r0, rect.c0)?.link;
        return link ? { ...link } : null;
      }
      case "isEntireColumn":
        return rect.r0 === 0 && rect.r1 === MAX_ROWS - 1;
      case "isEntireRow":
        return rect.c0 === 0 && rect.c1 === MAX_COLUMNS - 1;
      default:
        throw errors.invalidArgument(`Range.${name}`);
    }
  }

  protected _write(name: string, value: unknown): void {
    const { sheet, rect } = this._resolve();
    const where = `Range.${name}`;
    if (name === "hyperlink") {
      this.host.require("1.7", where);
      writeHyperlink(sheet, rect, value);
      return;
    }
    if (isUnbounded(rect)) {
      // One number format copied to whole columns or rows works (office-js-docs-pr#5400); values do not.
      const single = Array.isArray(value) ? (value.length === 1 && Array.isArray(value[0]) && value[0].length === 1 ? value[0][0] : undefined) : value;
      if (name !== "numberFormat" || typeof single !== "string") {
        throw errors.invalidArgument(where, "cell-level properties cannot be set on an entire row or column");
      }
      sheet.eachExisting(rect, (cell) => (single === "" || single === "General" ? delete cell.nf : (cell.nf = single)));
      if (single !== "" && single !== "General") sheet.formatLayers.push({ rect, nf: single });
      return;
    }
    const at = shaped(value, rect, where);
    if (cellsOf(rect) > MAX_CELLS_PER_WRITE) throw errors.notImplemented(`${where} on ${cellsOf(rect)} cells`);
    for (let r = rect.r0; r <= rect.r1; r++) {
      for (let c = rect.c0; c <= rect.c1; c++) {
        const v = at(r - rect.r0, c - rect.c0);
        if (v === null || v === undefined) continue;
        const cell = sheet.touch(r, c);
        try {
          if (name === "values") writeValue(cell, v, this.host.model.dateSystem);
          else if (name === "formulas") writeFormula(cell, v, this.host.model.dateSystem);
          else if (name === "numberFormat") {
            if (typeof v !== "string") throw new TypeError("number format must be a string");
            if (v === "" || v === "General") delete cell.nf;
            else cell.nf = v;
          } else throw errors.invalidArgument(where);
        } catch (e) {
          if (e instanceof FakeRichApiError) throw e;
          throw errors.invalidArgument(where, (e as Error).message);
        }
      }
    }
  }

  get format(): FakeRangeFormat {
    return (this._format ??= new FakeRangeFormat(this.context, `${this._path}.format`, () => {
      const t = this._resolve();
      return { sheet: t.sheet, rects: [t.rect] };
    }));
  }

  get conditionalFormats(): FakeConditionalFormatCollection {
    return (this._cfs ??= new FakeConditionalFormatCollection(this.context, `${this._path}.conditionalFormats`, () => {
      const t = this._resolve();
      return { sheet: t.sheet, rects: [t.rect] };
    }));
  }

  get dataValidation(): FakeDataValidation {
    return (this._dv ??= new FakeDataValidation(this.context, `${this._path}.dataValidation`, () => {
      const t = this._resolve();
      return { sheet: t.sheet, rects: [t.rect] };
    }));
  }

  get worksheet(): FakeWorksheet {
    return (this._ws ??= new FakeWorksheet(this.context, `${this._path}.worksheet`, () => this._resolve().sheet));
  }

  getCell(row: number, column: number): FakeRange {
    return this.derive("getCell", [row, column], ({ rect }) => ({ r0: rect.r0 + row, r1: rect.r0 + row, c0: rect.c0 + column, c1: rect.c0 + column }));
  }

  getOffsetRange(rowOffset: number, columnOffset: number): FakeRange {
    return this.derive("getOffsetRange", [rowOffset, columnOffset], ({ rect }) => ({
      r0: rect.r0 + rowOffset,
      r1: rect.r1 + rowOffset,
      c0: rect.c0 + columnOffset,
      c1: rect.c1 + columnOffset,
    }));
  }

  getResizedRange(deltaRows: number, deltaColumns: number): FakeRange {
    return this.derive("getResizedRange", [deltaRows, deltaColumns], ({ rect }) => ({ ...rect, r1: rect.r1 + deltaRows, c1: rect.c1 + deltaColumns }));
  }

  getAbsoluteResizedRange(numRows: number, numColumns: number): FakeRange {
    return this.derive("getAbsoluteResizedRange", [numRows, numColumns], ({ rect }) => {
      this.host.require("1.7", "Range.getAbsoluteResizedRange");
      return { ...rect, r1: rect.r0 + numRows - 1, c1: rect.c0 + numColumns - 1 };
    });
  }

  getRow(row: number): FakeRange {
    return this.derive("getRow", [row], ({ rect }) => ({ ...rect, r0: rect.r0 + row, r1: rect.r0 + row }));
  }

  getColumn(column: number): FakeRange {
    return this.derive("getColumn", [column], ({ rect }) => ({ ...rect, c0: rect.c0 + column, c1: rect.c0 + column }));
  }

  getLastRow(): FakeRange {
    return this.derive("getLastRow", [], ({ rect }) => ({ ...rect, r0: rect.r1 }));
  }

  getLastColumn(): FakeRange {
    return this.derive("getLastColumn", [], ({ rect }) => ({ ...rect, c0: rect.c1 }));
  }

  getRowsBelow(count = 1): FakeRange {
    return this.derive("getRowsBelow", [count], ({ rect }) => ({ ...rect, r0: rect.r1 + 1, r1: rect.r1 + count }));
  }

  getRowsAbove(count = 1): FakeRange {
    return this.derive("getRowsAbove", [count], ({ rect }) => ({ ...rect, r0: rect.r0 - count, r1: rect.r0 - 1 }));
  }

  getColumnsAfter(count = 1): FakeRange {
    return this.derive("getColumnsAfter", [count], ({ rect }) => ({ ...rect, c0: rect.c1 + 1, c1: rect.c1 + count }));
  }

  getEntireColumn(): FakeRange {
    return this.derive("getEntireColumn", [], ({ rect }) => ({ ...rect, r0: 0, r1: MAX_ROWS - 1 }));
  }

  getEntireRow(): FakeRange {
    return this.derive("getEntireRow", [], ({ rect }) => ({ ...rect, c0: 0, c1: MAX_COLUMNS - 1 }));
  }

  getIntersection(other: FakeRange | string): FakeRange {
    return this.derive("getIntersection", [typeof other === "string" ? other : other._path], ({ rect }) => {
      const o = typeof other === "string" ? parseArea(splitSheet(other).local) : other._resolve().rect;
      if (!o) throw errors.invalidArgument("Range.getIntersection");
      return intersection(rect, o);
    });
  }

  getUsedRange(valuesOnly = false): FakeRange {
    return this.derive("getUsedRange", [valuesOnly], ({ sheet, rect }) => {
      const used = sheet.usedRect(valuesOnly);
      const hit = used ? intersection(rect, used) : null;
      return hit ?? { r0: rect.r0, c0: rect.c0, r1: rect.r0, c1: rect.c0 };
    });
  }

  getUsedRangeOrNullObject(valuesOnly = false): FakeRange {
    return this.derive("getUsedRangeOrNullObject", [valuesOnly], ({ sheet, rect }) => {
      this.host.require("1.4", "Range.getUsedRangeOrNullObject");
      const used = sheet.usedRect(valuesOnly);
      return used ? intersection(rect, used) : null;
    })._orNull();
  }

  /**
   * ExcelApi 1.13: the merged areas that meet this range, as one RangeAreas; a null object when
   * there are none. Excel refuses more than 512 of them.
   */
  getMergedAreasOrNullObject(): FakeRangeAreas {
    return new FakeRangeAreas(
      this.context,
      `${this._path}.getMergedAreasOrNullObject()`,
      memo(() => {
        this.host.require("1.13", "Range.getMergedAreasOrNullObject");
        const { sheet, rect } = this._resolve();
        const rects = sheet.merged.filter((m) => intersects(m, rect));
        if (!rects.length) throw errors.itemNotFound("Range.getMergedAreasOrNullObject");
        if (rects.length > 512) throw errors.invalidOperation("Range.getMergedAreasOrNullObject", "more than 512 merged areas");
        return { sheet, rects };
      }),
    )._orNull();
  }

  clear(applyTo: string = "All"): void {
    this._call("clear", [applyTo], () => {
      const { sheet, rect } = this._resolve();
      clearRect(sheet, rect, applyTo);
    });
  }

  select(): void {
    this._call("select", [], () => {
      const { sheet, rect } = this._resolve();
      const model = this.host.model;
      if (sheet.visibility !== "Visible") throw errors.invalidOperation("Range.select", "the sheet is hidden");
      model.activeSheetId = sheet.id;
      model.selection = { sheetId: sheet.id, rect };
    });
  }
}

defineProps(
  FakeRange,
  {
    address: "r",
    addressLocal: "r",
    cellCount: "r",
    rowCount: "r",
    columnCount: "r",
    rowIndex: "r",
    columnIndex: "r",
    values: "rw",
    text: "r",
    formulas: "rw",
    numberFormat: "rw",
    valueTypes: "r",
    hyperlink: "rw",
    isEntireColumn: "r",
    isEntireRow: "r",
  },
  ["format", "worksheet", "dataValidation"],
);

function writeHyperlink(sheet: SheetModel, rect: Rect, value: unknown): void {
  if (!value || typeof value !== "object") throw errors.invalidArgument("Range.hyperlink", "expected a RangeHyperlink object");
  const link = value as Record<string, unknown>;
  for (const k of Object.keys(link)) {
    if (!["address", "documentReference", "screenTip", "textToDisplay"].includes(k)) throw errors.invalidArgument("Range.hyperlink", `unknown field ${k}`);
  }
  if (link.documentReference !== undefined) {
    const ref = String(link.documentReference);
    const { sheet: target, local } = splitSheet(ref.replace(/^#/, ""));
    if (!target || !parseArea(local)) throw errors.invalidArgument("Range.hyperlink", `bad documentReference ${ref}`);
  }
  if (link.address === undefined && link.documentReference === undefined) throw errors.invalidArgument("Range.hyperlink", "needs address or documentReference");
  eachCell(sheet, rect, "Range.hyperlink", (cell) => {
    cell.link = { ...(link as Record<string, string>) };
    if (typeof link.textToDisplay === "string") {
      cell.v = link.textToDisplay;
      delete cell.f;
    } else if (cell.v === null) {
      cell.v = String(link.address ?? link.documentReference);
    }
  });
}

// ---- RangeAreas --------------------------------------------------------------------------------

export class FakeRangeAreas extends ClientObject {
  readonly _entity = "RangeAreas";
  declare readonly address: string;
  declare readonly addressLocal: string;
  declare readonly areaCount: number;
  declare readonly cellCount: number;
  private _format?: FakeRangeFormat;
  private _cfs?: FakeConditionalFormatCollection;
  private _dv?: FakeDataValidation;
  private _areas?: FakeRangeCollection;

  constructor(
    context: RequestContextCore,
    path: string,
    readonly _resolve: () => AreasTarget,
  ) {
    super(context, path);
  }

  protected override _resolveAny(): unknown {
    return this._resolve();
  }

  protected _read(name: string): unknown {
    const { sheet, rects } = this._resolve();
    switch (name) {
      case "address":
      case "addressLocal":
        return rects.map((r) => fullAddress(sheet.name, r)).join(",");
      case "areaCount":
        return rects.length;
      case "cellCount":
        return rects.reduce((n, r) => n + cellsOf(r), 0);
      default:
        throw errors.invalidArgument(`RangeAreas.${name}`);
    }
  }

  protected _write(name: string): void {
    throw errors.invalidArgument(`RangeAreas.${name}`);
  }

  get format(): FakeRangeFormat {
    return (this._format ??= new FakeRangeFormat(this.context, `${this._path}.format`, this._resolve));
  }

  get conditionalFormats(): FakeConditionalFormatCollection {
    return (this._cfs ??= new FakeConditionalFormatCollection(this.context, `${this._path}.conditionalFormats`, this._resolve));
  }

  get dataValidation(): FakeDataValidation {
    return (this._dv ??= new FakeDataValidation(this.context, `${this._path}.dataValidation`, this._resolve));
  }

  get areas(): FakeRangeCollection {
    return (this._areas ??= new FakeRangeCollection(this.context, `${this._path}.areas`, this._resolve));
  }

  get worksheet(): FakeWorksheet {
    return new FakeWorksheet(this.context, `${this._path}.worksheet`, () => this._resolve().sheet);
  }

  clear(applyTo: string = "All"): void {
    this._call("clear", [applyTo], () => {
      const { sheet, rects } = this._resolve();
      for (const r of rects) clearRect(sheet, r, applyTo);
    });
  }
}

defineProps(FakeRangeAreas, { address: "r", addressLocal: "r", areaCount: "r", cellCount: "r" }, ["format", "areas"]);

/** Parses a getRanges address list: "A1:B2, D4" or "A1:B2; D4". */
export function parseAreas(sheet: SheetModel, address: string, maxLength: number): Rect[] {
  if (address.length > maxLength) {
    throw errors.invalidArgument("Worksheet.getRanges", `address is ${address.length} characters, over the host's limit of ${maxLength}`);
  }
  const rects: Rect[] = [];
  for (const part of address.split(/[,;]/)) {
    const { sheet: named, local } = splitSheet(part);
    if (named !== null && named.toLowerCase() !== sheet.name.toLowerCase()) throw errors.invalidArgument("Worksheet.getRanges", `area on another sheet: ${part}`);
    const rect = parseArea(local);
    if (!rect) throw errors.invalidArgument("Worksheet.getRanges", `bad area '${part}'`);
    rects.push(rect);
  }
  return rects;
}

export class FakeRangeCollection extends ClientObject {
  readonly _entity = "RangeCollection";
  private _items: FakeRange[] | null = null;

  constructor(
    context: RequestContextCore,
    path: string,
    private readonly _resolve: () => AreasTarget,
  ) {
    super(context, path);
  }

  get items(): FakeRange[] {
    if (!this._items) throw errorsItems(this._entity);
    return this._items;
  }

  protected _read(): unknown {
    return undefined;
  }
  protected _write(name: string): void {
    throw errors.invalidArgument(`${this._entity}.${name}`);
  }

  override _snapshot(paths: string[][]): Snapshot {
    const rest = paths.map((p) => (p[0] === "items" ? p.slice(1) : p)).filter((p) => p.length);
    const { sheet, rects } = this._resolve();
    const proxies = rects.map((rect, i) => new FakeRange(this.context, `${this._path}[${i}]`, () => ({ sheet, rect })));
    const snaps = proxies.map((p) => p._snapshot(rest.length ? rest : [["address"]]));
    return {
      json: snaps.map((s) => s.json),
      apply: () => {
        snaps.forEach((s) => s.apply());
        this._items = proxies;
      },
    };
  }
}

export function errorsItems(entity: string) {
  return errors.propertyNotLoaded(entity, "items");
}

// ---- formats -----------------------------------------------------------------------------------

export class FakeRangeFormat extends ClientObject {
  readonly _entity = "RangeFormat";
  declare columnWidth: number;
  declare rowHeight: number;
  declare wrapText: boolean;
  declare horizontalAlignment: string;
  declare verticalAlignment: string;
  private _fill?: FakeRangeFill;
  private _font?: FakeRangeFont;

  constructor(
    context: RequestContextCore,
    path: string,
    private readonly _target: () => AreasTarget,
  ) {
    super(context, path);
  }

  get fill(): FakeRangeFill {
    return (this._fill ??= new FakeRangeFill(this.context, `${this._path}.fill`, this._target));
  }

  get font(): FakeRangeFont {
    return (this._font ??= new FakeRangeFont(this.context, `${this._path}.font`, this._target));
  }

  protected _read(name: string): unknown {
    const { sheet, rects } = this._target();
    if (name === "columnWidth") {
      const widths = new Set<number>();
      for (const r of rects) for (let c = r.c0; c <= Math.min(r.c1, r.c0 + 16_383); c++) widths.add(sheet.columnWidths.get(c) ?? 48);
      return widths.size === 1 ? [...widths][0] : null;
    }
    if (name === "rowHeight") return 15;
    return uniform(sheet, rects, (cell) => cell?.fmt?.[name] ?? null);
  }

  protected _write(name: string, value: unknown): void {
    const { sheet, rects } = this._target();
    if (name === "columnWidth") {
      if (typeof value !== "number" || value < 0) throw errors.invalidArgument("RangeFormat.columnWidth");
      for (const r of rects) for (let c = r.c0; c <= r.c1; c++) sheet.columnWidths.set(c, value);
      return;
    }
    if (name === "rowHeight") return;
    for (const r of rects) eachCell(sheet, r, `RangeFormat.${name}`, (cell) => ((cell.fmt ??= {})[name] = value));
  }

  autofitColumns(): void {
    this._call("autofitColumns", [], () => {
      const { sheet, rects } = this._target();
      for (const rect of rects) {
        const used = sheet.usedRect(true);
        const area = used ? intersection(rect, used) : null;
        if (!area) continue;
        for (let c = area.c0; c <= area.c1; c++) {
          let longest = 0;
          for (let r = area.r0; r <= Math.min(area.r1, area.r0 + 5_000); r++) longest = Math.max(longest, displayText(sheet.cell(r, c)).length);
          sheet.columnWidths.set(c, Math.min(400, Math.max(20, Math.round(longest * 6.5 + 8))));
        }
      }
    });
  }

  autofitRows(): void {
    this._call("autofitRows", [], () => undefined);
  }
}

defineProps(FakeRangeFormat, { columnWidth: "rw", rowHeight: "rw", wrapText: "rw", horizontalAlignment: "rw", verticalAlignment: "rw" }, ["fill", "font"]);

function uniform(sheet: SheetModel, rects: Rect[], read: (cell: CellModel | undefined) => unknown): unknown {
  let first: unknown = undefined;
  let same = true;
  for (const rect of rects) {
    if (isUnbounded(rect) || cellsOf(rect) > 1_000_000) return null;
    for (let r = rect.r0; r <= rect.r1 && same; r++) {
      for (let c = rect.c0; c <= rect.c1; c++) {
        const v = read(sheet.cell(r, c));
        if (first === undefined) first = v;
        else if (v !== first) {
          same = false;
          break;
        }
      }
    }
  }
  return same ? first : null;
}

export class FakeRangeFill extends ClientObject {
  readonly _entity = "RangeFill";
  declare color: string;

  constructor(
    context: RequestContextCore,
    path: string,
    private readonly _target: () => AreasTarget,
  ) {
    super(context, path);
  }

  protected _read(name: string): unknown {
    if (name !== "color") throw errors.invalidArgument(`RangeFill.${name}`);
    const { sheet, rects } = this._target();
    const v = uniform(sheet, rects, (cell) => cell?.fill ?? "none");
    return v === "none" ? "#FFFFFF" : v;
  }

  protected _write(name: string, value: unknown): void {
    const color = normalizeColor(value, "RangeFill.color");
    const { sheet, rects } = this._target();
    for (const r of rects) eachCell(sheet, r, "RangeFill.color", (cell) => (cell.fill = color));
  }

  clear(): void {
    this._call("clear", [], () => {
      const { sheet, rects } = this._target();
      for (const r of rects) {
        sheet.eachExisting(r, (cell) => delete cell.fill);
        compact(sheet, r);
      }
    });
  }
}

defineProps(FakeRangeFill, { color: "rw" });

export class FakeRangeFont extends ClientObject {
  readonly _entity = "RangeFont";
  declare bold: boolean;
  declare italic: boolean;
  declare color: string;
  declare size: number;
  declare name: string;
  declare underline: string;

  constructor(
    context: RequestContextCore,
    path: string,
    private readonly _target: () => AreasTarget,
  ) {
    super(context, path);
  }

  protected _read(name: string): unknown {
    const { sheet, rects } = this._target();
    const defaults: Record<string, unknown> = { bold: false, italic: false, color: "#000000", size: 11, name: "Aptos Narrow", underline: "None" };
    return uniform(sheet, rects, (cell) => (cell?.font as Record<string, unknown> | undefined)?.[name] ?? defaults[name]);
  }

  protected _write(name: string, value: unknown): void {
    const v = name === "color" ? normalizeColor(value, "RangeFont.color") : value;
    const { sheet, rects } = this._target();
    for (const r of rects) eachCell(sheet, r, `RangeFont.${name}`, (cell) => ((cell.font ??= {}) as Record<string, unknown>)[name] = v);
  }
}

defineProps(FakeRangeFont, { bold: "rw", italic: "rw", color: "rw", size: "rw", name: "rw", underline: "rw" });

// ---- conditional formats -----------------------------------------------------------------------

const CF_TYPES = ["Custom", "CellValue", "DataBar", "ColorScale", "IconSet", "TopBottom", "PresetCriteria", "ContainsText"];
const OPERATORS = ["Between", "NotBetween", "EqualTo", "NotEqualTo", "GreaterThan", "LessThan", "GreaterThanOrEqual", "LessThanOrEqual"];

export class FakeConditionalFormatCollection extends ClientObject {
  readonly _entity = "ConditionalFormatCollection";
  private _items: FakeConditionalFormat[] | null = null;

  constructor(
    context: RequestContextCore,
    path: string,
    private readonly _target: () => AreasTarget,
  ) {
    super(context, path);
  }

  get items(): FakeConditionalFormat[] {
    if (!this._items) throw errorsItems(this._entity);
    return this._items;
  }

  protected _read(): unknown {
    return undefined;
  }
  protected _write(name: string): void {
    throw errors.invalidArgument(`${this._entity}.${name}`);
  }

  private inRange(): ConditionalFormatModel[] {
    const { sheet, rects } = this._target();
    return sheet.conditionalFormats.filter((cf) => rects.some((r) => intersects(r, cf.rect)));
  }

  add(type: string): FakeConditionalFormat {
    let created: ConditionalFormatModel[] | null = null;
    this._call("add", [type], () => {
      this.host.require("1.6", "ConditionalFormatCollection.add");
      if (!CF_TYPES.includes(type)) throw errors.invalidArgument("ConditionalFormatCollection.add", `type ${type}`);
      const { sheet, rects } = this._target();
      const group = this.host.model.nextId("cf");
      created = rects.map((rect, i) => ({ id: i === 0 ? group : this.host.model.nextId("cf"), group, type, rect, rule: {}, format: {} }));
      sheet.conditionalFormats.push(...created);
    });
    return new FakeConditionalFormat(this.context, `${this._path}.add(${JSON.stringify(type)})`, () => {
      if (!created) throw errors.itemNotFound("ConditionalFormat");
      return created;
    });
  }

  clearAll(): void {
    this._call("clearAll", [], () => {
      this.host.require("1.6", "ConditionalFormatCollection.clearAll");
      const { sheet } = this._target();
      const gone = new Set(this.inRange());
      for (let i = sheet.conditionalFormats.length - 1; i >= 0; i--) if (gone.has(sheet.conditionalFormats[i]!)) sheet.conditionalFormats.splice(i, 1);
    });
  }

  getCount() {
    return this.context._result({ o: this._path, m: "getCount" }, () => {
      this.host.require("1.6", "ConditionalFormatCollection.getCount");
      return new Set(this.inRange().map((m) => m.group ?? m.id)).size;
    });
  }

  override _snapshot(paths: string[][]): Snapshot {
    this.host.require("1.6", "ConditionalFormatCollection");
    const rest = paths.map((p) => (p[0] === "items" ? p.slice(1) : p)).filter((p) => p.length);
    // A rule is every rectangle of its group, also those outside this range.
    const { sheet } = this._target();
    const groups = [...new Set(this.inRange().map((m) => m.group ?? m.id))];
    const proxies = groups.map((g) => {
      const models = sheet.conditionalFormats.filter((m) => (m.group ?? m.id) === g);
      return new FakeConditionalFormat(this.context, `${this._path}[${g}]`, () => models);
    });
    const snaps = proxies.map((p) => p._snapshot(rest.length ? rest : [["type"]]));
    return {
      json: snaps.map((s) => s.json),
      apply: () => {
        snaps.forEach((s) => s.apply());
        this._items = proxies;
      },
    };
  }
}

/** One conditional format (for a RangeAreas, one model per area, kept in step). */
export class FakeConditionalFormat extends ClientObject {
  readonly _entity = "ConditionalFormat";
  declare readonly type: string;
  declare readonly id: string;
  declare priority: number;
  declare stopIfTrue: boolean;
  private _custom?: FakeCfKind;
  private _cellValue?: FakeCfKind;

  constructor(
    context: RequestContextCore,
    path: string,
    private readonly _models: () => ConditionalFormatModel[],
  ) {
    super(context, path);
  }

  protected override _resolveAny(): unknown {
    return this._models();
  }

  protected _read(name: string): unknown {
    const m = this._models()[0]!;
    if (name === "type") return m.type;
    if (name === "id") return m.id;
    if (name === "stopIfTrue") return m.stopIfTrue ?? false;
    if (name === "priority") return 0;
    throw errors.invalidArgument(`ConditionalFormat.${name}`);
  }

  protected _write(name: string, value: unknown): void {
    if (name === "stopIfTrue") for (const m of this._models()) m.stopIfTrue = Boolean(value);
  }

  get custom(): FakeCfKind {
    return (this._custom ??= new FakeCfKind(this.context, `${this._path}.custom`, "Custom", this._models));
  }

  get cellValue(): FakeCfKind {
    return (this._cellValue ??= new FakeCfKind(this.context, `${this._path}.cellValue`, "CellValue", this._models));
  }

  delete(): void {
    this._call("delete", [], () => {
      for (const m of this._models()) {
        for (const sheet of this.host.model.sheets) {
          const i = sheet.conditionalFormats.indexOf(m);
          if (i >= 0) sheet.conditionalFormats.splice(i, 1);
        }
      }
    });
  }
}

defineProps(FakeConditionalFormat, { type: "r", id: "r", priority: "rw", stopIfTrue: "rw" }, ["custom", "cellValue"]);

/** `cf.custom` or `cf.cellValue`: its rule and its format. */
export class FakeCfKind extends ClientObject {
  readonly _entity: string;
  private _format?: FakeCfFormat;
  private _ruleObject?: FakeCfRule;

  constructor(
    context: RequestContextCore,
    path: string,
    private readonly kind: "Custom" | "CellValue",
    private readonly _models: () => ConditionalFormatModel[],
  ) {
    super(context, path);
    this._entity = kind === "Custom" ? "CustomConditionalFormat" : "CellValueConditionalFormat";
  }

  private models(): ConditionalFormatModel[] {
    const ms = this._models();
    if (ms[0]!.type !== this.kind) throw errors.invalidOperation(this._entity, `the conditional format is of type ${ms[0]!.type}`);
    return ms;
  }

  protected _read(name: string): unknown {
    if (name === "rule") return { ...this.models()[0]!.rule };
    throw errors.invalidArgument(`${this._entity}.${name}`);
  }

  protected _write(name: string, value: unknown): void {
    if (name !== "rule" || this.kind !== "CellValue") throw errors.invalidArgument(`${this._entity}.${name}`);
    const rule = value as { formula1?: unknown; formula2?: unknown; operator?: unknown };
    if (rule?.formula1 === undefined || !OPERATORS.includes(String(rule.operator))) throw errors.invalidArgument("CellValueConditionalFormat.rule");
    for (const m of this.models()) m.rule = { ...rule };
  }

  /** For `custom`, `rule` is an object with a writable `formula`; for `cellValue` a plain value. */
  get rule(): unknown {
    if (this.kind === "Custom") return (this._ruleObject ??= new FakeCfRule(this.context, `${this._path}.rule`, () => this.models()));
    return this._get("rule");
  }

  set rule(value: unknown) {
    if (this.kind === "Custom") throw new TypeError("custom.rule is an object: set custom.rule.formula");
    this._set("rule", value);
  }

  get format(): FakeCfFormat {
    return (this._format ??= new FakeCfFormat(this.context, `${this._path}.format`, () => this.models()));
  }
}

defineProps(FakeCfKind, { rule: "rw" }, ["format"], { ownAccessors: ["rule"] });

export class FakeCfRule extends ClientObject {
  readonly _entity = "ConditionalFormatRule";
  declare formula: string;

  constructor(
    context: RequestContextCore,
    path: string,
    private readonly _models: () => ConditionalFormatModel[],
  ) {
    super(context, path);
  }

  protected _read(name: string): unknown {
    if (name === "formula") return String(this._models()[0]!.rule.formula ?? "");
    throw errors.invalidArgument(`ConditionalFormatRule.${name}`);
  }

  protected _write(name: string, value: unknown): void {
    if (name !== "formula" || typeof value !== "string" || !value.startsWith("=")) throw errors.invalidArgument("ConditionalFormatRule.formula");
    for (const m of this._models()) m.rule = { formula: value };
  }
}

defineProps(FakeCfRule, { formula: "rw" });

export class FakeCfFormat extends ClientObject {
  readonly _entity = "ConditionalRangeFormat";
  declare numberFormat: unknown;
  readonly fill: FakeCfColor;
  readonly font: FakeCfColor;

  constructor(context: RequestContextCore, path: string, models: () => ConditionalFormatModel[]) {
    super(context, path);
    this.fill = new FakeCfColor(context, `${path}.fill`, models, "fill");
    this.font = new FakeCfColor(context, `${path}.font`, models, "font");
  }

  protected _read(): unknown {
    return null;
  }
  protected _write(): void {}
}

defineProps(FakeCfFormat, { numberFormat: "rw" }, ["fill", "font"]);

export class FakeCfColor extends ClientObject {
  readonly _entity: string;
  declare color: string;
  declare bold: boolean;

  constructor(
    context: RequestContextCore,
    path: string,
    private readonly _models: () => ConditionalFormatModel[],
    private readonly part: "fill" | "font",
  ) {
    super(context, path);
    this._entity = part === "fill" ? "ConditionalRangeFill" : "ConditionalRangeFont";
  }

  protected _read(name: string): unknown {
    const f = this._models()[0]!.format;
    if (name === "color") return (this.part === "fill" ? f.fill : f.fontColor) ?? null;
    if (name === "bold") return f.bold ?? false;
    throw errors.invalidArgument(`${this._entity}.${name}`);
  }

  protected _write(name: string, value: unknown): void {
    for (const m of this._models()) {
      if (name === "color") {
        const c = normalizeColor(value, `${this._entity}.color`);
        if (this.part === "fill") m.format.fill = c;
        else m.format.fontColor = c;
      } else if (name === "bold" && this.part === "font") m.format.bold = Boolean(value);
      else throw errors.invalidArgument(`${this._entity}.${name}`);
    }
  }

  clear(): void {
    this._call("clear", [], () => {
      for (const m of this._models()) {
        if (this.part === "fill") delete m.format.fill;
        else delete m.format.fontColor;
      }
    });
  }
}

defineProps(FakeCfColor, { color: "rw", bold: "rw" });

// ---- data validation ---------------------------------------------------------------------------

const RULE_KINDS: Record<string, string> = {
  list: "List",
  wholeNumber: "WholeNumber",
  decimal: "Decimal",
  textLength: "TextLength",
  date: "Date",
  time: "Time",
  custom: "Custom",
};

export class FakeDataValidation extends ClientObject {
  readonly _entity = "DataValidation";
  declare rule: unknown;
  declare readonly type: string;
  declare prompt: unknown;
  declare errorAlert: unknown;
  declare ignoreBlanks: boolean;

  constructor(
    context: RequestContextCore,
    path: string,
    private readonly _target: () => AreasTarget,
  ) {
    super(context, path);
  }

  private entries(): { sheet: SheetModel; rects: Rect[]; inside: DataValidationModel[]; touching: DataValidationModel[] } {
    this.host.require("1.8", "Range.dataValidation");
    const { sheet, rects } = this._target();
    const touching = sheet.dataValidations.filter((dv) => rects.some((r) => intersects(r, dv.rect)));
    const inside = touching.filter((dv) => rects.some((r) => contains(r, dv.rect)));
    return { sheet, rects, inside, touching };
  }

  protected _read(name: string): unknown {
    const { touching } = this.entries();
    const first = touching[0];
    switch (name) {
      case "rule":
        return first ? structuredClone(first.rule) : {};
      case "type": {
        if (!first) return "None";
        const kinds = new Set(touching.map((dv) => JSON.stringify(dv.rule)));
        if (kinds.size > 1) return "Inconsistent";
        return RULE_KINDS[Object.keys(first.rule)[0] ?? ""] ?? "None";
      }
      case "prompt":
        return first?.prompt ?? { showPrompt: false, title: "", message: "" };
      case "errorAlert":
        return first?.errorAlert ?? { showAlert: true, style: "Stop", title: "", message: "" };
      case "ignoreBlanks":
        return first?.ignoreBlanks ?? true;
      default:
        throw errors.invalidArgument(`DataValidation.${name}`);
    }
  }

  protected _write(name: string, value: unknown): void {
    const { sheet, rects, touching } = this.entries();
    if (name === "rule") {
      const rule = normalizeRule(value, this.host.model);
      if (touching.some((dv) => JSON.stringify(dv.rule) !== JSON.stringify(rule))) {
        throw errors.invalidOperation("DataValidation.rule", "the range already has a different data validation rule: call dataValidation.clear() first");
      }
      for (const dv of touching) sheet.dataValidations.splice(sheet.dataValidations.indexOf(dv), 1);
      for (const rect of rects) sheet.dataValidations.push({ rect, rule, ...(touching[0]?.prompt ? { prompt: touching[0].prompt } : {}) });
      return;
    }
    if (!["prompt", "errorAlert", "ignoreBlanks"].includes(name)) throw errors.invalidArgument(`DataValidation.${name}`);
    const targets = this.entries().inside;
    if (!targets.length) {
      for (const rect of rects) sheet.dataValidations.push({ rect, rule: {}, [name]: value } as DataValidationModel);
      return;
    }
    for (const dv of targets) (dv as unknown as Record<string, unknown>)[name] = value;
  }

  clear(): void {
    this._call("clear", [], () => {
      const { sheet, touching } = this.entries();
      for (const dv of touching) sheet.dataValidations.splice(sheet.dataValidations.indexOf(dv), 1);
    });
  }
}

defineProps(FakeDataValidation, { rule: "rw", type: "r", prompt: "rw", errorAlert: "rw", ignoreBlanks: "rw" });

function normalizeRule(value: unknown, model: { sheet(name: string): SheetModel | undefined }): Record<string, unknown> {
  if (!value || typeof value !== "object") throw errors.invalidArgument("DataValidation.rule");
  const keys = Object.keys(value).filter((k) => (value as Record<string, unknown>)[k] !== undefined);
  if (keys.length !== 1 || !(keys[0]! in RULE_KINDS)) throw errors.invalidArgument("DataValidation.rule", "exactly one rule kind");
  const kind = keys[0]!;
  const body = { ...((value as Record<string, unknown>)[kind] as Record<string, unknown>) };
  if (kind === "list") {
    let source = body.source;
    if (source instanceof FakeRange) {
      const t = source._resolve();
      source = `=${fullAddress(t.sheet.name, t.rect)}`;
    }
    if (typeof source !== "string" || source === "") throw errors.invalidArgument("DataValidation.rule", "list.source");
    if (source.startsWith("=")) {
      const { sheet, local } = splitSheet(source.slice(1));
      if (!parseArea(local)) throw errors.invalidArgument("DataValidation.rule", `list.source ${source}`);
      if (sheet !== null && !model.sheet(sheet)) throw errors.invalidArgument("DataValidation.rule", `list.source sheet ${sheet}`);
    } else if (source.length > 255) {
      throw errors.invalidArgument("DataValidation.rule", "an inline list source is limited to 255 characters");
    }
    body.source = source;
  }
  return { [kind]: body };
}

export { areaAddress };
