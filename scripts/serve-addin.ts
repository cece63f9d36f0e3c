/**
 * Serves the built task pane (dist/addin) at https://localhost:3000, where manifest.xml points.
 * Builds it first with Vite when it is missing or older than its sources. HTTPS uses the
 * Office dev certificates (~/.office-addin-dev-certs); when trusting their CA needs rights this
 * machine does not give (no sudo), it serves anyway and prints how to trust the CA by hand.
 *
 *   tsx scripts/serve-addin.ts [--port 3000] [--api http://localhost:8787] [--http]
 *   tsx scripts/serve-addin.ts --build      # only (re)builds dist/addin (npm run build:addin)
 */
import { X509Certificate } from "node:crypto";
import { spawn } from "node:child_process";
import { existsSync, mkdirSync, readFileSync, readdirSync, renameSync, rmSync, statSync, writeFileSync } from "node:fs";
import { readFile } from "node:fs/promises";
import { createServer as createHttpServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import { createServer as createHttpsServer } from "node:https";
import { createRequire } from "node:module";
import { homedir } from "node:os";
import { dirname, extname, join, normalize, relative, resolve, sep } from "node:path";
import { fileURLToPath } from "node:url";
import { assetsDir } from "./lib/assets";

const projectRoot = fileURLToPath(new URL("..", import.meta.url));
const distDir = assetsDir;
const certDir = join(homedir(), ".office-addin-dev-certs");
const certFiles = { ca: join(certDir, "ca.crt"), cert: join(certDir, "localhost.crt"), key: join(certDir, "localhost.key") };

export interface ServeAddinOptions {
  port?: number;
  /** The API the pane uses until the user sets another in Pengaturan; served as /config.json. */
  apiUrl?: string;
  /** Plain HTTP (screenshots, local checks). Office itself only loads panes over HTTPS. */
  http?: boolean;
  host?: string;
  log?: (line: string) => void;
}

export interface ServedAddin {
  url: string;
  server: Server;
  close: () => Promise<void>;
}

const MIME: Record<string, string> = {
  ".html": "text/html; charset=utf-8",
  ".js": "text/javascript; charset=utf-8",
  ".css": "text/css; charset=utf-8",
  ".json": "application/json; charset=utf-8",
  ".png": "image/png",
  ".svg": "image/svg+xml",
  ".ico": "image/x-icon",
  ".map": "application/json; charset=utf-8",
  ".woff2": "font/woff2",
  ".xml": "application/xml; charset=utf-8",
};

function newestMtime(path: string): number {
  if (!existsSync(path)) return 0;
  const st = statSync(path);
  if (!st.isDirectory()) return st.mtimeMs;
  let newest = st.mtimeMs;
  for (const entry of readdirSync(path)) newest = Math.max(newest, newestMtime(join(path, entry)));
  return newest;
}

/** The pane's sources: its own folder, the shared domain it bundles, and the config. */
export function addinBuildIsStale(): boolean {
  const built = join(distDir, "taskpane.html");
  if (!existsSync(built)) return true;
  const sources = Math.max(newestMtime(join(projectRoot, "addin")), newestMtime(join(projectRoot, "shared")), newestMtime(join(projectRoot, "package-lock.json")));
  return sources > statSync(built).mtimeMs;
}

/**
 * Builds the pane into `outDir` (default dist/addin, the Worker's assets): always a production build,
 * and published so that a server reading `outDir` meanwhile (another test run, `npm start`) never sees
 * it empty or half-written.
 *
 * - Production: Vite picks React's build from process.env.NODE_ENV, which vitest sets to "test"
 *   (React's development build, 3× the bytes and far slower). So Vite runs in a child process with
 *   NODE_ENV=production, whoever calls.
 * - Published: Vite writes a fresh folder beside `outDir` (same file system); each file then moves
 *   into `outDir` by rename(2), which replaces atomically: hashed assets first, the pages last, so a
 *   page never names a chunk that is not there yet. The previous build's files stay one build longer
 *   (listed in `<outDir>.files.json`, outside the served folder), so a pane opened before the rebuild
 *   still finds its chunks; older ones are removed.
 *
 * Throws when the build fails (its messages are on stderr); `outDir` is then left as it was.
 */
export async function buildAddin(outDir: string = distDir): Promise<void> {
  const staging = `${outDir}.build-${process.pid}-${Date.now()}`;
  try {
    await runViteBuild(staging);
    publishBuild(staging, outDir);
  } finally {
    rmSync(staging, { recursive: true, force: true });
  }
}

function runViteBuild(outDir: string): Promise<void> {
  const vite = join(dirname(createRequire(import.meta.url).resolve("vite/package.json")), "bin", "vite.js");
  const args = [vite, "build", "--config", join(projectRoot, "addin", "vite.config.ts"), "--outDir", outDir, "--emptyOutDir", "--mode", "production", "--logLevel", "warn"];
  return new Promise((ok, fail) => {
    const child = spawn(process.execPath, args, { cwd: projectRoot, env: { ...process.env, NODE_ENV: "production" }, stdio: ["ignore", "inherit", "inherit"] });
    child.once("error", fail);
    child.once("exit", (code, signal) => (code === 0 ? ok() : fail(new Error(`vite build of the pane failed (${signal ?? `exit ${code}`})`))));
  });
}

function filesUnder(dir: string, prefix = ""): string[] {
  return readdirSync(join(dir, prefix), { withFileTypes: true }).flatMap((e) =>
    e.isDirectory() ? filesUnder(dir, join(prefix, e.name)) : [join(prefix, e.name)],
  );
}

/** Moves every file of `staging` into `outDir` (see buildAddin), keeping the previous build's files one build longer. */
function publishBuild(staging: string, outDir: string): void {
  const manifest = `${outDir}.files.json`;
  const built = filesUnder(staging);
  mkdirSync(outDir, { recursive: true });
  const present = filesUnder(outDir);
  // Without a list (a folder from before this scheme) everything present counts as the previous build.
  const previous: string[] = existsSync(manifest) ? (JSON.parse(readFileSync(manifest, "utf8")) as string[]) : present;
  const last = (f: string) => (f.endsWith(".html") ? 2 : f === "sw.js" ? 1 : 0);
  for (const file of [...built].sort((a, b) => last(a) - last(b))) {
    mkdirSync(dirname(join(outDir, file)), { recursive: true });
    renameSync(join(staging, file), join(outDir, file));
  }
  const keep = new Set([...built, ...previous]);
  for (const file of present) if (!keep.has(file)) rmSync(join(outDir, file), { force: true });
  writeFileSync(`${manifest}.tmp-${process.pid}`, JSON.stringify(built));
  renameSync(`${manifest}.tmp-${process.pid}`, manifest);
}

function readCertFiles(): { ca: Buffer; cert: Buffer; key: Buffer } | null {
  if (!existsSync(certFiles.ca) || !existsSync(certFiles.cert) || !existsSync(certFiles.key)) return null;
  return { ca: readFileSync(certFiles.ca), cert: readFileSync(certFiles.cert), key: readFileSync(certFiles.key) };
}

/** Valid for at least another day and issued by the CA beside it. */
function usable(files: { ca: Buffer; cert: Buffer }): boolean {
  try {
    const cert = new X509Certificate(files.cert);
    const ca = new X509Certificate(files.ca);
    return new Date(cert.validTo).getTime() > Date.now() + 86_400_000 && cert.checkIssued(ca) && cert.verify(ca.publicKey);
  } catch {
    return false;
  }
}

export function trustInstructions(): string {
  return [
    "The development CA is not trusted on this machine, so Excel refuses the pane at https://localhost until it is.",
    `Trust ${certFiles.ca} once on the computer that runs Excel (copy the file there if Excel runs elsewhere):`,
    `  Windows:  certutil -user -addstore Root "%USERPROFILE%\\.office-addin-dev-certs\\ca.crt"`,
    "  macOS:    security add-trusted-cert -d -r trustRoot -k ~/Library/Keychains/login.keychain-db ~/.office-addin-dev-certs/ca.crt",
    "  Linux:    sudo cp ~/.office-addin-dev-certs/ca.crt /usr/local/share/ca-certificates/office-addin-dev-certs.crt && sudo update-ca-certificates",
    "  or, with administrator rights:  npx office-addin-dev-certs install",
  ].join("\n");
}

/**
 * Certificates for https://localhost. Existing valid ones are reused (a CA the user trusted by hand
 * stays trusted); otherwise office-addin-dev-certs generates them and tries to trust the CA. When
 * that last step fails (no sudo), the generated files are used all the same.
 */
export async function devCertificates(log: (line: string) => void): Promise<{ ca: Buffer; cert: Buffer; key: Buffer }> {
  const devCerts = await import("office-addin-dev-certs");
  const existing = readCertFiles();
  let trusted = false;
  if (existing && usable(existing)) {
    try {
      trusted = devCerts.isCaCertificateInstalled();
    } catch {
      trusted = false;
    }
    if (!trusted) log(trustInstructions());
    return existing;
  }
  try {
    return await devCerts.getHttpsServerOptions();
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    if (!/install the CA certificate/i.test(message)) throw error;
    log(`Could not trust the development CA automatically (${message.split("\n")[0]?.trim()}).`);
    let files = readCertFiles();
    if (!files) {
      await devCerts.generateCertificates();
      files = readCertFiles();
    }
    if (!files) throw new Error(`No development certificates in ${certDir}`, { cause: error });
    log(trustInstructions());
    return files;
  }
}

async function serveFile(req: IncomingMessage, res: ServerResponse, apiUrl: string): Promise<void> {
  const url = new URL(req.url ?? "/", "http://localhost");
  if (req.method !== "GET" && req.method !== "HEAD") {
    res.writeHead(405, { Allow: "GET, HEAD" }).end();
    return;
  }
  if (url.pathname === "/config.json") {
    res.writeHead(200, { "Content-Type": MIME[".json"]!, "Cache-Control": "no-store" }).end(JSON.stringify({ apiUrl }));
    return;
  }
  const wanted = url.pathname === "/" ? "/taskpane.html" : decodeURIComponent(url.pathname);
  const file = resolve(distDir, normalize(`.${wanted}`));
  if (relative(distDir, file).startsWith("..") || !file.startsWith(distDir + sep)) {
    res.writeHead(403).end();
    return;
  }
  try {
    const body = await readFile(file);
    res.writeHead(200, {
      "Content-Type": MIME[extname(file)] ?? "application/octet-stream",
      // Hashed bundles may be cached; pages must be fetched fresh after a rebuild.
      "Cache-Control": file.includes(`${sep}assets${sep}`) && !file.endsWith(".png") ? "public, max-age=31536000, immutable" : "no-cache",
      "X-Content-Type-Options": "nosniff",
    });
    res.end(req.method === "HEAD" ? undefined : body);
  } catch {
    res.writeHead(404, { "Content-Type": "text/plain; charset=utf-8" }).end("Not found");
  }
}

export async function serveAddin(options: ServeAddinOptions = {}): Promise<ServedAddin> {
  const { port = 3000, apiUrl = "http://localhost:8787", http = false, host = "localhost", log = (l: string) => console.log(l) } = options;
  if (addinBuildIsStale()) {
    log("Building the task pane (dist/addin)…");
    await buildAddin();
  }
  const handler = (req: IncomingMessage, res: ServerResponse) => {
    serveFile(req, res, apiUrl).catch(() => {
      if (!res.headersSent) res.writeHead(500);
      res.end();
    });
  };
  const server = http ? createHttpServer(handler) : createHttpsServer(await devCertificates(log), handler);
  await new Promise<void>((ok, fail) => {
    server.once("error", fail);
    server.listen(port, host, () => ok());
  });
  const actualPort = (server.address() as { port: number }).port;
  const url = `${http ? "http" : "https"}://localhost:${actualPort}`;
  log(`Task pane: ${url}/taskpane.html (API default ${apiUrl})`);
  return {
    url,
    server,
    close: () => new Promise<void>((ok) => server.close(() => ok())),
  };
}

function argValue(args: string[], name: string): string | undefined {
  const i = args.indexOf(name);
  return i >= 0 ? args[i + 1] : undefined;
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const args = process.argv.slice(2);
  (args.includes("--build")
    ? buildAddin()
    : serveAddin({
        port: Number(argValue(args, "--port") ?? 3000),
        apiUrl: argValue(args, "--api") ?? "http://localhost:8787",
        http: args.includes("--http"),
      })
  ).catch((error: unknown) => {
    console.error(error instanceof Error ? error.message : error);
    process.exit(1);
  });
}
