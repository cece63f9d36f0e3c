/** Worksheets, tables, charts, freeze panes, auto filter and selection events. */
import { areaAddress, cols, fullAddress, intersects, MAX_COLUMNS, MAX_ROWS, parseArea, splitSheet, type Rect } from "./address";
import { writeValue } from "./cells";
import { ClientObject, defineProps, memo, type RequestContextCore, type Snapshot } from "./context";
import { errors } from "./errors";
import type { ChartModel, SheetModel, TableModel, WorkbookModel } from "./model";
import { errorsItems, FakeRange, FakeRangeAreas, parseAreas } from "./range";

const BAD_SHEET_CHARS = /[[\]:*?/\\]/;

function checkSheetName(model: WorkbookModel, name: unknown, self: SheetModel | null): string {
  if (typeof name !== "string" || name.trim() === "" || name.length > 31 || BAD_SHEET_CHARS.test(name) || name.startsWith("'") || name.endsWith("'")) {
    throw errors.invalidArgument("Worksheet.name", `invalid sheet name ${JSON.stringify(name)}`);
  }
  if (name.toLowerCase() === "history") throw errors.invalidArgument("Worksheet.name", "History is reserved");
  const other = model.sheet(name);
  if (other && other !== self) throw errors.itemAlreadyExists("Worksheet.name");
  return name;
}

/** Shared by collections: `items` after load, items proxies made during sync. */
abstract class FakeCollection<T extends ClientObject, M> extends ClientObject {
  private _items: T[] | null = null;

  get items(): T[] {
    if (!this._items) throw errorsItems(this._entity);
    return this._items;
  }

  protected _read(): unknown {
    return undefined;
  }
  protected _write(name: string): void {
    throw errors.invalidArgument(`${this._entity}.${name}`);
  }

  protected abstract _models(): M[];
  protected abstract _proxy(model: M): T;
  protected abstract readonly _defaultLoad: string[][];

  override _snapshot(paths: string[][]): Snapshot {
    const rest = paths.map((p) => (p[0] === "items" ? p.slice(1) : p)).filter((p) => p.length);
    const proxies = this._models().map((m) => this._proxy(m));
    const snaps = proxies.map((p) => p._snapshot(rest.length ? rest : this._defaultLoad));
    return {
      json: snaps.map((s) => s.json),
      apply: () => {
        snaps.forEach((s) => s.apply());
        this._items = proxies;
      },
    };
  }

  getCount() {
    return this.context._result({ o: this._path, m: "getCount" }, () => this._models().length);
  }
}

// ---- worksheets --------------------------------------------------------------------------------

export class FakeWorksheet extends ClientObject {
  readonly _entity = "Worksheet";
  declare name: string;
  declare readonly id: string;
  declare position: number;
  declare visibility: string;
  declare tabColor: string;
  private _tables?: FakeTableCollection;
  private _charts?: FakeChartCollection;
  private _freeze?: FakeFreezePanes;
  private _filter?: FakeAutoFilter;
  private _events?: FakeEventHandlers;

  constructor(
    context: RequestContextCore,
    path: string,
    readonly _resolve: () => SheetModel,
  ) {
    super(context, path);
  }

  protected override _resolveAny(): unknown {
    return this._resolve();
  }

  private get model(): WorkbookModel {
    return this.host.model;
  }

  protected _read(name: string): unknown {
    const sheet = this._resolve();
    switch (name) {
      case "name":
        return sheet.name;
      case "id":
        return sheet.id;
      case "position":
        return this.model.sheets.indexOf(sheet);
      case "visibility":
        return sheet.visibility;
      case "tabColor":
        return sheet.tabColor;
      default:
        throw errors.invalidArgument(`Worksheet.${name}`);
    }
  }

  protected _write(name: string, value: unknown): void {
    const sheet = this._resolve();
    const model = this.model;
    switch (name) {
      case "name":
        sheet.name = checkSheetName(model, value, sheet);
        return;
      case "position": {
        const to = Number(value);
        if (!Number.isInteger(to) || to < 0 || to >= model.sheets.length) throw errors.invalidArgument("Worksheet.position");
        model.sheets.splice(model.sheets.indexOf(sheet), 1);
        model.sheets.splice(to, 0, sheet);
        return;
      }
      case "visibility": {
        if (value !== "Visible" && value !== "Hidden" && value !== "VeryHidden") throw errors.invalidArgument("Worksheet.visibility");
        if (value !== "Visible" && !model.sheets.some((s) => s !== sheet && s.visibility === "Visible")) {
          throw errors.invalidOperation("Worksheet.visibility", "a workbook must keep at least one visible sheet");
        }
        sheet.visibility = value;
        if (value !== "Visible" && model.activeSheetId === sheet.id) {
          const next = model.sheets.find((s) => s.visibility === "Visible")!;
          model.activeSheetId = next.id;
          model.selection = { sheetId: next.id, rect: { r0: 0, c0: 0, r1: 0, c1: 0 } };
        }
        return;
      }
      case "tabColor":
        this.host.require("1.7", "Worksheet.tabColor");
        sheet.tabColor = String(value);
        return;
      default:
        throw errors.invalidArgument(`Worksheet.${name}`);
    }
  }

