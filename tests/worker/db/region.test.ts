import { describe, expect, it } from "vitest";
import { provinceOf } from "../../../worker/db/region";

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
});
