import { env } from "cloudflare:test";
import { beforeAll, describe, expect, it } from "vitest";
import type { UploadResponse, ValidateResponse } from "../../../shared/api/rosters";
import type { RosterRequest } from "../../../shared/schema/roster";
import { toExcelCsv } from "../../../fixtures/demo/samples";
import { sha256Hex } from "../../../worker/auth/secret";
import { call, count, freshFacilities, json, roster, seedDemo, tokenFor } from "../support";

let admin: string;

beforeAll(async () => {
  await seedDemo();
  admin = await tokenFor("admin", "17");
});

const nikCol = (r: RosterRequest) => r.nakes.columns.indexOf("nik");
const kodeCol = (r: RosterRequest) => r.nakes.columns.indexOf("kode_fasyankes");

describe("POST /v1/rosters/validate", () => {
  it("reports issues and, per facility, how many persons would be added", async () => {
    const facilities = await freshFacilities(3);
    const r = roster(60, { facilities, seed: 11 });
    const res = await call("POST", "/v1/rosters/validate", { token: admin, json: r });
    expect(res.status).toBe(200);
    const body = await json<ValidateResponse>(res);
    expect(body.ok).toBe(true);
    expect(body.counts.error).toBe(0);
    expect(body.base).toMatch(/^b1\.[0-9a-f]{32}$/);
    const perFacility = new Map<string, number>();
    for (const row of r.nakes.rows) perFacility.set(String(row[kodeCol(r)]), (perFacility.get(String(row[kodeCol(r)])) ?? 0) + 1);
    expect(body.diff).toEqual(
      [...perFacility.entries()].sort(([a], [b]) => a.localeCompare(b)).map(([kode, n]) => ({ kode_fasyankes: kode, added: n, removed: 0, changed: 0, unchanged: 0 })),
    );
  });

  it("stores nothing", async () => {
    const facilities = await freshFacilities(1);
    await call("POST", "/v1/rosters/validate", { token: admin, json: roster(10, { facilities, seed: 12 }) });
    expect(await count("SELECT COUNT(*) AS n FROM roster_current WHERE kode_fasyankes = ?1", facilities[0]!.kode)).toBe(0);
  });

  it("answers exactly what the upload then answers", async () => {
    const facilities = await freshFacilities(2);
    const r = roster(80, { facilities, seed: 13, messy: true });
    const dry = await json<ValidateResponse>(await call("POST", "/v1/rosters/validate", { token: admin, json: r }));
    const up = await call("POST", "/v1/rosters", { token: admin, json: r });
    expect(up.status).toBe(201);
    const stored = await json<UploadResponse>(up);
    expect(stored.counts).toEqual(dry.counts);
    expect(stored.diff).toEqual(dry.diff);
    expect(stored.issues).toEqual(dry.issues.filter((i) => i.severity !== "error"));
    expect(dry.counts.warning + dry.counts.info).toBeGreaterThan(0);
  });

  it("finds errors with the facility master: an unknown facility code", async () => {
    const r = roster(5, { seed: 14 });
    r.nakes.rows[2]![kodeCol(r)] = "P1706999999";
    const body = await json<ValidateResponse>(await call("POST", "/v1/rosters/validate", { token: admin, json: r }));
    expect(body.ok).toBe(false);
    expect(body.issues).toContainEqual(expect.objectContaining({ code: "kode_fasyankes.unknown", row: 2, severity: "error" }));
  });

  it("speaks English with Accept-Language: en", async () => {
    const r = roster(5, { seed: 15 });
    r.nakes.rows[0]![kodeCol(r)] = "P1706999999";
    const id = await json<ValidateResponse>(await call("POST", "/v1/rosters/validate", { token: admin, json: r }));
    const en = await json<ValidateResponse>(await call("POST", "/v1/rosters/validate", { token: admin, json: r, headers: { "Accept-Language": "en-US,en;q=0.9" } }));
    const pick = (b: ValidateResponse) => b.issues.find((i) => i.code === "kode_fasyankes.unknown")!.message;
    expect(pick(id)).not.toEqual(pick(en));
    expect(pick(en)).toMatch(/facility/i);
  });
});