  private range(label: string, args: unknown[], fn: (sheet: SheetModel) => Rect): FakeRange {
    return new FakeRange(
      this.context,
      `${this._path}.${label}(${args.map((a) => JSON.stringify(a)).join(",")})`,
      memo(() => {
        const sheet = this._resolve();
        return { sheet, rect: fn(sheet) };
      }),
    );
  }

  getRange(address?: string): FakeRange {
    return this.range("getRange", address === undefined ? [] : [address], (sheet) => {
      if (address === undefined) return { r0: 0, c0: 0, r1: MAX_ROWS - 1, c1: MAX_COLUMNS - 1 };
      const { sheet: named, local } = splitSheet(address);
      if (named !== null && named.toLowerCase() !== sheet.name.toLowerCase()) throw errors.invalidArgument("Worksheet.getRange", `address on another sheet: ${address}`);
      const rect = parseArea(local);
      if (!rect) throw errors.invalidArgument("Worksheet.getRange", `bad address '${address}'`);
      return rect;
    });
  }

  getRangeByIndexes(startRow: number, startColumn: number, rowCount: number, columnCount: number): FakeRange {
    return this.range("getRangeByIndexes", [startRow, startColumn, rowCount, columnCount], () => {
      this.host.require("1.7", "Worksheet.getRangeByIndexes");
      if (startRow < 0 || startColumn < 0 || rowCount < 1 || columnCount < 1 || startRow + rowCount > MAX_ROWS || startColumn + columnCount > MAX_COLUMNS) {
        throw errors.invalidArgument("Worksheet.getRangeByIndexes");
      }
      return { r0: startRow, c0: startColumn, r1: startRow + rowCount - 1, c1: startColumn + columnCount - 1 };
    });
  }

  getCell(row: number, column: number): FakeRange {
    return this.range("getCell", [row, column], () => ({ r0: row, c0: column, r1: row, c1: column }));
  }

  getRanges(address?: string): FakeRangeAreas {
    return new FakeRangeAreas(
      this.context,
      `${this._path}.getRanges(${JSON.stringify(address ?? "")})`,
      memo(() => {
        this.host.require("1.9", "Worksheet.getRanges");
        const sheet = this._resolve();
        if (address === undefined) return { sheet, rects: [{ r0: 0, c0: 0, r1: MAX_ROWS - 1, c1: MAX_COLUMNS - 1 }] };
        return { sheet, rects: parseAreas(sheet, address, this.host.options.maxAddressLength) };
      }),
    );
  }

  getUsedRange(valuesOnly = false): FakeRange {
    return this.range("getUsedRange", [valuesOnly], (sheet) => sheet.usedRect(valuesOnly) ?? { r0: 0, c0: 0, r1: 0, c1: 0 });
  }

  getUsedRangeOrNullObject(valuesOnly = false): FakeRange {
    return this.range("getUsedRangeOrNullObject", [valuesOnly], (sheet) => {
      this.host.require("1.4", "Worksheet.getUsedRangeOrNullObject");
      const rect = sheet.usedRect(valuesOnly);
      if (!rect) throw errors.itemNotFound("Worksheet.getUsedRangeOrNullObject");
      return rect;
    })._orNull();
  }

  activate(): void {
    this._call("activate", [], () => {
      const sheet = this._resolve();
      if (sheet.visibility !== "Visible") throw errors.invalidOperation("Worksheet.activate", "the sheet is hidden");
      this.model.activeSheetId = sheet.id;
      this.model.selection = { sheetId: sheet.id, rect: this.model.selection?.sheetId === sheet.id ? this.model.selection.rect : { r0: 0, c0: 0, r1: 0, c1: 0 } };
    });
  }

  delete(): void {
    this._call("delete", [], () => {
      const sheet = this._resolve();
      if (!this.model.sheets.some((s) => s !== sheet && s.visibility === "Visible")) {
        throw errors.invalidOperation("Worksheet.delete", "a workbook must keep at least one visible sheet");
      }
      this.model.deleteSheet(sheet);
    });
  }

  get tables(): FakeTableCollection {
    return (this._tables ??= new FakeTableCollection(this.context, `${this._path}.tables`, this._resolve));
  }

