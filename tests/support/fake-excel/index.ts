/**
 * A fake Excel host for tests: `Excel.run`, request contexts, proxies and the office.js rules that
 * make add-ins fail in real Excel (PropertyNotLoaded before sync, Excel on the web's 5 MB request
 * and response limit, formula injection through `values`, 15-digit numbers, requirement sets).
 * Plain TypeScript with no Node imports: it also runs in a browser as the office.js replacement
 * (see ./browser-entry.ts).
 *
 *   const fake = createFakeExcel();
 *   installFakeOffice(globalThis, fake);
 *   fake.workbook.setValues("Nakes", "A1", [["NIK"], ["3601..."]]);
 *   await addinFunction();
 *   expect(fake.stats.syncs).toBeLessThanOrEqual(5);
 */
import { memo, Host, RequestContextCore, Stats, defaultOptions, ClientObject, defineProps, compareVersions, type FakeOptions } from "./context";
import { errors, ErrorCodes, FakeRichApiError } from "./errors";
import { isoToSerial, type DateSystem } from "./cells";
import { WorkbookModel } from "./model";
import { FakeRange } from "./range";
import { FakeTableCollection, FakeWorksheetCollection } from "./sheet";

export type { FakeOptions, SyncRecord } from "./context";
export { Stats } from "./context";
export { WorkbookModel, type CellView } from "./model";
export { DAYS_1900_TO_1904, type DateSystem } from "./cells";
export { FakeRichApiError, ErrorCodes } from "./errors";

/** The result of a worksheet function evaluated by the host (`Excel.FunctionResult`, ExcelApi 1.2). */
class FakeFunctionResult extends ClientObject {
  readonly _entity = "FunctionResult";
  declare readonly value: unknown;
  declare readonly error: string | null;

  constructor(
    context: RequestContextCore,
    path: string,
    private readonly evaluate: () => { value: unknown; error: string | null },
  ) {
    super(context, path);
  }

  protected _read(name: string): unknown {
    this.host.require("1.2", "Functions");
    const result = this.evaluate();
    if (name === "value") return result.value;
    if (name === "error") return result.error;
    throw errors.invalidArgument(`FunctionResult.${name}`);
  }

  protected _write(name: string): void {
    throw errors.invalidArgument(`FunctionResult.${name}`);
  }
}

defineProps(FakeFunctionResult, { value: "r", error: "r" });

/** `workbook.functions`: only the functions the add-in evaluates (DATE, which tells the date system). */
class FakeFunctions {
  constructor(private readonly context: RequestContextCore) {}

  /** DATE(year, month, day) as the workbook counts: a serial of its date system (SPEC §3.1, 1904 detection). */
  date(year: number, month: number, day: number): FakeFunctionResult {
    return new FakeFunctionResult(this.context, `wb.functions.date(${year},${month},${day})`, () => {
      const iso = `${String(year).padStart(4, "0")}-${String(month).padStart(2, "0")}-${String(day).padStart(2, "0")}`;
      const serial = isoToSerial(iso, this.context.host.model.dateSystem);
      return serial === null || serial < 0 ? { value: null, error: "#NUM!" } : { value: serial, error: null };
    });
  }
}

class FakeWorkbook extends ClientObject {
  readonly _entity = "Workbook";
  declare readonly name: string;
  readonly worksheets: FakeWorksheetCollection;
  readonly tables: FakeTableCollection;
  readonly functions: FakeFunctions;

  constructor(context: RequestContextCore) {
    super(context, "wb");
    this.worksheets = new FakeWorksheetCollection(context, "wb.worksheets");
    this.tables = new FakeTableCollection(context, "wb.tables", null);
    this.functions = new FakeFunctions(context);
  }

  protected _read(name: string): unknown {
    if (name === "name") return "Book1.xlsx";
    throw errors.invalidArgument(`Workbook.${name}`);
  }

  protected _write(name: string): void {
    throw errors.invalidArgument(`Workbook.${name}`);
  }

