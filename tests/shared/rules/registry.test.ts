import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { RULE_CODES_FILE, ruleCodesSource } from "../../../scripts/generate-rule-codes";
import { catalog, message } from "../../../shared/i18n/messages";
import { ISSUE_CODES, SEVERITY } from "../../../shared/rules/codes";
import { countIssues } from "../../../shared/rules/count";
import { rules } from "../../../shared/rules/registry";
import { issueCodeSchema, type IssueCode } from "../../../shared/schema/issue";

const codes = Object.keys(rules) as IssueCode[];

describe("the rule registry", () => {
  it("is where the code enum comes from, in its order", () => {
    expect(issueCodeSchema.options).toEqual(codes);
    expect([...ISSUE_CODES]).toEqual(codes);
  });

  it("is where each rule's severity comes from, for the validator too", () => {
    for (const code of codes) {
      expect(SEVERITY[code]).toBe(rules[code].severity);
    }
  });

  it("is where each rule's sentences come from, in both languages", () => {
    const p = { value: "P3601010101", scope: "1706" };
    expect(message("kode_fasyankes.out_of_scope", p)).toBe(rules["kode_fasyankes.out_of_scope"].message.id(p));
    expect(message("kode_fasyankes.out_of_scope", p, "en")).toBe(rules["kode_fasyankes.out_of_scope"].message.en(p));
    for (const code of codes) expect(catalog[code]).toBe(rules[code].message);
  });

  it("has its generated codes module up to date (else: npm run rules)", () => {
    expect(readFileSync(RULE_CODES_FILE, "utf8")).toBe(ruleCodesSource());
  });

  it("keeps the sentences out of the codes and count modules, which the pane's first screen may load", () => {
    for (const file of [RULE_CODES_FILE, new URL("../../../shared/rules/count.ts", import.meta.url)]) {
      const imports = readFileSync(file, "utf8").match(/^import .*$/gm) ?? [];
      expect(imports.every((line) => line.startsWith("import type "))).toBe(true);
    }
  });
});

describe("countIssues", () => {
  it("counts issues per severity from each issue's own severity", () => {
    expect(countIssues([{ severity: "error" }, { severity: "info" }, { severity: "error" }])).toEqual({ error: 2, warning: 0, info: 1 });
    expect(countIssues([])).toEqual({ error: 0, warning: 0, info: 0 });
  });
});
