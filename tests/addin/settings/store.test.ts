import { describe, expect, it } from "vitest";
import { DEFAULT_API_URL, isConfigured, loadSettings, saveSettings, SETTINGS_KEY } from "../../../addin/settings/store";
import { MemoryStorage } from "../support/fakes";

describe("settings store", () => {
  it("starts at the local API without a token", () => {
    expect(loadSettings(new MemoryStorage())).toEqual({ apiUrl: DEFAULT_API_URL, token: "" });
    expect(loadSettings(new MemoryStorage(), "http://127.0.0.1:9999")).toEqual({ apiUrl: "http://127.0.0.1:9999", token: "" });
  });

  it("saves trimmed values and reads them back", () => {
    const storage = new MemoryStorage();
    saveSettings({ apiUrl: " https://api.example.id/// ", token: " t0k " }, storage);
    expect(loadSettings(storage)).toEqual({ apiUrl: "https://api.example.id", token: "t0k" });
  });

  it("survives a damaged entry", () => {
    const storage = new MemoryStorage();
    storage.setItem(SETTINGS_KEY, "{not json");
    expect(loadSettings(storage)).toEqual({ apiUrl: DEFAULT_API_URL, token: "" });
  });

  it("needs both a web address and a token to be configured", () => {
    expect(isConfigured({ apiUrl: "http://localhost:8787", token: "t" })).toBe(true);
    expect(isConfigured({ apiUrl: "http://localhost:8787", token: " " })).toBe(false);
    expect(isConfigured({ apiUrl: "ftp://x", token: "t" })).toBe(false);
  });
});
