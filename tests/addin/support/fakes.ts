import { gunzipSync } from "node:zlib";
import type { WorkbookActions } from "../../../addin/actions/types";
import type { IssueCell, ProgressFn, RosterOnSheet, SelectedIssues, SheetOutputTable } from "../../../addin/excel/types";
import type { Reference } from "../../../shared/reference";
import type { Cell } from "../../../shared/schema/cell";
import type { Issue, Lang } from "../../../shared/schema/issue";

/** Headers as the template writes them (SPEC §3.1), in sheet order from column A. */
export const NAKES_HEADERS = [
  "NIK",
  "NIP",
  "Nama Lengkap",
  "Jenis Kelamin",
  "Tanggal Lahir",
  "Jenis Tenaga",
  "Status Kepegawaian",
  "Kode Fasyankes",
  "No. STR",
  "No. SIP",
  "Masa Berlaku SIP",
];

/** A plausible row: a midwife at a Mukomuko puskesmas, born 12 March 1990 (NIK digits 7–12: 52 03 90 for a woman). */
export function nakesRow(overrides: Partial<Record<string, Cell>> = {}): Cell[] {
  const row: Record<string, Cell> = {
    NIK: "1706015203900001",
    NIP: null,
    "Nama Lengkap": "Siti Aminah",
    "Jenis Kelamin": "P",
    "Tanggal Lahir": "1990-03-12",
    "Jenis Tenaga": "BIDAN",
    "Status Kepegawaian": "KONTRAK_DAERAH",
    "Kode Fasyankes": "P1706010101",
    "No. STR": "STR-123456",
    "No. SIP": "SIP-98765",
    "Masa Berlaku SIP": "2031-12-31",
    ...overrides,
  };
  return NAKES_HEADERS.map((h) => row[h] ?? null);
}

export function rosterOf(rows: Cell[][]): RosterOnSheet {
  return {
    nakes: { table: "nakes", sheetName: "Nakes", headerRow: 0, firstColumn: 0, headers: NAKES_HEADERS, rows },
    pelatihan: null,
  };
}

export interface Deferred<T> {
  promise: Promise<T>;
  resolve: (v: T) => void;
  reject: (e: unknown) => void;
}

export function deferred<T>(): Deferred<T> {
  let resolve!: (v: T) => void;
  let reject!: (e: unknown) => void;
  const promise = new Promise<T>((res, rej) => {
    resolve = res;
    reject = rej;
  });
  return { promise, resolve, reject };
}

/** Records every call and answers from plain data: the pane's view of a workbook, without Excel. */
export class FakeWorkbook implements WorkbookActions {
  roster: RosterOnSheet = rosterOf([nakesRow()]);
  calls: string[] = [];
  marked: IssueCell[] = [];
  results: { issues: Issue[]; cells: IssueCell[]; lang: Lang } | null = null;
  selectedCells: { sheetName: string; address: string }[] = [];
  written: SheetOutputTable[] = [];
  /** When set, readRoster reports progress and then waits for it. */
  gate: Deferred<void> | null = null;
  failRead: Error | null = null;
  private selectionListener: ((cell: SelectedIssues) => void) | null = null;

  /** What insertTemplate reports: the sheets it made and the ones it found. */
  template = { created: ["Nakes", "Pelatihan"], kept: [] as string[] };
  templateReference: Reference | null = null;

  async insertTemplate(reference: Reference, onProgress: ProgressFn) {
    this.calls.push("insertTemplate");
    this.templateReference = reference;
    onProgress(1, 1, "template");
    return this.template;
  }
  async readRoster(onProgress: ProgressFn) {
    this.calls.push("readRoster");
    const rows = this.roster.nakes?.rows.length ?? 0;
    onProgress(Math.floor(rows / 2), rows, "Membaca roster…");
    if (this.gate) await this.gate.promise;
    if (this.failRead) throw this.failRead;
    onProgress(rows, rows, "Membaca roster…");
    return this.roster;
  }
  async markIssues(cells: IssueCell[]) {
    this.calls.push("markIssues");
    this.marked = cells;
  }
  async writeResults(issues: Issue[], cells: IssueCell[], lang: Lang) {
    this.calls.push("writeResults");
    this.results = { issues, cells, lang };
  }
  async selectCell(cell: { sheetName: string; address: string }) {
    this.calls.push(`selectCell ${cell.sheetName}!${cell.address}`);
    this.selectedCells.push(cell);
  }
  async watchSelection(onSelect: (cell: SelectedIssues) => void) {
    this.selectionListener = onSelect;
    return () => {
      this.selectionListener = null;
    };
  }
  /** The facilities the template's kode_fasyankes dropdown was given, by code. */
  offered: string[] | null = null;
  async offerFacilities(facilities: readonly { kode: string; nama?: string | null }[]) {
    this.calls.push("offerFacilities");
    this.offered = facilities.map((f) => f.kode);
    return { offered: facilities.length };
  }
  async writeCoverage(tables: SheetOutputTable[]) {
    this.calls.push("writeCoverage");
    this.written.push(...tables);
    return { sheetName: "Cakupan" };
  }

