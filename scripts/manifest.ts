/**
 * npm run manifest: the add-in manifest for a deployment, the same XML as its GET /manifest.xml (both
 * from shared/office/manifest.ts), for Microsoft 365 centralized deployment or sideloading.
 *
 *   npm run -s manifest -- --url https://nakes-roster.dinkes.workers.dev [--out FILE]
 *   npm run -s manifest -- --url https://localhost:3000 --api http://localhost:8787 --out manifest.xml   # local development
 *
 * Version from package.json, ProviderName from PUBLISHER_NAME in worker/wrangler.jsonc (or --publisher),
 * the add-in id from ADDIN_ID there (or --id; a loopback origin always gets the development id).
 * Without --out the XML alone goes to stdout, every message to stderr; `-s` keeps npm's own
 * "> nakes-roster@… manifest" banner out of stdout, so `npm run -s manifest -- --url … > file.xml` is XML.
 */
import { readFileSync, writeFileSync } from "node:fs";
import { resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { parseArgs } from "node:util";
import { addinManifest } from "../shared/office/manifest";
import { workerConfig } from "./lib/worker-config";
import { root } from "./lib/wrangler";

export interface ManifestRequest {
  url: string;
  /** Other origins the pane calls (the API on another port while developing). */
  api?: string[];
  publisher?: string;
  /** The add-in id (a GUID) instead of ADDIN_ID in worker/wrangler.jsonc. */
  id?: string;
}

export function packageVersion(): string {
  return (JSON.parse(readFileSync(resolve(root, "package.json"), "utf8")) as { version: string }).version;
}

/** The manifest XML for a deployment at `url` (an origin); throws on http outside localhost. */
export function manifestFor(req: ManifestRequest): string {
  return addinManifest({
    origin: req.url,
    version: packageVersion(),
    publisher: req.publisher ?? workerConfig().publisherName,
    apiOrigins: req.api ?? [],
    id: req.id ?? workerConfig().addinId,
  });
}

function main(argv: string[]): void {
  const { values } = parseArgs({
    args: argv,
    options: {
      url: { type: "string" },
      out: { type: "string" },
      api: { type: "string", multiple: true },
      publisher: { type: "string" },
      id: { type: "string" },
    },
  });
  if (!values.url) {
    console.error("Pakai / usage: npm run -s manifest -- --url https://<alamat-worker> [--out manifest-produksi.xml] [--id <GUID>]");
    process.exit(2);
  }
  let xml: string;
  try {
    xml = manifestFor({ url: values.url, api: values.api, publisher: values.publisher, id: values.id });
  } catch (e) {
    console.error(`Manifest tidak dibuat / not written: ${e instanceof Error ? e.message : String(e)}`);
    process.exit(2);
  }
  if (values.out) {
    writeFileSync(values.out, xml);
    console.error(`Manifest ditulis / written: ${values.out}`);
  } else {
    process.stdout.write(xml);
  }
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) main(process.argv.slice(2));
