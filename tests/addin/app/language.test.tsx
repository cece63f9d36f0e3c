import { screen } from "@testing-library/react";
import { describe, expect, it } from "vitest";
import { langFromDisplayLanguage } from "../../../addin/i18n";
import { renderPane } from "../support/render";

function setDisplayLanguage(displayLanguage: string) {
  (globalThis as { Office?: unknown }).Office = { context: { displayLanguage } };
}

describe("pane language", () => {
  it("speaks Indonesian by default", () => {
    renderPane();
    expect(screen.getByRole("tab", { name: "Roster" })).toBeTruthy();
    expect(screen.getByRole("tab", { name: "Cakupan" })).toBeTruthy();
    expect(screen.getByRole("tab", { name: "Pengaturan" })).toBeTruthy();
    expect(screen.getByRole("button", { name: "Sisipkan template" })).toBeTruthy();
    expect(screen.getByRole("button", { name: "Validasi" })).toBeTruthy();
    expect(screen.getByRole("button", { name: "Kirim" })).toBeTruthy();
  });

  it("stays Indonesian when Excel runs in Indonesian", () => {
    setDisplayLanguage("id-ID");
    renderPane();
    expect(screen.getByRole("button", { name: "Validasi" })).toBeTruthy();
  });

  it("switches to English when Excel's display language is en-US", () => {
    setDisplayLanguage("en-US");
    renderPane();
    expect(screen.getByRole("tab", { name: "Coverage" })).toBeTruthy();
    expect(screen.getByRole("tab", { name: "Settings" })).toBeTruthy();
    expect(screen.getByRole("button", { name: "Insert template" })).toBeTruthy();
    expect(screen.getByRole("button", { name: "Validate" })).toBeTruthy();
    expect(screen.getByRole("button", { name: "Send" })).toBeTruthy();
    expect(screen.queryByRole("button", { name: "Validasi" })).toBeNull();
  });

  it("takes any English variant as English and everything else as Indonesian", () => {
    expect(["en-GB", "EN-us", "en"].map(langFromDisplayLanguage)).toEqual(["en", "en", "en"]);
    expect(["id-ID", "ms-MY", "nl-NL", "", undefined].map(langFromDisplayLanguage)).toEqual(["id", "id", "id", "id", "id"]);
  });
});
