import { describe, expect, it } from "vitest";
import { generateRoster, usedIdentifiers } from "../../../shared/demo";
import { mukomukoFacilities } from "../../../shared/demo/facilities";
import { readId } from "../../../shared/normalize";
import type { RosterRequest } from "../../../shared/schema/roster";

/** NIP → the NIKs it was given to, over several rosters. */
function nipOwners(rosters: RosterRequest[]): Map<string, Set<string>> {
  const owners = new Map<string, Set<string>>();
  for (const { nakes } of rosters) {
    const nik = nakes.columns.indexOf("nik");
    const nip = nakes.columns.indexOf("nip");
    for (const row of nakes.rows) {
      const id = readId(row[nip], 18);
      if (typeof id !== "string") continue;
      const person = readId(row[nik], 16);
      const set = owners.get(id) ?? new Set<string>();
      set.add(typeof person === "string" ? person : String(row[nik]));
      owners.set(id, set);
    }
  }
  return owners;
}

const shared = (n: number, used?: ReturnType<typeof usedIdentifiers>) =>
  Array.from({ length: n }, (_, i) =>
    generateRoster({ rows: 2_000, seed: 1_000 * (i + 1), asOf: "2026-11-01", facilities: mukomukoFacilities, pelatihan: false, used }),
  );

describe("the demo roster generator", () => {
  it("gives no NIP to two people across rosters that share their used identifiers", () => {
    const clashes = [...nipOwners(shared(100, usedIdentifiers())).values()].filter((niks) => niks.size > 1);
    expect(clashes).toEqual([]);
  });

  it("can clash across independently generated rosters, which is why one database's rosters share them", () => {
    const clashes = [...nipOwners(shared(100)).values()].filter((niks) => niks.size > 1);
    expect(clashes.length).toBeGreaterThan(0);
  });
});
