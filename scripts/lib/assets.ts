/**
 * The Worker's static assets folder: the built task pane (dist/addin), which worker/wrangler.jsonc
 * names as `assets.directory`. wrangler refuses to start (dev, deploy, the vitest plugin) when that
 * folder is missing, so a fresh checkout gets it empty from npm install's postinstall and every script
 * that starts wrangler makes sure of it; an empty folder serves no pane but the API runs.
 *
 *   tsx scripts/lib/assets.ts      # creates the folder (the postinstall step)
 */
import { mkdirSync } from "node:fs";
import { join, resolve } from "node:path";
import { fileURLToPath } from "node:url";

const projectRoot = fileURLToPath(new URL("../..", import.meta.url));

/** Absolute path of dist/addin: Vite's outDir (addin/vite.config.ts) and the Worker's assets. */
export const assetsDir = join(projectRoot, "dist", "addin");

/** Creates dist/addin when missing (leaves a built pane alone); returns its path. */
export function ensureAssetsDir(): string {
  mkdirSync(assetsDir, { recursive: true });
  return assetsDir;
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) ensureAssetsDir();
