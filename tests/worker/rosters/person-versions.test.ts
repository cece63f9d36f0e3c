import { beforeAll, describe, expect, it } from "vitest";
import type { CurrentRoster, UploadResponse } from "../../../shared/api/rosters";
import type { RosterRequest } from "../../../shared/schema/roster";
import { coverage } from "../coverage/api";
import { call, count, freshFacilities, json, roster, seedDemo, tokenFor } from "../support";

/**
 * SPEC §6 "history is kept per change" (issue 15): a staff row is a version of a person at a facility,
 * with the roster dates it holds between and the upload that recorded it. An upload writes versions
 * only for persons it adds or changes and closes those it changes or removes.
 */
let token: string;
let analyst: string;

beforeAll(async () => {
  await seedDemo();
  token = await tokenFor("uploader", "17");
  analyst = await tokenFor("analyst", "17");
});

async function push(r: RosterRequest, vars?: Record<string, string>): Promise<UploadResponse> {
  const res = await call("POST", "/v1/rosters", { token, json: r, vars });
  if (res.status !== 201) throw new Error(`upload answered ${res.status}: ${(await res.text()).slice(0, 800)}`);
  return json<UploadResponse>(res);
}

/** The roster with the names of rows `rows` changed (a change of the person's row, so a new version). */
function renamed(r: RosterRequest, rows: number[], as_of: string): RosterRequest {
  const col = r.nakes.columns.indexOf("nama");
  return { ...r, as_of, nakes: { columns: r.nakes.columns, rows: r.nakes.rows.map((row, i) => (rows.includes(i) ? row.map((v, c) => (c === col ? `${String(v)} Baru` : v)) : row)) } };
}

const versions = (kode: string) => count("SELECT COUNT(*) AS n FROM nakes WHERE kode_fasyankes = ?1", kode);

describe("person versions", () => {
  it("an upload that changes 3 of 40 persons writes 3 versions and closes 3; the same roster again writes none", async () => {
    const [f] = await freshFacilities(1);
    const kode = f!.kode;
    const first = roster(40, { facilities: [f!], seed: 181 });
    const u1 = await push({ ...first, as_of: "2026-10-01" });
    expect(await versions(kode)).toBe(40);

    const u2 = await push(renamed(first, [0, 5, 9], "2026-11-01"));
    expect(u2.diff).toEqual([{ kode_fasyankes: kode, added: 0, removed: 0, changed: 3, unchanged: 37 }]);
    expect(await versions(kode)).toBe(43);
    expect(await count("SELECT COUNT(*) AS n FROM nakes WHERE kode_fasyankes = ?1 AND upload_id = ?2", kode, u2.upload_id)).toBe(3);
    expect(await count("SELECT COUNT(*) AS n FROM nakes WHERE kode_fasyankes = ?1 AND valid_to = '2026-11-01'", kode)).toBe(3);
    expect(await count("SELECT COUNT(*) AS n FROM nakes WHERE kode_fasyankes = ?1 AND upload_id = ?2 AND valid_to IS NULL", kode, u1.upload_id)).toBe(37);

    const u3 = await push(renamed(first, [0, 5, 9], "2026-11-15"));
    expect(u3.diff).toEqual([{ kode_fasyankes: kode, added: 0, removed: 0, changed: 0, unchanged: 40 }]);
    expect(await versions(kode)).toBe(43);
    expect(await count("SELECT COUNT(*) AS n FROM nakes WHERE upload_id = ?1", u3.upload_id)).toBe(0);
    expect(await count("SELECT COUNT(*) AS n FROM pelatihan WHERE upload_id = ?1", u3.upload_id)).toBe(0);

    // The current roster reads through the versions: 40 persons, the three with their new names.
    const cur = await json<CurrentRoster>(await call("GET", `/v1/rosters/${kode}`, { token }));
    expect(cur.upload_id).toBe(u3.upload_id);
    expect(cur.nakes.rows).toHaveLength(40);
    const nama = cur.nakes.columns.indexOf("nama");
    expect(cur.nakes.rows.filter((r) => String(r[nama]).endsWith(" Baru"))).toHaveLength(3);
    // Their training is still read (from the upload that recorded each version).
    const trained = first.pelatihan?.rows.length ?? 0;
    expect(trained).toBeGreaterThan(0);
    expect(cur.pelatihan.rows).toHaveLength(trained);
  });

  it("writes only the changes when the upload is staged in batches first", async () => {
    const [f] = await freshFacilities(1);
    const kode = f!.kode;
    const first = roster(40, { facilities: [f!], seed: 182 });
    await push({ ...first, as_of: "2026-10-01" }, { BATCH_ROWS: "7" });
    const dropped = { ...first, as_of: "2026-11-01", nakes: { columns: first.nakes.columns, rows: first.nakes.rows.slice(0, 38) } };
    const u2 = await push(dropped, { BATCH_ROWS: "7" });
    expect(u2.diff[0]).toMatchObject({ removed: 2, unchanged: 38 });
    expect(await versions(kode)).toBe(40);
    expect(await count("SELECT COUNT(*) AS n FROM nakes WHERE kode_fasyankes = ?1 AND valid_to IS NULL", kode)).toBe(38);
    expect((await coverage(analyst, `region=${kode}&as_of=2026-10-31`)).figures["tenaga"]).toBe(40);
    expect((await coverage(analyst, `region=${kode}&as_of=2026-11-01`)).figures["tenaga"]).toBe(38);
  });

  it("a back-dated change ends a version at its date and keeps the person from the later roster's date on", async () => {
    const [f] = await freshFacilities(1);
    const kode = f!.kode;
    const a = roster(10, { facilities: [f!], seed: 183, pelatihan: false });
    await push({ ...a, as_of: "2026-09-01" });
    await push({ ...a, as_of: "2026-11-01" }); // unchanged: one version per person, open
    expect(await versions(kode)).toBe(10);
    // Dated 1 October: row 0 renamed, row 9 gone.
    const late = renamed(a, [0], "2026-10-01");
    await push({ ...late, nakes: { columns: late.nakes.columns, rows: late.nakes.rows.slice(0, 9) } });

    const at = (d: string) =>
      count("SELECT COUNT(*) AS n FROM nakes WHERE kode_fasyankes = ?1 AND valid_from <> '' AND valid_from <= ?2 AND (valid_to IS NULL OR valid_to > ?2)", kode, d);
    const renamedAt = (d: string) =>
      count(
        "SELECT COUNT(*) AS n FROM nakes WHERE kode_fasyankes = ?1 AND nama LIKE '% Baru' AND valid_from <> '' AND valid_from <= ?2 AND (valid_to IS NULL OR valid_to > ?2)",
        kode,
        d,
      );
    expect([await at("2026-09-15"), await at("2026-10-15"), await at("2026-11-01")]).toEqual([10, 9, 10]);
    expect([await renamedAt("2026-09-15"), await renamedAt("2026-10-15"), await renamedAt("2026-11-01")]).toEqual([0, 1, 0]);
    // Written: the renamed version, and the two ended versions' parts from 1 November.
    expect(await versions(kode)).toBe(13);
    const cur = await json<CurrentRoster>(await call("GET", `/v1/rosters/${kode}`, { token }));
    expect(cur.nakes.rows).toHaveLength(10);
    expect((await coverage(analyst, `region=${kode}&as_of=2026-10-15`)).figures["tenaga"]).toBe(9);
    expect((await coverage(analyst, `region=${kode}&as_of=2026-11-01`)).figures["tenaga"]).toBe(10);
  });
});
