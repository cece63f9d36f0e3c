/**
 * office.js's batching model, kept faithfully: proxies queue commands, nothing reaches the
 * workbook until `context.sync()`, loaded properties are readable only after that sync, and each
 * sync is one request whose size is checked against Excel on the web's payload limit.
 */
import { errors, FakeRichApiError } from "./errors";
import type { WorkbookModel } from "./model";

export interface FakeOptions {
  /** Highest ExcelApi requirement set the host supports (default "1.17"). */
  maxApiVersion: string;
  /** Request and response limit of one sync, bytes (Excel on the web: 5 MB; default 5,000,000). */
  payloadLimitBytes: number;
  /** Longest address string `getRanges` accepts (default 8,192 characters). */
  maxAddressLength: number;
  /** Office.context.displayLanguage (default "id-ID"). */
  displayLanguage: string;
}

export const defaultOptions: FakeOptions = {
  maxApiVersion: "1.17",
  payloadLimitBytes: 5_000_000,
  maxAddressLength: 8_192,
  displayLanguage: "id-ID",
};

export interface SyncRecord {
  /** Estimated bytes of the request: JSON of the queued commands and their values. */
  requestBytes: number;
  /** Estimated bytes of the response: JSON of the loaded values. */
  responseBytes: number;
  commands: number;
  /** Error code when the sync failed. */
  failed?: string;
}

/** What the host counted; tests read it to bound round trips and payloads. */
export class Stats {
  /** Every `context.sync()` call, including empty ones and Excel.run's closing sync. */
  syncCalls = 0;
  /** Round trips: syncs that carried at least one command to the host. */
  syncs = 0;
  runs = 0;
  maxRequestBytes = 0;
  maxResponseBytes = 0;
  readonly records: SyncRecord[] = [];

  reset(): void {
    this.syncCalls = 0;
    this.syncs = 0;
    this.runs = 0;
    this.maxRequestBytes = 0;
    this.maxResponseBytes = 0;
    this.records.length = 0;
  }
}

export class Host {
  constructor(
    readonly model: WorkbookModel,
    readonly options: FakeOptions,
    readonly stats: Stats,
  ) {}

  supports(version: string): boolean {
    return compareVersions(version, this.options.maxApiVersion) <= 0;
  }

  /** Fails the running command the way a host without the requirement set does. */
  require(version: string, api: string): void {
    if (!this.supports(version)) throw errors.apiNotFound(api, version);
  }
}

export function compareVersions(a: string, b: string): number {
  const pa = a.split(".").map(Number);
  const pb = b.split(".").map(Number);
  for (let i = 0; i < Math.max(pa.length, pb.length); i++) {
    const d = (pa[i] ?? 0) - (pb[i] ?? 0);
    if (d !== 0) return d;
  }
  return 0;
}

/** A loaded result waiting for the sync to succeed before it becomes readable. */
export interface Snapshot {
  json: unknown;
  apply(): void;
}

export interface Command {
  /** What travels in the request (for the payload estimate). */
  json: unknown;
  /** Runs against the workbook during sync; returns what it loaded, if anything. */
  run(): Snapshot | void;
}

const encoder = new TextEncoder();
export function jsonBytes(value: unknown): number {
  const s = JSON.stringify(value) ?? "";
  // ASCII dominates; count exactly only when there is something else.
  // eslint-disable-next-line no-control-regex
  return /^[\x00-\x7f]*$/.test(s) ? s.length : encoder.encode(s).length;
}

export class ClientResult<T> {
  private loaded = false;
  private v: T | undefined;

  get value(): T {
    if (!this.loaded) throw errors.valueNotLoaded();
    return this.v as T;
  }

  _set(v: T): void {
    this.v = v;
    this.loaded = true;
  }
}

export class RequestContextCore {
  private queue: Command[] = [];

  constructor(readonly host: Host) {}

  _enqueue(command: Command): void {
    this.queue.push(command);
  }

  /** Queues a command that returns a value (`getCount()` and the like). */
  _result<T>(json: unknown, compute: () => T): ClientResult<T> {
    const result = new ClientResult<T>();
    this._enqueue({
      json,
      run: () => {
        const v = compute();
        return { json: v, apply: () => result._set(v) };
      },
    });
    return result;
  }

