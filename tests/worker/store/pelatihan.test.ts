import { beforeAll, describe, expect, it } from "vitest";
import type { UploadResponse } from "../../../shared/api/rosters";
import type { RosterRequest } from "../../../shared/schema/roster";
import { call, count, freshFacilities, json, roster, seedDemo, tokenFor } from "../support";

/**
 * store/pelatihan.ts unchangedTrainingSql (issue 15): a person version's training is read from the
 * upload that recorded it, so an upload keeps the training rows of the persons it writes a version
 * for (added or changed) and drops those of persons it leaves unchanged.
 */
let uploader: string;

beforeAll(async () => {
  await seedDemo();
  uploader = await tokenFor("uploader", "1706", "training test");
});

async function push(r: RosterRequest): Promise<UploadResponse> {
  const res = await call("POST", "/v1/rosters", { token: uploader, json: r });
  if (res.status !== 201) throw new Error(`upload answered ${res.status}: ${(await res.text()).slice(0, 500)}`);
  return json<UploadResponse>(res);
}

describe("an upload's training rows", () => {
  it("stay for the persons it changes or adds and go for those it leaves unchanged", async () => {
    const [f] = await freshFacilities(1);
    const first = { ...roster(30, { facilities: [f!], seed: 1511 }), as_of: "2026-09-01" };
    const col = (name: string) => first.nakes.columns.indexOf(name);
    const nikOf = (row: readonly unknown[]) => String(row[col("nik")]);
    const trainingOf = (nik: string) => first.pelatihan!.rows.filter((p) => String(p[first.pelatihan!.columns.indexOf("nik")]) === nik).length;
    // Two persons with training renamed (a change), the rest as they were.
    const trained = first.nakes.rows.filter((row) => trainingOf(nikOf(row)) > 0).slice(0, 2);
    expect(trained).toHaveLength(2);
    await push(first);

    const changed = new Set(trained.map(nikOf));
    const second: RosterRequest = {
      ...first,
      as_of: "2026-10-01",
      nakes: { columns: first.nakes.columns, rows: first.nakes.rows.map((row) => (changed.has(nikOf(row)) ? row.map((v, c) => (c === col("nama") ? `${String(v)} Baru` : v)) : row)) },
    };
    const u2 = await push(second);
    expect(u2.diff).toEqual([{ kode_fasyankes: f!.kode, added: 0, removed: 0, changed: 2, unchanged: 28 }]);
    const kept = [...changed].reduce((n, nik) => n + trainingOf(nik), 0);
    expect(await count("SELECT COUNT(*) AS n FROM pelatihan WHERE upload_id = ?1", u2.upload_id)).toBe(kept);
    expect(await count("SELECT COUNT(DISTINCT nik) AS n FROM pelatihan WHERE upload_id = ?1", u2.upload_id)).toBe(2);
  });
});
