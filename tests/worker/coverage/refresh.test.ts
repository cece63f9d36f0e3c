import { env } from "cloudflare:test";
import { beforeAll, describe, expect, it, vi } from "vitest";
import { aggregateRoster } from "../../shared/coverage/oracle/aggregate";
import type { ResolvedQuery } from "../../../shared/coverage/build";
import { coverageFromAggregates } from "../../shared/coverage/oracle/coverage";
import { generateRoster } from "../../../fixtures/demo";
import { jenisTenagaSchema } from "../../../shared/reference/codes";
import { PMK75_2014 } from "../../../shared/reference/standar-puskesmas";
import type { NakesRecord, PelatihanRecord } from "../../../shared/schema/records";
import { storeUpload } from "../../../worker/rosters/commit";
import { referenceWilayah } from "../../../fixtures/seed/data";
import { FACILITIES, POPULATION, rosterRows } from "../../shared/coverage/fixture";
import { call, tokenFor } from "../support";
import { coverage, putFacilities, putPopulation, seedRegions, uploadAt } from "./api";

/**
 * The per-facility-version aggregates that the final batch of each upload writes must never disagree
 * with the rows. After uploads that add, replace and leave facilities (one through the staging path,
 * one with a row the validator would refuse), coverage from the API is compared with coverage computed
 * in TypeScript straight from the stored rows of the versions that H2's own history (roster_versi)
 * says were current, at dates before, between and after the uploads.
 */
const master = FACILITIES.map((f, row) => ({ ...f, row, aktif: true }));
const T = ["2026-09-01T01:00:00.000Z", "2026-09-15T01:00:00.000Z", "2026-10-02T08:30:00.000Z", "2026-10-20T23:59:59.000Z"];
let analyst: string;

async function storeDirectly(at: string, roster: { nakes: NakesRecord[]; pelatihan: PelatihanRecord[] }, asOf = at.slice(0, 10)): Promise<void> {
  vi.useFakeTimers({ toFake: ["Date"] });
  vi.setSystemTime(new Date(at));
  try {
    const kodes = [...new Set(roster.nakes.map((r) => r.kode_fasyankes))];
    await storeUpload(
      env.DB,
      {
        id: `direct-${at}`,
        token: { id: "tok_test", role: "admin", scope: "17", name: "test" },
        createdAt: at,
        asOf,
        contentType: "application/json",
        contentHash: "test",
        persons: roster.nakes.map((record) => ({ record, fp: `${record.nik}` })),
        pelatihan: roster.pelatihan,
        counts: { error: 0, warning: 0, info: 0 },
        issues: [],
        diff: kodes.map((kode_fasyankes) => ({ kode_fasyankes, added: 0, removed: 0, changed: 0, unchanged: 0 })),
      },
      { batchRows: 10 }, // staged in several batches, then the small final batch
    );
  } finally {
    vi.useRealTimers();
  }
}

beforeAll(async () => {
  await seedRegions();
  const admin = await tokenFor("admin", "17");
  analyst = await tokenFor("analyst", "17");
  await putFacilities(admin, FACILITIES);
  await putPopulation(admin, POPULATION);
  const upload = (at: string, rows: number, seed: number, kodes: string[], asOf = at.slice(0, 10)) =>
    uploadTable(admin, at, generateRoster({ rows, seed, asOf, facilities: master.filter((f) => kodes.includes(f.kode)) }));
  await upload(T[0]!, 240, 11, FACILITIES.map((f) => f.kode));
  await upload(T[1]!, 70, 12, ["P1706010101", "P1706020102"]);
  await upload(T[2]!, 90, 13, ["1706012", "P1701010101", "P1706010101"]);
  // A roster the validator would refuse (one nurse without STR), stored through the staging path.
  await storeDirectly(T[3]!, rosterRows(["P1706010101", "P1706020101"], { strMissing: true }));
  // The same roster again on 5 November: nothing changed, so its counts continue those of 20 October.
  await storeDirectly("2026-11-05T01:00:00.000Z", rosterRows(["P1706010101", "P1706020101"], { strMissing: true }));
  // Sent on 6 November for 25 October (SPEC §6, back-dated): history between the two, so the counts
  // of 20 October that ran on past 5 November keep that part.
  await upload("2026-11-06T01:00:00.000Z", 60, 14, ["P1706010101", "P1706020101"], "2026-10-25");
});

async function uploadTable(token: string, at: string, req: ReturnType<typeof generateRoster>): Promise<void> {
  vi.useFakeTimers({ toFake: ["Date"] });
  vi.setSystemTime(new Date(at));
  try {
    const res = await call("POST", "/v1/rosters", { token, json: req });
    if (res.status !== 201) throw new Error(`upload answered ${res.status}: ${(await res.text()).slice(0, 1500)}`);
  } finally {
    vi.useRealTimers();
  }
}

