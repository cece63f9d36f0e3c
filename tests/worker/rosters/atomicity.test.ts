import { env } from "cloudflare:test";
import { beforeAll, describe, expect, it } from "vitest";
import type { UploadResponse } from "../../../shared/api/rosters";
import { StaleBaseError, storeUpload } from "../../../worker/rosters/commit";
import { LEASES } from "../../../worker/config";
import { sweepDatabase } from "../../../worker/sweep";
import type { TokenInfo } from "../../../worker/auth/token-info";
import { call, count, freshFacilities, json, roster, seedDemo, tokenFor } from "../support";
import { preparedUpload } from "./prepared-upload";

const who: TokenInfo = { id: "tok_test", role: "admin", scope: "17", name: "atomicity test" };
let admin: string;

beforeAll(async () => {
  await seedDemo();
  admin = await tokenFor("admin", "17");
});

/** A D1 binding that fails its n-th batch (counting from 1), after running `before` if given. */
function failingDb(failAt: number, before?: (n: number) => Promise<void>): D1Database & { batches: number } {
  const db = env.DB;
  const wrapper = {
    batches: 0,
    prepare: (sql: string) => db.prepare(sql),
    batch: async (statements: D1PreparedStatement[]) => {
      wrapper.batches++;
      await before?.(wrapper.batches);
      if (wrapper.batches === failAt) throw new Error("injected failure: the network went away");
      return db.batch(statements);
    },
  };
  return wrapper as unknown as D1Database & { batches: number };
}

const prepared = (rows: number, seed: number, facilities: Awaited<ReturnType<typeof freshFacilities>>) => preparedUpload(who, rows, seed, facilities);

const traces = async (uploadId: string) => ({
  nakes: await count("SELECT COUNT(*) AS n FROM nakes WHERE upload_id = ?1", uploadId),
  staged: await count("SELECT COUNT(*) AS n FROM nakes_staged WHERE upload_id = ?1", uploadId),
  pelatihan: await count("SELECT COUNT(*) AS n FROM pelatihan WHERE upload_id = ?1", uploadId),
  uploads: await count("SELECT COUNT(*) AS n FROM uploads WHERE id = ?1", uploadId),
  versions: await count("SELECT COUNT(*) AS n FROM roster_versi WHERE upload_id = ?1", uploadId),
  pointers: await count("SELECT COUNT(*) AS n FROM roster_current WHERE upload_id = ?1", uploadId),
  coverage: await count("SELECT COUNT(*) AS n FROM coverage_version WHERE upload_id = ?1", uploadId),
  texts: await count("SELECT COUNT(*) AS n FROM text_parts WHERE owner LIKE ?1", `upload:${uploadId}:%`),
});
const NONE = { nakes: 0, staged: 0, pelatihan: 0, uploads: 0, versions: 0, pointers: 0, coverage: 0, texts: 0 };

describe("an upload that fails part-way", () => {
  it("leaves no row and no upload record when a staging batch fails", async () => {
    const facilities = await freshFacilities(3);
    const u = await prepared(600, 41, facilities);
    const db = failingDb(3);
    // 100 rows per batch: the upload stages in several batches; the third one fails.
    await expect(storeUpload(db, u, { batchRows: 100 })).rejects.toThrow(/injected failure/);
    expect(db.batches).toBeGreaterThanOrEqual(3);
    expect(await traces(u.id)).toEqual(NONE);
    const listed = await json(await call("GET", "/v1/uploads?limit=200", { token: admin }));
    expect(listed.uploads.map((x: { id: string }) => x.id)).not.toContain(u.id);
  });

  it("leaves no trace when the final batch (the commit) fails", async () => {
    const facilities = await freshFacilities(2);
    const u = await prepared(300, 42, facilities);
    let batches = 0;
    const counter = failingDb(Number.MAX_SAFE_INTEGER);
    await storeUpload(counter, { ...u, id: crypto.randomUUID() }, { batchRows: 100 }).catch(() => undefined);
    batches = counter.batches; // sweep + staging batches + commit (+ nothing else)
    const db = failingDb(batches);
    await expect(storeUpload(db, u, { batchRows: 100 })).rejects.toThrow(/injected failure/);
    expect(await traces(u.id)).toEqual(NONE);
  });

  it("leaves the previous roster current and readable throughout", async () => {
    const facilities = await freshFacilities(2);
    const first = await prepared(200, 43, facilities);
    await storeUpload(env.DB, first, { batchRows: 1000 });
    const second = await prepared(400, 44, facilities);
    const seen: string[] = [];
    const db = failingDb(4, async () => {
      // A reader between the batches sees the first upload, whole.
      const cur = await json(await call("GET", `/v1/rosters/${facilities[0]!.kode}`, { token: admin }));
      seen.push(`${cur.upload_id}:${cur.nakes.rows.length}`);
    });
    await expect(storeUpload(db, second, { batchRows: 100 })).rejects.toThrow();
    const expected = `${first.id}:${first.persons.filter((p) => p.record.kode_fasyankes === facilities[0]!.kode).length}`;
    expect(new Set(seen)).toEqual(new Set([expected]));
    expect(await traces(second.id)).toEqual(NONE);
    expect((await json(await call("GET", `/v1/rosters/${facilities[0]!.kode}`, { token: admin }))).upload_id).toBe(first.id);
  });

  it("answers a failed upload through the API without a partial store, then accepts the retry", async () => {
    const facilities = await freshFacilities(2);
    const r = roster(120, { facilities, seed: 45 });
    const before = await count("SELECT COUNT(*) AS n FROM nakes");
    // A value over D1's 1 MB limit: the builder refuses it before anything is written.
    const huge = structuredClone(r);
    huge.nakes.rows[5]![huge.nakes.columns.indexOf("keterangan")] = "x".repeat(1_100_000);
    const res = await call("POST", "/v1/rosters", { token: admin, json: huge });
    expect(res.status).toBe(413);
    expect(await count("SELECT COUNT(*) AS n FROM nakes")).toBe(before);
    const ok = await call("POST", "/v1/rosters", { token: admin, json: r });
    expect(ok.status).toBe(201);
  });
});

