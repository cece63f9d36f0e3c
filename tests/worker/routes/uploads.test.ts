import { beforeAll, describe, expect, it } from "vitest";
import { mukomukoFacilities } from "../../../fixtures/demo";
import type { Issue } from "../../../shared/schema/issue";
import { countIssues } from "../../../shared/rules/count";
import { call, json, roster, seedDemo, tokenFor } from "../support";

/**
 * Issue 10, item 2: upload history shows a caller only the facilities, issues and diff entries in its
 * scope. One regency-wide upload over three Mukomuko facilities, each with warnings on its rows and a
 * header warning, read by callers scoped to the regency, to one puskesmas, and to Banten.
 */
const FACILITIES = ["P1706010101", "P1706020101", "1706015"];
const OWN = "P1706010101";
const body = roster(45, { facilities: mukomukoFacilities.filter((f) => FACILITIES.includes(f.kode)), seed: 4242 });
const col = (k: string) => body.nakes.columns.indexOf(k);
// Every licence expiring within 90 days of as_of: a sip.expiring warning on every row that has a SIP.
for (const r of body.nakes.rows) if (r[col("no_sip")] !== null) r[col("sip_berlaku_sampai")] = "2026-11-20";
// A column no key matches: header.unknown, a warning of no facility.
body.nakes.columns.push("catatan kepala");
for (const r of body.nakes.rows) r.push("x");

const facilityOfRow = (row: number) => String(body.nakes.rows[row]![col("kode_fasyankes")]);
const niksOf = (pred: (kode: string) => boolean) => body.nakes.rows.filter((r) => pred(String(r[col("kode_fasyankes")]))).map((r) => String(r[col("nik")]));

let uploadId = "";
let regency: string;
let puskesmas: string;
let banten: string;

beforeAll(async () => {
  await seedDemo();
  regency = await tokenFor("uploader", "1706");
  puskesmas = await tokenFor("uploader", OWN);
  banten = await tokenFor("uploader", "36");
  const res = await call("POST", "/v1/rosters", { token: await tokenFor("admin", "17"), json: body });
  const created = await json(res);
  expect(res.status, JSON.stringify(created).slice(0, 500)).toBe(201);
  uploadId = created.upload_id;
  expect(new Set(body.nakes.rows.map((r) => facilityOfRow(body.nakes.rows.indexOf(r)))).size).toBe(3);
});

describe("GET /v1/uploads/{id}", () => {
  it("shows a caller covering the whole upload every facility, issue and count", async () => {
    const detail = await json(await call("GET", `/v1/uploads/${uploadId}`, { token: regency }));
    expect(detail.diff.map((d: { kode_fasyankes: string }) => d.kode_fasyankes).sort()).toEqual([...FACILITIES].sort());
    expect(detail.facilities).toBe(3);
    expect(detail.issues.some((i: Issue) => i.code === "header.unknown")).toBe(true);
    const rowsWithIssues = new Set(detail.issues.filter((i: Issue) => i.row !== null).map((i: Issue) => facilityOfRow(i.row!)));
    expect(rowsWithIssues.size).toBe(3);
    expect(detail.counts).toEqual(countIssues(detail.issues));
  });

  it("shows an uploader scoped to one puskesmas only its facility's part, counts recomputed", async () => {
    const res = await call("GET", `/v1/uploads/${uploadId}`, { token: puskesmas });
    expect(res.status).toBe(200);
    const detail = await json(res);
    expect(detail.diff.map((d: { kode_fasyankes: string }) => d.kode_fasyankes)).toEqual([OWN]);
    expect(detail.facilities).toBe(1);
    expect(detail.stored.nakes).toBe(niksOf((k) => k === OWN).length);
    expect(detail.issues.length).toBeGreaterThan(0);
    for (const i of detail.issues as Issue[]) {
      expect(i.row, JSON.stringify(i)).not.toBeNull();
      expect(facilityOfRow(i.row!)).toBe(OWN);
      for (const r of i.related ?? []) if (r.row !== null) expect(facilityOfRow(r.row)).toBe(OWN);
    }
    expect(detail.counts).toEqual(countIssues(detail.issues));
    const whole = await json(await call("GET", `/v1/uploads/${uploadId}`, { token: regency }));
    expect(detail.counts.warning).toBeLessThan(whole.counts.warning);
    // No other facility's person, by NIK, anywhere in the answer.
    const text = JSON.stringify(detail);
    for (const nik of niksOf((k) => k !== OWN)) expect(text).not.toContain(nik);
    for (const kode of FACILITIES.filter((k) => k !== OWN)) expect(text).not.toContain(kode);
  });

  it("answers 404 to a caller with nothing of the upload in scope, as for an unknown id", async () => {
    const res = await call("GET", `/v1/uploads/${uploadId}`, { token: banten });
    expect(res.status).toBe(404);
    const text = await res.text();
    for (const nik of niksOf(() => true)) expect(text).not.toContain(nik);
    expect((await call("GET", "/v1/uploads/00000000-0000-4000-8000-000000000000", { token: banten })).status).toBe(404);
  });
});

describe("GET /v1/uploads", () => {
  it("summarises a wider upload for the part a narrower caller sees", async () => {
    const mine = (await json(await call("GET", "/v1/uploads", { token: puskesmas }))).uploads.find((u: { id: string }) => u.id === uploadId);
    const detail = await json(await call("GET", `/v1/uploads/${uploadId}`, { token: puskesmas }));
    expect(mine).toEqual({ ...detail, issues: undefined, diff: undefined });
    expect(mine.facilities).toBe(1);
    expect(mine.stored.nakes).toBe(niksOf((k) => k === OWN).length);
    const all = (await json(await call("GET", "/v1/uploads", { token: regency }))).uploads.find((u: { id: string }) => u.id === uploadId);
    expect(all.facilities).toBe(3);
    expect((await json(await call("GET", "/v1/uploads", { token: banten }))).uploads.map((u: { id: string }) => u.id)).not.toContain(uploadId);
  });

  it("filters by a facility only within the caller's scope", async () => {
    const ids = async (token: string, kode: string) => (await json(await call("GET", `/v1/uploads?kode_fasyankes=${kode}`, { token }))).uploads.map((u: { id: string }) => u.id);
    expect(await ids(puskesmas, OWN)).toContain(uploadId);
    expect(await ids(regency, "P1706020101")).toContain(uploadId);
    // Which uploads also held a neighbour's roster is not the puskesmas' to know.
    expect(await ids(puskesmas, "P1706020101")).toEqual([]);
  });
});
