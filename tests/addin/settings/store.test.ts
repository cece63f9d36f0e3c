import { describe, expect, it } from "vitest";
import { checkApiUrl, DEFAULT_API_URL, defaultServerUrl, isConfigured, loadSettings, saveSettings, SETTINGS_KEY } from "../../../addin/settings/store";
import { MemoryStorage } from "../support/fakes";

describe("settings store", () => {
  it("offers the pane's own origin as the server address until one is saved", () => {
    expect(defaultServerUrl({ protocol: "https:", origin: "https://roster.dinkes.example.id" })).toBe("https://roster.dinkes.example.id");
    expect(loadSettings(new MemoryStorage(), "https://roster.dinkes.example.id")).toEqual({ apiUrl: "https://roster.dinkes.example.id", token: "" });
    expect(loadSettings(new MemoryStorage())).toEqual({ apiUrl: location.origin, token: "" });
  });

  it("falls back to the local API outside a web page", () => {
    expect(defaultServerUrl({ protocol: "about:", origin: "null" })).toBe(DEFAULT_API_URL);
  });

  it("saves trimmed values and reads them back", () => {
    const storage = new MemoryStorage();
    saveSettings({ apiUrl: " https://api.example.id/// ", token: " t0k " }, storage);
    expect(loadSettings(storage)).toEqual({ apiUrl: "https://api.example.id", token: "t0k" });
  });

  it("survives a damaged entry", () => {
    const storage = new MemoryStorage();
    storage.setItem(SETTINGS_KEY, "{not json");
    expect(loadSettings(storage, "https://pane.example.id")).toEqual({ apiUrl: "https://pane.example.id", token: "" });
  });

  it("takes https anywhere and plain http only on this machine", () => {
    expect(checkApiUrl("https://roster.dinkes.example.id")).toBe("ok");
    expect(checkApiUrl("http://localhost:8787")).toBe("ok");
    expect(checkApiUrl("http://127.0.0.1:9999/")).toBe("ok");
    expect(checkApiUrl("http://roster.dinkes.example.id")).toBe("http_blocked");
    expect(checkApiUrl("ftp://x")).toBe("invalid");
    expect(checkApiUrl("localhost:8787")).toBe("invalid");
  });

  it("needs both a usable address and a token to be configured", () => {
    expect(isConfigured({ apiUrl: "http://localhost:8787", token: "t" })).toBe(true);
    expect(isConfigured({ apiUrl: "http://localhost:8787", token: " " })).toBe(false);
    expect(isConfigured({ apiUrl: "http://roster.example.id", token: "t" })).toBe(false);
    expect(isConfigured({ apiUrl: "ftp://x", token: "t" })).toBe(false);
  });
});
