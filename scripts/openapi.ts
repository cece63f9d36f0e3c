/**
 * npm run openapi: the API's OpenAPI document (what GET /openapi.json answers) without starting a
 * server, built from the same app, for the linter and the typed client in examples/.
 *
 *   npm run openapi -- [--url https://nakes-roster.dinkes.workers.dev] [--out FILE]
 *   npm run openapi -- --lint      # Redocly's recommended rules; exit 1 on any error
 */
import { spawnSync } from "node:child_process";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { parseArgs } from "node:util";
import { createApp } from "../worker/app";
import { packageBin } from "./lib/bin";

/** The document for a deployment at `origin` (its `servers` entry), as the Worker serves it. */
export async function openApiDocument(origin = "http://localhost:8787"): Promise<Record<string, unknown>> {
  const res = await createApp().fetch(new Request(`${origin}/openapi.json`), {} as never);
  if (!res.ok) throw new Error(`/openapi.json answered ${res.status}`);
  return (await res.json()) as Record<string, unknown>;
}

export interface LintProblem {
  ruleId: string;
  severity: "error" | "warn";
  message: string;
  location: { pointer?: string }[];
}

/** Redocly CLI's `lint` with its built-in recommended rules (offline), on a document. */
export function lintOpenApi(doc: Record<string, unknown>): LintProblem[] {
  const dir = mkdtempSync(join(tmpdir(), "nakes-openapi-"));
  try {
    const file = join(dir, "openapi.json");
    writeFileSync(file, JSON.stringify(doc));
    const run = spawnSync(process.execPath, [packageBin("@redocly/cli", "redocly"), "lint", file, "--format=json", "--extends=recommended"], {
      cwd: dir,
      encoding: "utf8",
      env: { ...process.env, REDOCLY_TELEMETRY: "off", REDOCLY_SUPPRESS_UPDATE_NOTICE: "true", NO_COLOR: "1" },
      maxBuffer: 64 * 1024 * 1024,
    });
    const start = run.stdout.indexOf("{");
    if (start < 0) throw new Error(`redocly lint printed no report (exit ${run.status}):\n${run.stderr}`);
    return (JSON.parse(run.stdout.slice(start)) as { problems: LintProblem[] }).problems;
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

async function main(argv: string[]): Promise<void> {
  const { values } = parseArgs({ args: argv, options: { url: { type: "string" }, out: { type: "string" }, lint: { type: "boolean", default: false } } });
  const doc = await openApiDocument(values.url);
  if (values.lint) {
    const problems = lintOpenApi(doc);
    for (const p of problems) console.log(`${p.severity.padEnd(5)} ${p.ruleId}: ${p.message} ${p.location[0]?.pointer ?? ""}`);
    const errors = problems.filter((p) => p.severity === "error").length;
    console.log(`${errors} error(s), ${problems.length - errors} warning(s)`);
    process.exit(errors > 0 ? 1 : 0);
  }
  const text = `${JSON.stringify(doc, null, 2)}\n`;
  if (values.out) writeFileSync(values.out, text);
  else process.stdout.write(text);
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  main(process.argv.slice(2)).catch((e: unknown) => {
    console.error(e instanceof Error ? e.message : String(e));
    process.exit(1);
  });
}
