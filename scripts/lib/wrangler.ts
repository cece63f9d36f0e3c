import { spawn, type ChildProcess, type SpawnOptions } from "node:child_process";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { ensureAssetsDir } from "./assets";
import { packageBin } from "./bin";
import { adviceForFailure, wranglerOutputForUser } from "./wrangler-output";

/** Running wrangler from the scripts: the project's own binary, quiet and offline-friendly. */
export const root = fileURLToPath(new URL("../..", import.meta.url));
export const wranglerConfig = join(root, "worker", "wrangler.jsonc");
/** Where local D1 lives unless --persist-to says otherwise (wrangler's own default directory). */
export const defaultPersistTo = join(root, ".wrangler", "state");

export function wranglerEnv(extra: Record<string, string> = {}): NodeJS.ProcessEnv {
  return {
    ...process.env,
    WRANGLER_SEND_METRICS: "false",
    CLOUDFLARE_CF_FETCH_ENABLED: "false",
    // No prompts, no colours in captured output.
    CI: "1",
    FORCE_COLOR: "0",
    ...extra,
  };
}

/** wrangler's JS entry, run by this very Node (scripts/lib/bin.ts says why not node_modules/.bin). */
export const wranglerEntry = (): string => packageBin("wrangler");

/** Spawns wrangler with `args` (no shell, so arguments are never re-parsed), on every platform. */
export function spawnWrangler(args: string[], options: SpawnOptions): ChildProcess {
  return spawn(process.execPath, [wranglerEntry(), ...args], options);
}

/** A wrangler run that failed: `output` is all it printed; the message is the scripts' advice or its last lines. */
export class WranglerError extends Error {
  constructor(
    readonly args: string[],
    readonly exitCode: number | null,
    readonly output: string,
  ) {
    const advice = adviceForFailure(output);
    const what = `wrangler ${args.slice(0, 3).join(" ")} (exit ${exitCode})`;
    super(advice ? `${advice}\n  [${what}]` : `${what} gagal / failed:\n${wranglerOutputForUser(output)}`);
    this.name = "WranglerError";
  }
}

export interface Target {
  /** The deployed database instead of the local one. */
  remote?: boolean;
  /** Local persistence directory (wrangler's --persist-to). */
  persistTo?: string;
}

function targetArgs(t: Target): string[] {
  if (t.remote) return ["--remote"];
  return ["--local", "--persist-to", t.persistTo ?? defaultPersistTo];
}

/** Runs wrangler to completion; rejects with a WranglerError (its output, colour codes stripped) when it fails. */
export function runWrangler(args: string[], opts: { quiet?: boolean; env?: Record<string, string> } = {}): Promise<string> {
  ensureAssetsDir();
  return new Promise((resolve, reject) => {
    const child = spawnWrangler([...args, "--config", wranglerConfig], { cwd: root, env: wranglerEnv(opts.env), stdio: ["ignore", "pipe", "pipe"] });
    let out = "";
    child.stdout!.on("data", (d: Buffer) => {
      out += d.toString();
      if (!opts.quiet) process.stdout.write(d);
    });
    child.stderr!.on("data", (d: Buffer) => {
      out += d.toString();
      if (!opts.quiet) process.stderr.write(d);
    });
    child.on("error", reject);
    child.on("close", (code) => (code === 0 ? resolve(out) : reject(new WranglerError(args, code, out))));
  });
}

/**
 * Applies worker/migrations to every D1 database worker/wrangler.jsonc binds: DB and each province's
 * DB_11 … DB_96 (SPEC §7, issue 15: one database per province), so `npm start`, the token command and
 * the deploy leave no bound database behind. Returns wrangler's output.
 */
export async function applyMigrations(t: Target, quiet = true): Promise<string> {
  // Imported here: worker-config imports this module.
  const { rawWorkerConfig } = await import("./worker-config");
  const bound = (rawWorkerConfig().d1_databases ?? []).map((d) => d.binding).filter((b) => b === "DB" || /^DB_\d{2}$/.test(b));
  let out = "";
  for (const binding of bound.includes("DB") ? bound : ["DB", ...bound]) out += await runWrangler(["d1", "migrations", "apply", binding, ...targetArgs(t)], { quiet });
  return out;
}

export const executeFile = (file: string, t: Target, quiet = true, binding = "DB") => runWrangler(["d1", "execute", binding, ...targetArgs(t), "--yes", "--file", file], { quiet });

/** Runs SQL and returns the rows of its last statement. */
export async function query<T = Record<string, unknown>>(sql: string, t: Target): Promise<T[]> {
  const out = await runWrangler(["d1", "execute", "DB", ...targetArgs(t), "--yes", "--json", "--command", sql], { quiet: true });
  const start = out.indexOf("[");
  const parsed = JSON.parse(out.slice(start)) as { results: T[] }[];
  return parsed[parsed.length - 1]?.results ?? [];
}

export interface DevServer {
  url: string;
  child: ChildProcess;
  stop: () => Promise<void>;
}

/**
 * `wrangler dev` with local D1 on a port, resolved once /v1/health answers. Vars override
 * wrangler.jsonc's.
 */
export async function startDev(opts: { port: number; persistTo?: string; vars?: Record<string, string>; log?: (line: string) => void; timeoutMs?: number; config?: string }): Promise<DevServer> {
  ensureAssetsDir();
  const args = ["dev", "--local", "--port", String(opts.port), "--ip", "127.0.0.1", "--persist-to", opts.persistTo ?? defaultPersistTo, "--show-interactive-dev-session=false"];
  for (const [k, v] of Object.entries(opts.vars ?? {})) args.push("--var", `${k}:${v}`);
  // config: another Worker's wrangler file (the upload benchmark's bench/worker/wrangler.jsonc).
  const child = spawnWrangler([...args, "--config", opts.config ?? wranglerConfig], { cwd: root, env: wranglerEnv(), stdio: ["ignore", "pipe", "pipe"], detached: process.platform !== "win32" });
  let output = "";
  const onData = (d: Buffer) => {
    output += d.toString();
    if (output.length > 20_000) output = output.slice(-10_000);
    if (opts.log) for (const line of d.toString().split("\n")) if (line.trim()) opts.log(line);
  };
  child.stdout?.on("data", onData);
  child.stderr?.on("data", onData);
  const url = `http://127.0.0.1:${opts.port}`;
  const stop = () => stopChild(child);
  const deadline = Date.now() + (opts.timeoutMs ?? 120_000);
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new WranglerError(args, child.exitCode, output);
    try {
      const res = await fetch(`${url}/v1/health`);
      if (res.ok) return { url, child, stop };
    } catch {
      // not up yet
    }
    await new Promise((r) => setTimeout(r, 300));
  }
  await stop();
  throw new Error(`wrangler dev tidak menjawab / did not answer on ${url} in time:\n${wranglerOutputForUser(output, 20)}`);
}

/** Stops a child and its process group (wrangler starts workerd beneath it). */
export function stopChild(child: ChildProcess): Promise<void> {
  return new Promise((resolve) => {
    if (child.exitCode !== null || child.signalCode !== null) return resolve();
    const timer = setTimeout(() => kill("SIGKILL"), 5000);
    child.once("exit", () => {
      clearTimeout(timer);
      resolve();
    });
    function kill(signal: NodeJS.Signals) {
      try {
        if (child.pid && process.platform !== "win32") process.kill(-child.pid, signal);
        else child.kill(signal);
      } catch {
        // already gone
      }
    }
    kill("SIGTERM");
  });
}
