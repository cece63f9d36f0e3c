import { applyD1Migrations, env } from "cloudflare:test";
import { beforeAll, describe, expect, it } from "vitest";
import type { CoverageResponse } from "../../../shared/api/coverage";
import { call, json, roster, seedDemo, tokenFor } from "../support";

/**
 * Attack on the coverage memo across releases (migration 0105, worker/coverage/read.ts): coverage_memo
 * lives in D1 and outlives a deploy, while its generation counts only data changes. A memo holds the
 * rows of the statements of the Worker that read them (worker/coverage/read-sql.ts and the indicator
 * declarations, changed in most releases: b6b6ca5, 88a457b, …). After a deploy that changes those
 * statements, the new Worker must not answer from rows the old statements produced — until the next
 * write in that database, which for a province uploading monthly is weeks.
 *
 * A deploy cannot happen inside a test, so each test leaves a memo in the form the earlier Worker
 * would have written it — the same generation, the same question and standard jenis, rows of other
 * statements — and asks the question again. The truth is the answer with the memo emptied.
 */

let analyst: string;
const AS_OF = "2026-11-10";
const QUESTION = JSON.stringify(["kecamatan", "1706", AS_OF]);
const Q = `region=1706&as_of=${AS_OF}`;

beforeAll(async () => {
  await seedDemo();
  analyst = await tokenFor("analyst", "17", "memo release analyst");
  const uploader = await tokenFor("uploader", "17");
  const res = await call("POST", "/v1/rosters", { token: uploader, json: { ...roster(60, { seed: 977 }), as_of: "2026-11-01" } });
  if (res.status !== 201) throw new Error(`upload answered ${res.status}: ${(await res.text()).slice(0, 600)}`);
});

type Memo = { shape?: string; rules?: unknown[]; rows: Record<string, Record<string, unknown>[]> };

/** Asks Q once (so it is remembered) and rewrites the memo as `earlier` says an earlier release stored it. */
async function rememberedByEarlierRelease(earlier: (memo: Memo) => void): Promise<CoverageResponse> {
  await env.DB.prepare("DELETE FROM coverage_memo").run();
  const truth = await json<CoverageResponse>(await call("GET", `/v1/coverage?${Q}`, { token: analyst }));
  const stored = await env.DB.prepare("SELECT rows FROM coverage_memo WHERE question = ?1").bind(QUESTION).first<{ rows: string }>();
  expect(stored, "the question is remembered").not.toBeNull();
  const memo = JSON.parse(stored!.rows) as Memo;
  earlier(memo);
  // An earlier release's statements have another fingerprint (the first release of the memo stored none).
  memo.shape = "statements of an earlier release";
  await env.DB.prepare("UPDATE coverage_memo SET rows = ?1 WHERE question = ?2").bind(JSON.stringify(memo), QUESTION).run();
  return truth;
}

describe("coverage memos written by an earlier release", () => {
  it("answers a question remembered before a coverage statement existed, not 500", async () => {
    // The `names` statement (region labels from wilayah) is one a release added; an earlier memo has no rows of it.
    const truth = await rememberedByEarlierRelease((m) => void delete m.rows["names"]);
    const res = await call("GET", `/v1/coverage?${Q}`, { token: analyst });
    expect(res.status).toBe(200);
    expect(await json<CoverageResponse>(res)).toEqual(truth);
  });

  it("answers with a figure a release added, not the earlier release's rows without it", async () => {
    // An indicator declared in this release (shared/coverage/indicators.ts) is a column the earlier statements lacked.
    let dropped = "";
    const truth = await rememberedByEarlierRelease((m) => {
      const row = m.rows["facilities"]![0]!;
      dropped = Object.keys(row).find((k) => k !== "unit" && typeof row[k] === "number" && row[k] !== 0) ?? "";
      for (const r of m.rows["facilities"]!) delete r[dropped];
    });
    expect(dropped).not.toBe("");
    const again = await json<CoverageResponse>(await call("GET", `/v1/coverage?${Q}`, { token: analyst }));
    expect(again.figures, `figure ${dropped}`).toEqual(truth.figures);
  });

  // Migration 0105 says a migration passes through the triggers. One that rebuilds a table as SQLite's
  // ALTER TABLE procedure does (new table, copy, drop, rename, triggers re-created) fires none: the
  // copy goes into a table without triggers and DROP TABLE fires no delete trigger.
  it("answers afresh after a migration rebuilds a table coverage reads, its triggers re-created", async () => {
    await env.DB.prepare("DELETE FROM coverage_memo").run();
    const before = await json<CoverageResponse>(await call("GET", `/v1/coverage?${Q}`, { token: analyst }));
    const table = (await env.DB.prepare("SELECT sql FROM sqlite_master WHERE type = 'table' AND name = 'wilayah'").first<{ sql: string }>())!.sql;
    const triggers = (await env.DB.prepare("SELECT sql FROM sqlite_master WHERE type = 'trigger' AND tbl_name = 'wilayah'").all<{ sql: string }>()).results.map((r) => r.sql);
    expect(triggers.length).toBe(3);
    await applyD1Migrations(env.DB, [
      {
        name: "9999_memo_attack_rebuild_wilayah.sql",
        queries: [
          table.replace(/CREATE TABLE\s+"?wilayah"?/i, "CREATE TABLE wilayah_baru"),
          "INSERT INTO wilayah_baru SELECT * FROM wilayah",
          "UPDATE wilayah_baru SET nama = upper(nama) || ' (NAMA BARU)' WHERE kode LIKE '1706%'",
          "DROP TABLE wilayah",
          "ALTER TABLE wilayah_baru RENAME TO wilayah",
          ...triggers,
        ],
      },
    ]);
    const after = await json<CoverageResponse>(await call("GET", `/v1/coverage?${Q}`, { token: analyst }));
    await env.DB.prepare("DELETE FROM coverage_memo").run();
    const truth = await json<CoverageResponse>(await call("GET", `/v1/coverage?${Q}`, { token: analyst }));
    expect(JSON.stringify(truth)).toContain("(NAMA BARU)");
    expect(truth).not.toEqual(before);
    expect(after).toEqual(truth);
  });
});
