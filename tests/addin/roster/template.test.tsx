import { fireEvent, screen } from "@testing-library/react";
import { beforeAll, describe, expect, it } from "vitest";
import { REFERENCE_KEY } from "../../../addin/api/reference-cache";
import { referenceData } from "../../../shared/reference";
import { FakeApi, FakeWorkbook, json, MemoryStorage } from "../support/fakes";
import { renderPane } from "../support/render";
import { LOAD_TIMEOUT_MS, loadPaneCode } from "./pane-code";

describe("Sisipkan template", () => {
  beforeAll(loadPaneCode, LOAD_TIMEOUT_MS);

  it("inserts the template from the built-in reference when offline and says which sheets it made", async () => {
    const workbook = new FakeWorkbook();
    renderPane({ workbook });
    fireEvent.click(screen.getByRole("button", { name: "Sisipkan template" }));
    expect(await screen.findByText("Lembar Nakes dan Pelatihan dibuat dan siap diisi.")).toBeTruthy();
    expect(workbook.templateReference).toEqual(referenceData);
    expect(workbook.offered).toBeNull();
  });

  it("feeds the dropdowns from the server's reference when connected, and keeps it for later", async () => {
    const served = { ...referenceData, jenis_tenaga: referenceData.jenis_tenaga.slice(0, 3) };
    const api = new FakeApi()
      .on("GET /v1/reference", json(200, served))
      .on("GET /v1/facilities", json(200, { fasyankes: [{ kode: "P1706010101", nama: "Puskesmas Air Dikit", jenis: "PUSKESMAS", kode_wilayah: "1706", kecamatan: "170601", kategori: "PERKOTAAN", rawat_inap: false, poned: false, aktif: true }] }));
    const storage = new MemoryStorage();
    const workbook = new FakeWorkbook();
    workbook.template = { created: ["Pelatihan"], kept: ["Nakes"] };
    renderPane({ workbook, api, storage, connected: true });
    fireEvent.click(screen.getByRole("button", { name: "Sisipkan template" }));
    expect(await screen.findByText(/Lembar Pelatihan dibuat dan siap diisi\. Sudah ada dan tidak diubah \(hanya pilihan isian diperbarui\): Nakes\./)).toBeTruthy();
    expect(workbook.templateReference?.jenis_tenaga).toHaveLength(3);
    // The kode_fasyankes dropdown offers the token's facilities, after the template is in place.
    expect(workbook.offered).toEqual(["P1706010101"]);
    expect(workbook.calls).toEqual(["insertTemplate", "offerFacilities"]);
    expect(JSON.parse(storage.getItem(REFERENCE_KEY)!).data.jenis_tenaga).toHaveLength(3);
  });
});
