import { describe, expect, it } from "vitest";
import { byChange, whoLanded } from "../../../../addin/roster/steps/who-landed";
import type { RecordedRequest } from "../../support/fakes";
import { FakeApi, json } from "../../support/fakes";
import { clientOf } from "./helpers";

const entry = (kode_fasyankes: string, changes: number) => ({ kode_fasyankes, added: changes, removed: 0, changed: 0, unchanged: 5 });

function upload(name: string, committed_at: string) {
  return {
    id: `upl_${name}`,
    uploaded_by: { token_id: `tok_${name}`, name, scope: "17" },
    created_at: committed_at,
    committed_at,
    as_of: "2026-11-29",
    content_type: "application/json",
    content_hash: "h",
    stored: { nakes: 1, pelatihan: 0 },
    facilities: 1,
    counts: { error: 0, warning: 0, info: 0 },
  };
}

/** GET /v1/uploads answering each facility's newest upload from `newest`. */
function historyOf(newest: Record<string, ReturnType<typeof upload>>) {
  return new FakeApi().on("GET /v1/uploads", (req: RecordedRequest) => {
    const found = newest[req.url.searchParams.get("kode_fasyankes") ?? ""];
    return json(200, { uploads: found ? [found] : [], next: null });
  });
}

describe("who landed the conflicting upload", () => {
  it("orders facilities by how much changed", () => {
    expect(byChange([entry("A", 1), entry("B", 9), entry("C", 4)]).map((d) => d.kode_fasyankes)).toEqual(["B", "C", "A"]);
  });

  it("names the newest upload among the three most changed facilities, asking one upload each", async () => {
    const api = historyOf({
      P1: upload("Dinas Mukomuko", "2026-11-29T08:00:00Z"),
      P2: upload("Puskesmas Air Dikit", "2026-11-29T09:30:00Z"),
      P4: upload("Never asked", "2026-11-29T10:00:00Z"),
    });
    const by = await whoLanded(clientOf(api), [entry("P4", 1), entry("P1", 8), entry("P2", 5), entry("P3", 3)]);
    expect(by).toEqual({ name: "Puskesmas Air Dikit", at: "2026-11-29T09:30:00Z" });
    const asked = api.sent("GET /v1/uploads").map((r) => [r.url.searchParams.get("kode_fasyankes"), r.url.searchParams.get("limit")]);
    expect(asked.sort()).toEqual([["P1", "1"], ["P2", "1"], ["P3", "1"]]);
  });

  it("gives null when the history cannot be read or holds nothing", async () => {
    const down = new FakeApi().on("GET /v1/uploads", new TypeError("Failed to fetch"));
    expect(await whoLanded(clientOf(down), [entry("P1", 1)])).toBeNull();
    expect(await whoLanded(clientOf(historyOf({})), [entry("P1", 1)])).toBeNull();
    expect(await whoLanded(clientOf(historyOf({})), null)).toBeNull();
  });
});
