import { beforeAll, describe, expect, it } from "vitest";
import { demoFacilities } from "../../../fixtures/demo";
import { call, seedDemo, tokenFor } from "../support";

/**
 * Attack finding 9b (issue 10): GET /v1/tindak-lanjut judged a hospital token's region by the hospital's
 * code alone, which tells only the regency: the token was refused its own kecamatan yet given its
 * regency and province. Since issue 16's newcomer report, a region wider than the scope is refused as
 * coverage refuses it, so the hospital's kecamatan, regency and province are all 403, and the hospital
 * itself (judged by its master row) is answered.
 */
const HOSPITAL = "1706015";
let hospital: string;

beforeAll(async () => {
  await seedDemo();
  hospital = await tokenFor("uploader", HOSPITAL, "RSUD Mukomuko");
});

const status = async (region: string) => (await call("GET", `/v1/tindak-lanjut?list=sip&region=${region}&as_of=2026-11-01`, { token: hospital })).status;

describe("tindak lanjut for a hospital-scoped token", () => {
  it("refuses the hospital's own kecamatan as it refuses its regency and province, and answers the hospital", async () => {
    const kecamatan = demoFacilities.find((f) => f.kode === HOSPITAL)?.kecamatan;
    expect(kecamatan).toBe("170601");
    expect([await status(kecamatan!), await status("1706"), await status("17"), await status(HOSPITAL)]).toEqual([403, 403, 403, 200]);
  });

  it("refuses a kecamatan or regency the hospital does not lie in", async () => {
    expect([await status("170602"), await status("1701"), await status("36")]).toEqual([403, 403, 403]);
  });
});
