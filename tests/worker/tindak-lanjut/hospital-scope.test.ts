import { beforeAll, describe, expect, it } from "vitest";
import { demoFacilities } from "../../../shared/demo";
import { call, seedDemo, tokenFor } from "../support";

/**
 * Attack finding 9b (issue 10): GET /v1/tindak-lanjut judged a hospital token's region by the hospital's
 * code alone, which tells only the regency: the token was refused its own kecamatan yet given its
 * regency and province. The region check uses the rule the rows are read by (the master row).
 */
const HOSPITAL = "1706015";
let hospital: string;

beforeAll(async () => {
  await seedDemo();
  hospital = await tokenFor("uploader", HOSPITAL, "RSUD Mukomuko");
});

const status = async (region: string) => (await call("GET", `/v1/tindak-lanjut?list=sip&region=${region}&as_of=2026-11-01`, { token: hospital })).status;

describe("tindak lanjut for a hospital-scoped token", () => {
  it("answers the hospital's own kecamatan as it answers its regency and province", async () => {
    const kecamatan = demoFacilities.find((f) => f.kode === HOSPITAL)?.kecamatan;
    expect(kecamatan).toBe("170601");
    expect([await status(kecamatan!), await status("1706"), await status("17"), await status(HOSPITAL)]).toEqual([200, 200, 200, 200]);
  });

  it("refuses a kecamatan or regency the hospital does not lie in", async () => {
    expect([await status("170602"), await status("1701"), await status("36")]).toEqual([403, 403, 403]);
  });
});
