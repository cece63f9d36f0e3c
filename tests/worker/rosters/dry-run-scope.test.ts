import { beforeAll, describe, expect, it } from "vitest";
import type { ValidateResponse } from "../../../shared/api/rosters";
import type { Cell } from "../../../shared/schema/cell";
import type { Issue } from "../../../shared/schema/issue";
import type { RosterRequest } from "../../../shared/schema/roster";
import { demoFacilities } from "../../../shared/demo";
import { call, freshFacilities, json, roster, seedDemo, tokenFor } from "../support";

/**
 * Issue 10 item 3 (SPEC §7 Access): a dry run answers nothing about people or facilities outside the
 * caller's scope. Cross-scope duplicates are still found (that an identifier is taken somewhere is the
 * one fact accepted to cross scopes) but told as "outside your area", naming no facility or count.
 */

const BANTEN_A = "P3601010101";
const BANTEN_B = "P3602030101";
let banten: string;
let mukomuko: string;
/** A person stored by Banten at two Banten facilities. */
let person: { nik: string; nip: string; str: string; row: Cell[]; columns: string[] };

const col = (r: { columns: string[] }, key: string) => r.columns.indexOf(key);

beforeAll(async () => {
  await seedDemo();
  banten = await tokenFor("admin", "36", "Dinkes Banten");
  mukomuko = await tokenFor("uploader", "1706", "Dinkes Mukomuko");
  const r = roster(30, { facilities: demoFacilities.filter((f) => f.kode === BANTEN_A), seed: 301, pelatihan: false });
  const i = r.nakes.rows.findIndex((row) => row[col(r.nakes, "nip")] !== null && row[col(r.nakes, "no_str")] !== null);
  expect(i).toBeGreaterThanOrEqual(0);
  const row = r.nakes.rows[i]!;
  const atB = [...row];
  atB[col(r.nakes, "kode_fasyankes")] = BANTEN_B;
  r.nakes.rows.push(atB);
  const stored = await call("POST", "/v1/rosters", { token: banten, json: r });
  expect(stored.status).toBe(201);
  person = { nik: String(row[col(r.nakes, "nik")]), nip: String(row[col(r.nakes, "nip")]), str: String(row[col(r.nakes, "no_str")]), row, columns: r.nakes.columns };
});

async function dryRun(req: RosterRequest, lang = "id"): Promise<ValidateResponse> {
  const res = await call("POST", `/v1/rosters/validate?lang=${lang}`, { token: mukomuko, json: req });
  expect(res.status).toBe(200);
  return json<ValidateResponse>(res);
}

/** A Mukomuko roster whose first row is the given cells over the generated row's columns. */
async function mukomukoRoster(n: number, seed: number, edit: (r: RosterRequest) => void): Promise<RosterRequest> {
  const facilities = await freshFacilities(2);
  const r = roster(n, { facilities, seed, pelatihan: false });
  edit(r);
  return r;
}

const leaks = (issues: Issue[]) => JSON.stringify(issues).match(/P36\d{9}|Sumur|Malingping|\b36\d{4}\b/g) ?? [];

describe("a dry run across scopes", () => {
  it("finds a NIK at more than three facilities, two of them out of scope, naming neither them nor the count", async () => {
    const facilities = await freshFacilities(2);
    const r = roster(6, { facilities, seed: 302, pelatihan: false });
    for (const [k, f] of facilities.entries()) {
      const row = [...person.row];
      row[col(person, "kode_fasyankes")] = f.kode;
      r.nakes.rows[k] = row;
    }
    for (const lang of ["id", "en"]) {
      const body = await dryRun(r, lang);
      const found = body.issues.filter((i) => i.code === "nik.multi_facility");
      expect(found.map((i) => i.row)).toEqual([0, 1]);
      expect(found[0]!.message).toMatch(lang === "id" ? /di luar wilayah Anda/ : /outside your area/);
      expect(found[0]!.message).not.toMatch(/\b4\b/);
      expect(leaks(body.issues)).toEqual([]);
      expect(found.flatMap((i) => i.related ?? []).map((x) => x.kode_fasyankes)).toEqual([facilities[1]!.kode, facilities[0]!.kode]);
    }
  });

  it("finds a NIP held out of scope by another NIK, told as outside your area", async () => {
    const r = await mukomukoRoster(5, 303, (r) => {
      const i = r.nakes.rows.findIndex((row) => row[col(r.nakes, "nip")] !== null);
      r.nakes.rows[i]![col(r.nakes, "nip")] = person.nip;
    });
    const body = await dryRun(r);
    const found = body.issues.filter((i) => i.code === "nip.duplicate");
    expect(found).toHaveLength(1);
    expect(found[0]!.message).toMatch(/di luar wilayah Anda/);
    expect(leaks(body.issues)).toEqual([]);
  });

  it("finds an STR number held out of scope by another NIK, told as outside your area", async () => {
    const r = await mukomukoRoster(5, 304, (r) => {
      const i = r.nakes.rows.findIndex((row) => row[col(r.nakes, "no_str")] !== null);
      r.nakes.rows[i]![col(r.nakes, "no_str")] = person.str;
    });
    const body = await dryRun(r, "en");
    const found = body.issues.filter((i) => i.code === "str.duplicate");
    expect(found).toHaveLength(1);
    expect(found[0]!.message).toMatch(/outside your area/);
    expect(leaks(body.issues)).toEqual([]);
  });

  it("looks Pelatihan NIKs up in the caller's scope only", async () => {
    const facilities = await freshFacilities(1);
    const own = roster(3, { facilities, seed: 305, pelatihan: false });
    expect((await call("POST", "/v1/rosters", { token: mukomuko, json: own })).status).toBe(201);
    const ownNik = String(own.nakes.rows[0]![col(own.nakes, "nik")]);
    const r = await mukomukoRoster(3, 306, () => undefined);
    r.pelatihan = {
      columns: ["nik", "kode_pelatihan", "tahun"],
      rows: [
        [person.nik, "PONED", 2024],
        [ownNik, "PONED", 2024],
      ],
    };
    const body = await dryRun(r);
    const unknown = body.issues.filter((i) => i.code === "pelatihan.nik_unknown");
    expect(unknown.map((i) => i.row)).toEqual([0]);
  });

  it("refuses rows of an out-of-scope facility and gives no diff for it", async () => {
    const r = await mukomukoRoster(4, 307, (r) => {
      r.nakes.rows[0]![col(r.nakes, "kode_fasyankes")] = BANTEN_A;
    });
    const body = await dryRun(r);
    expect(body.issues).toContainEqual(expect.objectContaining({ code: "kode_fasyankes.out_of_scope", row: 0, severity: "error" }));
    expect(body.diff.map((d) => d.kode_fasyankes)).not.toContain(BANTEN_A);
    expect(body.diff.every((d) => d.kode_fasyankes.startsWith("P1706"))).toBe(true);
  });

  it("still names in-scope facilities and the count when every facility is in scope", async () => {
    const body = await json<ValidateResponse>(
      await call("POST", "/v1/rosters/validate", {
        token: banten,
        json: { nakes: { columns: person.columns, rows: [BANTEN_A, "P3604050101", "P3671010101"].map((k) => Object.assign([...person.row], { [col(person, "kode_fasyankes")]: k })) } },
      }),
    );
    const found = body.issues.find((i) => i.code === "nik.multi_facility");
    expect(found?.message).toMatch(/4 fasyankes/);
    expect(found?.message).toContain(BANTEN_B);
  });
});