  getSelectedRange(): FakeRange {
    return new FakeRange(
      this.context,
      "wb.getSelectedRange()",
      memo(() => {
        const sel = this.host.model.selection;
        const sheet = sel ? this.host.model.sheetById(sel.sheetId) : undefined;
        if (!sel || !sheet) throw errors.itemNotFound("Workbook.getSelectedRange");
        return { sheet, rect: sel.rect };
      }),
    );
  }

  getActiveCell(): FakeRange {
    return new FakeRange(
      this.context,
      "wb.getActiveCell()",
      memo(() => {
        this.host.require("1.7", "Workbook.getActiveCell");
        const sel = this.host.model.selection;
        const sheet = sel ? this.host.model.sheetById(sel.sheetId) : undefined;
        if (!sel || !sheet) throw errors.itemNotFound("Workbook.getActiveCell");
        return { sheet, rect: { r0: sel.rect.r0, c0: sel.rect.c0, r1: sel.rect.r0, c1: sel.rect.c0 } };
      }),
    );
  }
}

defineProps(FakeWorkbook, { name: "r" }, ["worksheets", "tables"]);

class FakeApplication {
  constructor(private readonly context: RequestContextCore) {}

  /** ExcelApi 1.6: only a hint to Excel; nothing to model beyond the requirement set. */
  suspendApiCalculationUntilNextSync(): void {
    this.context._enqueue({ json: { o: "app", m: "suspendApiCalculationUntilNextSync" }, run: () => this.context.host.require("1.6", "Application.suspendApiCalculationUntilNextSync") });
  }
}

export class FakeRequestContext extends RequestContextCore {
  readonly workbook: FakeWorkbook;
  readonly application: FakeApplication;
  readonly trackedObjects = { add: () => undefined, remove: () => undefined };

  constructor(host: Host) {
    super(host);
    this.workbook = new FakeWorkbook(this);
    this.application = new FakeApplication(this);
  }
}

const enums = {
  ChartType: { columnClustered: "ColumnClustered", barClustered: "BarClustered", line: "Line", pie: "Pie" },
  ChartSeriesBy: { auto: "Auto", columns: "Columns", rows: "Rows" },
  ConditionalFormatType: { custom: "Custom", cellValue: "CellValue", dataBar: "DataBar", colorScale: "ColorScale", iconSet: "IconSet" },
  ConditionalCellValueOperator: {
    between: "Between",
    notBetween: "NotBetween",
    equalTo: "EqualTo",
    notEqualTo: "NotEqualTo",
    greaterThan: "GreaterThan",
    lessThan: "LessThan",
    greaterThanOrEqual: "GreaterThanOrEqual",
    lessThanOrEqual: "LessThanOrEqual",
  },
  DataValidationType: { list: "List", custom: "Custom", textLength: "TextLength", wholeNumber: "WholeNumber", none: "None" },
  DataValidationAlertStyle: { stop: "Stop", warning: "Warning", information: "Information" },
  SheetVisibility: { visible: "Visible", hidden: "Hidden", veryHidden: "VeryHidden" },
  ClearApplyTo: { all: "All", formats: "Formats", contents: "Contents", hyperlinks: "Hyperlinks", removeHyperlinks: "RemoveHyperlinks" },
  EventType: { worksheetSelectionChanged: "WorksheetSelectionChanged" },
  HorizontalAlignment: { left: "Left", center: "Center", right: "Right", general: "General" },
  VerticalAlignment: { top: "Top", center: "Center", bottom: "Bottom" },
};

export interface FakeExcelInit extends Partial<FakeOptions> {
  /** Sheets to start with, name → rows from A1 (typed in, as a user would). Replaces the default Sheet1. */
  sheets?: Record<string, unknown[][]>;
  /** The workbook's date system (default 1900); a 1904 workbook holds serials 1,462 smaller, and typed dates become such serials. */
  dateSystem?: DateSystem;
}

export interface FakeExcel {
  Excel: Record<string, unknown> & { run: (...args: unknown[]) => Promise<unknown> };
  Office: FakeOffice;
  OfficeExtension: { Error: typeof FakeRichApiError; ErrorCodes: typeof ErrorCodes };
  /** The workbook itself, for setting sheets up and inspecting results. */
  workbook: WorkbookModel;
  stats: Stats;
  options: FakeOptions;
  /** The user selects cells; resolves once the add-in's selection handlers have run. */
  select(sheetName: string, address: string): Promise<void>;
}

