import { beforeAll, describe, expect, it } from "vitest";
import type { ValidateResponse } from "../../../shared/api/rosters";
import type { Cell } from "../../../shared/schema/cell";
import type { Issue } from "../../../shared/schema/issue";
import type { RosterRequest } from "../../../shared/schema/roster";
import { demoFacilities } from "../../../fixtures/demo";
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
  it("finds a NIK at more than three facilities of the scope, telling those outside it without naming them or their count", async () => {
    const facilities = await freshFacilities(4);
    const r = roster(6, { facilities, seed: 302, pelatihan: false });
    for (const [k, f] of facilities.entries()) {
      const row = [...person.row];
      row[col(person, "kode_fasyankes")] = f.kode;
      r.nakes.rows[k] = row;
    }
    for (const lang of ["id", "en"]) {
      const body = await dryRun(r, lang);
      const found = body.issues.filter((i) => i.code === "nik.multi_facility");
      expect(found.map((i) => i.row)).toEqual([0, 1, 2, 3]);
      expect(found[0]!.message).toMatch(lang === "id" ? /di luar wilayah Anda/ : /outside your area/);
      expect(found[0]!.message).not.toMatch(/\b[4-9]\b/);
      expect(leaks(body.issues)).toEqual([]);
      expect(found[0]!.related?.map((x) => x.kode_fasyankes)).toEqual(facilities.slice(1).map((f) => f.kode));
    }
  });

  it("finds a NIP held out of scope, told as outside your area with a warning", async () => {
    const r = await mukomukoRoster(5, 303, (r) => {
      const i = r.nakes.rows.findIndex((row) => row[col(r.nakes, "nip")] !== null);
      r.nakes.rows[i]![col(r.nakes, "nip")] = person.nip;
    });
    const body = await dryRun(r);
    const found = body.issues.filter((i) => i.code === "nip.elsewhere");
    expect(found).toHaveLength(1);
    expect(found[0]!).toMatchObject({ severity: "warning", column: "nip" });
    expect(found[0]!.message).toMatch(/di luar wilayah Anda/);
    expect(body.issues.filter((i) => i.code === "nip.duplicate")).toEqual([]);
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

/**
 * Attack findings 1 and 2 (issue 10): a dry run must not act as an oracle. The answer about a NIP or
 * STR number held outside the caller's scope must be the same whatever NIK the row carries (else
 * 40,000 candidate NIKs in one request find the holder's), and nik.multi_facility must not depend on
 * how many facilities outside the scope hold the NIK (else k = 1, 2, 3 rows count them).
 */
describe("a dry run is no oracle for what lies outside the caller's scope", () => {
  const onlyColumn = (issues: Issue[], column: string) => issues.filter((i) => i.row === 0 && i.column === column).map(({ code, severity, message }) => ({ code, severity, message }));

  for (const [column, key] of [
    ["nip", "nip"],
    ["no_str", "str"],
  ] as const) {
    it(`answers the same about a ${column} held outside the scope for its holder's NIK and for any other NIK`, async () => {
      const answers: Record<string, unknown>[] = [];
      for (const nik of [person.nik, null]) {
        const r = await mukomukoRoster(2, 308, (r) => {
          const row = r.nakes.rows[0]!;
          row[col(r.nakes, column)] = person[key];
          if (nik !== null) row[col(r.nakes, "nik")] = nik;
        });
        for (const lang of ["id", "en"]) {
          const body = await dryRun(r, lang);
          expect(leaks(body.issues)).toEqual([]);
          answers.push({ lang, issues: onlyColumn(body.issues, column), ok: body.issues.some((i) => i.row === 0 && i.severity === "error" && i.column === column) });
        }
      }
      expect(answers[2]).toEqual(answers[0]);
      expect(answers[3]).toEqual(answers[1]);
      // Still found: the number is taken somewhere (the one fact that crosses scopes), told without its holder.
      const told = (answers[0]!.issues as { code: string; severity: string; message: string }[]).find((i) => /luar wilayah/.test(i.message));
      expect(told).toMatchObject({ code: column === "nip" ? "nip.elsewhere" : "str.duplicate", severity: "warning" });
      expect(told!.message).toMatch(/di luar wilayah Anda/);
      expect((answers[1]!.issues as { message: string }[]).some((i) => /outside your area/.test(i.message))).toBe(true);
    });
  }

  it("gives k rows of a NIK the same answer whatever the number of facilities outside the scope holding it", async () => {
    // NIKs stored by Banten at 0, 1, 2 and 3 Banten facilities.
    const bantenFacilities = await freshFacilities(3, "360101");
    const source = roster(8, { facilities: bantenFacilities, seed: 309, pelatihan: false });
    const people = source.nakes.rows.slice(0, 4);
    const stored = people.slice(1).flatMap((row, m) => bantenFacilities.slice(0, m + 1).map((f) => Object.assign([...row], { [col(source.nakes, "kode_fasyankes")]: f.kode })));
    expect((await call("POST", "/v1/rosters", { token: banten, json: { as_of: "2026-11-01", nakes: { columns: source.nakes.columns, rows: stored } } })).status).toBe(201);

    const own = await freshFacilities(4);
    for (const k of [1, 2, 3, 4]) {
      // Each person in k rows, at k Mukomuko facilities.
      const rows = people.flatMap((row) => own.slice(0, k).map((f) => Object.assign([...row], { [col(source.nakes, "kode_fasyankes")]: f.kode })));
      const body = await dryRun({ as_of: "2026-11-01", nakes: { columns: source.nakes.columns, rows } });
      const multi = people.map((_, p) => body.issues.filter((i) => i.code === "nik.multi_facility" && Math.floor(i.row! / k) === p).map((i) => i.message));
      expect(leaks(body.issues)).toEqual([]);
      // Person 0 is held by no Banten facility, persons 1–3 by 1, 2 and 3: only k decides whether it is found.
      for (const m of [0, 1, 2, 3]) expect(multi[m]).toHaveLength(k > 3 ? k : 0);
      // And what is said: the same for 1, 2 or 3 holders outside (only that there are some).
      for (const m of [2, 3]) expect(multi[m]).toEqual(multi[1]);
      if (k > 3) {
        expect(multi[0]![0]).toMatch(/NIK ini tercatat di 4 fasyankes/);
        expect(multi[1]![0]).toMatch(/lebih dari tiga fasyankes, sebagian di luar wilayah Anda/);
      }
    }
  });

  it("does not count rows naming facilities outside the scope toward more than three", async () => {
    const own = await freshFacilities(3);
    const r = roster(2, { facilities: own, seed: 310, pelatihan: false });
    const row = r.nakes.rows[0]!;
    r.nakes.rows = [...own.map((f) => f.kode), BANTEN_A].map((k) => Object.assign([...row], { [col(r.nakes, "kode_fasyankes")]: k }));
    const body = await dryRun(r);
    expect(body.issues).toContainEqual(expect.objectContaining({ code: "kode_fasyankes.out_of_scope", row: 3 }));
    expect(body.issues.filter((i) => i.code === "nik.multi_facility")).toEqual([]);
  });
});

describe("committing a staged roster whose NIP is held outside the scope", () => {
  it("commits alike for the holder's NIK and for any other NIK: the outside holder is not compared", async () => {
    const statuses: number[] = [];
    for (const [seed, nik] of [
      [311, person.nik],
      [312, null],
    ] as const) {
      // One facility-scoped uploader each, so the first commit's holder lies outside the second's scope.
      const facilities = await freshFacilities(1);
      const uploader = await tokenFor("uploader", facilities[0]!.kode);
      const r = roster(2, { facilities, seed, pelatihan: false });
      const row = r.nakes.rows[0]!;
      row[col(r.nakes, "nip")] = person.nip;
      if (nik !== null) row[col(r.nakes, "nik")] = nik;
      const dry = await json<ValidateResponse>(await call("POST", "/v1/rosters/validate?stage=1", { token: uploader, json: r }));
      expect(dry.issues.filter((i) => i.severity === "error")).toEqual([]);
      expect(dry.issues.filter((i) => i.code === "nip.elsewhere")).toHaveLength(1);
      statuses.push((await call("POST", "/v1/rosters/commit", { token: uploader, json: { staged_id: dry.staged!.id } })).status);
    }
    expect(statuses).toEqual([201, 201]);
  });
});