  get charts(): FakeChartCollection {
    return (this._charts ??= new FakeChartCollection(this.context, `${this._path}.charts`, this._resolve));
  }

  get freezePanes(): FakeFreezePanes {
    return (this._freeze ??= new FakeFreezePanes(this.context, `${this._path}.freezePanes`, this._resolve));
  }

  get autoFilter(): FakeAutoFilter {
    return (this._filter ??= new FakeAutoFilter(this.context, `${this._path}.autoFilter`, this._resolve));
  }

  get onSelectionChanged(): FakeEventHandlers {
    return (this._events ??= new FakeEventHandlers(this.context, `${this._path}.onSelectionChanged`, "1.7", this._resolve));
  }
}

defineProps(FakeWorksheet, { name: "rw", id: "r", position: "rw", visibility: "rw", tabColor: "rw" });

export class FakeWorksheetCollection extends FakeCollection<FakeWorksheet, SheetModel> {
  readonly _entity = "WorksheetCollection";
  protected readonly _defaultLoad = [["name"], ["id"], ["position"], ["visibility"]];
  private _events?: FakeEventHandlers;

  protected _models(): SheetModel[] {
    return this.host.model.sheets;
  }

  protected _proxy(sheet: SheetModel): FakeWorksheet {
    return new FakeWorksheet(this.context, `${this._path}[${sheet.id}]`, () => {
      if (!this.host.model.sheets.includes(sheet)) throw errors.itemNotFound("Worksheet");
      return sheet;
    });
  }

  add(name?: string): FakeWorksheet {
    let created: SheetModel | null = null;
    this._call("add", name === undefined ? [] : [name], () => {
      const model = this.host.model;
      let n = model.sheets.length + 1;
      while (name === undefined && model.sheet(`Sheet${n}`)) n++;
      created = model.addSheet(checkSheetName(model, name ?? `Sheet${n}`, null));
    });
    return new FakeWorksheet(this.context, `${this._path}.add(${JSON.stringify(name ?? "")})`, () => {
      if (!created || !this.host.model.sheets.includes(created)) throw errors.itemNotFound("Worksheet");
      return created;
    });
  }

  private byKey(key: string, label: string): FakeWorksheet {
    return new FakeWorksheet(
      this.context,
      `${this._path}.${label}(${JSON.stringify(key)})`,
      memo(() => {
        const s = this.host.model.sheetByKey(key);
        if (!s) throw errors.itemNotFound(`WorksheetCollection.${label}('${key}')`);
        return s;
      }),
    );
  }

  getItem(key: string): FakeWorksheet {
    return this.byKey(key, "getItem");
  }

  getItemOrNullObject(key: string): FakeWorksheet {
    const ws = this.byKey(key, "getItemOrNullObject");
    this.context._enqueue({ json: {}, run: () => this.host.require("1.4", "WorksheetCollection.getItemOrNullObject") });
    return ws._orNull();
  }

  getActiveWorksheet(): FakeWorksheet {
    return new FakeWorksheet(this.context, `${this._path}.getActiveWorksheet()`, memo(() => this.host.model.activeSheet()));
  }

  get onSelectionChanged(): FakeEventHandlers {
    return (this._events ??= new FakeEventHandlers(this.context, `${this._path}.onSelectionChanged`, "1.9", null));
  }
}

// ---- tables ------------------------------------------------------------------------------------

const TABLE_NAME = /^[A-Za-z_\\][A-Za-z0-9_.]{0,254}$/;

function checkTableName(model: WorkbookModel, name: unknown, self: TableModel | null): string {
  if (typeof name !== "string" || !TABLE_NAME.test(name) || /^[A-Za-z]{1,3}\d+$/.test(name) || /^[rc]$/i.test(name)) {
    throw errors.invalidArgument("Table.name", `invalid table name ${JSON.stringify(name)}`);
  }
  const other = model.table(name);
  if (other && other !== self) throw errors.itemAlreadyExists("Table.name");
  return name;
}

export class FakeTableCollection extends FakeCollection<FakeTable, TableModel> {
  readonly _entity = "TableCollection";
  protected readonly _defaultLoad = [["name"], ["id"]];

  constructor(
    context: RequestContextCore,
    path: string,
    /** The sheet for `worksheet.tables`; null for `workbook.tables`. */
    private readonly _sheet: (() => SheetModel) | null,
  ) {
    super(context, path);
  }

  protected _models(): TableModel[] {
    const all = this.host.model.tables;
    if (!this._sheet) return all;
    const sheet = this._sheet();
    return all.filter((t) => t.sheetId === sheet.id);
  }

