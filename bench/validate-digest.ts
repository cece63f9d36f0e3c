/**
 * Guard for performance work on the validator (issue 11, SPEC §8): the SHA-256 of validateRoster's
 * whole output (issues in order, records, counts) on the rosters the benchmark and the demos use.
 * A speed-up must leave every hash as it was: run before and after a change and compare.
 *
 *   npx tsx bench/validate-digest.ts
 */
import { createHash } from "node:crypto";
import { demoFacilityFacts, generateRoster, mukomukoFacilities } from "../fixtures/demo";
import { errorSample, mukomukoSample, SAMPLE_AS_OF } from "../fixtures/demo/samples";
import type { RosterRequest } from "../shared/schema/roster";
import { tableColumns } from "../shared/table/columns";
import { keyOfHeader } from "../shared/table/headers";
import { validateRoster } from "../shared/validate/roster";
import type { ValidationContext } from "../shared/validate/types";

const sha = (x: unknown) => createHash("sha256").update(JSON.stringify(x)).digest("hex");

/** The same roster with each header written as its English label (messages in English too). */
function englishHeaders(req: RosterRequest): RosterRequest {
  const rename = (columns: readonly unknown[], table: "nakes" | "pelatihan") =>
    columns.map((c) => {
      const key = keyOfHeader(String(c), table);
      return tableColumns[table].find((d) => d.key === key)?.label_en ?? String(c);
    });
  return {
    ...req,
    nakes: { ...req.nakes, columns: rename(req.nakes.columns, "nakes") },
    ...(req.pelatihan ? { pelatihan: { ...req.pelatihan, columns: rename(req.pelatihan.columns, "pelatihan") } } : {}),
  } as RosterRequest;
}

const asOf = "2026-11-01";
const worker: ValidationContext = { asOf, facilities: demoFacilityFacts(), scope: "1706", storedNiks: new Set<string>() };
const bench = generateRoster({ rows: 100_000, seed: 36, asOf, messy: true, sheet: true, facilities: mukomukoFacilities });
const demo = mukomukoSample();
const cases: [string, RosterRequest, ValidationContext][] = [
  ["bench messy 100k (worker ctx)", bench, worker],
  ["demo 600 (worker ctx)", demo, { ...worker, asOf: SAMPLE_AS_OF }],
  ["demo 600 (add-in ctx, no facts)", demo, { asOf: SAMPLE_AS_OF }],
  ["english headers, lang en (worker ctx)", englishHeaders(demo), { ...worker, asOf: SAMPLE_AS_OF, lang: "en" }],
  ["bench messy 100k, lang en", bench, { ...worker, lang: "en" }],
  ["clean 2000, key headers, lang en", generateRoster({ rows: 2000, seed: 5, asOf, facilities: mukomukoFacilities }), { ...worker, lang: "en" }],
  ["error sample (worker ctx)", errorSample().request, { ...worker, asOf: SAMPLE_AS_OF }],
];
for (const [name, req, ctx] of cases) {
  // Through JSON, as the Worker and the benchmark receive it.
  const r = validateRoster(JSON.parse(JSON.stringify(req)) as RosterRequest, ctx);
  const c = r.counts;
  // Also without the message texts: the codes and findings hold even while wording is edited elsewhere.
  const bare = { ...r, issues: r.issues.map(({ message: _m, ...rest }) => rest) };
  console.log(`${sha(r)} ${sha(bare).slice(0, 16)}  ${name}: ${c.error}/${c.warning}/${c.info} e/w/i, ${r.nakes.length} nakes, ${r.pelatihan.length} pelatihan`);
}
