/**
 * The pieces of `npm run deploy` that read or write text (wrangler's output, wrangler.jsonc), kept pure
 * so tests/scripts/deploy.test.ts can hold them to wrangler 4.164's real formats without an account.
 */

import { DEV_ADDIN_ID } from "../../shared/office/manifest";

/** The database id of a config that has not been deployed yet (wrangler.jsonc as committed). */
export const PLACEHOLDER_DATABASE_ID = "00000000-0000-0000-0000-000000000000";

const UUID = /[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/i;

/**
 * The new database's id from `wrangler d1 create` output: wrangler prints a config snippet with
 * `"database_id": "<uuid>"` (JSON) or `database_id = "<uuid>"` (TOML). Throws when none is there.
 */
export function createdDatabaseId(output: string): string {
  const m = new RegExp(`database_id["']?\\s*[:=]\\s*["'](${UUID.source})["']`, "i").exec(output);
  if (!m) throw new Error(`wrangler d1 create printed no database_id:\n${output.trim().split("\n").slice(-10).join("\n")}`);
  return m[1]!;
}

/**
 * wrangler.jsonc's text with the placeholder id of one D1 binding (`binding`: DB, or a province's
 * DB_xx) replaced, comments and layout kept (wrangler's own --update-config rewrites the binding and
 * would drop migrations_dir). Throws unless that binding's object holds the placeholder exactly once.
 */
export function withDatabaseId(configText: string, id: string, binding = "DB"): string {
  if (!new RegExp(`^${UUID.source}$`, "i").test(id)) throw new Error(`Not a database id: ${id}`);
  const at = new RegExp(`"binding"\\s*:\\s*"${binding}"`).exec(configText);
  // The binding's object: from its "binding" key back to its "{", forward to its "}" (no nesting in a D1 entry).
  const start = at ? configText.lastIndexOf("{", at.index) : -1;
  const end = at ? configText.indexOf("}", at.index) : -1;
  const entry = start >= 0 && end > start ? configText.slice(start, end) : "";
  const pattern = /("database_id"\s*:\s*")00000000-0000-0000-0000-000000000000(")/g;
  const found = entry.match(pattern)?.length ?? 0;
  if (found !== 1) throw new Error(`Expected one placeholder database_id for binding ${binding} in wrangler.jsonc, found ${found}`);
  return configText.slice(0, start) + entry.replace(pattern, `$1${id}$2`) + configText.slice(end);
}

/** A D1 binding of wrangler.jsonc as deploy reads it. */
export interface BoundDatabase {
  binding: string;
  database_name: string;
  database_id?: string;
}

/**
 * The D1 databases a deployment holds (SPEC §7): DB (tokens, region codes, the identifier index, every
 * province without its own) and each province's DB_xx, in that order. Throws when DB is missing.
 */
export function deploymentDatabases(bound: readonly BoundDatabase[] | undefined): BoundDatabase[] {
  const list = bound ?? [];
  const db = list.find((d) => d.binding === "DB");
  if (!db) throw new Error("worker/wrangler.jsonc has no D1 binding named DB");
  return [db, ...list.filter((d) => /^DB_\d{2}$/.test(d.binding)).sort((a, b) => a.binding.localeCompare(b.binding))];
}

/** wrangler's runner as deploy uses it (scripts/lib/wrangler.ts runWrangler; a fake in tests). */
export type WranglerRun = (args: string[], opts?: { quiet?: boolean }) => Promise<string>;

/**
 * Creates each database of `bound` (deploymentDatabases) whose id is still the placeholder, with
 * `wrangler d1 create <name> --location <hint>`, and returns the config text with every new id written
 * (withDatabaseId) and what it created. A database with an id is left alone (re-runnable). A failed
 * create throws: the ids written so far are in the text the caller had saved after each one
 * (`save`), so a second run creates only the rest.
 */
export async function createMissingDatabases(
  configText: string,
  bound: readonly BoundDatabase[],
  location: string,
  run: WranglerRun,
  save: (text: string) => void = () => {},
): Promise<{ text: string; created: { binding: string; name: string; id: string }[] }> {
  let text = configText;
  const created: { binding: string; name: string; id: string }[] = [];
  for (const d of bound) {
    if (d.database_id && d.database_id !== PLACEHOLDER_DATABASE_ID) continue;
    const id = createdDatabaseId(await run(["d1", "create", d.database_name, "--location", location], { quiet: true }));
    text = withDatabaseId(text, id, d.binding);
    save(text);
    created.push({ binding: d.binding, name: d.database_name, id });
  }
  return { text, created };
}

/**
 * Whether the config's add-in id must be replaced before deploying: absent, or still the development
 * id that every checkout shares (shared/office/manifest.ts DEV_ADDIN_ID).
 */
export const needsOwnAddinId = (configured: string | undefined): boolean => !configured || configured.toLowerCase() === DEV_ADDIN_ID;

/**
 * wrangler.jsonc's text with the ADDIN_ID var's development id replaced by `id` (a new GUID), comments
 * and layout kept. Throws unless `"ADDIN_ID": "<development id>"` occurs exactly once.
 */
export function withAddinId(configText: string, id: string): string {
  if (!new RegExp(`^${UUID.source}$`, "i").test(id)) throw new Error(`Not an add-in id: ${id}`);
  const pattern = new RegExp(`("ADDIN_ID"\\s*:\\s*")${DEV_ADDIN_ID}(")`, "gi");
  const found = configText.match(pattern)?.length ?? 0;
  if (found !== 1) throw new Error(`Expected one development ADDIN_ID in wrangler.jsonc, found ${found}`);
  return configText.replace(pattern, `$1${id.toLowerCase()}$2`);
}

/**
 * The Worker's public URL from `wrangler deploy` output: the first https URL listed after "Deployed …
 * triggers" (workers.dev, or a custom domain / route when configured). Null when none is printed.
 */
export function deployedUrl(output: string): string | null {
  const start = output.search(/Deployed \S+ triggers/);
  if (start < 0) return null;
  // wrangler lists one target per indented line: https://….workers.dev, or a custom domain / route
  // without a scheme ("roster.dinkes.go.id (custom domain)"), or "schedule: <cron>".
  for (const line of output.slice(start).split("\n").slice(1)) {
    if (!/^\s/.test(line)) break;
    const target = line.trim().split(/\s+/)[0] ?? "";
    if (/^https:\/\//.test(target)) return new URL(target).origin;
    if (/^[a-z0-9.-]+\.[a-z]{2,}(\/\S*)?$/i.test(target)) return new URL(`https://${target.replace(/\*.*$/, "")}`).origin;
  }
  return null;
}

/** What the dinkes does next, printed at the end of a deploy (Indonesian first, English second). */
export function afterDeployText(origin: string): string {
  return [
    "",
    "Selesai / done.",
    `  Panel (task pane):  ${origin}/taskpane.html`,
    `  Manifest:           ${origin}/manifest.xml`,
    `  API:                ${origin}/v1   (dokumentasi / docs: ${origin}/docs)`,
    "",
    "Token admin pertama / the first admin token (shown once; keep it safe):",
    '  npm run token -- create --role admin --scope <kode provinsi, mis. 17> --name "Admin Dinkes" --remote',
    "",
    "Lalu di Excel / then in Excel: Sisipkan › Add-in › Unggah add-in saya (Upload My Add-in) › manifest di atas,",
    `atau unduh dulu / or download it first:  npm run -s manifest -- --url ${origin} --out manifest-produksi.xml`,
  ].join("\n");
}