  protected _proxy(table: TableModel): FakeTable {
    return new FakeTable(this.context, `${this._path}[${table.id}]`, () => {
      if (!this.host.model.tables.includes(table)) throw errors.itemNotFound("Table");
      return table;
    });
  }

  add(address: string | FakeRange, hasHeaders: boolean): FakeTable {
    let created: TableModel | null = null;
    this._call("add", [typeof address === "string" ? address : address._path, hasHeaders], () => {
      const model = this.host.model;
      let sheet: SheetModel;
      let rect: Rect | null;
      if (typeof address === "string") {
        const { sheet: named, local } = splitSheet(address);
        const found = named !== null ? model.sheet(named) : this._sheet ? this._sheet() : model.activeSheet();
        if (!found) throw errors.itemNotFound(`TableCollection.add('${address}')`);
        sheet = found;
        rect = parseArea(local);
      } else {
        const t = address._resolve();
        sheet = t.sheet;
        rect = t.rect;
      }
      if (!rect) throw errors.invalidArgument("TableCollection.add", `bad address ${String(address)}`);
      if (!hasHeaders) throw errors.notImplemented("TableCollection.add without headers");
      if (rect.r1 === rect.r0) rect = { ...rect, r1: rect.r0 + 1 };
      if (model.tables.some((t) => t.sheetId === sheet.id && intersects(t.rect, rect!))) {
        throw errors.invalidOperation("TableCollection.add", "A table can't overlap another table.");
      }
      // Headers: blanks become Column1…, repeats get a number, as Excel does.
      const seen = new Set<string>();
      for (let c = rect.c0; c <= rect.c1; c++) {
        const cell = sheet.touch(rect.r0, c);
        let header = cell.v === null ? `Column${c - rect.c0 + 1}` : String(cell.v);
        let k = 2;
        const base = header;
        while (seen.has(header.toLowerCase())) header = `${base}${k++}`;
        seen.add(header.toLowerCase());
        if (cell.v === null || String(cell.v) !== header) {
          cell.v = header;
          delete cell.f;
        }
      }
      let n = model.tables.length + 1;
      while (model.table(`Table${n}`)) n++;
      created = { id: model.nextId("tbl"), name: `Table${n}`, sheetId: sheet.id, rect, style: "TableStyleMedium2", showHeaders: true };
      model.tables.push(created);
    });
    return new FakeTable(this.context, `${this._path}.add()`, () => {
      if (!created || !this.host.model.tables.includes(created)) throw errors.itemNotFound("Table");
      return created;
    });
  }

  private byName(name: string, label: string): FakeTable {
    return new FakeTable(
      this.context,
      `${this._path}.${label}(${JSON.stringify(name)})`,
      memo(() => {
        const t = this._models().find((x) => x.name.toLowerCase() === name.toLowerCase() || x.id === name);
        if (!t) throw errors.itemNotFound(`TableCollection.${label}('${name}')`);
        return t;
      }),
    );
  }

  getItem(name: string): FakeTable {
    return this.byName(name, "getItem");
  }

  getItemOrNullObject(name: string): FakeTable {
    return this.byName(name, "getItemOrNullObject")._orNull();
  }
}

export class FakeTable extends ClientObject {
  readonly _entity = "Table";
  declare name: string;
  declare readonly id: string;
  declare showHeaders: boolean;
  declare style: string;
  private _rows?: FakeTableRowCollection;
  private _columns?: FakeTableColumnCollection;

  constructor(
    context: RequestContextCore,
    path: string,
    readonly _resolve: () => TableModel,
  ) {
    super(context, path);
  }

  protected override _resolveAny(): unknown {
    return this._resolve();
  }

  protected _read(name: string): unknown {
    const t = this._resolve();
    if (name === "name") return t.name;
    if (name === "id") return t.id;
    if (name === "showHeaders") return t.showHeaders;
    if (name === "style") return t.style;
    throw errors.invalidArgument(`Table.${name}`);
  }

  protected _write(name: string, value: unknown): void {
    const t = this._resolve();
    if (name === "name") t.name = checkTableName(this.host.model, value, t);
    else if (name === "style") t.style = String(value);
    else if (name === "showHeaders") t.showHeaders = Boolean(value);
    else throw errors.invalidArgument(`Table.${name}`);
  }

  private part(label: string, fn: (t: TableModel) => Rect): FakeRange {
    return new FakeRange(
      this.context,
      `${this._path}.${label}()`,
      memo(() => {
        const t = this._resolve();
        return { sheet: this.host.model.sheetById(t.sheetId)!, rect: fn(t) };
      }),
    );
  }

  getRange(): FakeRange {
    return this.part("getRange", (t) => t.rect);
  }

