import { beforeAll, describe, expect, it } from "vitest";
import type { NakesRecord } from "../../../shared/schema/records";
import { FACILITIES, POPULATION, rosterRows } from "../../shared/coverage/fixture";
import { call, json, tokenFor } from "../support";
import { coverage, putFacilities, putPopulation, seedRegions, uploadAt } from "./api";

/**
 * SPEC §5 penugasan.ended and §6 "penugasan khusus": a term from 29 February 2020 ends on 28 February
 * 2025. The validator (a dry run) and coverage (GET /v1/coverage) must say the same about it on
 * 1 March 2025: ended, not active, not ending soon; and on 28 February 2025: still running, ending.
 */
const KODE = "P1706010101";
const TMT = "2020-02-29";

/** The facility's fixture roster with one Penugasan Khusus: its first nurse, from 29 February 2020. */
function leapDayRoster() {
  const r = rosterRows([KODE]);
  let marked = false;
  const nakes = r.nakes.map((n): NakesRecord => {
    const plain: NakesRecord = { ...n, status_kepegawaian: "KONTRAK_DAERAH", tmt_penugasan: null };
    if (marked || n.jenis_tenaga !== "PERAWAT") return plain;
    marked = true;
    return { ...plain, status_kepegawaian: "PENUGASAN_KHUSUS", tmt_penugasan: TMT };
  });
  return { nakes, pelatihan: r.pelatihan };
}

let admin: string;
let analyst: string;

beforeAll(async () => {
  await seedRegions();
  admin = await tokenFor("admin", "17");
  analyst = await tokenFor("analyst", "17");
  expect((await putFacilities(admin, FACILITIES)).status).toBe(200);
  expect((await putPopulation(admin, POPULATION)).status).toBe(200);
});

describe("a Penugasan Khusus from 29 February 2020", () => {
  it("is reported ended on 28 February 2025 by a dry run as of 1 March 2025", async () => {
    const { nakes } = leapDayRoster();
    const columns = Object.keys(nakes[0]!).filter((k) => k !== "row");
    const res = await call("POST", "/v1/rosters/validate", {
      token: admin,
      json: { as_of: "2025-03-01", nakes: { columns, rows: nakes.map((n) => columns.map((c) => n[c as keyof NakesRecord])) } },
    });
    expect(res.status).toBe(200);
    const body = await json(res);
    const ended = body.issues.filter((i: { code: string }) => i.code === "penugasan.ended");
    expect(ended).toHaveLength(1);
    expect(ended[0].message).toContain("28 Februari 2025");
  });

  it("counts as ended, not active and not ending soon, in coverage as of 1 March 2025", async () => {
    await uploadAt(admin, "2025-03-01T03:00:00.000Z", leapDayRoster(), "2025-03-01");
    const f = (await coverage(analyst, `region=${KODE}&as_of=2025-03-01`)).figures;
    expect(f["penugasan_berakhir"]).toBe(1);
    expect(f["penugasan_aktif"]).toBe(0);
    expect(f["penugasan_segera_berakhir"]).toBe(0);
  });

  it("counts as active and ending soon in coverage as of 28 February 2025, a roster of that date", async () => {
    await uploadAt(admin, "2025-03-02T03:00:00.000Z", leapDayRoster(), "2025-02-28");
    const f = (await coverage(analyst, `region=${KODE}&as_of=2025-02-28`)).figures;
    expect(f["penugasan_berakhir"]).toBe(0);
    expect(f["penugasan_aktif"]).toBe(1);
    expect(f["penugasan_segera_berakhir"]).toBe(1);
  });
});
