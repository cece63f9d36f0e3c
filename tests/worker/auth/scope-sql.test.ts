import { env } from "cloudflare:test";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { kindOfCode, regionOfCode, regionOfCodeSql } from "../../../shared/reference/facilities";
import { inScope } from "../../../worker/auth/scope";
import { facilityInScopeSql } from "../../../worker/store/scope-sql";

/**
 * The scope rule lives once (shared/reference/facilities for code shapes, shared/validate/scope for
 * the judgement) and has one SQL twin (worker/store/scope-sql facilityInScopeSql), used where lists are
 * filtered in D1. The two must agree on every facility row and scope, including rows stored under
 * codes of no facility shape or whose row disagrees with their code.
 */
const KODES = ["P1706010101", "P1706020101", "P3601010101", "1706015", "3601012", "K1706001", "L1706123456", "K3601001", "1706", "17", "170601", "K123", "P17060101", "ID"];
const ROWS: [string, string | null][] = [["1706", "170601"], ["1706", "170602"], ["1706", null], ["3601", "360101"], ["3601", null], ["1701", "170101"]];
const SCOPES = ["ID", "17", "1706", "170601", "170602", "36", "3601", "360101", "P1706010101", "1706015", "K1706001", "1706"];

describe("facilityInScopeSql", () => {
  it("agrees with inScope on every facility row and scope", async () => {
    await fc.assert(
      fc.asyncProperty(fc.constantFrom(...KODES), fc.constantFrom(...ROWS), fc.constantFrom(...SCOPES), async (kode, [wilayah, kecamatan], scope) => {
        const row = await env.DB.prepare(`SELECT ${facilityInScopeSql("f", "?1")} AS ok FROM (SELECT ?2 AS kode, ?3 AS kode_wilayah, ?4 AS kecamatan) f`)
          .bind(scope, kode, wilayah, kecamatan)
          .first<{ ok: number }>();
        const fact = { kode, jenis: kindOfCode(kode) ?? "KLINIK", kode_wilayah: wilayah, kecamatan, aktif: true } as const;
        expect(row?.ok === 1, `${kode} at ${kecamatan ?? wilayah} in ${scope}`).toBe(inScope(kode, scope, fact) === true);
      }),
      { numRuns: 300 },
    );
  });

  it("reads a code's region in SQL as regionOfCode does", async () => {
    for (const kode of [...KODES, "k1706001", "P17060101011", "17060150", "L170600", "K17060012345", "X1706001"]) {
      const row = await env.DB.prepare(`SELECT ${regionOfCodeSql("?1")} AS r`).bind(kode).first<{ r: string | null }>();
      expect(row?.r ?? null, kode).toBe(regionOfCode(kode));
    }
  });
});
