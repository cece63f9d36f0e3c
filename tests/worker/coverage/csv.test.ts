import Papa from "papaparse";
import { beforeAll, describe, expect, it } from "vitest";
import type { CoverageResponse } from "../../../shared/api/coverage";
import { FACILITIES, POPULATION, rosterRows } from "../../shared/coverage/fixture";
import { call, tokenFor } from "../support";
import { coverage, putFacilities, putPopulation, seedRegions, uploadAt } from "./api";

/** Coverage as CSV for Power Query "From Web": the JSON answer's table, cell for cell. */
let analyst = "";

beforeAll(async () => {
  await seedRegions();
  const admin = await tokenFor("admin", "17");
  await putFacilities(admin, FACILITIES);
  await putPopulation(admin, POPULATION);
  await uploadAt(admin, "2026-10-20T03:00:00.000Z", rosterRows(), "2026-10-01");
  analyst = await tokenFor("analyst", "17");
});

const csvOf = async (query: string, headers: Record<string, string> = {}) => {
  const res = await call("GET", `/v1/coverage?${query}`, { token: analyst, headers: { Accept: "text/csv", ...headers } });
  return { res, text: await res.text() };
};

/** A JSON cell as the CSV must read back: numbers as written, null empty, formula-like text with its '. */
const asCsvCell = (v: string | number | null) => (v === null ? "" : typeof v === "number" ? String(v) : /^[=+\-@\t\r]/.test(v) ? `'${v}` : v);

describe("GET /v1/coverage with Accept: text/csv", () => {
  it("answers the wilayah table of the JSON answer, header in Indonesian, every cell the same", async () => {
    const json: CoverageResponse = await coverage(analyst, "region=1706&as_of=2026-11-01");
    const { res, text } = await csvOf("region=1706&as_of=2026-11-01");
    expect(res.status).toBe(200);
    expect(res.headers.get("content-type")).toBe("text/csv; charset=utf-8");
    expect(res.headers.get("vary")).toMatch(/Accept/);
    const [header, ...rows] = Papa.parse<string[]>(text.trimEnd(), { delimiter: "," }).data;
    expect(header).toEqual(json.tables.wilayah.columns.map((c) => c.label.id));
    expect(rows).toEqual(json.tables.wilayah.rows.map((r) => r.map(asCsvCell)));
    expect(rows.length).toBeGreaterThan(0);
  });

  it("writes the table asked for, with English labels for an English client", async () => {
    const json: CoverageResponse = await coverage(analyst, "region=1706&as_of=2026-11-01");
    const { text } = await csvOf("region=1706&as_of=2026-11-01&table=profesi", { "Accept-Language": "en" });
    const [header, ...rows] = Papa.parse<string[]>(text.trimEnd(), { delimiter: "," }).data;
    expect(header).toEqual(json.tables.profesi.columns.map((c) => c.label.en));
    expect(rows).toHaveLength(json.tables.profesi.rows.length);
  });

  it("keeps answering JSON to a client that accepts JSON, and refuses an unknown table with 400", async () => {
    const res = await call("GET", "/v1/coverage?region=1706", { token: analyst, headers: { Accept: "application/json, text/csv" } });
    expect(res.headers.get("content-type")).toMatch(/^application\/json/);
    expect((await csvOf("region=1706&table=orang")).res.status).toBe(400);
  });
});
