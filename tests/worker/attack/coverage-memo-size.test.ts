import { env } from "cloudflare:test";
import { beforeAll, describe, expect, it } from "vitest";
import type { CoverageResponse } from "../../../shared/api/coverage";
import { prepare, D1_LIMITS } from "../../../worker/db/limits";
import { upsertFacilitiesSql } from "../../../worker/store/facilities";
import { call, seedDemo, tokenFor } from "../support";
import { sweepAll } from "../../../worker/sweep";
import type { Bindings } from "../../../worker/env";

/**
 * Attack on the coverage memo's sizes (migration 0105, store/coverage-memo.ts): a facility-level
 * question over thousands of facilities has an answer near or past one D1 value (1 MB, D1_LIMITS);
 * one is remembered, the other is not, and both answer as an emptied memo would, memo budget and all.
 */

/** `n` puskesmas in kecamatan `kec` (a code no demo facility uses), straight into the master. */
async function manyFacilities(kec: string, n: number): Promise<void> {
  const list = Array.from({ length: n }, (_, i) => ({
    kode: `P${kec}${String(i).padStart(4, "0")}`,
    nama: `Puskesmas Besar ${kec} ${i} — ‘Ünïcödé’ 𝔘`,
    jenis: "PUSKESMAS" as const,
    kode_wilayah: kec.slice(0, 4),
    kecamatan: kec,
    kategori: "PEDESAAN" as const,
    rawat_inap: i % 2 === 0,
    poned: false,
    aktif: true,
  }));
  const sql = upsertFacilitiesSql(list, null, new Date().toISOString());
  for (let i = 0; i < sql.length; i += 50) await env.DB.batch(sql.slice(i, i + 50).map((s) => prepare(env.DB, s)));
}

let national: string;
const memoBytes = async (question: string) =>
  (await env.DB.prepare("SELECT SUM(length(CAST(rows AS BLOB))) AS n FROM coverage_memo WHERE question = ?1").bind(question).first<{ n: number | null }>())?.n ?? null;

async function ask(query: string): Promise<{ body: CoverageResponse; bytes: number }> {
  const res = await call("GET", `/v1/coverage?${query}`, { token: national });
  const text = await res.text();
  if (res.status !== 200) throw new Error(`coverage ${query} answered ${res.status}: ${text.slice(0, 600)}`);
  return { body: JSON.parse(text) as CoverageResponse, bytes: text.length };
}

beforeAll(async () => {
  await seedDemo();
  national = await tokenFor("analyst", "ID", "memo size analyst");
  await manyFacilities("170698", 3000);
  await manyFacilities("170699", 9000);
}, 300_000);

describe("coverage memo and large answers", () => {
  it("remembers a facility-level answer under one D1 value and answers it as a fresh read would", async () => {
    const q = "region=170698&level=facility&as_of=2026-11-10";
    const first = await ask(q);
    const stored = await memoBytes(JSON.stringify(["facility", "170698", "2026-11-10"]));
    expect(stored).not.toBeNull();
    expect(stored!).toBeGreaterThan(D1_LIMITS.maxValueBytes / 4);
    const again = await ask(q);
    await env.DB.prepare("DELETE FROM coverage_memo").run();
    expect(again.body).toEqual(first.body);
    expect((await ask(q)).body).toEqual(first.body);
  });

  it("remembers a question whose rows pass one D1 value in parts, and answers it whole as a fresh read would", async () => {
    const q = "region=170699&level=facility&as_of=2026-11-10";
    const question = JSON.stringify(["facility", "170699", "2026-11-10"]);
    const first = await ask(q);
    expect(await memoBytes(question)).toBeGreaterThan(D1_LIMITS.maxValueBytes);
    const parts = await env.DB.prepare("SELECT COUNT(*) AS n, MAX(length(CAST(rows AS BLOB))) AS largest FROM coverage_memo WHERE question = ?1").bind(question).first<{ n: number; largest: number }>();
    expect(parts!.n).toBeGreaterThan(1);
    expect(parts!.largest).toBeLessThanOrEqual(D1_LIMITS.maxValueBytes);
    expect(first.body.tables.wilayah.rows.length).toBeGreaterThanOrEqual(9000);
    const again = await ask(q);
    expect(again.body).toEqual(first.body);
  });

  it("answers many large remembered questions (one a date) each as a fresh read would, their memos within the byte budget", async () => {
    const dates = Array.from({ length: 8 }, (_, i) => `2026-10-${String(10 + i).padStart(2, "0")}`);
    const answers: CoverageResponse[] = [];
    for (const d of dates) answers.push((await ask(`region=170698&level=facility&as_of=${d}`)).body);
    const total = (await env.DB.prepare("SELECT COALESCE(SUM(length(CAST(rows AS BLOB))), 0) AS n FROM coverage_memo").first<{ n: number }>())!.n;
    expect(total).toBeLessThanOrEqual(20_000_000);
    for (const [i, d] of dates.entries()) expect((await ask(`region=170698&level=facility&as_of=${d}`)).body, d).toEqual(answers[i]);
  });

  // The budget keeps the newest stored, whoever asked: one analyst's run of distinct large questions
  // (a Power Query refresh over many dates) pushes out what the scheduled job answered ahead for
  // everyone, and every store scans all remembered bytes (the budget's window sum) to do it.
  it("keeps today's national answer, answered ahead by the scheduled job, when one analyst asks many other large questions", async () => {
    await env.DB.prepare("DELETE FROM coverage_memo").run();
    expect((await sweepAll(env as unknown as Bindings, new Date())).warmed).toBe(1);
    const warmed = (await env.DB.prepare("SELECT question FROM coverage_memo").first<{ question: string }>())!.question;
    const one = (await memoBytes(JSON.stringify(["facility", "170698", "2026-11-10"]))) ?? 600_000;
    const needed = Math.ceil(20_000_000 / Math.max(one, 1)) + 2;
    const asker = await tokenFor("analyst", "17", "memo size flood analyst");
    for (let i = 0; i < needed; i++) {
      const d = new Date(Date.UTC(2026, 0, 1) + i * 86_400_000).toISOString().slice(0, 10);
      const res = await call("GET", `/v1/coverage?region=170698&level=facility&as_of=${d}`, { token: asker });
      expect(res.status).toBe(200);
    }
    const kept = await env.DB.prepare("SELECT COUNT(*) AS n FROM coverage_memo WHERE question = ?1").bind(warmed).first<{ n: number }>();
    expect(kept!.n, `${warmed} still remembered`).toBeGreaterThanOrEqual(1);
  }, 120_000);
});
