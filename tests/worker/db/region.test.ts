import { env } from "cloudflare:test";
import { describe, expect, it } from "vitest";
import type { Bindings } from "../../../worker/env";
import { allDatabases, byDatabase, dbFor, hasOwnDatabase, provinceOf, provincesWithOwnDatabase } from "../../../worker/db/region";

describe("the database a region's data lives in", () => {
  it("is chosen by the province of a region code, a token scope or any kind of facility code", () => {
    expect(provinceOf("17")).toBe("17");
    expect(provinceOf("1706")).toBe("17");
    expect(provinceOf("170601")).toBe("17");
    expect(provinceOf("P3601010101")).toBe("36");
    expect(provinceOf("1706015")).toBe("17");
    expect(provinceOf("K3601001")).toBe("36");
    expect(provinceOf("L6501001")).toBe("65");
  });

  it("is the national database for the national scope and for what names no province", () => {
    expect(provinceOf("ID")).toBeNull();
    expect(provinceOf(null)).toBeNull();
    expect(provinceOf("")).toBeNull();
  });

  it("names no province for a text that only begins with two digits (no region or facility code's shape)", () => {
    expect(provinceOf("17abc")).toBeNull();
    expect(provinceOf("170")).toBeNull();
  });
});

describe("the databases of a deployment", () => {
  const DB_17 = env.TEST_DB_17 as D1Database;
  const bound = { ...env, DB_17 } as unknown as Bindings;
  // Bindings compared by identity: two D1 bindings may look alike to a deep equality.
  const name = (db: D1Database) => (db === env.DB ? "DB" : db === DB_17 ? "DB_17" : "other");

  it("keeps every province in DB until it has a database of its own", () => {
    expect(dbFor(bound, "1706")).toBe(DB_17);
    expect(dbFor(bound, "P3601010101")).toBe(env.DB);
    expect(hasOwnDatabase(bound, "17")).toBe(true);
    expect(hasOwnDatabase(bound, "36")).toBe(false);
    expect(provincesWithOwnDatabase(bound)).toEqual(["17"]);
    expect(allDatabases(bound).map(name)).toEqual(["DB", "DB_17"]);
  });

  it("groups codes by the database that holds them, each database once", () => {
    const groups = byDatabase(bound, ["P1706010101", "P3601010101", "1706015", "36"]);
    expect([...groups.entries()].map(([db, codes]) => [name(db), codes])).toEqual([
      ["DB_17", ["P1706010101", "1706015"]],
      ["DB", ["P3601010101", "36"]],
    ]);
  });

  it("treats a province bound to DB itself as kept in DB", () => {
    const same = { ...env, DB_36: env.DB } as unknown as Bindings;
    expect(hasOwnDatabase(same, "36")).toBe(false);
    expect(provincesWithOwnDatabase(same)).toEqual([]);
    expect(allDatabases(same).map(name)).toEqual(["DB"]);
  });
});