/**
 * The rows of each facility that held at `asOf` (its dates are the rosters' own, SPEC §6), read from
 * the person versions (migration 0070), each with the courses of the upload that recorded it.
 */
async function rowsAt(asOf: string): Promise<{ nakes: NakesRecord[]; pelatihan: PelatihanRecord[] }> {
  const rows = (
    await env.DB.prepare("SELECT * FROM nakes WHERE valid_from <> '' AND valid_from <= ?1 AND (valid_to IS NULL OR valid_to > ?1)").bind(asOf).all<NakesRecord & { upload_id: string }>()
  ).results;
  const nakes: NakesRecord[] = [];
  const pelatihan: PelatihanRecord[] = [];
  for (const r of rows) {
    const courses = (await env.DB.prepare("SELECT * FROM pelatihan WHERE upload_id = ?1 AND nik = ?2").bind(r.upload_id, r.nik).all<PelatihanRecord>()).results;
    // NIKs are keyed by facility so one person's courses stay with the facility version they came with.
    const own = `${r.kode_fasyankes}|${r.nik}`;
    nakes.push({ ...r, nik: own });
    pelatihan.push(...courses.map((p) => ({ ...p, nik: own })));
  }
  return { nakes, pelatihan };
}

const names = new Map(referenceWilayah().map((w) => [w.kode, w.nama]));