export interface FakeOffice {
  onReady(callback?: (info: { host: string; platform: string }) => void): Promise<{ host: string; platform: string }>;
  context: {
    displayLanguage: string;
    contentLanguage: string;
    platform: string;
    host: string;
    requirements: { isSetSupported(name: string, minVersion?: string | number): boolean };
    diagnostics: { host: string; platform: string; version: string };
  };
  HostType: Record<string, string>;
  PlatformType: Record<string, string>;
}

export function createFakeExcel(init: FakeExcelInit = {}): FakeExcel {
  const { sheets, dateSystem, ...overrides } = init;
  const options: FakeOptions = { ...defaultOptions, ...overrides };
  const workbook = new WorkbookModel();
  if (dateSystem) workbook.dateSystem = dateSystem;
  if (sheets && Object.keys(sheets).length) {
    const first = workbook.sheets[0]!;
    const names = Object.keys(sheets);
    first.name = names[0]!;
    for (const name of names) workbook.setValues(name, "A1", sheets[name]!);
  }
  const stats = new Stats();
  const host = new Host(workbook, options, stats);

  async function run(...args: unknown[]): Promise<unknown> {
    let batch: unknown;
    let context: RequestContextCore | undefined;
    if (args.length === 1) batch = args[0];
    else {
      const [prior, fn] = args;
      batch = fn;
      if (prior instanceof RequestContextCore) context = prior;
      else if (prior instanceof ClientObject) context = prior.context;
      else if (Array.isArray(prior) && prior[0] instanceof ClientObject) context = prior[0].context;
      else throw errors.invalidArgument("Excel.run");
    }
    if (typeof batch !== "function") throw errors.invalidArgument("Excel.run");
    stats.runs++;
    const ctx = context ?? new FakeRequestContext(host);
    const pending = (batch as (c: unknown) => unknown)(ctx);
    if (!pending || typeof (pending as Promise<unknown>).then !== "function") throw errors.runMustReturnPromise();
    const result = await pending;
    await ctx.sync();
    return result;
  }

  const Excel = {
    run,
    RequestContext: class extends FakeRequestContext {
      constructor() {
        super(host);
      }
    },
    ErrorCodes: { ...ErrorCodes },
    ...enums,
  };

  const info = { host: "Excel", platform: "OfficeOnline" };
  const Office: FakeOffice = {
    onReady(callback) {
      callback?.(info);
      return Promise.resolve(info);
    },
    context: {
      displayLanguage: options.displayLanguage,
      contentLanguage: options.displayLanguage,
      platform: "OfficeOnline",
      host: "Excel",
      requirements: {
        isSetSupported(name: string, minVersion?: string | number) {
          if (name.toLowerCase() !== "excelapi") return false;
          return compareVersions(String(minVersion ?? "1.1"), options.maxApiVersion) <= 0;
        },
      },
      diagnostics: { host: "Excel", platform: "OfficeOnline", version: "16.0" },
    },
    HostType: { Excel: "Excel" },
    PlatformType: { OfficeOnline: "OfficeOnline", PC: "PC", Mac: "Mac" },
  };

  return {
    Excel,
    Office,
    OfficeExtension: { Error: FakeRichApiError, ErrorCodes },
    workbook,
    stats,
    options,
    select: (sheetName, address) => workbook.select(sheetName, address),
  };
}

/**
 * Puts `Office`, `Excel` and `OfficeExtension` on `target` (globalThis, or a browser window).
 * Returns the fake and a function that restores what was there before.
 */
export function installFakeOffice(target: object = globalThis, fake: FakeExcel = createFakeExcel()): FakeExcel & { uninstall(): void } {
  const t = target as Record<string, unknown>;
  const before = { Office: t.Office, Excel: t.Excel, OfficeExtension: t.OfficeExtension };
  t.Office = fake.Office;
  t.Excel = fake.Excel;
  t.OfficeExtension = fake.OfficeExtension;
  return {
    ...fake,
    uninstall() {
      for (const [k, v] of Object.entries(before)) {
        if (v === undefined) delete t[k];
        else t[k] = v;
      }
    },
  };
}