  async sync<T>(passThroughValue?: T): Promise<T | undefined> {
    const { stats, options } = this.host;
    stats.syncCalls++;
    const queue = this.queue;
    this.queue = [];
    if (queue.length === 0) return passThroughValue;
    stats.syncs++;
    const requestBytes = jsonBytes(queue.map((c) => c.json));
    const record: SyncRecord = { requestBytes, responseBytes: 0, commands: queue.length };
    stats.records.push(record);
    stats.maxRequestBytes = Math.max(stats.maxRequestBytes, requestBytes);
    // A round trip is asynchronous in Excel too: let other tasks run in between.
    await new Promise<void>((resolve) => setTimeout(resolve, 0));
    if (requestBytes > options.payloadLimitBytes) {
      record.failed = "RequestPayloadSizeLimitExceeded";
      throw errors.requestTooLarge(requestBytes);
    }
    const snapshots: Snapshot[] = [];
    try {
      for (const command of queue) {
        const s = command.run();
        if (s) snapshots.push(s);
      }
    } catch (e) {
      const err = e instanceof FakeRichApiError ? e : new FakeRichApiError("GeneralException", String((e as Error)?.message ?? e));
      record.failed = err.code;
      throw err;
    }
    const responseBytes = snapshots.length ? jsonBytes(snapshots.map((s) => s.json)) : 0;
    record.responseBytes = responseBytes;
    stats.maxResponseBytes = Math.max(stats.maxResponseBytes, responseBytes);
    if (responseBytes > options.payloadLimitBytes) {
      record.failed = "ResponsePayloadSizeLimitExceeded";
      throw errors.responseTooLarge(responseBytes);
    }
    for (const s of snapshots) s.apply();
    return passThroughValue;
  }
}

/** Caches the first successful resolution: an object path, once evaluated, keeps pointing at it. */
export function memo<T>(fn: () => T): () => T {
  let done = false;
  let value: T;
  return () => {
    if (!done) {
      value = fn();
      done = true;
    }
    return value;
  };
}

type LoadSpec = string | string[] | { select?: string | string[]; expand?: string | string[] } | undefined;

/** "a, b/c" | ["a", "b/c"] | { select } → [["a"], ["b", "c"]]. */
export function parseLoad(spec: LoadSpec): string[][] {
  let list: string[] = [];
  if (typeof spec === "string") list = spec.split(",");
  else if (Array.isArray(spec)) list = spec.flatMap((s) => s.split(","));
  else if (spec && typeof spec === "object") {
    const sel = (spec as { select?: string | string[] }).select;
    const exp = (spec as { expand?: string | string[] }).expand;
    list = [sel, exp].flatMap((s) => (s === undefined ? [] : Array.isArray(s) ? s : s.split(",")));
  }
  return list
    .map((s) => s.trim())
    .filter(Boolean)
    .map((s) => s.split(/[/.]/).map((p) => p.trim()));
}

export type PropMode = "r" | "rw";

/**
 * A proxy of office.js: property reads need a prior load + sync, property writes and method calls
 * queue commands. Subclasses list their scalar properties with `defineProps` and implement
 * `_read` / `_write`, both run during sync against the model.
 */
export abstract class ClientObject {
  protected readonly _values = new Map<string, unknown>();
  /** Scalar properties, filled by defineProps on the prototype. */
  declare readonly _props: Record<string, PropMode>;
  /** Navigation properties that `load("a/b")` may descend into. */
  declare readonly _navs: readonly string[];
  abstract readonly _entity: string;

  constructor(
    readonly context: RequestContextCore,
    readonly _path: string,
  ) {}

  /** Set for proxies made by `*OrNullObject` methods. */
  protected _nullable = false;

  get isNullObject(): boolean {
    return this._nullable ? (this._get("isNullObject") as boolean) : false;
  }

  /** Resolves the model object behind the proxy (during sync); throws ItemNotFound when absent. */
  protected _resolveAny(): unknown {
    throw errors.notImplemented(this._entity);
  }

