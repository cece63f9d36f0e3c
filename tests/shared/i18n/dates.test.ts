import { describe, expect, it } from "vitest";
import { formatDate, formatList } from "../../../shared/i18n/dates";

describe("formatDate", () => {
  it("writes dates the Indonesian way", () => {
    expect(formatDate("2026-09-30")).toBe("30 September 2026");
    expect(formatDate("2026-08-01")).toBe("1 Agustus 2026");
    expect(formatDate("2026-05-17", "en")).toBe("17 May 2026");
  });
  it("leaves text that is no ISO date alone", () => {
    expect(formatDate("kemarin")).toBe("kemarin");
    expect(formatDate("2026-13-01")).toBe("2026-13-01");
  });
});

describe("formatList", () => {
  it("joins words as each language does", () => {
    expect(formatList(["a", "b", "c"])).toBe("a, b dan c");
    expect(formatList(["a", "b"], "en")).toBe("a and b");
    expect(formatList(["a"])).toBe("a");
  });
});