  getHeaderRowRange(): FakeRange {
    return this.part("getHeaderRowRange", (t) => ({ ...t.rect, r1: t.rect.r0 }));
  }

  getDataBodyRange(): FakeRange {
    return this.part("getDataBodyRange", (t) => ({ ...t.rect, r0: t.rect.r0 + 1 }));
  }

  get worksheet(): FakeWorksheet {
    return new FakeWorksheet(this.context, `${this._path}.worksheet`, () => this.host.model.sheetById(this._resolve().sheetId)!);
  }

  get rows(): FakeTableRowCollection {
    return (this._rows ??= new FakeTableRowCollection(this.context, `${this._path}.rows`, this._resolve));
  }

  get columns(): FakeTableColumnCollection {
    return (this._columns ??= new FakeTableColumnCollection(this.context, `${this._path}.columns`, this._resolve));
  }

  delete(): void {
    this._call("delete", [], () => {
      const t = this._resolve();
      const sheet = this.host.model.sheetById(t.sheetId)!;
      sheet.eachExisting(t.rect, (cell) => {
        cell.v = null;
        delete cell.f;
      });
      this.host.model.tables.splice(this.host.model.tables.indexOf(t), 1);
    });
  }

  /**
   * ExcelApi 1.13: the table takes `address` (a range or an A1 address on its sheet). As Excel: the
   * header row stays where it is (same top-left cell), and the table may not meet another.
   */
  resize(address: string | FakeRange): void {
    this._call("resize", [typeof address === "string" ? address : address._path], () => {
      this.host.require("1.13", "Table.resize");
      const t = this._resolve();
      const sheet = this.host.model.sheetById(t.sheetId)!;
      let rect: Rect | null;
      if (typeof address === "string") {
        const { sheet: named, local } = splitSheet(address);
        if (named !== null && this.host.model.sheet(named) !== sheet) throw errors.invalidArgument("Table.resize", "another sheet");
        rect = parseArea(local);
      } else {
        const r = address._resolve();
        if (r.sheet !== sheet) throw errors.invalidArgument("Table.resize", "another sheet");
        rect = r.rect;
      }
      if (!rect || rect.r0 !== t.rect.r0 || rect.c0 !== t.rect.c0) throw errors.invalidArgument("Table.resize", "the header row must stay in place");
      if (rect.r1 === rect.r0) rect = { ...rect, r1: rect.r0 + 1 };
      if (this.host.model.tables.some((o) => o !== t && o.sheetId === sheet.id && intersects(o.rect, rect!))) {
        throw errors.invalidOperation("Table.resize", "A table can't overlap another table.");
      }
      t.rect = rect;
    });
  }

  convertToRange(): FakeRange {
    const range = this.getRange();
    this._call("convertToRange", [], () => {
      const t = this._resolve();
      this.host.model.tables.splice(this.host.model.tables.indexOf(t), 1);
    });
    return range;
  }
}

defineProps(FakeTable, { name: "rw", id: "r", showHeaders: "rw", style: "rw" }, ["worksheet"]);

export class FakeTableRowCollection extends ClientObject {
  readonly _entity = "TableRowCollection";
  declare readonly count: number;

  constructor(
    context: RequestContextCore,
    path: string,
    private readonly _table: () => TableModel,
  ) {
    super(context, path);
  }

  protected _read(name: string): unknown {
    if (name === "count") {
      const t = this._table();
      return t.rect.r1 - t.rect.r0;
    }
    throw errors.invalidArgument(`TableRowCollection.${name}`);
  }

  protected _write(name: string): void {
    throw errors.invalidArgument(`TableRowCollection.${name}`);
  }

  getCount() {
    return this.context._result({ o: this._path, m: "getCount" }, () => {
      const t = this._table();
      return t.rect.r1 - t.rect.r0;
    });
  }

  /** Appends rows at the end (inserting in the middle is not modelled). */
  add(index?: number | null, values?: unknown[][]): void {
    this._call("add", [index ?? null, values ?? null], () => {
      const t = this._table();
      const count = t.rect.r1 - t.rect.r0;
      if (index !== undefined && index !== null && index !== count) throw errors.notImplemented("TableRowCollection.add in the middle");
      const sheet = this.host.model.sheetById(t.sheetId)!;
      const rowsToAdd = values ?? [[]];
      rowsToAdd.forEach((row, i) => {
        if (row.length && row.length !== cols(t.rect)) throw errors.invalidArgument("TableRowCollection.add", "row width");
        row.forEach((v, j) => writeValue(sheet.touch(t.rect.r1 + 1 + i, t.rect.c0 + j), v, this.host.model.dateSystem));
      });
      t.rect = { ...t.rect, r1: t.rect.r1 + rowsToAdd.length };
    });
  }
}