describe("POST /v1/rosters", () => {
  it("stores every row and makes them the facilities' current roster", async () => {
    const facilities = await freshFacilities(2);
    const r = roster(50, { facilities, seed: 21 });
    const res = await call("POST", "/v1/rosters", { token: admin, json: r });
    expect(res.status).toBe(201);
    const body = await json<UploadResponse>(res);
    expect(body.stored.nakes).toBe(50);
    expect(res.headers.get("Location")).toBe(`/v1/uploads/${body.upload_id}`);
    let total = 0;
    for (const f of facilities) {
      const cur = await json(await call("GET", `/v1/rosters/${f.kode}`, { token: admin }));
      expect(cur.upload_id).toBe(body.upload_id);
      total += cur.nakes.rows.length;
    }
    expect(total).toBe(50);
  });

  it("diffs against the stored roster: added, removed, changed and unchanged persons", async () => {
    const [f] = await freshFacilities(1);
    const first = roster(30, { facilities: [f!], seed: 22, pelatihan: false });
    expect((await call("POST", "/v1/rosters", { token: admin, json: first })).status).toBe(201);

    const next: RosterRequest = structuredClone(first);
    next.nakes.rows.splice(0, 3); // three persons leave
    const nama = next.nakes.columns.indexOf("nama");
    next.nakes.rows[0]![nama] = "Siti Rahmawati Baru"; // one person's row changes
    const newcomers = roster(30, { facilities: [f!], seed: 23, pelatihan: false }).nakes.rows.slice(0, 4);
    next.nakes.rows.push(...newcomers); // four join
    const res = await call("POST", "/v1/rosters", { token: admin, json: next });
    expect(res.status).toBe(201);
    expect((await json<UploadResponse>(res)).diff).toEqual([{ kode_fasyankes: f!.kode, added: 4, removed: 3, changed: 1, unchanged: 26 }]);
  });

  it("replaces only the facilities present in the upload", async () => {
    const [a, b] = await freshFacilities(2);
    const both = roster(40, { facilities: [a!, b!], seed: 24 });
    const firstId = (await json<UploadResponse>(await call("POST", "/v1/rosters", { token: admin, json: both }))).upload_id;
    const onlyA = roster(10, { facilities: [a!], seed: 25 });
    const secondId = (await json<UploadResponse>(await call("POST", "/v1/rosters", { token: admin, json: onlyA }))).upload_id;
    expect((await json(await call("GET", `/v1/rosters/${a!.kode}`, { token: admin }))).upload_id).toBe(secondId);
    expect((await json(await call("GET", `/v1/rosters/${b!.kode}`, { token: admin }))).upload_id).toBe(firstId);
  });

  it("refuses a roster with errors with 422 and every issue, and stores nothing", async () => {
    const [f] = await freshFacilities(1);
    const r = roster(20, { facilities: [f!], seed: 26 });
    r.nakes.rows[3]![nikCol(r)] = "12345";
    r.nakes.rows[7]![nikCol(r)] = "3.60101E+15";
    const uploadsBefore = await count("SELECT COUNT(*) AS n FROM uploads");
    const res = await call("POST", "/v1/rosters", { token: admin, json: r });
    expect(res.status).toBe(422);
    const body = await json(res);
    expect(body.error.code).toBe("validation_failed");
    expect(body.error.issues.map((i: { code: string; row: number }) => `${i.code}@${i.row}`)).toEqual(expect.arrayContaining(["nik.format@3", "nik.precision_lost@7"]));
    expect(await count("SELECT COUNT(*) AS n FROM uploads")).toBe(uploadsBefore);
    expect(await count("SELECT COUNT(*) AS n FROM nakes WHERE kode_fasyankes = ?1", f!.kode)).toBe(0);
  });

  it("keeps the history: who, when, counts, warnings, content hash and the diff", async () => {
    const facilities = await freshFacilities(2);
    const r = roster(40, { facilities, seed: 27, messy: true });
    const text = JSON.stringify(r);
    const up = await json<UploadResponse>(await call("POST", "/v1/rosters", { token: admin, body: text, headers: { "Content-Type": "application/json" } }));
    const detail = await json(await call("GET", `/v1/uploads/${up.upload_id}`, { token: admin }));
    expect(detail.uploaded_by.name).toBe("admin 17");
    expect(detail.content_hash).toBe(await sha256Hex(text));
    expect(detail.stored).toEqual(up.stored);
    expect(detail.counts).toEqual(up.counts);
    expect(detail.issues).toEqual(up.issues);
    expect(detail.diff).toEqual(up.diff);
    expect(Date.parse(detail.committed_at)).toBeGreaterThanOrEqual(Date.parse(detail.created_at));
    const list = await json(await call("GET", `/v1/uploads?kode_fasyankes=${facilities[0]!.kode}`, { token: admin }));
    expect(list.uploads.map((u: { id: string }) => u.id)).toEqual([up.upload_id]);
  });

  it("stores the same rows from CSV as from JSON of the same roster", async () => {
    const facilities = await freshFacilities(2);
    const r = roster(40, { facilities, seed: 28, messy: true, pelatihan: false });
    const viaJson = await json<UploadResponse>(await call("POST", "/v1/rosters", { token: admin, json: r }));
    const rowsAfterJson = await Promise.all(facilities.map(async (f) => (await json(await call("GET", `/v1/rosters/${f.kode}`, { token: admin }))).nakes.rows));
    const viaCsv = await call("POST", `/v1/rosters?as_of=${r.as_of}`, { token: admin, csv: toExcelCsv(r) });
    expect(viaCsv.status).toBe(201);
    const csvBody = await json<UploadResponse>(viaCsv);
    expect(csvBody.upload_id).not.toBe(viaJson.upload_id);
    // Every person is "unchanged" against the JSON upload, and the stored rows are identical.
    expect(csvBody.diff.every((d) => d.added === 0 && d.removed === 0 && d.changed === 0)).toBe(true);
    expect(csvBody.stored).toEqual(viaJson.stored);
    const rowsAfterCsv = await Promise.all(facilities.map(async (f) => (await json(await call("GET", `/v1/rosters/${f.kode}`, { token: admin }))).nakes.rows));
    expect(rowsAfterCsv).toEqual(rowsAfterJson);
  });

  it("takes as_of from the query string for CSV and refuses an unreadable one with 400", async () => {
    const r = roster(5, { seed: 29, pelatihan: false });
    const res = await call("POST", "/v1/rosters/validate?as_of=01-11-2026", { token: admin, csv: toExcelCsv(r) });
    expect(res.status).toBe(400);
    expect((await json(res)).error.code).toBe("bad_request");
  });
});

