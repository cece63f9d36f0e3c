/**
 * The real API for browser tests and the load bench: `wrangler dev` over a fresh local D1 in a temp
 * directory, migrated and seeded with the demo region the way `npm start` does it (scripts/lib), with
 * tokens made for the run. Started and stopped by the caller; nothing is shared with `npm start`'s
 * database or with another run.
 */
import { mkdtempSync, readdirSync, rmSync } from "node:fs";
import { createServer } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { DatabaseSync } from "node:sqlite";
import { newToken, prepareLocalDatabase } from "../../scripts/lib/local-db";
import { startDev } from "../../scripts/lib/wrangler";
import { addinBuildIsStale, buildAddin } from "../../scripts/serve-addin";

/** A port nobody listens on right now (the OS picks it). */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = createServer();
    srv.once("error", reject);
    srv.listen(0, "127.0.0.1", () => {
      const { port } = srv.address() as { port: number };
      srv.close(() => resolve(port));
    });
  });
}

export interface ApiResponse<T = unknown> {
  status: number;
  headers: Headers;
  body: T;
}

export interface RequestOptions {
  token?: string;
  method?: string;
  body?: unknown;
  headers?: Record<string, string>;
}

export interface ApiServer {
  url: string;
  /**
   * The task pane as this same wrangler dev serves it (static assets of worker/wrangler.jsonc: the
   * production layout, one origin, no CORS); built first when `pane: true` was asked.
   */
  paneUrl: string;
  persistDir: string;
  /** An admin of the demo province (17, Bengkulu) and an uploader of `uploaderScope`. */
  tokens: { admin: string; uploader: string };
  /** A JSON request to the API (the body parsed when it is JSON, else the text). */
  request<T = unknown>(path: string, opts?: RequestOptions): Promise<ApiResponse<T>>;
  /** Creates a token through POST /v1/tokens with the admin token. */
  createToken(role: "admin" | "uploader" | "analyst", scope: string, name: string): Promise<string>;
  /** Rows of a read-only SQL query straight on the D1 file: what the database really holds. */
  query<T = Record<string, unknown>>(sql: string, ...params: (string | number | null)[]): T[];
  stop(): Promise<void>;
}

export interface StartApiOptions {
  /** Origins allowed by CORS (the pane's), passed as the CORS_ORIGINS var. */
  corsOrigins?: string[];
  /** Scope of the uploader token; default the demo regency, Mukomuko (1706). */
  uploaderScope?: string;
  /** Extra vars for wrangler dev (`--var NAME:value`). */
  vars?: Record<string, string>;
  /** Build the pane (dist/addin) first when it is missing or stale, for `paneUrl`. */
  pane?: boolean;
}

/** The D1 database file that miniflare keeps under --persist-to (one per binding). */
function d1File(persistDir: string): string {
  const dir = join(persistDir, "v3", "d1", "miniflare-D1DatabaseObject");
  const file = readdirSync(dir).find((f) => f.endsWith(".sqlite") && f !== "metadata.sqlite");
  if (!file) throw new Error(`no D1 database under ${dir}`);
  return join(dir, file);
}

export async function startApi(options: StartApiOptions = {}): Promise<ApiServer> {
  const persistDir = mkdtempSync(join(tmpdir(), "nakes-e2e-d1-"));
  const target = { persistTo: persistDir };
  let dev: Awaited<ReturnType<typeof startDev>> | null = null;
  let db: DatabaseSync | null = null;
  const stop = async () => {
    db?.close();
    db = null;
    await dev?.stop();
    dev = null;
    rmSync(persistDir, { recursive: true, force: true });
  };

  let tokens: ApiServer["tokens"];
  try {
    const admin = await newToken({ role: "admin", scope: "17", name: "e2e admin" });
    const uploader = await newToken({ role: "uploader", scope: options.uploaderScope ?? "1706", name: "e2e petugas 1" });
    await prepareLocalDatabase(target, `${admin.sql}\n${uploader.sql}`);
    tokens = { admin: admin.token, uploader: uploader.token };
    if (options.pane && addinBuildIsStale()) await buildAddin();
    const vars = { ...options.vars, ...(options.corsOrigins ? { CORS_ORIGINS: options.corsOrigins.join(",") } : {}) };
    dev = await startDev({ port: await freePort(), persistTo: persistDir, vars, timeoutMs: 90_000 });
  } catch (e) {
    await stop();
    throw e;
  }
  const url = dev.url;

  async function request<T>(path: string, opts: RequestOptions = {}): Promise<ApiResponse<T>> {
    const headers: Record<string, string> = { Accept: "application/json", ...opts.headers };
    if (opts.token) headers.Authorization = `Bearer ${opts.token}`;
    let body: string | undefined;
    if (opts.body !== undefined) {
      body = typeof opts.body === "string" ? opts.body : JSON.stringify(opts.body);
      headers["Content-Type"] ??= "application/json";
    }
    const res = await fetch(`${url}${path}`, { method: opts.method ?? (body === undefined ? "GET" : "POST"), headers, body });
    const text = await res.text();
    let parsed: unknown = text;
    try {
      parsed = text === "" ? null : JSON.parse(text);
    } catch {
      // Not JSON: keep the text for the assertion message.
    }
    return { status: res.status, headers: res.headers, body: parsed as T };
  }

  return {
    url,
    paneUrl: `${url}/taskpane.html`,
    persistDir,
    tokens,
    request,
    async createToken(role, scope, name) {
      const res = await request<{ token?: string }>("/v1/tokens", { token: tokens.admin, body: { role, scope, name } });
      if (res.status !== 201 || typeof res.body.token !== "string") {
        throw new Error(`POST /v1/tokens answered ${res.status}: ${JSON.stringify(res.body)}`);
      }
      return res.body.token;
    },
    query<T>(sql: string, ...params: (string | number | null)[]): T[] {
      db ??= new DatabaseSync(d1File(persistDir), { readOnly: true });
      return db.prepare(sql).all(...params) as T[];
    },
    stop,
  };
}
