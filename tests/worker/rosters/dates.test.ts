import { beforeAll, describe, expect, it } from "vitest";
import type { CurrentRoster, UploadResponse, ValidateResponse } from "../../../shared/api/rosters";
import { addDays, fromIso, toIso } from "../../../shared/normalize/calendar";
import { todayIn } from "../../../shared/normalize/today";
import type { RosterRequest } from "../../../shared/schema/roster";
import { coverage } from "../coverage/api";
import { call, count, freshFacilities, json, roster, seedDemo, tokenFor } from "../support";

/**
 * SPEC §6: a roster's dates are its own. Coverage at D uses, per facility, the roster with the latest
 * as_of ≤ D (of two on one date, the later upload); a late upload for an earlier date is visible at
 * that date and becomes history without replacing the current roster; its diff compares with the
 * roster that held at its as_of; base/If-Match cover the facility's versions as they stand; an as_of
 * more than a day ahead is refused.
 */
let token: string;
let analyst: string;

beforeAll(async () => {
  await seedDemo();
  token = await tokenFor("uploader", "17");
  analyst = await tokenFor("analyst", "17");
});

const dated = (r: RosterRequest, as_of: string): RosterRequest => ({ ...r, as_of });

async function push(r: RosterRequest, headers: Record<string, string> = {}): Promise<UploadResponse> {
  const res = await call("POST", "/v1/rosters", { token, json: r, headers });
  if (res.status !== 201) throw new Error(`upload answered ${res.status}: ${(await res.text()).slice(0, 800)}`);
  return json<UploadResponse>(res);
}

async function current(kode: string): Promise<CurrentRoster> {
  return json<CurrentRoster>(await call("GET", `/v1/rosters/${kode}`, { token }));
}

const staff = async (kode: string, asOf: string) => (await coverage(analyst, `region=${kode}&as_of=${asOf}`)).figures["tenaga"];

describe("a late upload for an earlier date", () => {
  it("is visible at its own date, becomes history there, and leaves the current roster current", async () => {
    const [f] = await freshFacilities(1);
    const kode = f!.kode;
    const november = await push(dated(roster(30, { facilities: [f!], seed: 151 }), "2026-11-01"));
    // Uploaded after November's roster, but dated October: a roster an office sent late.
    const october = await push(dated(roster(12, { facilities: [f!], seed: 152 }), "2026-10-01"));

    expect((await current(kode)).upload_id).toBe(november.upload_id);
    expect(await staff(kode, "2026-09-30")).toBe(0);
    expect(await staff(kode, "2026-10-01")).toBe(12);
    expect(await staff(kode, "2026-10-31")).toBe(12);
    expect(await staff(kode, "2026-11-01")).toBe(30);
    // The late roster was compared with what held on 1 October (nothing), not with November's.
    expect(october.diff).toEqual([{ kode_fasyankes: kode, added: 12, removed: 0, changed: 0, unchanged: 0 }]);
    expect(await count("SELECT COUNT(*) AS n FROM roster_versi WHERE kode_fasyankes = ?1 AND valid_to IS NULL", kode)).toBe(1);
  });

  it("between two versions ends the earlier one at its date and ends itself where the later one begins", async () => {
    const [f] = await freshFacilities(1);
    const kode = f!.kode;
    const a = roster(20, { facilities: [f!], seed: 153 });
    await push(dated(a, "2026-09-01"));
    await push(dated(roster(25, { facilities: [f!], seed: 154 }), "2026-11-01"));
    // Dated 15 October, the same people as September's: compared with September's roster.
    const mid = await push(dated(a, "2026-10-15"));
    expect(mid.diff).toEqual([{ kode_fasyankes: kode, added: 0, removed: 0, changed: 0, unchanged: 20 }]);
    expect(await staff(kode, "2026-10-14")).toBe(20);
    expect(await staff(kode, "2026-10-15")).toBe(20);
    expect(await staff(kode, "2026-11-01")).toBe(25);
    const intervals = await call("GET", `/v1/rosters/${kode}`, { token });
    expect((await json<CurrentRoster>(intervals)).nakes.rows.length).toBe(25);
  });

  it("of two rosters with the same as_of, keeps the later upload", async () => {
    const [f] = await freshFacilities(1);
    const kode = f!.kode;
    await push(dated(roster(10, { facilities: [f!], seed: 155 }), "2026-10-10"));
    const later = await push(dated(roster(14, { facilities: [f!], seed: 156 }), "2026-10-10"));
    expect(await staff(kode, "2026-10-10")).toBe(14);
    expect((await current(kode)).upload_id).toBe(later.upload_id);
  });

  it("changes the base: a dry run's If-Match from before it gets 412", async () => {
    const [f] = await freshFacilities(1);
    await push(dated(roster(10, { facilities: [f!], seed: 157 }), "2026-11-01"));
    const next = dated(roster(11, { facilities: [f!], seed: 158 }), "2026-11-02");
    const dry = await json<ValidateResponse>(await call("POST", "/v1/rosters/validate", { token, json: next }));
    // A back-dated upload lands in between: the current roster is the same, the versions are not.
    await push(dated(roster(9, { facilities: [f!], seed: 159 }), "2026-10-01"));
    const res = await call("POST", "/v1/rosters", { token, json: next, headers: { "If-Match": dry.base } });
    expect(res.status).toBe(412);
  });

  it("commits from a staged dry run at the staged roster's date", async () => {
    const [f] = await freshFacilities(1);
    const kode = f!.kode;
    await push(dated(roster(10, { facilities: [f!], seed: 160 }), "2026-11-01"));
    const late = dated(roster(7, { facilities: [f!], seed: 161 }), "2026-10-05");
    const dry = await json<ValidateResponse>(await call("POST", "/v1/rosters/validate?stage=1", { token, json: late }));
    expect(dry.staged).toBeDefined();
    const res = await call("POST", "/v1/rosters/commit", { token, json: { staged_id: dry.staged!.id }, headers: { "If-Match": dry.base } });
    expect(res.status).toBe(201);
    expect(await staff(kode, "2026-10-05")).toBe(7);
    expect(await staff(kode, "2026-11-01")).toBe(10);
  });
});

describe("an as_of in the future", () => {
  it("is refused with 400 from two days after today on, by the dry run and the upload alike", async () => {
    const [f] = await freshFacilities(1);
    const today = todayIn(f!.kode);
    const r = roster(5, { facilities: [f!], seed: 162 });
    const ahead = toIso(addDays(fromIso(today), 2));
    for (const path of ["/v1/rosters/validate", "/v1/rosters"]) {
      const res = await call("POST", path, { token, json: dated(r, ahead) });
      expect(res.status, path).toBe(400);
      const body = await json(res);
      expect(body.error.message).toContain(ahead);
    }
    const csv = await call("POST", `/v1/rosters/validate?as_of=${ahead}`, { token, csv: "nik;nama\n" });
    expect(csv.status).toBe(400);
    expect(await count("SELECT COUNT(*) AS n FROM roster_versi WHERE kode_fasyankes = ?1", f!.kode)).toBe(0);
  });

  it("is accepted for tomorrow (an office east of the reader may already be there)", async () => {
    const [f] = await freshFacilities(1);
    const tomorrow = toIso(addDays(fromIso(todayIn(f!.kode)), 1));
    const res = await call("POST", "/v1/rosters/validate", { token, json: dated(roster(5, { facilities: [f!], seed: 163 }), tomorrow) });
    expect(res.status).toBe(200);
  });
});