defineProps(FakeTableRowCollection, { count: "r" });

export class FakeTableColumnCollection extends FakeCollection<FakeTableColumn, { table: TableModel; index: number }> {
  readonly _entity = "TableColumnCollection";
  protected readonly _defaultLoad = [["name"], ["index"]];

  constructor(
    context: RequestContextCore,
    path: string,
    private readonly _table: () => TableModel,
  ) {
    super(context, path);
  }

  protected _models() {
    const t = this._table();
    return Array.from({ length: cols(t.rect) }, (_, index) => ({ table: t, index }));
  }

  protected _proxy(m: { table: TableModel; index: number }): FakeTableColumn {
    return new FakeTableColumn(this.context, `${this._path}[${m.index}]`, () => m);
  }

  getItem(key: string | number): FakeTableColumn {
    return new FakeTableColumn(
      this.context,
      `${this._path}.getItem(${JSON.stringify(key)})`,
      memo(() => {
        const t = this._table();
        const sheet = this.host.model.sheetById(t.sheetId)!;
        for (let c = t.rect.c0; c <= t.rect.c1; c++) {
          if (String(sheet.cell(t.rect.r0, c)?.v ?? "").toLowerCase() === String(key).toLowerCase()) return { table: t, index: c - t.rect.c0 };
        }
        throw errors.itemNotFound(`TableColumnCollection.getItem('${key}')`);
      }),
    );
  }
}

export class FakeTableColumn extends ClientObject {
  readonly _entity = "TableColumn";
  declare readonly name: string;
  declare readonly index: number;

  constructor(
    context: RequestContextCore,
    path: string,
    private readonly _resolve: () => { table: TableModel; index: number },
  ) {
    super(context, path);
  }

  protected _read(name: string): unknown {
    const { table, index } = this._resolve();
    if (name === "index") return index;
    if (name === "name") return String(this.host.model.sheetById(table.sheetId)!.cell(table.rect.r0, table.rect.c0 + index)?.v ?? "");
    throw errors.invalidArgument(`TableColumn.${name}`);
  }

  protected _write(name: string): void {
    throw errors.invalidArgument(`TableColumn.${name}`);
  }

  getDataBodyRange(): FakeRange {
    return new FakeRange(
      this.context,
      `${this._path}.getDataBodyRange()`,
      memo(() => {
        const { table, index } = this._resolve();
        const c = table.rect.c0 + index;
        return { sheet: this.host.model.sheetById(table.sheetId)!, rect: { r0: table.rect.r0 + 1, r1: table.rect.r1, c0: c, c1: c } };
      }),
    );
  }
}

defineProps(FakeTableColumn, { name: "r", index: "r" });

// ---- charts ------------------------------------------------------------------------------------

const CHART_TYPES = new Set([
  "ColumnClustered",
  "ColumnStacked",
  "BarClustered",
  "BarStacked",
  "Line",
  "LineMarkers",
  "Pie",
  "Doughnut",
  "Area",
  "XYScatter",
]);

export class FakeChartCollection extends FakeCollection<FakeChart, ChartModel> {
  readonly _entity = "ChartCollection";
  protected readonly _defaultLoad = [["name"], ["id"]];

  constructor(
    context: RequestContextCore,
    path: string,
    private readonly _sheet: () => SheetModel,
  ) {
    super(context, path);
  }

  protected _models(): ChartModel[] {
    return this._sheet().charts;
  }

  protected _proxy(chart: ChartModel): FakeChart {
    return new FakeChart(this.context, `${this._path}[${chart.id}]`, () => {
      if (!this._sheet().charts.includes(chart)) throw errors.itemNotFound("Chart");
      return { chart, sheet: this._sheet() };
    });
  }

  add(type: string, sourceData: FakeRange, seriesBy: string = "Auto"): FakeChart {
    let created: ChartModel | null = null;
    this._call("add", [type, sourceData._path, seriesBy], () => {
      if (!CHART_TYPES.has(type)) throw errors.invalidArgument("ChartCollection.add", `chart type ${type}`);
      if (!["Auto", "Columns", "Rows"].includes(seriesBy)) throw errors.invalidArgument("ChartCollection.add", `seriesBy ${seriesBy}`);
      const sheet = this._sheet();
      const src = sourceData._resolve();
      let n = sheet.charts.length + 1;
      while (sheet.charts.some((c) => c.name === `Chart ${n}`)) n++;
      created = { id: this.host.model.nextId("chart"), name: `Chart ${n}`, type, source: { sheetId: src.sheet.id, rect: src.rect }, seriesBy };
      sheet.charts.push(created);
    });
    return new FakeChart(this.context, `${this._path}.add()`, () => {
      if (!created) throw errors.itemNotFound("Chart");
      return { chart: created, sheet: this._sheet() };
    });
  }