describe("GET /v1/rosters/{kode_fasyankes}", () => {
  it("returns the current roster with its training rows in the table shape", async () => {
    const [f] = await freshFacilities(1);
    const r = roster(25, { facilities: [f!], seed: 31 });
    await call("POST", "/v1/rosters", { token: admin, json: r });
    const body = await json(await call("GET", `/v1/rosters/${f!.kode.toLowerCase()}`, { token: admin }));
    expect(body.kode_fasyankes).toBe(f!.kode);
    expect(body.nakes.columns).toContain("nik");
    expect(body.nakes.rows).toHaveLength(25);
    const niks = new Set(body.nakes.rows.map((row: unknown[]) => row[0]));
    expect(body.pelatihan.rows.length).toBe(r.pelatihan!.rows.length);
    for (const p of body.pelatihan.rows) expect(niks.has(p[0])).toBe(true);
  });

  it("answers an empty roster for a facility without one, and 404 for an unknown code", async () => {
    const [f] = await freshFacilities(1);
    const empty = await json(await call("GET", `/v1/rosters/${f!.kode}`, { token: admin }));
    expect(empty.upload_id).toBeNull();
    expect(empty.nakes.rows).toEqual([]);
    const res = await call("GET", "/v1/rosters/P1706999998", { token: admin });
    expect(res.status).toBe(404);
    expect((await json(res)).error.code).toBe("not_found");
  });

  it("never returns rows of an upload that is not committed", async () => {
    const [f] = await freshFacilities(1);
    await env.DB.prepare(
      `INSERT INTO nakes (upload_id, kode_fasyankes, row_no, nik, nama, jenis_kelamin, tanggal_lahir, jenis_tenaga, status_kepegawaian, fp)
       VALUES ('staged-only', ?1, 0, '1706010101900001', 'X', 'L', '1990-01-01', 'DOKTER', 'PNS', 'x')`,
    )
      .bind(f!.kode)
      .run();
    expect((await json(await call("GET", `/v1/rosters/${f!.kode}`, { token: admin }))).nakes.rows).toEqual([]);
  });
});
