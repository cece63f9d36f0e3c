import { env } from "cloudflare:test";
import { beforeAll, describe, expect, it } from "vitest";
import { coverageSql } from "../../../worker/coverage/read-sql";
import { RULES_SQL } from "../../../worker/store/coverage-standards";
import { GENERATION_SQL, lookupMemo, MEMO_MAX_PARTS, memoParts, memoStoreSql } from "../../../worker/store/coverage-memo";
import { prepare } from "../../../worker/db/limits";
import { D1_LIMITS } from "../../../worker/db/limits";
import { call, roster, seedDemo, tokenFor } from "../support";
import { coverage } from "./api";
import { sweepAll } from "../../../worker/sweep";
import type { Bindings } from "../../../worker/env";

/**
 * Issue 15, SPEC §8: a coverage answer is remembered per question on each database (migration 0105,
 * store/coverage-memo.ts) until a row of a table the coverage statements read changes. These tests
 * prove that the memo is what answers a repeated question (by altering it behind the Worker's back),
 * and that every kind of write makes the next answer fresh.
 */
let admin: string;
let analyst: string;
let uploader: string;
const AS_OF = "2026-11-10";
const Q = `region=1706&as_of=${AS_OF}`;
/** A figure every answer has: perawat in the region (a per-facility sum, shared/coverage/indicators.ts). */
const FIG = "tenaga.PERAWAT";

beforeAll(async () => {
  await seedDemo();
  admin = await tokenFor("admin", "17");
  analyst = await tokenFor("analyst", "17");
  uploader = await tokenFor("uploader", "17");
  const res = await call("POST", "/v1/rosters", { token: uploader, json: { ...roster(60, { seed: 505 }), as_of: "2026-11-01" } });
  if (res.status !== 201) throw new Error(`upload answered ${res.status}: ${(await res.text()).slice(0, 600)}`);
});

const one = async <T>(sql: string, ...params: unknown[]) => (await env.DB.prepare(sql).bind(...params).first<T>())!;
const memoCount = async () => (await one<{ n: number }>("SELECT COUNT(*) AS n FROM coverage_memo")).n;

/** Adds `extra` to the staff count of the first unit of every remembered answer: a figure no real data gives. */
async function alterMemos(extra: number): Promise<void> {
  const { results } = await env.DB.prepare("SELECT question, rows FROM coverage_memo").all<{ question: string; rows: string }>();
  for (const m of results) {
    const memo = JSON.parse(m.rows) as { rows: { facilities: Record<string, unknown>[] } };
    const first = memo.rows.facilities[0]!;
    first[FIG] = Number(first[FIG] ?? 0) + extra;
    await env.DB.prepare("UPDATE coverage_memo SET rows = ?1 WHERE question = ?2").bind(JSON.stringify(memo), m.question).run();
  }
}

/** The tables the coverage statements read, from their SQL text, that exist in the schema. */
async function tablesCoverageReads(): Promise<string[]> {
  const { results } = await env.DB.prepare("SELECT name FROM sqlite_master WHERE type = 'table'").all<{ name: string }>();
  const schema = new Set(results.map((r) => r.name));
  const named = new Set<string>();
  const texts = [RULES_SQL];
  for (const level of ["facility", "kecamatan", "regency", "province", "national"] as const) {
    for (const region of [null, "17", "1706", "170602", "P1706020201"]) {
      const st = coverageSql({ level, region, as_of: AS_OF, jenis_tenaga: null }, ["DOKTER", "PERAWAT"]);
      for (const s of Object.values(st).flat()) texts.push(s.sql);
    }
  }
  for (const t of texts) for (const m of t.matchAll(/\b(?:FROM|JOIN)\s+([a-z_]+)/gi)) if (schema.has(m[1]!)) named.add(m[1]!);
  return [...named].sort();
}

