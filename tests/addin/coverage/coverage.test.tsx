import { fireEvent, screen } from "@testing-library/react";
import { describe, expect, it } from "vitest";
import { coverageToSheets } from "../../../addin/coverage/to-sheet";
import type { CoverageResponse, CoverageTable } from "../../../shared/api/coverage";
import { FakeApi, FakeWorkbook, json } from "../support/fakes";
import { renderPane } from "../support/render";

const table = (id: string, en: string, rows: CoverageTable["rows"]): CoverageTable => ({
  label: { id, en },
  columns: [
    { key: "kode", label: { id: "Kode", en: "Code" }, type: "text" },
    { key: "puskesmas", label: { id: "Jumlah puskesmas", en: "Health centres" }, type: "integer" },
    { key: "sembilan_jenis", label: { id: "9 jenis lengkap", en: "All 9 professions" }, type: "share" },
  ],
  rows,
});

const coverage: CoverageResponse = {
  query: { level: "kecamatan", region: "1706", as_of: "2026-11-01", jenis_tenaga: null },
  standard_set: "PMK75_2014",
  tables: {
    wilayah: table("Cakupan per wilayah", "Coverage by region", [["170601", 2, 0.5]]),
    profesi: table("Cakupan per profesi", "Coverage by profession", [["170601", 2, null]]),
    standar: table("Pemenuhan standar", "Standard met", [["170601", 2, 1]]),
  },
  figures: { puskesmas_tanpa_dokter: 1 },
};

describe("Tarik cakupan", () => {
  it("pulls coverage for the region asked and writes its tables to the Cakupan sheet", async () => {
    const api = new FakeApi().on("GET /v1/coverage", json(200, coverage));
    const workbook = new FakeWorkbook();
    renderPane({ api, workbook, connected: true });
    fireEvent.click(screen.getByRole("tab", { name: "Cakupan" }));
    await screen.findByRole("button", { name: "Tarik cakupan" });
    fireEvent.change(screen.getByLabelText("Kode wilayah"), { target: { value: "1706" } });
    fireEvent.change(screen.getByLabelText("Tingkat"), { target: { value: "kecamatan" } });
    fireEvent.click(screen.getByRole("button", { name: "Tarik cakupan" }));

    expect(
      await screen.findByText("Cakupan ditulis ke lembar Cakupan."),
    ).toBeTruthy();
    const [sent] = api.sent("GET /v1/coverage");
    expect(Object.fromEntries(sent!.url.searchParams)).toEqual({ region: "1706", level: "kecamatan" });
    expect(workbook.calls).toEqual(["writeCoverage"]);
    expect(workbook.written.map((t) => t.title)).toEqual(["Cakupan per wilayah", "Cakupan per profesi", "Pemenuhan standar"]);
    expect(workbook.written[0]).toEqual({
      title: "Cakupan per wilayah",
      columns: [
        { key: "kode", label: "Kode", type: "text" },
        { key: "puskesmas", label: "Jumlah puskesmas", type: "integer" },
        { key: "sembilan_jenis", label: "9 jenis lengkap", type: "share" },
      ],
      rows: [["170601", 2, 0.5]],
    });
  });

  it("does not call the server with a malformed region code", async () => {
    const api = new FakeApi();
    renderPane({ api, connected: true });
    fireEvent.click(screen.getByRole("tab", { name: "Cakupan" }));
    await screen.findByRole("button", { name: "Tarik cakupan" });
    fireEvent.change(screen.getByLabelText("Kode wilayah"), { target: { value: "17-06" } });
    expect(screen.getByText(/Kode wilayah harus 2, 4 atau 6 digit/)).toBeTruthy();
    expect((screen.getByRole("button", { name: "Tarik cakupan" }) as HTMLButtonElement).disabled).toBe(true);
  });

  it("asks for the API settings when none are saved", async () => {
    const workbook = new FakeWorkbook();
    renderPane({ workbook });
    fireEvent.click(screen.getByRole("tab", { name: "Cakupan" }));
    await screen.findByRole("button", { name: "Tarik cakupan" });
    fireEvent.click(screen.getByRole("button", { name: "Tarik cakupan" }));
    expect(await screen.findByText("Untuk menarik cakupan, isi alamat server dan token di Pengaturan.")).toBeTruthy();
    expect(workbook.written).toEqual([]);
  });

  it("labels the sheets in English for an English Excel", () => {
    const sheets = coverageToSheets(coverage, "en");
    expect(sheets.map((s) => s.title)).toEqual(["Coverage by region", "Coverage by profession", "Standard met"]);
    expect(sheets[0]!.columns.map((c) => c.label)).toEqual(["Code", "Health centres", "All 9 professions"]);
  });
});
