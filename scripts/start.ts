/**
 * npm start: the API on `wrangler dev` with local D1 — migrations applied, region codes and the demo
 * province seeded (generated from shared/), a local admin token stored and printed with curl examples —
 * and, when the add-in's server is present, the task pane over HTTPS on port 3000. Works offline and
 * is re-runnable: the seed is a set of upserts and the admin token survives restarts. Ctrl-C stops all.
 *
 *   npm start                        # API on http://localhost:8787, data in .wrangler/state
 *   npm start -- --persist-to DIR    # keep the local database elsewhere
 *   npm start -- --port 8788 --no-addin
 */
import { existsSync } from "node:fs";
import { join, relative } from "node:path";
import { parseArgs } from "node:util";
import { localAdminToken, prepareLocalDatabase } from "./lib/local-db";
import { defaultPersistTo, root, startDev, stopChild, type DevServer } from "./lib/wrangler";
import { startBanner } from "./lib/banner";

// National: the demo holds Mukomuko (Bengkulu) and Banten facilities.
const ADMIN = { role: "admin", scope: "ID", name: "Admin lokal (npm start)" } as const;
/**
 * Where npm start serves the pane (scripts/serve-addin.ts): another origin than the API's, so the API
 * allows it by CORS here, as a var of this wrangler dev only. The deployed Worker serves the pane
 * itself and allows no other origin (wrangler.jsonc CORS_ORIGINS is empty).
 */
const PANE_PORT = 3000;
const DEV_PANE_ORIGIN = `https://localhost:${PANE_PORT}`;

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      "persist-to": { type: "string" },
      port: { type: "string", default: "8787" },
      "no-addin": { type: "boolean", default: false },
    },
  });
  const persistTo = values["persist-to"] ?? defaultPersistTo;
  const port = Number(values.port);
  const say = (line: string) => console.log(line);

  say(`Menyiapkan basis data lokal / preparing the local database (${relative(root, persistTo) || persistTo}) …`);
  const admin = await localAdminToken(persistTo, ADMIN);
  await prepareLocalDatabase({ persistTo }, admin.sql);

  say(`Menjalankan API / starting the API (wrangler dev, port ${port}) …`);
  const dev: DevServer = await startDev({
    port,
    persistTo,
    vars: { CORS_ORIGINS: DEV_PANE_ORIGIN },
    log: (line) => {
      // wrangler's request lines carry paths only; keep errors visible.
      if (/error|✘/i.test(line)) console.error(`[wrangler] ${line}`);
    },
  });
  const apiUrl = `http://localhost:${port}`;

  let addin: { url: string; close: () => Promise<void> } | null = null;
  const serveAddinFile = join(root, "scripts", "serve-addin.ts");
  if (!values["no-addin"] && existsSync(serveAddinFile)) {
    try {
      const mod = (await import("./serve-addin")) as { serveAddin?: (o: { port?: number; apiUrl?: string; log?: (l: string) => void }) => Promise<{ url: string; close: () => Promise<void> }> };
      if (typeof mod.serveAddin === "function") addin = await mod.serveAddin({ port: PANE_PORT, apiUrl, log: say });
    } catch (e) {
      console.error(`Panel add-in tidak dapat dijalankan / the add-in pane could not be served: ${e instanceof Error ? e.message : String(e)}`);
    }
  }

  say(startBanner({ apiUrl, token: admin.token, scope: ADMIN.scope, addinUrl: addin?.url ?? null, persistTo: values["persist-to"] }));

  let stopping = false;
  const shutdown = async () => {
    if (stopping) return;
    stopping = true;
    say("\nBerhenti / stopping …");
    await Promise.allSettled([stopChild(dev.child), addin?.close()]);
    process.exit(0);
  };
  process.on("SIGINT", shutdown);
  process.on("SIGTERM", shutdown);
  dev.child.on("exit", (code) => {
    if (!stopping) {
      console.error(`wrangler dev berhenti / exited (${code}).`);
      void addin?.close().finally(() => process.exit(1));
    }
  });
}

main().catch((e: unknown) => {
  console.error(e instanceof Error ? e.message : String(e));
  process.exit(1);
});