  getItem(name: string): FakeChart {
    return new FakeChart(
      this.context,
      `${this._path}.getItem(${JSON.stringify(name)})`,
      memo(() => {
        const chart = this._sheet().charts.find((c) => c.name === name);
        if (!chart) throw errors.itemNotFound(`ChartCollection.getItem('${name}')`);
        return { chart, sheet: this._sheet() };
      }),
    );
  }
}

export class FakeChart extends ClientObject {
  readonly _entity = "Chart";
  declare name: string;
  declare readonly id: string;
  declare chartType: string;
  declare height: number;
  declare width: number;
  declare top: number;
  declare left: number;
  readonly title: FakeChartPart;
  readonly legend: FakeChartPart;

  constructor(
    context: RequestContextCore,
    path: string,
    readonly _resolve: () => { chart: ChartModel; sheet: SheetModel },
  ) {
    super(context, path);
    this.title = new FakeChartPart(context, `${path}.title`, () => _resolve().chart, "title");
    this.legend = new FakeChartPart(context, `${path}.legend`, () => _resolve().chart, "legend");
  }

  protected _read(name: string): unknown {
    const { chart } = this._resolve();
    if (name === "name") return chart.name;
    if (name === "id") return chart.id;
    if (name === "chartType") return chart.type;
    return 0;
  }

  protected _write(name: string, value: unknown): void {
    const { chart } = this._resolve();
    if (name === "name") chart.name = String(value);
    else if (name === "chartType") {
      if (!CHART_TYPES.has(String(value))) throw errors.invalidArgument("Chart.chartType");
      chart.type = String(value);
    }
  }

  setPosition(startCell: string | FakeRange, endCell?: string | FakeRange): void {
    const label = (x: string | FakeRange | undefined) => (x === undefined ? undefined : typeof x === "string" ? x : x._path);
    this._call("setPosition", [label(startCell), label(endCell)], () => {
      const { chart } = this._resolve();
      const addr = (x: string | FakeRange) => (typeof x === "string" ? x : areaAddress(x._resolve().rect));
      for (const x of [startCell, endCell]) if (typeof x === "string" && !parseArea(splitSheet(x).local)) throw errors.invalidArgument("Chart.setPosition");
      chart.position = { start: addr(startCell), ...(endCell !== undefined ? { end: addr(endCell) } : {}) };
    });
  }

  setData(sourceData: FakeRange, seriesBy: string = "Auto"): void {
    this._call("setData", [sourceData._path, seriesBy], () => {
      const { chart } = this._resolve();
      const src = sourceData._resolve();
      chart.source = { sheetId: src.sheet.id, rect: src.rect };
      chart.seriesBy = seriesBy;
    });
  }

  delete(): void {
    this._call("delete", [], () => {
      const { chart, sheet } = this._resolve();
      sheet.charts.splice(sheet.charts.indexOf(chart), 1);
    });
  }
}

defineProps(FakeChart, { name: "rw", id: "r", chartType: "rw", height: "rw", width: "rw", top: "rw", left: "rw" }, ["title", "legend"]);

export class FakeChartPart extends ClientObject {
  readonly _entity: string;
  declare text: string;
  declare visible: boolean;
  declare position: string;

  constructor(
    context: RequestContextCore,
    path: string,
    private readonly _chart: () => ChartModel,
    private readonly part: "title" | "legend",
  ) {
    super(context, path);
    this._entity = part === "title" ? "ChartTitle" : "ChartLegend";
  }

  protected _read(name: string): unknown {
    const chart = this._chart();
    if (this.part === "title" && name === "text") return chart.title ?? "";
    if (name === "visible") return this.part === "legend" ? (chart.legendVisible ?? true) : chart.title !== undefined;
    return null;
  }

  protected _write(name: string, value: unknown): void {
    const chart = this._chart();
    if (this.part === "title" && name === "text") chart.title = String(value);
    else if (this.part === "legend" && name === "visible") chart.legendVisible = Boolean(value);
  }
}

defineProps(FakeChartPart, { text: "rw", visible: "rw", position: "rw" });

// ---- freeze panes, auto filter -----------------------------------------------------------------

export class FakeFreezePanes extends ClientObject {
  readonly _entity = "WorksheetFreezePanes";

  constructor(
    context: RequestContextCore,
    path: string,
    private readonly _sheet: () => SheetModel,
  ) {
    super(context, path);
  }

  protected _read(): unknown {
    return undefined;
  }
  protected _write(name: string): void {
    throw errors.invalidArgument(`WorksheetFreezePanes.${name}`);
  }