describe("the aggregates kept by the upload's final batch", () => {
  it("match the rows at every date, before, between and after the uploads, at every level", async () => {
    const dates = ["2026-08-31", "2026-09-01", "2026-09-10", "2026-09-15", "2026-10-02", "2026-10-20", "2026-10-24", "2026-10-25", "2026-11-01", "2026-11-05", "2026-11-29", "2027-06-30"];
    const questions: Omit<ResolvedQuery, "as_of">[] = [
      { level: "facility", region: "17", jenis_tenaga: null },
      { level: "kecamatan", region: "1706", jenis_tenaga: null },
      { level: "regency", region: "17", jenis_tenaga: null },
      { level: "province", region: "17", jenis_tenaga: "KEFARMASIAN" },
    ];
    let compared = 0;
    for (const asOf of dates) {
      const rows = await rowsAt(asOf);
      const data = {
        facilities: FACILITIES,
        aggregates: aggregateRoster(rows.nakes, rows.pelatihan),
        rules: PMK75_2014.rules,
        standardSet: "PMK75_2014",
        population: POPULATION,
        regionName: (code: string) => names.get(code) ?? null,
      };
      for (const q of questions) {
        const query = `level=${q.level}&region=${q.region}&as_of=${asOf}${q.jenis_tenaga ? `&jenis_tenaga=${q.jenis_tenaga}` : ""}`;
        // The clock stands at the date asked, so dates after the SIPs lapsed can be asked too.
        const fromApi = await coverage(analyst, query, `${asOf}T05:00:00Z`);
        expect(fromApi, `${query}`).toEqual(coverageFromAggregates(data, { ...q, as_of: asOf }));
        compared++;
      }
    }
    expect(compared).toBe(48);
    // Not a comparison of empty answers: the last dates hold every facility, trainings and licences.
    const late = await coverage(analyst, "region=17&as_of=2026-11-01");
    expect(late.figures["fasyankes"]).toBe(6);
    expect(late.figures["tenaga"]).toBeGreaterThan(100);
    expect(Object.entries(late.figures).some(([k, v]) => k.startsWith("pelatihan.") && (v ?? 0) > 0)).toBe(true);
  });

  it("match the rows under a standard set that names every jenis (its statements split in two)", async () => {
    const admin = await tokenFor("admin", "17");
    const jenis = [...jenisTenagaSchema.options, "KEFARMASIAN"] as const;
    const rules = (["PERKOTAAN", "PEDESAAN", "TERPENCIL"] as const).flatMap((kategori) =>
      [true, false].flatMap((rawat_inap) => jenis.map((j, i) => ({ kategori, rawat_inap, jenis: j, minimum: (i % 3) + (rawat_inap ? 1 : 0) }))),
    );
    const standar = { columns: ["kategori", "rawat_inap", "jenis", "minimum"], rows: rules.map((r) => [r.kategori, r.rawat_inap ? "Y" : "N", r.jenis, r.minimum]) };
    // Active from 1 October, so the question at 20 October uses it (SPEC §6: standards dated).
    expect((await call("PUT", "/v1/standards", { token: admin, json: { set: "SEMUA_JENIS", standar, aktif: true, berlaku_mulai: "2026-10-01" } })).status).toBe(200);
    try {
      const rows = await rowsAt("2026-10-20");
      const data = { facilities: FACILITIES, aggregates: aggregateRoster(rows.nakes, rows.pelatihan), rules, standardSet: "SEMUA_JENIS", population: POPULATION, regionName: (code: string) => names.get(code) ?? null };
      const q = { level: "facility", region: "17", jenis_tenaga: null, as_of: "2026-10-20" } as const;
      const fromApi = await coverage(analyst, "level=facility&region=17&as_of=2026-10-20");
      expect(fromApi.tables.standar.rows.length).toBeGreaterThan(21 * 4);
      expect(fromApi).toEqual(coverageFromAggregates(data, q));
    } finally {
      await call("PUT", "/v1/standards", { token: admin, json: { set: "PMK75_2014", aktif: true, berlaku_mulai: "2026-10-01" } });
    }
  });

  it("count a row refused by the validator (no STR) once it is stored", async () => {
    const c = await coverage(analyst, "region=P1706010101&as_of=2026-10-21");
    // …and again from the unchanged roster of 5 November, after the back-dated one of 25 October.
    expect((await coverage(analyst, "region=P1706010101&as_of=2026-11-05")).figures["str_tidak_ada.PERAWAT"]).toBe(1);
    expect(c.figures["str_tidak_ada"]).toBe(1);
    expect(c.figures["str_tidak_ada.PERAWAT"]).toBe(1);
  });

  it("keep the versions' intervals exactly those of the roster history", async () => {
    const ours = (await env.DB.prepare("SELECT upload_id, kode_fasyankes, valid_from, valid_to FROM coverage_version ORDER BY 1, 2").all()).results;
    const theirs = (await env.DB.prepare("SELECT upload_id, kode_fasyankes, valid_from, valid_to FROM roster_versi ORDER BY 1, 2").all()).results;
    expect(ours).toEqual(theirs);
    expect(ours.length).toBe(6 + 2 + 3 + 2 + 2 + 2);
  });

  it("keep per-profession counts equal to the distinct persons held at each version's date", async () => {
    const held = "n.kode_fasyankes = v.kode_fasyankes AND n.valid_from <> '' AND n.valid_from <= v.valid_from AND (n.valid_to IS NULL OR n.valid_to > v.valid_from)";
    const wrong = await env.DB.prepare(
      `SELECT v.upload_id, v.kode_fasyankes FROM coverage_version v
       WHERE (v.valid_to IS NULL OR v.valid_to > v.valid_from) AND (${jenisTenagaSchema.options
         .map((j) => `v.t_${j} <> (SELECT COUNT(DISTINCT n.nik) FROM nakes n WHERE ${held} AND n.jenis_tenaga = '${j}')`)
         .join(" OR ")})`,
    ).all();
    expect(wrong.results).toEqual([]);
  });

  it("write a dated count once while it holds: the same roster again adds only the SIPs lapsed since", async () => {
    // 20 October and 5 November are one roster: a row begins on 5 November only where a SIP lapsed
    // in between (kept as one '' row per jenis from then on) or where a count of 20 October changed
    // by the back-dated roster of 25 October holds again (its part after 5 November).
    const count = async (sql: string) => (await env.DB.prepare(sql).first<{ n: number }>())!.n;
    const continued = `EXISTS (SELECT 1 FROM coverage_fakta a WHERE a.kode_fasyankes = b.kode_fasyankes AND a.kind = b.kind AND a.tgl = b.tgl
      AND a.jenis = b.jenis AND a.n = b.n AND a.valid_from = '2026-10-20' AND a.valid_to = '2026-10-25')`;
    expect(await count("SELECT COUNT(*) AS n FROM coverage_fakta WHERE valid_from = '2026-10-20'")).toBeGreaterThan(0);
    expect(await count(`SELECT COUNT(*) AS n FROM coverage_fakta b WHERE b.valid_from = '2026-11-05' AND ${continued}`)).toBeGreaterThan(0);
    const others = (await env.DB.prepare(`SELECT DISTINCT kind, tgl FROM coverage_fakta b WHERE b.valid_from = '2026-11-05' AND NOT ${continued}`).all()).results;
    expect(others.every((r) => r["kind"] === "sip" && r["tgl"] === "")).toBe(true);
    const overlapping = await env.DB.prepare(
      `SELECT a.kode_fasyankes FROM coverage_fakta a JOIN coverage_fakta b USING (kode_fasyankes, kind, tgl, jenis)
       WHERE a.valid_from < b.valid_from AND (a.valid_to IS NULL OR a.valid_to > b.valid_from)`,
    ).all();
    expect(overlapping.results).toEqual([]);
  });
});
