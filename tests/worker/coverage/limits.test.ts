import { env } from "cloudflare:test";
import { describe, expect, it } from "vitest";
import type { CoverageLevel } from "../../../shared/api/coverage";
import type { ResolvedQuery } from "../../../shared/coverage/build";
import { jenisTenagaSchema, type JenisStandar } from "../../../shared/reference/codes";
import { coverageSql } from "../../../worker/coverage/read-sql";
import { coverageRefreshSql } from "../../../worker/coverage/refresh";
import { assertWithinLimits } from "../../../worker/db/limits";

/**
 * Local D1 enforces none of D1's per-statement limits; these statements must keep within them anyway
 * (100 bound parameters, 100 KB of SQL, 100 result columns), whatever the question and the standard set.
 */
const everyJenis: JenisStandar[] = [...jenisTenagaSchema.options, "KEFARMASIAN"];
const questions: ResolvedQuery[] = (["facility", "kecamatan", "regency", "province", "national"] as CoverageLevel[]).flatMap((level) =>
  [null, "17", "1706", "170601", "P1706010101"].map((region) => ({ level, region, as_of: "2026-11-01", jenis_tenaga: null })),
);

describe("coverage's SQL within D1's limits", () => {
  it("keeps every read statement under the parameter, size and column limits, even for a set naming every jenis", async () => {
    let checked = 0;
    for (const q of questions) {
      for (const s of Object.values(coverageSql(q, everyJenis)).flat()) {
        expect(() => assertWithinLimits(s)).not.toThrow();
        const [columns] = await env.DB.prepare(s.sql).bind(...s.params).raw({ columnNames: true });
        expect((columns as string[]).length).toBeLessThanOrEqual(100);
        checked++;
      }
    }
    // 8 statements, the standard one in two parts for a set naming all 21 jenis
    expect(checked).toBe(questions.length * 9);
  });

  it("keeps the refresh statements of an upload's final batch small and few", () => {
    const sql = coverageRefreshSql({ uploadId: "u", at: "2026-11-01T00:00:00.000Z", asOf: "2026-11-01" });
    expect(sql.length).toBeLessThanOrEqual(10);
    for (const s of sql) {
      expect(() => assertWithinLimits(s)).not.toThrow();
      expect(s.params.length).toBeLessThanOrEqual(2);
    }
  });
});