  /**
   * Makes this a `*OrNullObject` proxy: the sync that follows tells whether the item exists
   * (`isNullObject`), like office.js. Using a null object for anything else fails at sync.
   */
  _orNull(): this {
    this._nullable = true;
    this.context._enqueue({
      json: { o: this._path, nullCheck: true },
      run: () => {
        const exists = this._exists();
        return { json: exists, apply: () => this._values.set("isNullObject", !exists) };
      },
    });
    return this;
  }

  protected get host(): Host {
    return this.context.host;
  }

  _get(name: string): unknown {
    if (!this._values.has(name)) throw errors.propertyNotLoaded(this._entity, name);
    return this._values.get(name);
  }

  _set(name: string, value: unknown): void {
    this._values.set(name, value);
    this.context._enqueue({ json: { o: this._path, set: name, v: value }, run: () => this._write(name, value) });
  }

  /** Queues a method call with no result. */
  protected _call(name: string, args: unknown[], run: () => void): void {
    this.context._enqueue({ json: { o: this._path, m: name, a: args }, run });
  }

  /** Reads one scalar property from the model (during sync). */
  protected abstract _read(name: string): unknown;
  /** Writes one property into the model (during sync). */
  protected abstract _write(name: string, value: unknown): void;

  load(spec?: LoadSpec): this {
    const paths = parseLoad(spec);
    this.context._enqueue({
      json: { o: this._path, load: paths.map((p) => p.join("/")) },
      // Loading a null object is the documented pattern (load, sync, check isNullObject): it loads nothing.
      run: () => (this._nullable && !this._exists() ? { json: null, apply: () => undefined } : this._snapshot(paths)),
    });
    return this;
  }

  private _exists(): boolean {
    try {
      this._resolveAny();
      return true;
    } catch (e) {
      if (e instanceof FakeRichApiError && e.code === "ItemNotFound") return false;
      throw e;
    }
  }

  /** Reads the requested paths now (during sync) and returns them to be applied on success. */
  _snapshot(paths: string[][]): Snapshot {
    const wanted = paths.length ? paths : Object.keys(this._props).map((p) => [p]);
    const own: Record<string, unknown> = {};
    const nested: Snapshot[] = [];
    const byNav = new Map<string, string[][]>();
    for (const path of wanted) {
      const [head, ...rest] = path;
      if (head === undefined || head === "isNullObject") continue;
      if (head in this._props && rest.length === 0) {
        own[head] = this._read(head);
      } else if (this._navs?.includes(head)) {
        const list = byNav.get(head) ?? [];
        if (rest.length) list.push(rest);
        byNav.set(head, list);
      } else {
        throw errors.invalidArgument(`${this._entity}.load`, `unknown property '${path.join("/")}'`);
      }
    }
    for (const [nav, rest] of byNav) nested.push((this as unknown as Record<string, ClientObject>)[nav]!._snapshot(rest));
    return {
      json: { ...own, ...(nested.length ? { nav: nested.map((n) => n.json) } : {}) },
      apply: () => {
        for (const [k, v] of Object.entries(own)) this._values.set(k, v);
        for (const n of nested) n.apply();
      },
    };
  }

  toJSON(): Record<string, unknown> {
    return Object.fromEntries(this._values);
  }
}

/** Defines office.js-style accessors: getters that demand a load, setters that queue a write. */
export function defineProps(
  cls: { prototype: object },
  props: Record<string, PropMode>,
  navs: readonly string[] = [],
  options: { ownAccessors?: readonly string[] } = {},
): void {
  const proto = cls.prototype as Record<string, unknown>;
  const inherited = (Object.getPrototypeOf(proto) as { _props?: Record<string, PropMode> })?._props ?? {};
  Object.defineProperty(proto, "_props", { value: { ...inherited, ...props }, configurable: true });
  Object.defineProperty(proto, "_navs", { value: navs, configurable: true });
  for (const [name, mode] of Object.entries(props)) {
    if (options.ownAccessors?.includes(name)) continue;
    Object.defineProperty(proto, name, {
      configurable: true,
      get(this: ClientObject) {
        return this._get(name);
      },
      set:
        mode === "rw"
          ? function (this: ClientObject, v: unknown) {
              this._set(name, v);
            }
          : undefined,
    });
  }
}

export { FakeRichApiError };
