/**
 * Writes the sample rosters of samples/ from the demo generator (deterministic: same files every run).
 *
 *   npx tsx scripts/make-samples.ts
 *
 * - roster-mukomuko.json   600 rows of Kabupaten Mukomuko, messy but free of errors, as_of 2026-11-01
 * - roster-mukomuko.csv    the same Nakes table as a CSV saved by Indonesian Excel (";" and the §3 headers)
 * - roster-with-errors.json 30 rows with a handful of deliberate mistakes, one rule each
 */
import { mkdirSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { buildSamples } from "../fixtures/demo/samples";

const root = join(dirname(fileURLToPath(import.meta.url)), "..");
const out = join(root, "samples");
mkdirSync(out, { recursive: true });
for (const [name, content] of Object.entries(buildSamples())) {
  writeFileSync(join(out, name), content);
  console.log(`wrote samples/${name} (${content.length.toLocaleString("en-US")} bytes)`);
}
