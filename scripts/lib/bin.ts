/**
 * A devDependency's command as a JS file to run with `process.execPath`, from its package.json `bin`:
 * never node_modules/.bin/<name>, which on Windows is a .cmd shim that Node 22 refuses to spawn without
 * a shell (EINVAL), and always the Node npm runs the scripts with (the `node` devDependency, ≥ 22.12).
 */
import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

const projectRoot = fileURLToPath(new URL("../..", import.meta.url));

/** Absolute path of package `pkg`'s `bin` entry `name` (default: the package's own name); throws when it has none. */
export function packageBin(pkg: string, name = pkg.split("/").pop()!): string {
  const pkgPath = createRequire(join(projectRoot, "package.json")).resolve(`${pkg}/package.json`);
  const { bin } = JSON.parse(readFileSync(pkgPath, "utf8")) as { bin?: string | Record<string, string> };
  const entry = typeof bin === "string" ? bin : bin?.[name];
  if (!entry) throw new Error(`${pkg} has no bin named ${name}`);
  return join(dirname(pkgPath), entry);
}