  /** What Excel does when the user clicks a cell: the pane hears which one, with its marked issues. */
  userSelects(sheetName: string, address: string) {
    const issues = this.marked.filter((c) => c.sheetName === sheetName && c.address === address).map((c) => c.issue);
    this.selectionListener?.({ sheetName, address, issues });
  }
}

export interface RecordedRequest {
  method: string;
  url: URL;
  headers: Record<string, string>;
  /** The JSON body, decompressed when it came gzip-encoded. */
  body: unknown;
  /** Bytes that crossed the wire (after compression). */
  bytes: number;
}

/** A request body as the server reads it: gunzipped when `Content-Encoding: gzip`, then JSON. */
async function readBody(body: unknown, headers: Record<string, string>): Promise<{ json: unknown; bytes: number }> {
  if (body === undefined || body === null) return { json: undefined, bytes: 0 };
  if (typeof body === "string") return { json: JSON.parse(body), bytes: new TextEncoder().encode(body).byteLength };
  const raw = new Uint8Array(await new Response(body as BodyInit).arrayBuffer());
  const text = headers["content-encoding"] === "gzip" ? gunzipSync(raw).toString("utf8") : new TextDecoder().decode(raw);
  return { json: JSON.parse(text), bytes: raw.byteLength };
}

type Answer = Response | Error | ((req: RecordedRequest) => Response | Error | Promise<Response | Error>);

/**
 * A fetch that answers by "METHOD /path" from queues (the last answer repeats) and records every
 * request, so tests can read the headers and bodies the pane sent.
 */
export class FakeApi {
  requests: RecordedRequest[] = [];
  private routes = new Map<string, Answer[]>();

  on(route: string, ...answers: Answer[]): this {
    this.routes.set(route, answers);
    return this;
  }

  fetch: typeof fetch = async (input, init) => {
    const url = new URL(typeof input === "string" ? input : input instanceof URL ? input.href : input.url);
    const headers: Record<string, string> = {};
    new Headers(init?.headers).forEach((v, k) => (headers[k.toLowerCase()] = v));
    const method = (init?.method ?? "GET").toUpperCase();
    const { json: body, bytes } = await readBody(init?.body, headers);
    const req: RecordedRequest = { method, url, headers, body, bytes };
    this.requests.push(req);
    const queue = this.routes.get(`${method} ${url.pathname}`);
    if (!queue || queue.length === 0) return json(404, { error: { code: "not_found", message: "no route", request_id: "r0" } });
    const next = queue.length > 1 ? queue.shift()! : queue[0]!;
    const answer = typeof next === "function" ? await next(req) : next;
    if (answer instanceof Error) throw answer;
    return answer.clone();
  };

  sent(route: string): RecordedRequest[] {
    return this.requests.filter((r) => `${r.method} ${r.url.pathname}` === route);
  }
}

export function json(status: number, body: unknown, headers: Record<string, string> = {}): Response {
  return new Response(JSON.stringify(body), { status, headers: { "Content-Type": "application/json", ...headers } });
}

export function apiError(status: number, code: string, message: string, issues?: Issue[]): Response {
  return json(status, { error: { code, message, ...(issues ? { issues } : {}), request_id: `req-${status}` } });
}

/** localStorage's interface over a Map, one per test. */
export class MemoryStorage implements Storage {
  private map = new Map<string, string>();
  get length() {
    return this.map.size;
  }
  clear() {
    this.map.clear();
  }
  getItem(key: string) {
    return this.map.get(key) ?? null;
  }
  key(i: number) {
    return [...this.map.keys()][i] ?? null;
  }
  removeItem(key: string) {
    this.map.delete(key);
  }
  setItem(key: string, value: string) {
    this.map.set(key, String(value));
  }
}
