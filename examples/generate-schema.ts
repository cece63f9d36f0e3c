/**
 * npm run schema -w examples: schema.d.ts (the API's types) from a running API's /openapi.json, with
 * openapi-typescript. A script rather than a shell line so it runs the same in cmd, PowerShell and sh.
 *
 *   NAKES_API=https://nakes-roster.dinkes.workers.dev npm run schema -w examples   # default http://localhost:8787
 *   npm run schema -w examples -- ./openapi.json                                    # or a saved document
 */
import { spawnSync } from "node:child_process";
import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

const here = dirname(fileURLToPath(import.meta.url));
const source = process.argv[2] ?? `${(process.env["NAKES_API"] ?? "http://localhost:8787").replace(/\/+$/, "")}/openapi.json`;

// openapi-typescript's CLI by its package.json `bin`, run by this Node: no .cmd shim, no shell.
const pkgPath = createRequire(join(here, "package.json")).resolve("openapi-typescript/package.json");
const pkg = JSON.parse(readFileSync(pkgPath, "utf8")) as { bin: Record<string, string> };
const cli = join(dirname(pkgPath), pkg.bin["openapi-typescript"]!);

const run = spawnSync(process.execPath, [cli, source, "-o", join(here, "schema.d.ts")], { stdio: "inherit" });
process.exit(run.status ?? 1);
