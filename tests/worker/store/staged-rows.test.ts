import { env } from "cloudflare:test";
import { beforeAll, describe, expect, it } from "vitest";
import type { RosterRequest } from "../../../shared/schema/roster";
import type { UploadResponse, ValidateResponse } from "../../../shared/api/rosters";
import { storeUpload } from "../../../worker/rosters/commit";
import { preparedUpload } from "../rosters/prepared-upload";
import type { TokenInfo } from "../../../worker/auth/token-info";
import { call, count, freshFacilities, json, roster, seedDemo, tokenFor } from "../support";

/**
 * Issue 15 "Done when" (each later history cycle adds ≤ 5 % of the first cycle's bytes), migration
 * 0100: an upload's rows wait for their commit in nakes_staged, and its dated counts in
 * coverage_fakta_staged, never in the history tables. A twin of every held row written into nakes and
 * coverage_fakta and deleted again at commit split every page of their indexes and left them half
 * empty. Triggers count every row that enters the history tables, so even a row written and deleted
 * within the commit's own transaction is seen.
 */
let uploader: string;
const who: TokenInfo = { id: "tok_staged_rows", role: "admin", scope: "17", name: "staged rows test" };

beforeAll(async () => {
  await seedDemo();
  uploader = await tokenFor("uploader", "1706", "staged rows test");
  await env.DB.batch([
    env.DB.prepare("CREATE TABLE IF NOT EXISTS test_written (tbl TEXT NOT NULL, upload_id TEXT, kode TEXT NOT NULL, nik TEXT)"),
    env.DB.prepare(
      "CREATE TRIGGER IF NOT EXISTS test_nakes_written AFTER INSERT ON nakes BEGIN INSERT INTO test_written VALUES ('nakes', NEW.upload_id, NEW.kode_fasyankes, NEW.nik); END",
    ),
    env.DB.prepare(
      "CREATE TRIGGER IF NOT EXISTS test_fakta_written AFTER INSERT ON coverage_fakta BEGIN INSERT INTO test_written VALUES ('coverage_fakta', NULL, NEW.kode_fasyankes, NULL); END",
    ),
  ]);
});

/** Rows that entered table `tbl` at facility `kode` (ever, whatever was deleted since). */
const written = (tbl: string, kode: string) => count("SELECT COUNT(*) AS n FROM test_written WHERE tbl = ?1 AND kode = ?2", tbl, kode);

async function push(r: RosterRequest): Promise<UploadResponse> {
  const res = await call("POST", "/v1/rosters", { token: uploader, json: r });
  if (res.status !== 201) throw new Error(`upload answered ${res.status}: ${(await res.text()).slice(0, 800)}`);
  return json<UploadResponse>(res);
}

/** The roster with the names of rows `rows` changed. */
function renamed(r: RosterRequest, rows: number[], as_of: string): RosterRequest {
  const col = r.nakes.columns.indexOf("nama");
  return { ...r, as_of, nakes: { columns: r.nakes.columns, rows: r.nakes.rows.map((row, i) => (rows.includes(i) ? row.map((v, c) => (c === col ? `${String(v)} Baru` : v)) : row)) } };
}

describe("an upload's unchanged persons", () => {
  it("are never written into nakes' history table, not even while staged or within the commit", async () => {
    const [f] = await freshFacilities(1);
    const kode = f!.kode;
    const first = roster(40, { facilities: [f!], seed: 1551 });
    await push({ ...first, as_of: "2026-10-01" });
    expect(await written("nakes", kode)).toBe(40);

    // Staged for a later commit (SPEC §7): its 40 rows wait outside nakes.
    const res = await call("POST", "/v1/rosters/validate?stage=1", { token: uploader, json: renamed(first, [2, 7, 30], "2026-11-01") });
    const id = (await json<ValidateResponse>(res)).staged!.id;
    expect(await count("SELECT COUNT(*) AS n FROM nakes_staged WHERE upload_id = ?1", id)).toBe(40);
    expect(await written("nakes", kode)).toBe(40);

    expect((await call("POST", "/v1/rosters/commit", { token: uploader, json: { staged_id: id } })).status).toBe(201);
    // The three changed persons only, and the staging emptied.
    expect(await count("SELECT COUNT(*) AS n FROM test_written WHERE tbl = 'nakes' AND upload_id = ?1", id)).toBe(3);
    expect(await written("nakes", kode)).toBe(43);
    expect(await count("SELECT COUNT(*) AS n FROM nakes_staged WHERE upload_id = ?1", id)).toBe(0);

    // The same roster again, sent in one request: nothing enters nakes.
    await push(renamed(first, [2, 7, 30], "2026-11-15"));
    expect(await written("nakes", kode)).toBe(43);
    expect(await count("SELECT COUNT(*) AS n FROM nakes_staged")).toBe(0);
  });

  it("leave coverage's dated counts untouched: a re-upload writes no coverage_fakta row", async () => {
    const [f] = await freshFacilities(1);
    const kode = f!.kode;
    const first = roster(30, { facilities: [f!], seed: 1552 });
    await push({ ...first, as_of: "2026-10-01" });
    const once = await written("coverage_fakta", kode);
    expect(once).toBeGreaterThan(0);
    await push({ ...first, as_of: "2026-11-01" });
    expect(await written("coverage_fakta", kode)).toBe(once);
    expect(await count("SELECT COUNT(*) AS n FROM coverage_fakta_staged")).toBe(0);
  });
});

describe("a staged upload that dies", () => {
  it("leaves no row in the staging table", async () => {
    const facilities = await freshFacilities(2);
    const u = await preparedUpload(who, 60, 1553, facilities);
    // Staged in batches of 10 rows; the batch after the last staging one (the commit) fails.
    let batches = 0;
    let failed = false;
    const db = {
      prepare: (sql: string) => env.DB.prepare(sql),
      batch: async (statements: D1PreparedStatement[]) => {
        batches++;
        const staged = await count("SELECT COUNT(*) AS n FROM nakes_staged WHERE upload_id = ?1", u.id);
        const training = await count("SELECT COUNT(*) AS n FROM pelatihan WHERE upload_id = ?1", u.id);
        if (!failed && staged === 60 && training === u.pelatihan.length) {
          failed = true;
          throw new Error("injected failure: the commit's batch is lost");
        }
        return env.DB.batch(statements);
      },
    } as unknown as D1Database;
    await expect(storeUpload(db, u, { batchRows: 10 })).rejects.toThrow(/injected failure/);
    expect(batches).toBeGreaterThan(6);
    expect(await count("SELECT COUNT(*) AS n FROM nakes_staged WHERE upload_id = ?1", u.id)).toBe(0);
    expect(await count("SELECT COUNT(*) AS n FROM uploads WHERE id = ?1", u.id)).toBe(0);
    expect(await count("SELECT COUNT(*) AS n FROM test_written WHERE tbl = 'nakes' AND upload_id = ?1", u.id)).toBe(0);
  });
});
