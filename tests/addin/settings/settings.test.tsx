import { cleanup, fireEvent, screen, waitFor } from "@testing-library/react";
import { describe, expect, it, vi } from "vitest";
import { REFERENCE_KEY } from "../../../addin/api/reference-cache";
import { SETTINGS_KEY } from "../../../addin/settings/store";
import { referenceData } from "../../../shared/reference";
import { apiError, FakeApi, FakeWorkbook, json, MemoryStorage } from "../support/fakes";
import { renderPane } from "../support/render";

async function openSettings() {
  fireEvent.click(screen.getByRole("tab", { name: /^(Pengaturan|Settings)$/ }));
  await screen.findByRole("button", { name: /^(Simpan|Save)$/ });
}

function type(label: string, value: string) {
  fireEvent.change(screen.getByLabelText(label), { target: { value } });
}

describe("Pengaturan", () => {
  it("opens on Pengaturan with a welcome until a server and token are set, offering the pane's own address", async () => {
    renderPane({ firstRun: true });
    expect(screen.getByRole("tab", { name: "Pengaturan" }).getAttribute("aria-selected")).toBe("true");
    expect(await screen.findByText("Selamat datang")).toBeTruthy();
    expect((screen.getByLabelText("Alamat server") as HTMLInputElement).value).toBe(location.origin);
  });

  it("opens on Roster for a user who set up the pane earlier", () => {
    renderPane({ connected: true });
    expect(screen.getByRole("tab", { name: "Roster" }).getAttribute("aria-selected")).toBe("true");
  });

  it("keeps the server address and token in localStorage for this user, never in the workbook", async () => {
    const documentSettings = { set: vi.fn(), saveAsync: vi.fn() };
    (globalThis as { Office?: unknown }).Office = { context: { displayLanguage: "id-ID", document: { settings: documentSettings } } };
    const storage = new MemoryStorage();
    const workbook = new FakeWorkbook();
    renderPane({ storage, workbook, firstRun: true });
    await openSettings();

    type("Alamat server", "https://roster.dinkes.example.id/ ");
    type("Token akses", "tok_abc123");
    fireEvent.click(screen.getByRole("button", { name: "Simpan" }));

    expect(await screen.findByText("Pengaturan disimpan di komputer ini.")).toBeTruthy();
    expect(JSON.parse(storage.getItem(SETTINGS_KEY)!)).toEqual({ apiUrl: "https://roster.dinkes.example.id", token: "tok_abc123" });
    expect(workbook.calls).toEqual([]);
    expect(documentSettings.set).not.toHaveBeenCalled();

    // A new pane (Excel reopened) starts from what was saved, on the Roster tab.
    cleanup();
    renderPane({ storage, firstRun: true });
    expect(screen.getByRole("tab", { name: "Roster" }).getAttribute("aria-selected")).toBe("true");
    await openSettings();
    expect((screen.getByLabelText("Alamat server") as HTMLInputElement).value).toBe("https://roster.dinkes.example.id");
    expect((screen.getByLabelText("Token akses") as HTMLInputElement).value).toBe("tok_abc123");
  });

  it("uses the browser's own localStorage when no storage is injected", async () => {
    localStorage.clear();
    const { render } = await import("@testing-library/react");
    const { App } = await import("../../../addin/app/App");
    render(<App actions={new FakeWorkbook()} />);
    await openSettings();
    type("Token akses", "tok_local");
    fireEvent.click(screen.getByRole("button", { name: "Simpan" }));
    expect(JSON.parse(localStorage.getItem(SETTINGS_KEY)!).token).toBe("tok_local");
    localStorage.clear();
  });

  it("tests the connection with GET /v1/reference and the typed token, saves the working setting and keeps the reference", async () => {
    const api = new FakeApi().on("GET /v1/reference", json(200, referenceData));
    const storage = new MemoryStorage();
    renderPane({ api, storage, firstRun: true });
    await openSettings();
    type("Alamat server", "https://api.test");
    type("Token akses", "tok_try");
    fireEvent.click(screen.getByRole("button", { name: "Tes koneksi" }));

    expect(await screen.findByText("Terhubung")).toBeTruthy();
    expect(screen.getByText(/Server api\.test menjawab dan token diterima/)).toBeTruthy();
    const [sent] = api.sent("GET /v1/reference");
    expect(sent!.headers["authorization"]).toBe("Bearer tok_try");
    expect(JSON.parse(storage.getItem(SETTINGS_KEY)!)).toEqual({ apiUrl: "https://api.test", token: "tok_try" });
    expect(JSON.parse(storage.getItem(REFERENCE_KEY)!).data).toEqual(referenceData);
    expect(screen.getByText(/Data referensi tersimpan untuk bekerja tanpa koneksi/)).toBeTruthy();
  });

  it("saves nothing when the connection test fails, and says plainly that the token is refused", async () => {
    const api = new FakeApi().on("GET /v1/reference", apiError(401, "unauthorized", "Token tidak valid"));
    const storage = new MemoryStorage();
    renderPane({ api, storage, firstRun: true });
    await openSettings();
    type("Token akses", "tok_wrong");
    fireEvent.click(screen.getByRole("button", { name: "Tes koneksi" }));
    expect(await screen.findByText("Token tidak dikenal atau sudah dicabut. Periksa token di Pengaturan.")).toBeTruthy();
    expect(storage.getItem(SETTINGS_KEY)).toBeNull();
  });

  it("says plainly when the server cannot be reached, in English for an English Excel", async () => {
    const api = new FakeApi().on("GET /v1/reference", new TypeError("Failed to fetch"));
    renderPane({ api, lang: "en", firstRun: true });
    await openSettings();
    type("Access token", "tok");
    fireEvent.click(screen.getByRole("button", { name: "Test connection" }));
    expect(await screen.findByText("Cannot reach the server. Check the internet connection and the server address in Settings.")).toBeTruthy();
  });

  it("blocks plain http to another machine with its own message, not a network error", async () => {
    const api = new FakeApi();
    renderPane({ api, firstRun: true });
    await openSettings();
    type("Alamat server", "http://roster.dinkes.example.id");
    type("Token akses", "tok");
    await waitFor(() => expect(screen.getByText("http diblokir dari panel https: gunakan alamat https:// untuk server ini.")).toBeTruthy());
    expect((screen.getByRole("button", { name: "Tes koneksi" }) as HTMLButtonElement).disabled).toBe(true);
    expect((screen.getByRole("button", { name: "Simpan" }) as HTMLButtonElement).disabled).toBe(true);
    expect(api.requests).toHaveLength(0);
  });

  it("refuses an address that is not a web address", async () => {
    renderPane({ firstRun: true });
    await openSettings();
    type("Alamat server", "localhost:8787");
    await waitFor(() => expect(screen.getByText(/Alamat harus dimulai dengan https:\/\//)).toBeTruthy());
    expect((screen.getByRole("button", { name: "Simpan" }) as HTMLButtonElement).disabled).toBe(true);
  });
});