describe("coverage answers remembered until their data changes", () => {
  it("answers a question asked again from what the database remembered", async () => {
    const fresh = await coverage(analyst, Q);
    expect(await memoCount()).toBeGreaterThan(0);
    await alterMemos(1000);
    const again = await coverage(analyst, Q);
    expect(again.figures[FIG]).toBe(fresh.figures[FIG]! + 1000);
  });

  it("says in Server-Timing whether the answer was computed or remembered", async () => {
    await env.DB.prepare("DELETE FROM coverage_memo").run();
    const first = await call("GET", `/v1/coverage?${Q}`, { token: analyst });
    const again = await call("GET", `/v1/coverage?${Q}`, { token: analyst });
    expect(first.headers.get("Server-Timing")).toMatch(/^read;dur=\d+;desc="computed"$/);
    expect(again.headers.get("Server-Timing")).toMatch(/^read;dur=\d+;desc="remembered"$/);
  });

  it("keeps every table the coverage statements read under a trigger for insert, update and delete", async () => {
    const tables = await tablesCoverageReads();
    expect(tables).toEqual(expect.arrayContaining(["coverage_fakta", "coverage_pelatihan", "coverage_version", "fasyankes_versi", "wilayah"]));
    const { results } = await env.DB.prepare("SELECT tbl_name, sql FROM sqlite_master WHERE type = 'trigger'").all<{ tbl_name: string; sql: string }>();
    for (const t of tables) {
      for (const op of ["INSERT", "UPDATE", "DELETE"]) {
        const bumps = results.some((r) => r.tbl_name === t && new RegExp(`AFTER ${op} ON ${t}\\b`, "i").test(r.sql) && /UPDATE coverage_generation SET n = n \+ 1/.test(r.sql));
        expect(bumps, `${op} on ${t}`).toBe(true);
      }
    }
  });

  it("answers afresh after a row of any table coverage reads is changed, even by hand", async () => {
    for (const t of await tablesCoverageReads()) {
      await env.DB.prepare("DELETE FROM coverage_memo").run();
      const truth = await coverage(analyst, Q);
      await alterMemos(1000);
      expect((await coverage(analyst, Q)).figures[FIG], `memo in use before touching ${t}`).toBe(truth.figures[FIG]! + 1000);
      const { results } = await env.DB.prepare(`PRAGMA table_info(${t})`).all<{ name: string }>();
      const c = results[0]!.name;
      const changed = await env.DB.prepare(`UPDATE ${t} SET ${c} = ${c} WHERE ${c} IN (SELECT ${c} FROM ${t} LIMIT 1)`).run();
      expect(changed.meta.changes, `a row of ${t}`).toBeGreaterThan(0);
      expect((await coverage(analyst, Q)).figures[FIG], `after touching ${t}`).toBe(truth.figures[FIG]);
    }
  });

  it("shows a new upload and a facility master change at once", async () => {
    const before = await coverage(analyst, Q);
    await coverage(analyst, Q);
    const res = await call("POST", "/v1/rosters", { token: uploader, json: { ...roster(61, { seed: 506 }), as_of: "2026-11-02" } });
    expect(res.status).toBe(201);
    const after = await coverage(analyst, Q);
    expect(after.figures[FIG]).not.toBe(before.figures[FIG]);
    const row = ["P1706020299", "Puskesmas Memo", "PUSKESMAS", "1706", "170602", "PEDESAAN", "N", "N", "Y"];
    const put = await call("PUT", "/v1/facilities", {
      token: admin,
      json: { fasyankes: { columns: ["kode", "nama", "jenis", "kode_wilayah", "kecamatan", "kategori", "rawat_inap", "poned", "aktif"], rows: [row] }, berlaku_mulai: "2026-01-01" },
    });
    expect(put.status).toBe(200);
    // A facility without a roster counts only among those without one.
    expect((await coverage(analyst, Q)).figures["fasyankes_tanpa_roster"]).toBe((after.figures["fasyankes_tanpa_roster"] ?? 0) + 1);
  });

  it("answers today's national question ahead in the scheduled job, so the first analyst reads it remembered", async () => {
    await env.DB.prepare("DELETE FROM coverage_memo").run();
    const national = await tokenFor("analyst", "ID");
    const report = await sweepAll(env as unknown as Bindings, new Date());
    expect(report.warmed).toBe(1);
    expect(await memoCount()).toBe(1);
    const remembered = await coverage(national, "");
    await alterMemos(1000);
    expect((await coverage(national, "")).figures[FIG]).toBe(remembered.figures[FIG]! + 1000);
  });

  it("does not store rows read before a write that committed meanwhile", async () => {
    const { generation } = (await prepare(env.DB, GENERATION_SQL).first<{ generation: number }>())!;
    await env.DB.prepare("UPDATE wilayah SET nama = nama WHERE kode = '17'").run();
    const sql = memoStoreSql("stale question", generation, JSON.stringify({ jenis: [], rows: {} }), "2026-11-30T00:00:00.000Z")!;
    await env.DB.batch(sql.map((s) => prepare(env.DB, s)));
    expect((await env.DB.prepare("SELECT COUNT(*) AS n FROM coverage_memo WHERE question = 'stale question'").first<{ n: number }>())!.n).toBe(0);
  });

  it("leaves a current memo in place when a late store of a stale read for the same question arrives", async () => {
    const gen = async () => (await prepare(env.DB, GENERATION_SQL).first<{ generation: number }>())!.generation;
    const stale = await gen();
    await env.DB.prepare("UPDATE wilayah SET nama = nama WHERE kode = '17'").run();
    const at = "2026-11-30T00:00:00.000Z";
    await env.DB.batch(memoStoreSql("late", await gen(), '{"fresh":true}', at)!.map((s) => prepare(env.DB, s)));
    await env.DB.batch(memoStoreSql("late", stale, '{"fresh":false}', at)!.map((s) => prepare(env.DB, s)));
    expect(await lookupMemo(env.DB, "late")).toBe('{"fresh":true}');
  });

  it("keeps the newest memos within the byte budget and lets the oldest go", async () => {
    await env.DB.prepare("DELETE FROM coverage_memo").run();
    const { generation } = (await prepare(env.DB, GENERATION_SQL).first<{ generation: number }>())!;
    const body = JSON.stringify({ jenis: [], rows: {}, pad: "x".repeat(1000) });
    for (const [i, at] of ["2026-11-28", "2026-11-29", "2026-11-30"].entries()) {
      await env.DB.batch(memoStoreSql(`q${i}`, generation, body, `${at}T00:00:00.000Z`, { budget: 2.5 * body.length })!.map((s) => prepare(env.DB, s)));
    }
    const { results } = await env.DB.prepare("SELECT question FROM coverage_memo ORDER BY question").all<{ question: string }>();
    expect(results.map((r) => r.question)).toEqual(["q1", "q2"]);
  });

  it("splits a memo into parts of at most one D1 value each, never inside a character", () => {
    const text = `${"a".repeat(7)}é😀${"b".repeat(5)}😀`;
    const parts = memoParts(text, 8)!;
    expect(parts.join("")).toBe(text);
    for (const p of parts) {
      expect(new TextEncoder().encode(p).length).toBeLessThanOrEqual(8);
      expect(p).not.toMatch(/^[\uDC00-\uDFFF]|[\uD800-\uDBFF]$/);
    }
  });

  it("keeps an answer larger than one D1 value in parts and reads it back whole", async () => {
    const { generation } = (await prepare(env.DB, GENERATION_SQL).first<{ generation: number }>())!;
    const big = JSON.stringify({ pad: "é".repeat(D1_LIMITS.maxValueBytes) });
    await env.DB.batch(memoStoreSql("big", generation, big, "2026-11-30T00:00:00.000Z")!.map((s) => prepare(env.DB, s)));
    expect((await env.DB.prepare("SELECT COUNT(*) AS n FROM coverage_memo WHERE question = 'big'").first<{ n: number }>())!.n).toBeGreaterThan(1);
    expect(await lookupMemo(env.DB, "big")).toBe(big);
  });

  it("does not remember an answer that needs more parts than a memo may take", () => {
    expect(memoStoreSql("huge", 1, "x".repeat(D1_LIMITS.maxValueBytes * MEMO_MAX_PARTS + 1), "2026-11-30T00:00:00.000Z")).toBeNull();
  });
});