  private set(label: string, args: unknown[], fn: (s: SheetModel) => void): void {
    this._call(label, args, () => {
      this.host.require("1.7", `WorksheetFreezePanes.${label}`);
      fn(this._sheet());
    });
  }

  freezeRows(count = 1): void {
    this.set("freezeRows", [count], (s) => {
      s.frozenRows = count;
      s.frozenColumns = 0;
    });
  }

  freezeColumns(count = 1): void {
    this.set("freezeColumns", [count], (s) => {
      s.frozenColumns = count;
      s.frozenRows = 0;
    });
  }

  unfreeze(): void {
    this.set("unfreeze", [], (s) => {
      s.frozenRows = 0;
      s.frozenColumns = 0;
    });
  }

  getLocationOrNullObject(): FakeRange {
    return new FakeRange(
      this.context,
      `${this._path}.getLocationOrNullObject()`,
      memo(() => {
        this.host.require("1.7", "WorksheetFreezePanes.getLocationOrNullObject");
        const s = this._sheet();
        if (!s.frozenRows && !s.frozenColumns) throw errors.itemNotFound("WorksheetFreezePanes.getLocationOrNullObject");
        return {
          sheet: s,
          rect: {
            r0: 0,
            c0: 0,
            r1: s.frozenRows ? s.frozenRows - 1 : MAX_ROWS - 1,
            c1: s.frozenColumns ? s.frozenColumns - 1 : MAX_COLUMNS - 1,
          },
        };
      }),
    )._orNull();
  }
}

export class FakeAutoFilter extends ClientObject {
  readonly _entity = "AutoFilter";
  declare readonly enabled: boolean;

  constructor(
    context: RequestContextCore,
    path: string,
    private readonly _sheet: () => SheetModel,
  ) {
    super(context, path);
  }

  protected _read(name: string): unknown {
    this.host.require("1.9", "AutoFilter");
    if (name === "enabled") return this._sheet().autoFilter !== null;
    throw errors.invalidArgument(`AutoFilter.${name}`);
  }

  protected _write(name: string): void {
    throw errors.invalidArgument(`AutoFilter.${name}`);
  }

  apply(range: FakeRange | string): void {
    this._call("apply", [typeof range === "string" ? range : range._path], () => {
      this.host.require("1.9", "AutoFilter.apply");
      const sheet = this._sheet();
      const rect = typeof range === "string" ? parseArea(splitSheet(range).local) : range._resolve().rect;
      if (!rect) throw errors.invalidArgument("AutoFilter.apply");
      if (this.host.model.tables.some((t) => t.sheetId === sheet.id && intersects(t.rect, rect))) {
        throw errors.invalidOperation("AutoFilter.apply", "the range overlaps a table, which has its own filter");
      }
      sheet.autoFilter = rect;
    });
  }

  remove(): void {
    this._call("remove", [], () => {
      this.host.require("1.9", "AutoFilter.remove");
      this._sheet().autoFilter = null;
    });
  }
}

defineProps(FakeAutoFilter, { enabled: "r" });

// ---- events ------------------------------------------------------------------------------------

export interface FakeEventHandlerResult {
  readonly context: RequestContextCore;
  remove(): void;
}

/** `onSelectionChanged`: handlers start receiving events once the registering sync has run. */
export class FakeEventHandlers {
  constructor(
    private readonly context: RequestContextCore,
    private readonly path: string,
    private readonly version: string,
    /** The sheet for worksheet.onSelectionChanged; null for worksheets.onSelectionChanged. */
    private readonly sheet: (() => SheetModel) | null,
  ) {}

  add(handler: (args: { address: string; worksheetId: string; type: string; source: string }) => Promise<unknown> | unknown): FakeEventHandlerResult {
    const model = this.context.host.model;
    const listener = async (sheet: SheetModel, rect: Rect) => {
      await handler({ address: areaAddress(rect), worksheetId: sheet.id, type: "WorksheetSelectionChanged", source: "Local" });
    };
    let only: SheetModel | null = null;
    const filtered = (sheet: SheetModel, rect: Rect) => (only && only !== sheet ? undefined : listener(sheet, rect));
    this.context._enqueue({
      json: { o: this.path, m: "add" },
      run: () => {
        this.context.host.require(this.version, "onSelectionChanged");
        only = this.sheet ? this.sheet() : null;
        model.selectionListeners.add(filtered);
      },
    });
    const context = this.context;
    return {
      context,
      remove: () => context._enqueue({ json: { o: this.path, m: "remove" }, run: () => void model.selectionListeners.delete(filtered) }),
    };
  }
}

export { fullAddress };
