import { cleanup, fireEvent, screen, waitFor } from "@testing-library/react";
import { describe, expect, it, vi } from "vitest";
import { REFERENCE_KEY } from "../../../addin/api/reference-cache";
import { SETTINGS_KEY } from "../../../addin/settings/store";
import { referenceData } from "../../../shared/reference";
import { apiError, FakeApi, FakeWorkbook, json, MemoryStorage } from "../support/fakes";
import { renderPane } from "../support/render";

function openSettings() {
  fireEvent.click(screen.getByRole("tab", { name: "Pengaturan" }));
}

function type(label: string, value: string) {
  fireEvent.change(screen.getByLabelText(label), { target: { value } });
}

describe("Pengaturan", () => {
  it("keeps the API address and token in localStorage for this user, never in the workbook", async () => {
    const documentSettings = { set: vi.fn(), saveAsync: vi.fn() };
    (globalThis as { Office?: unknown }).Office = { context: { displayLanguage: "id-ID", document: { settings: documentSettings } } };
    const storage = new MemoryStorage();
    const workbook = new FakeWorkbook();
    renderPane({ storage, workbook });
    openSettings();

    expect((screen.getByLabelText("Alamat API") as HTMLInputElement).value).toBe("http://localhost:8787");
    type("Alamat API", "https://roster.dinkes.example.id/ ");
    type("Token akses", "tok_abc123");
    fireEvent.click(screen.getByRole("button", { name: "Simpan" }));

    expect(await screen.findByText("Pengaturan disimpan di komputer ini.")).toBeTruthy();
    expect(JSON.parse(storage.getItem(SETTINGS_KEY)!)).toEqual({ apiUrl: "https://roster.dinkes.example.id", token: "tok_abc123" });
    expect(workbook.calls).toEqual([]);
    expect(documentSettings.set).not.toHaveBeenCalled();

    // A new pane (Excel reopened) starts from what was saved.
    cleanup();
    renderPane({ storage });
    openSettings();
    expect((screen.getByLabelText("Alamat API") as HTMLInputElement).value).toBe("https://roster.dinkes.example.id");
    expect((screen.getByLabelText("Token akses") as HTMLInputElement).value).toBe("tok_abc123");
  });

  it("uses the browser's own localStorage when no storage is injected", async () => {
    localStorage.clear();
    const { render } = await import("@testing-library/react");
    const { App } = await import("../../../addin/app/App");
    render(<App actions={new FakeWorkbook()} />);
    openSettings();
    type("Token akses", "tok_local");
    fireEvent.click(screen.getByRole("button", { name: "Simpan" }));
    expect(JSON.parse(localStorage.getItem(SETTINGS_KEY)!).token).toBe("tok_local");
    localStorage.clear();
  });

  it("tests the connection with GET /v1/reference and the typed token, and keeps the reference for offline use", async () => {
    const api = new FakeApi().on("GET /v1/reference", json(200, referenceData));
    const storage = new MemoryStorage();
    renderPane({ api, storage });
    openSettings();
    type("Alamat API", "http://api.test");
    type("Token akses", "tok_try");
    fireEvent.click(screen.getByRole("button", { name: "Tes koneksi" }));

    expect(await screen.findByText("Terhubung")).toBeTruthy();
    expect(screen.getByText(/Server api\.test menjawab dan token diterima/)).toBeTruthy();
    const [sent] = api.sent("GET /v1/reference");
    expect(sent!.headers["authorization"]).toBe("Bearer tok_try");
    expect(JSON.parse(storage.getItem(REFERENCE_KEY)!).data).toEqual(referenceData);
    expect(screen.getByText(/Data referensi tersimpan untuk bekerja tanpa koneksi/)).toBeTruthy();
  });

  it("says plainly when the token is refused", async () => {
    const api = new FakeApi().on("GET /v1/reference", apiError(401, "unauthorized", "Token tidak valid"));
    renderPane({ api });
    openSettings();
    type("Token akses", "tok_wrong");
    fireEvent.click(screen.getByRole("button", { name: "Tes koneksi" }));
    expect(await screen.findByText("Token tidak dikenal atau sudah dicabut. Periksa token di Pengaturan.")).toBeTruthy();
  });

  it("says plainly when the server cannot be reached, in English for an English Excel", async () => {
    const api = new FakeApi().on("GET /v1/reference", new TypeError("Failed to fetch"));
    renderPane({ api, lang: "en" });
    fireEvent.click(screen.getByRole("tab", { name: "Settings" }));
    type("Access token", "tok");
    fireEvent.click(screen.getByRole("button", { name: "Test connection" }));
    expect(await screen.findByText("Cannot reach the server. Check the internet connection and the API address in Settings.")).toBeTruthy();
  });

  it("refuses an address that is not http or https", async () => {
    renderPane();
    openSettings();
    type("Alamat API", "localhost:8787");
    await waitFor(() => expect(screen.getByText("Alamat harus dimulai dengan http:// atau https://")).toBeTruthy());
    expect((screen.getByRole("button", { name: "Simpan" }) as HTMLButtonElement).disabled).toBe(true);
  });
});
