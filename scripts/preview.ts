/**
 * npm run preview: the production configuration on this machine. One `wrangler dev` of
 * worker/wrangler.jsonc as deployed serves the built pane (static assets), the API under /v1 and
 * /manifest.xml from ONE origin, so the pane calls its own origin and needs no CORS, exactly as after
 * `npm run deploy`. The local database is its own (.wrangler/preview), migrated and seeded with the
 * demo region like `npm start`, with a local admin token. Ctrl-C stops it.
 *
 *   npm run preview [-- --port 8788] [--persist-to DIR]
 *
 * Office loads add-ins over https only, so Excel itself needs the deployed Worker (or `npm start`'s
 * https pane); the preview is for a browser and for the browser tests (tests/e2e/preview.test.ts).
 */
import { isAbsolute, join, relative, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { parseArgs } from "node:util";
import { addinBuildIsStale, buildAddin } from "./serve-addin";
import { localAdminToken, prepareLocalDatabase } from "./lib/local-db";
import { persistToArg } from "./lib/banner";
import { root, startDev, stopChild, type DevServer } from "./lib/wrangler";

/** National, like npm start's: the demo holds Bengkulu and Banten facilities. */
const ADMIN = { role: "admin", scope: "ID", name: "Admin lokal (npm run preview)" } as const;

/** The preview's own local database, apart from npm start's (.wrangler/state). */
export const PREVIEW_PERSIST_TO = join(root, ".wrangler", "preview");

export interface Preview {
  /** The one origin: pane, API, manifest. */
  origin: string;
  /** Its local database directory (wrangler's --persist-to). */
  persistTo: string;
  paneUrl: string;
  manifestUrl: string;
  adminToken: string;
  dev: DevServer;
  stop(): Promise<void>;
}

/** Builds the pane when stale, prepares the preview's database and starts wrangler dev on it. */
export async function startPreview(opts: { port: number; persistTo?: string; log?: (line: string) => void } ): Promise<Preview> {
  const say = opts.log ?? (() => {});
  const persistTo = opts.persistTo ?? PREVIEW_PERSIST_TO;
  if (addinBuildIsStale()) {
    say("Membangun panel / building the task pane (dist/addin) …");
    await buildAddin();
  }
  say(`Menyiapkan basis data / preparing the database (${persistTo}) …`);
  const admin = await localAdminToken(persistTo, ADMIN);
  await prepareLocalDatabase({ persistTo }, admin.sql);
  say(`wrangler dev (worker/wrangler.jsonc: assets + API), port ${opts.port} …`);
  const dev = await startDev({ port: opts.port, persistTo, timeoutMs: 120_000 });
  const origin = dev.url;
  return {
    origin,
    persistTo,
    paneUrl: `${origin}/taskpane.html`,
    manifestUrl: `${origin}/manifest.xml`,
    adminToken: admin.token,
    dev,
    stop: () => stopChild(dev.child),
  };
}

/** A path as typed from the project folder: relative inside it, absolute outside. */
function shownPath(path: string): string {
  const rel = relative(root, path);
  return rel && !rel.startsWith("..") && !isAbsolute(rel) ? rel : path;
}

async function main(): Promise<void> {
  const { values } = parseArgs({ options: { port: { type: "string", default: "8788" }, "persist-to": { type: "string" } } });
  const preview = await startPreview({ port: Number(values.port), persistTo: values["persist-to"], log: (l) => console.log(l) });
  console.log(
    [
      "",
      `Pratinjau produksi / production preview: ${preview.origin}  (satu origin / one origin: pane, API, manifest)`,
      `  Panel / pane:      ${preview.paneUrl}`,
      `  Manifest:          ${preview.manifestUrl}`,
      `  API:               ${preview.origin}/v1   docs: ${preview.origin}/docs`,
      `  Token admin lokal / local admin token (scope ID):  ${preview.adminToken}`,
      `  Token lain / more tokens (this database):  npm run token -- create --role uploader --scope 1706 --name "Dinkes Mukomuko"${persistToArg(shownPath(preview.persistTo))}`,
      "Ctrl-C menghentikan / stops it.",
    ].join("\n"),
  );
  // Ctrl-C also reaches wrangler (same process group) and ends it with 143: that is a stop, not a crash.
  let stopping = false;
  const shutdown = () => {
    if (stopping) return;
    stopping = true;
    console.log("\nBerhenti / stopping …");
    void preview.stop().finally(() => process.exit(0));
  };
  process.on("SIGINT", shutdown);
  process.on("SIGTERM", shutdown);
  preview.dev.child.on("exit", (code, signal) => {
    if (stopping || signal === "SIGINT" || signal === "SIGTERM" || code === 130 || code === 143) {
      if (!stopping) console.log("\nwrangler dev dihentikan / stopped.");
      process.exit(0);
    }
    console.error(`wrangler dev berhenti tak terduga / exited unexpectedly (exit ${code}).`);
    process.exit(1);
  });
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  main().catch((e: unknown) => {
    console.error(e instanceof Error ? e.message : String(e));
    process.exit(1);
  });
}
