import { env } from "cloudflare:test";
import { describe, expect, it } from "vitest";
import { generateRoster } from "../../../fixtures/demo";
import { bulkInsert, jsonChunks, textParts } from "../../../worker/db/bulk";
import { assertWithinLimits, D1_LIMITS, D1LimitError, utf8Bytes } from "../../../worker/db/limits";
import { checkRoster } from "../../../worker/rosters/check";
import { insertNakesSql } from "../../../worker/store/nakes";
import { insertPelatihanSql } from "../../../worker/store/pelatihan";
import { seedDemo } from "../support";

describe("the SQL builder's limits", () => {
  it("refuses a statement with more than 100 bound parameters", () => {
    const params = Array.from({ length: 101 }, (_, i) => i);
    expect(() => assertWithinLimits({ sql: "SELECT 1", params })).toThrow(D1LimitError);
    expect(() => assertWithinLimits({ sql: "SELECT 1", params: params.slice(0, 100) })).not.toThrow();
  });

  it("refuses more than 100 KB of SQL text", () => {
    const sql = `SELECT '${"a".repeat(D1_LIMITS.maxSqlBytes)}'`;
    expect(() => assertWithinLimits({ sql, params: [] })).toThrow(/bytes of SQL/);
  });

  it("refuses a value over 1 MB, counting UTF-8 bytes, not characters", () => {
    const ascii = "a".repeat(D1_LIMITS.maxValueBytes);
    expect(() => assertWithinLimits({ sql: "SELECT ?1", params: [ascii] })).not.toThrow();
    // 400,000 characters of "é" are 800,000 bytes; of "€" 1,200,000 bytes.
    expect(() => assertWithinLimits({ sql: "SELECT ?1", params: ["é".repeat(400_000)] })).not.toThrow();
    expect(() => assertWithinLimits({ sql: "SELECT ?1", params: ["€".repeat(400_000)] })).toThrow(D1LimitError);
    expect(utf8Bytes("€😀")).toBe(3 + 4);
  });

  it("cuts rows into chunks of at most 10,000 rows and 1 MB", () => {
    const small = jsonChunks(Array.from({ length: 25_000 }, (_, i) => [i]));
    expect(small.map((c) => c.rows)).toEqual([10_000, 10_000, 5_000]);
    const wide = jsonChunks(Array.from({ length: 20_000 }, (_, i) => [i, "x".repeat(300)]));
    expect(wide.length).toBeGreaterThan(2);
    for (const c of wide) expect(utf8Bytes(c.json)).toBeLessThanOrEqual(D1_LIMITS.maxValueBytes);
    expect(wide.reduce((n, c) => n + c.rows, 0)).toBe(20_000);
    expect(wide.flatMap((c) => JSON.parse(c.json) as unknown[][]).map((t) => t[0])).toEqual(Array.from({ length: 20_000 }, (_, i) => i));
  });

  it("refuses a single row that cannot fit in any chunk", () => {
    expect(() => jsonChunks([["y".repeat(D1_LIMITS.maxValueBytes)]])).toThrow(D1LimitError);
  });

  it("writes a 100,000-row roster in a few statements, each within every limit", async () => {
    await seedDemo();
    const req = generateRoster({ rows: 100_000, seed: 7, asOf: "2026-11-01" });
    const checked = await checkRoster(env.DB, req, { id: "t", role: "admin", scope: "17", name: "t" }, { lang: "id", maxRows: 200_000 });
    const statements = [...insertNakesSql("u", checked.persons), ...insertPelatihanSql("u", checked.result.pelatihan)];
    expect(statements.reduce((n, s) => n + s.rows, 0)).toBe(checked.persons.length + checked.result.pelatihan.length);
    expect(statements.length).toBeLessThan(200);
    for (const s of statements) {
      expect(s.params.length).toBeLessThanOrEqual(2);
      expect(s.rows).toBeLessThanOrEqual(D1_LIMITS.maxRowsPerChunk);
      expect(() => assertWithinLimits(s)).not.toThrow();
    }
  });

  it("is needed: local D1 stores a value the deployed one refuses, and a chunk far over the advice", async () => {
    // Deployed D1 refuses strings and rows over 2 MB; local D1 takes 3 MB without a word.
    const big = "b".repeat(3_000_000);
    const row = await env.DB.prepare("SELECT length(?1) AS n").bind(big).first<{ n: number }>();
    expect(row?.n).toBe(3_000_000);
    expect(() => assertWithinLimits({ sql: "SELECT length(?1)", params: [big] })).toThrow(D1LimitError);
    // 50,000 rows in one statement run locally; the builder never makes more than 10,000.
    const many = JSON.stringify(Array.from({ length: 50_000 }, (_, i) => [i]));
    expect((await env.DB.prepare("SELECT COUNT(*) AS n FROM json_each(?1)").bind(many).first<{ n: number }>())?.n).toBe(50_000);
    expect(jsonChunks(Array.from({ length: 50_000 }, (_, i) => [i])).every((c) => c.rows <= D1_LIMITS.maxRowsPerChunk)).toBe(true);
  });

  it("builds one INSERT … SELECT FROM json_each per chunk that D1 expands into rows", async () => {
    const statements = bulkInsert(
      { into: "wilayah (kode, nama, tingkat, induk)", select: ["value->>0", "value->>1", "?1", "NULL"], fixed: ["kecamatan"] },
      Array.from({ length: 2_500 }, (_, i) => [`99${String(i).padStart(4, "0")}`, `Uji ${i}`]),
      { maxRows: 1_000 },
    );
    expect(statements.map((s) => s.rows)).toEqual([1_000, 1_000, 500]);
    await env.DB.batch(statements.map((s) => env.DB.prepare(s.sql).bind(...s.params)));
    const n = await env.DB.prepare("SELECT COUNT(*) AS n FROM wilayah WHERE kode LIKE '99%' AND tingkat = 'kecamatan'").first<{ n: number }>();
    expect(n?.n).toBe(2_500);
  });

  it("cuts long texts into parts under the value limit that join back exactly", () => {
    const text = "a€😀".repeat(300_000);
    const parts = textParts(text, 100_000);
    expect(parts.join("")).toBe(text);
    for (const p of parts) expect(utf8Bytes(p)).toBeLessThanOrEqual(100_000);
  });
});
