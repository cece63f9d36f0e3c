import { describe, expect, it } from "vitest";
import { issueCodeSchema, issueSchema } from "../../../shared/schema/issue";
import { catalog } from "../../../shared/i18n/messages";
import { countIssues } from "../../../shared/rules/count";
import { makeIssue } from "../../../shared/validate/issues";
import { SEVERITY } from "../../../shared/rules/codes";

describe("makeIssue", () => {
  it("gives an issue its rule's severity and its sentence", () => {
    const issue = makeIssue("upload.too_large", { table: "nakes", row: null, column: null }, { limit: 100_000, actual: 120_000, unit: "rows" });
    expect(issue).toEqual({
      severity: "error",
      code: "upload.too_large",
      table: "nakes",
      row: null,
      column: null,
      message: "Unggahan terlalu besar (120.000 baris): paling banyak 100.000 baris per unggahan. Bagi per fasyankes atau per kecamatan.",
    });
    expect(issueSchema.safeParse(issue).success).toBe(true);
  });

  it("writes the byte limit of an upload in MB, in English when asked", () => {
    const issue = makeIssue("upload.too_large", { table: "nakes", row: null, column: null }, { limit: 10 * 1024 * 1024, unit: "bytes" }, "en");
    expect(issue.message).toBe("The upload is too large: at most 10 MB per upload. Split it by facility or district.");
  });

  it("words the Worker's facility findings like the validator does", () => {
    expect(makeIssue("kode_fasyankes.out_of_scope", { table: "nakes", row: 3, column: "kode_fasyankes", value: "P3601010101" }, { value: "P3601010101", scope: "1706" }).message).toBe(
      "Fasyankes “P3601010101” berada di luar wilayah token Anda (1706).",
    );
  });
});

describe("the rule tables", () => {
  it("give every issue code a severity and a message in both languages", () => {
    for (const code of issueCodeSchema.options) {
      expect(SEVERITY[code]).toMatch(/^(error|warning|info)$/);
      expect(typeof catalog[code].id).toBe("function");
      expect(typeof catalog[code].en).toBe("function");
    }
  });

  it("keep the severities SPEC §5 sets", () => {
    expect(SEVERITY["sip.expired"]).toBe("error");
    expect(SEVERITY["sip.required"]).toBe("warning");
    expect(SEVERITY["str.expired"]).toBe("warning");
    expect(SEVERITY["jenis_tenaga.normalized"]).toBe("info");
    expect(SEVERITY["header.unknown"]).toBe("warning");
    expect(SEVERITY["nik.multi_facility"]).toBe("warning");
  });
});

describe("countIssues", () => {
  it("counts per severity", () => {
    const at = { table: "nakes" as const, row: 0, column: "nik" };
    const issues = [
      makeIssue("nik.format", at, { value: "1" }),
      makeIssue("nik.format", at, { value: "2" }),
      makeIssue("sip.expiring", at, { date: "2026-12-01", days: 30 }),
    ];
    expect(countIssues(issues)).toEqual({ error: 2, warning: 1, info: 0 });
    expect(countIssues([])).toEqual({ error: 0, warning: 0, info: 0 });
  });
});
