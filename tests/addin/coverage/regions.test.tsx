import { fireEvent, screen, within } from "@testing-library/react";
import { describe, expect, it } from "vitest";
import { headlineFigures } from "../../../addin/coverage/headline";
import { regionChoices } from "../../../addin/coverage/regions";
import type { CoverageResponse } from "../../../shared/api/coverage";
import type { Facility } from "../../../shared/api/facilities";
import { FakeApi, FakeWorkbook, json } from "../support/fakes";
import { renderPane } from "../support/render";

const puskesmas = (kode: string, nama: string): Facility => ({
  kode,
  nama,
  jenis: "PUSKESMAS",
  kode_wilayah: kode.slice(1, 5),
  kecamatan: kode.slice(1, 7),
  kategori: "PERKOTAAN",
  rawat_inap: false,
  poned: false,
  aktif: true,
});
const facilities = [puskesmas("P1706020202", "Puskesmas Pondok Suguh"), puskesmas("P1706010101", "Puskesmas Air Dikit")];

const response: CoverageResponse = {
  query: { level: "kecamatan", region: "170601", as_of: "2026-11-01", jenis_tenaga: null },
  standard_set: "PMK75_2014",
  tables: {
    wilayah: {
      label: { id: "Cakupan per wilayah", en: "Coverage by region" },
      columns: [
        { key: "kode", label: { id: "Kode", en: "Code" }, type: "text" },
        { key: "nakes", label: { id: "Jumlah tenaga kesehatan", en: "Health workers" }, type: "integer" },
        { key: "puskesmas_9_jenis_lengkap_pct", label: { id: "Puskesmas 9 jenis lengkap", en: "Puskesmas with all 9" }, type: "share" },
        { key: "kepadatan_10k", label: { id: "Nakes per 10.000 penduduk", en: "Per 10,000" }, type: "number" },
      ],
      rows: [["170601", 80085, 0.5, null]],
    },
    profesi: { label: { id: "p", en: "p" }, columns: [], rows: [] },
    standar: { label: { id: "s", en: "s" }, columns: [], rows: [] },
  },
  figures: { nakes: 80085, puskesmas_9_jenis_lengkap_pct: 0.5, kepadatan_10k: null },
};

describe("Cakupan by name", () => {
  it("names the regencies and kecamatan of the token's scope, regencies first, by name", () => {
    expect(regionChoices(facilities).map((c) => [c.kode, c.label])).toEqual([
      ["1706", "Kabupaten Mukomuko"],
      ["170601", "Kabupaten Mukomuko · Kec. 170601 (Puskesmas Air Dikit)"],
      ["170602", "Kabupaten Mukomuko · Kec. 170602 (Puskesmas Pondok Suguh)"],
    ]);
  });

  it("shows a few headline figures with the API's labels, numbers the one way, shares as percentages", () => {
    expect(headlineFigures(response, "id")).toEqual([
      { key: "nakes", label: "Jumlah tenaga kesehatan", value: "80.085" },
      { key: "puskesmas_9_jenis_lengkap_pct", label: "Puskesmas 9 jenis lengkap", value: "50%" },
    ]);
    expect(headlineFigures(response, "en")[0]!.value).toBe("80,085");
  });

  it("pulls the region picked by name, then shows the headline and a way to the sheet", async () => {
    const api = new FakeApi().on("GET /v1/facilities", json(200, { fasyankes: facilities })).on("GET /v1/coverage", json(200, response));
    const workbook = new FakeWorkbook();
    renderPane({ api, workbook, connected: true });
    fireEvent.click(screen.getByRole("tab", { name: "Cakupan" }));
    const picker = (await screen.findByLabelText("Pilih wilayah")) as HTMLSelectElement;
    await within(picker).findByText("Kabupaten Mukomuko · Kec. 170601 (Puskesmas Air Dikit)");
    fireEvent.change(picker, { target: { value: "170601" } });
    fireEvent.click(screen.getByRole("button", { name: "Tarik cakupan" }));

    const headline = await screen.findByTestId("headline");
    expect(headline.textContent).toBe("Jumlah tenaga kesehatan80.085Puskesmas 9 jenis lengkap50%");
    expect(api.sent("GET /v1/coverage")[0]!.url.searchParams.get("region")).toBe("170601");
    fireEvent.click(screen.getByRole("button", { name: "Buka lembar Cakupan" }));
    await expect.poll(() => workbook.selectedCells).toEqual([{ sheetName: "Cakupan", address: "A1" }]);
  });
});
