import { describe, expect, it } from "vitest";
import { churn, firstStaff, rosterOf } from "../../scripts/national/cycles";
import { geography } from "../../scripts/national/model";
import { d1FileName, databaseId } from "../../scripts/national/province-files";
import type { NakesRecord, PelatihanRecord } from "../../shared/schema/records";

/**
 * bench:history's inputs: the monthly cycles of the national model (scripts/national/cycles.ts) and
 * the local D1 files `wrangler dev` opens for DB and each DB_xx (scripts/national/province-files.ts).
 */
const facilities = geography()
  .filter((r) => r.kode.startsWith("34"))
  .flatMap((r) => r.facilities);

function rosters(cycles: number) {
  const staff = facilities.map((f) => firstStaff(f, "2025-01-01"));
  const out: { nakes: NakesRecord[]; pelatihan: PelatihanRecord[] }[] = [];
  for (let c = 0; c < cycles; c++) {
    const day = `2025-${String(c + 1).padStart(2, "0")}-01`;
    if (c > 0) for (const s of staff) churn(s, c, day, 0.03);
    const r = { nakes: [] as NakesRecord[], pelatihan: [] as PelatihanRecord[] };
    for (const s of staff) rosterOf(s, r);
    out.push(r);
  }
  return out;
}

describe("the monthly cycles of bench:history", () => {
  it("change about 3% of rows a month and give an unchanged person the same record", () => {
    const [before, after] = rosters(2);
    const key = (r: NakesRecord) => `${r.kode_fasyankes}|${r.nama}`;
    const text = ({ row: _row, ...r }: NakesRecord) => JSON.stringify(r);
    const old = new Map(before!.nakes.map((r) => [key(r), text(r)]));
    const now = new Map(after!.nakes.map((r) => [key(r), text(r)]));
    const left = [...old.keys()].filter((k) => !now.has(k)).length;
    const joined = [...now.keys()].filter((k) => !old.has(k)).length;
    const renewed = [...now].filter(([k, v]) => old.has(k) && old.get(k) !== v).length;
    const share = (left + joined + renewed) / before!.nakes.length;
    expect(share).toBeGreaterThan(0.025);
    expect(share).toBeLessThan(0.035);
    expect(Math.min(left, joined, renewed)).toBeGreaterThan(0);
  });

  it("are the same rows whenever they are generated", () => {
    expect(JSON.stringify(rosters(3)[2])).toBe(JSON.stringify(rosters(3)[2]));
  });
});

describe("the local D1 files of one database per province", () => {
  it("are named as miniflare names the Durable Object of a database id", () => {
    // The file `wrangler d1 migrations apply DB --local` creates for worker/wrangler.jsonc's DB.
    expect(d1FileName(databaseId("DB"))).toBe("9ba2b04bf514d9facfd57ed57d849e77241a7adc99d1c1545d06688b43d84248.sqlite");
    expect(databaseId("DB_35")).toBe("00000000-0000-0000-0000-000000000035");
    expect(new Set(["DB", "DB_11", "DB_35", "DB_96"].map((b) => d1FileName(databaseId(b)))).size).toBe(4);
  });
});
