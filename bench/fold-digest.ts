/**
 * Guard for performance work on coverage's fold (issue 15, SPEC §8): the SHA-256 of the whole
 * GET /v1/coverage answer foldCoverage (worker/coverage/read.ts) builds from a province database's
 * rows, for questions at every level, today and a year back, unfiltered and for one profession; and
 * beside it the SHA-256 of the rows folded, so a changed answer is told apart from changed rows
 * (their statements are others' work). A speed-up must leave every hash as it was: run before and
 * after a change and compare. Needs the database file of bench/fold-rows.ts (not in CI).
 *
 *   npx tsx bench/fold-digest.ts
 *   FOLD_ROWS_CACHE=/tmp/fold-rows npx tsx bench/fold-digest.ts   (rows kept fixed between runs)
 */
import { createHash } from "node:crypto";
import type { ResolvedQuery } from "../shared/coverage/build";
import type { CoverageLevel } from "../shared/api/coverage";
import type { JenisStandar } from "../shared/reference/codes";
import { foldCoverage } from "../worker/coverage/read";
import { countryRows, openFoldDb, rowsOf } from "./fold-rows";

const sha = (x: unknown) => createHash("sha256").update(JSON.stringify(x)).digest("hex");

const db = await openFoldDb();
{
  const questions: [string | null, CoverageLevel][] = [
    ["35", "regency"],
    ["35", "kecamatan"],
    ["35", "facility"],
    ["3501", "regency"],
    ["3501", "kecamatan"],
    ["3501", "facility"],
    [null, "province"],
  ];
  const filters: (JenisStandar | null)[] = [null, "BIDAN", "KEFARMASIAN"];
  for (const as_of of ["2026-11-30", "2025-11-30"]) {
    for (const [region, level] of questions) {
      const rows = rowsOf(db, { level, region, as_of, jenis_tenaga: null });
      const sets: [string, typeof rows][] = [["", rows]];
      // The country as 38 province databases answer it (bench/fold-rows.ts countryRows).
      if (region === null) sets.push([" ×38 provinces", countryRows(rows, "35")]);
      for (const [what, r] of sets) {
        for (const jenis_tenaga of filters) {
          const q: ResolvedQuery = { level, region, as_of, jenis_tenaga };
          // Through JSON, as the memo hands rows to the fold; the fold must not change what it reads.
          const input = JSON.parse(JSON.stringify(r)) as typeof r;
          const out = foldCoverage(q, input);
          const intact = sha(input) === sha(r) ? "" : "  ROWS CHANGED BY THE FOLD";
          console.log(`${sha(out)} rows ${sha(r).slice(0, 12)}  ${region ?? "ID"} ${level}${what} ${as_of} ${jenis_tenaga ?? "all"}${intact}`);
        }
      }
    }
  }
}
