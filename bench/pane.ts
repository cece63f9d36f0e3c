/**
 * npm run bench:pane — the task pane on an officer's network (issue 13 item 9, SPEC §8).
 *
 * 1. Bytes: the JavaScript the built pane (scripts/serve-addin.ts's production build) runs for its first
 *    screen — the entry script and its modulepreloads from taskpane.html — gzip-compressed, with brotli
 *    beside it (as Cloudflare's edge serves); and apart, the files taskpane.html loads beside it for
 *    Validasi (the checker and the result view), which the first screen does not wait for. office.js
 *    comes from Microsoft's CDN and is left out.
 * 2. Time, in Chromium with DevTools' Slow 3G (2 s latency, 50 KB/s each way) and the CPU slowed 4×:
 *    the pane served as in production (brotli, hashed files immutable, the page itself revalidated),
 *    office.js routed to the fake host (tests/support/fake-excel); first open until Validasi is usable
 *    (the roster checker loaded: <html data-pane-ready="validasi">); a later open of the same pane
 *    (its service worker and cache warm), and once more with the network cut (what proves that a later
 *    open needs no network); and beside it the floor, a bare Fluent UI page (FluentProvider
 *    and a Button, same React and Fluent versions) built and served the same way.
 * 3. Kirim of a 50,000-row roster through the pane's real API client (staging, gzip): bytes sent.
 *
 * Prints, each on its own line: `first-load JS: N KB gzip`, `first open: N s (floor N s)`,
 * `cached open: N s`, `kirim 50000 rows: N MB sent`.
 */
import { mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { readFile } from "node:fs/promises";
import { createServer, type Server } from "node:http";
import { extname, join, normalize } from "node:path";
import { fileURLToPath } from "node:url";
import { brotliCompressSync, constants, gzipSync } from "node:zlib";
import type { Page } from "playwright-core";
import { build } from "vite";
import { createApiClient } from "../addin/api/client";
import { buildAddin } from "../scripts/serve-addin";
import { generateRoster, mukomukoFacilities } from "../fixtures/demo";
import { fakeOfficeScript, launchChromium } from "../tests/support/browser";

const root = fileURLToPath(new URL("..", import.meta.url));
/** The bench builds its own copy: dist/addin may be rebuilt under it by a test run meanwhile. */
const paneDir = join(root, "node_modules", ".cache", "bench-pane", "addin");
/** DevTools' "Slow 3G" preset: 500 kbit/s × 0.8 each way, 400 ms × 5 latency. */
const SLOW_3G = { offline: false, latency: 2_000, downloadThroughput: 50_000, uploadThroughput: 50_000 };
const CPU_SLOWDOWN = Number(process.env.BENCH_CPU_SLOWDOWN ?? 4);
const ROWS = 50_000;

const kb = (n: number) => (n / 1024).toFixed(1);

/** The scripts the page loads before its first screen: the module entry and its modulepreloads. */
function firstLoadScripts(html: string): string[] {
  const out: string[] = [];
  for (const m of html.matchAll(/<script[^>]+type="module"[^>]+src="\.\/([^"]+)"/g)) out.push(m[1]!);
  for (const m of html.matchAll(/<link[^>]+rel="modulepreload"[^>]+href="\.\/([^"]+)"/g)) out.push(m[1]!);
  return out;
}

/** Scripts the page loads beside the first screen, which does not wait for them (addin/vite.config.ts: loadValidasiBeside). */
function besideScripts(html: string): string[] {
  const list = /for\(const f of (\[[^\]]*\])\)import\(f\)/.exec(html)?.[1];
  return list ? (JSON.parse(list) as string[]).map((f) => f.replace(/^\.\//, "")) : [];
}

function scriptBytes(dir: string, files: string[]): { gzip: number; brotli: number; files: number } {
  let gzip = 0;
  let brotli = 0;
  for (const f of files) {
    const body = readFileSync(join(dir, f));
    gzip += gzipSync(body, { level: 9 }).byteLength;
    brotli += brotliCompressSync(body, { params: { [constants.BROTLI_PARAM_QUALITY]: 11 } }).byteLength;
  }
  return { gzip, brotli, files: files.length };
}

function firstLoadBytes(dir: string, page = "taskpane.html") {
  return scriptBytes(dir, firstLoadScripts(readFileSync(join(dir, page), "utf8")));
}

const MIME: Record<string, string> = {
  ".html": "text/html; charset=utf-8",
  ".js": "text/javascript; charset=utf-8",
  ".json": "application/json",
  ".png": "image/png",
};

/**
 * A static server as production serves the pane: brotli for text, `immutable` for hashed assets,
 * the page and the service worker revalidated (no-cache).
 */
async function serveStatic(dir: string): Promise<{ origin: string; server: Server }> {
  const compressed = new Map<string, Buffer>();
  const server = createServer((req, res) => {
    void (async () => {
      const path = normalize(decodeURIComponent(new URL(req.url ?? "/", "http://x").pathname)).replace(/^(\.\.[/\\])+/, "");
      const file = join(dir, path === "/" ? "taskpane.html" : path);
      let body: Buffer;
      try {
        body = await readFile(file);
      } catch {
        res.writeHead(404).end();
        return;
      }
      const type = MIME[extname(file)] ?? "application/octet-stream";
      const headers: Record<string, string> = {
        "Content-Type": type,
        "Cache-Control": path.startsWith("/assets/") && !/icon-/.test(path) ? "public, max-age=31536000, immutable" : "no-cache",
      };
      if (type.startsWith("text/") || type === "application/json") {
        let br = compressed.get(file);
        if (!br) compressed.set(file, (br = brotliCompressSync(body)));
        body = br;
        headers["Content-Encoding"] = "br";
      }
      res.writeHead(200, headers).end(body);
    })();
  });
  await new Promise<void>((ok) => server.listen(0, "127.0.0.1", ok));
  const { port } = server.address() as { port: number };
  return { origin: `http://127.0.0.1:${port}`, server };
}

/** The floor: a bare Fluent UI page, built with the project's Vite, React and Fluent. */
async function buildFloor(): Promise<string> {
  const src = join(root, "node_modules", ".cache", "bench-pane-floor");
  const out = join(src, "dist");
  mkdirSync(src, { recursive: true });
  writeFileSync(
    join(src, "index.html"),
    `<!doctype html><html><head><meta charset="UTF-8"><title>floor</title></head><body><div id="root"></div><script type="module" src="./main.tsx"></script></body></html>`,
  );
  writeFileSync(
    join(src, "main.tsx"),
    `import { createRoot } from "react-dom/client";
import { Button, FluentProvider, webLightTheme } from "@fluentui/react-components";
createRoot(document.getElementById("root")!).render(
  <FluentProvider theme={webLightTheme}><Button appearance="primary" ref={(b) => { if (b) document.documentElement.setAttribute("data-pane-ready", "validasi"); }}>Validasi</Button></FluentProvider>,
);`,
  );
  const react = (await import("@vitejs/plugin-react")).default;
  await build({ root: src, base: "./", logLevel: "silent", plugins: [react()], build: { outDir: out, emptyOutDir: true, target: "es2022", rollupOptions: { input: join(src, "index.html") } } });
  return out;
}

interface OpenTimes {
  /** The page (taskpane.html) fully arrived, and whether a service worker answered it. */
  page: number;
  fromServiceWorker: boolean;
  /** The first screen is up and its buttons answer. */
  screen: number;
  /** The roster checker and the workbook code are loaded: Validasi runs without fetching code. */
  validasi: number;
}

/**
 * Seconds from navigation until the first screen and until Validasi is usable, on Slow 3G (or `network`)
 * with the CPU slowed. office.js is answered from the fake through CDP's Fetch domain for that one URL only:
 * Playwright's page.route would turn the whole HTTP cache off, and a later open is about that cache.
 */
async function timeOpen(page: Page, url: string, fakeOffice: string, network: typeof SLOW_3G = SLOW_3G): Promise<OpenTimes> {
  const cdp = await page.context().newCDPSession(page);
  await cdp.send("Network.enable");
  await cdp.send("Network.emulateNetworkConditions", network);
  await cdp.send("Emulation.setCPUThrottlingRate", { rate: CPU_SLOWDOWN });
  await cdp.send("Fetch.enable", { patterns: [{ urlPattern: "https://appsforoffice.microsoft.com/*", requestStage: "Request" }] });
  cdp.on("Fetch.requestPaused", (e: { requestId: string }) => {
    void cdp.send("Fetch.fulfillRequest", {
      requestId: e.requestId,
      responseCode: 200,
      responseHeaders: [{ name: "Content-Type", value: "application/javascript" }],
      body: Buffer.from(fakeOffice).toString("base64"),
    });
  });
  const started = Date.now();
  await page.goto(url, { waitUntil: "commit" });
  await page.waitForSelector("html[data-pane-ready]", { timeout: 120_000, state: "attached" });
  const screen = (Date.now() - started) / 1000;
  await page.waitForSelector("html[data-pane-ready='validasi']", { timeout: 120_000, state: "attached" });
  const validasi = (Date.now() - started) / 1000;
  if (process.env.BENCH_DEBUG) {
    const slow = await page.evaluate(() =>
      [...performance.getEntriesByType("navigation"), ...performance.getEntriesByType("resource")]
        .map((e) => `${e.name.replace(/^.*\//, "")} ${Math.round(e.startTime)}+${Math.round(e.duration)}ms ${(e as PerformanceResourceTiming).transferSize}B`),
    );
    console.error(slow.join("\n"));
    console.error(
      "controlled:",
      await page.evaluate(() => {
        const n = performance.getEntriesByType("navigation")[0] as PerformanceNavigationTiming;
        return [!!navigator.serviceWorker?.controller, Math.round(n.workerStart), Math.round(n.responseStart), Math.round(n.responseEnd)];
      }),
    );
  }
  const nav = await page.evaluate(() => {
    const n = performance.getEntriesByType("navigation")[0] as PerformanceNavigationTiming;
    return { end: n.responseEnd / 1000, sw: n.workerStart > 0 && !!navigator.serviceWorker?.controller };
  });
  await cdp.send("Fetch.disable");
  await cdp.send("Emulation.setCPUThrottlingRate", { rate: 1 });
  await cdp.send("Network.emulateNetworkConditions", { offline: false, latency: 0, downloadThroughput: -1, uploadThroughput: -1 });
  return { page: nav.end, fromServiceWorker: nav.sw, screen, validasi };
}

interface Times {
  first: OpenTimes;
  cached: OpenTimes;
  /** A third open with the network cut: proves a later open needs no network before Validasi works. */
  offline: OpenTimes | null;
  floor: OpenTimes;
}

async function browserTimes(paneOrigin: string, floorOrigin: string): Promise<Times> {
  const browser = await launchChromium();
  try {
    const fake = await fakeOfficeScript();
    const context = await browser.newContext({ viewport: { width: 350, height: 700 } });
    // A returning officer: settings saved, so the pane opens on Roster.
    await context.addInitScript(() => localStorage.setItem("nakes-roster:settings", JSON.stringify({ apiUrl: location.origin, token: "tok_bench" })));

    const first = await context.newPage();
    const firstOpen = await timeOpen(first, `${paneOrigin}/taskpane.html`, fake);
    // Let the service worker install and fill its cache before the later open.
    const sw = await first.evaluate(() =>
      Promise.race([navigator.serviceWorker?.ready.then(() => "ready"), new Promise((r) => setTimeout(() => r("no service worker"), 60_000))]),
    );
    if (sw !== "ready") console.error(`  (${sw} after the first open)`);
    await first.close();

    const later = await context.newPage();
    const cachedOpen = await timeOpen(later, `${paneOrigin}/taskpane.html`, fake);
    await later.close();
    const cut = await context.newPage();
    const offline = await timeOpen(cut, `${paneOrigin}/taskpane.html`, fake, { ...SLOW_3G, offline: true }).catch(() => null);
    await context.close();

    const floorContext = await browser.newContext({ viewport: { width: 350, height: 700 } });
    const floor = await timeOpen(await floorContext.newPage(), `${floorOrigin}/index.html`, fake);
    await floorContext.close();
    return { first: firstOpen, floor, cached: cachedOpen, offline };
  } finally {
    await browser.close();
  }
}

/** Bytes a Kirim of `rows` rows puts on the wire through the pane's API client (dry run staged, then commit). */
async function kirimBytes(rows: number): Promise<{ sent: number; json: number }> {
  const request = generateRoster({ rows, seed: 13, asOf: "2026-11-01", facilities: mukomukoFacilities, pelatihan: false });
  let sent = 0;
  const answer = (body: unknown, status = 200) => new Response(JSON.stringify(body), { status, headers: { "Content-Type": "application/json" } });
  const client = createApiClient({
    apiUrl: "https://roster.bench",
    token: "tok_bench",
    lang: "id",
    fetch: async (input, init) => {
      const body = init?.body;
      sent += body === undefined || body === null ? 0 : typeof body === "string" ? Buffer.byteLength(body) : (body as Uint8Array).byteLength;
      const path = new URL(String(input)).pathname;
      if (path === "/v1/rosters/validate") {
        return answer({ ok: true, counts: { error: 0, warning: 0, info: 0 }, issues: [], diff: [], base: "b", staged: { id: "00000000-0000-4000-8000-000000000013", expires_at: "2026-11-02T00:00:00Z" } });
      }
      return answer({ upload_id: "upl_bench", stored: { nakes: rows, pelatihan: 0 }, counts: { error: 0, warning: 0, info: 0 }, issues: [], diff: [] }, 201);
    },
  });
  const dry = await client.validate(request, { stage: true });
  await client.push(request, { base: dry.base, idempotencyKey: "k", stagedId: dry.staged?.id ?? null });
  return { sent, json: Buffer.byteLength(JSON.stringify(request)) };
}

async function main() {
  await buildAddin(paneDir);
  const bytes = firstLoadBytes(paneDir);
  console.log(`first-load JS: ${kb(bytes.gzip)} KB gzip`);
  console.log(`  (${kb(bytes.brotli)} KB brotli, ${bytes.files} files; office.js from Microsoft's CDN not counted)`);
  const beside = scriptBytes(paneDir, besideScripts(readFileSync(join(paneDir, "taskpane.html"), "utf8")));
  console.log(`  (+ ${kb(beside.gzip)} KB gzip, ${kb(beside.brotli)} KB brotli, ${beside.files} file(s) for Validasi, loaded beside the first screen, which does not wait for them)`);

  const kirim = await kirimBytes(ROWS);

  let times: Times | null = null;
  let why = "";
  try {
    const floorDir = await buildFloor();
    const floorBytes = firstLoadBytes(floorDir, "index.html");
    const pane = await serveStatic(paneDir);
    const floor = await serveStatic(floorDir);
    try {
      times = await browserTimes(pane.origin, floor.origin);
    } finally {
      pane.server.close();
      floor.server.close();
    }
    console.log(`  (floor page: ${kb(floorBytes.gzip)} KB gzip)`);
  } catch (e) {
    why = e instanceof Error ? e.message.split("\n")[0]! : String(e);
  }
  const s = (n: number) => n.toFixed(1);
  if (times) {
    console.log(`first open: ${s(times.first.validasi)} s (floor ${s(times.floor.validasi)} s)`);
    console.log(`  (first screen with working buttons: ${s(times.first.screen)} s; Validasi usable: roster checker and workbook code loaded)`);
    console.log(`cached open: ${s(times.cached.validasi)} s`);
    console.log(
      `  (first screen: ${s(times.cached.screen)} s; the page itself ${times.cached.fromServiceWorker ? "from the service worker" : "from the network"}, ` +
        `complete at ${s(times.cached.page)} s; with the network cut: ${times.offline ? `Validasi usable at ${s(times.offline.validasi)} s` : "the pane did not open"})`,
    );
  } else {
    console.log(`first open: not measured (floor not measured): ${why}`);
    console.log(`cached open: not measured`);
  }
  console.log(`kirim ${ROWS} rows: ${(kirim.sent / 1024 / 1024).toFixed(2)} MB sent`);
  console.log(`  (the roster's JSON is ${(kirim.json / 1024 / 1024).toFixed(2)} MB; sent once, gzip, then committed by id)`);
}

await main();
process.exit(0);