describe("the If-Match check inside the commit", () => {
  it("fails the final batch of a staged upload whose facilities moved on, leaving no trace", async () => {
    const facilities = await freshFacilities(2);
    const first = await prepared(100, 49, facilities);
    await storeUpload(env.DB, first, { batchRows: 1000 });
    // Checked against "no roster yet", but the first upload has landed since.
    const late = await prepared(300, 50, facilities);
    const expected = new Map(facilities.map((f) => [f.kode, null] as const));
    await expect(storeUpload(env.DB, { ...late, expected }, { batchRows: 100 })).rejects.toBeInstanceOf(StaleBaseError);
    expect(await traces(late.id)).toEqual(NONE);
    expect(await count("SELECT COUNT(*) AS n FROM roster_current WHERE upload_id = ?1", first.id)).toBe(2);
    // The same upload with the right expectation lands.
    const right = new Map(facilities.map((f) => [f.kode, first.id] as const));
    await storeUpload(env.DB, { ...late, expected: right }, { batchRows: 100 });
    expect(await traces(late.id)).toMatchObject({ nakes: 300, uploads: 1, pointers: 2 });
  });
});

describe("a large upload", () => {
  it("is staged in batches and committed in one small final batch, all rows stored", async () => {
    const facilities = await freshFacilities(4);
    const r = roster(1500, { facilities, seed: 46 });
    const res = await call("POST", "/v1/rosters", { token: admin, json: r, vars: { BATCH_ROWS: "300" } });
    expect(res.status).toBe(201);
    const body = await json<UploadResponse>(res);
    expect(await count("SELECT COUNT(*) AS n FROM nakes WHERE upload_id = ?1", body.upload_id)).toBe(1500);
    expect(await count("SELECT COUNT(*) AS n FROM pelatihan WHERE upload_id = ?1", body.upload_id)).toBe(body.stored.pelatihan);
    expect(await count("SELECT COUNT(*) AS n FROM roster_current WHERE upload_id = ?1", body.upload_id)).toBe(4);
  });

  it("leaves rows staged by an upload whose Worker died to the scheduled sweep, not the next upload", async () => {
    const facilities = await freshFacilities(1);
    const dead = await prepared(50, 47, facilities);
    // Stage it and "die" before the commit.
    const db = failingDb(3);
    const original = dead.id;
    await storeUpload(db, { ...dead }, { batchRows: 10 }).catch(() => undefined);
    // Simulate the leftovers a killed Worker leaves: staged rows and an uncommitted upload, long ago.
    await env.DB.prepare(
      "INSERT INTO uploads (id, token_id, token_name, token_scope, created_at, as_of, content_type, content_hash, nakes_rows, pelatihan_rows, facilities, n_error, n_warning, n_info) VALUES ('dead-upload', 't', 't', '17', '2000-01-01T00:00:00.000Z', '2026-11-01', 'application/json', 'h', 1, 0, 1, 0, 0, 0)",
    ).run();
    await env.DB.prepare(
      `INSERT INTO nakes_staged (upload_id, kode_fasyankes, row_no, nik, nama, jenis_kelamin, tanggal_lahir, jenis_tenaga, status_kepegawaian, fp)
       VALUES ('dead-upload', ?1, 0, '1706010101900002', 'X', 'L', '1990-01-01', 'DOKTER', 'PNS', 'x')`,
    )
      .bind(facilities[0]!.kode)
      .run();
    const next = await prepared(20, 48, facilities);
    await storeUpload(env.DB, next, { batchRows: 1000 });
    expect(await traces("dead-upload")).not.toEqual(NONE);
    // The Cron Trigger's job, once every lease has ended.
    await sweepDatabase(env.DB, new Date(Date.now() + LEASES.leaseMs + 1000));
    expect(await traces("dead-upload")).toEqual(NONE);
    expect(await traces(original)).toEqual(NONE);
  });
});
