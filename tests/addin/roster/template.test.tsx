import { fireEvent, screen } from "@testing-library/react";
import { describe, expect, it } from "vitest";
import { REFERENCE_KEY } from "../../../addin/api/reference-cache";
import { referenceData } from "../../../shared/reference";
import { FakeApi, FakeWorkbook, json, MemoryStorage } from "../support/fakes";
import { renderPane } from "../support/render";

describe("Sisipkan template", () => {
  it("inserts the template from the built-in reference when offline and says which sheets it made", async () => {
    const workbook = new FakeWorkbook();
    renderPane({ workbook });
    fireEvent.click(screen.getByRole("button", { name: "Sisipkan template" }));
    expect(await screen.findByText("Lembar Nakes dan Pelatihan dibuat dan siap diisi.")).toBeTruthy();
    expect(workbook.templateReference).toEqual(referenceData);
  });

  it("feeds the dropdowns from the server's reference when connected, and keeps it for later", async () => {
    const served = { ...referenceData, jenis_tenaga: referenceData.jenis_tenaga.slice(0, 3) };
    const api = new FakeApi().on("GET /v1/reference", json(200, served));
    const storage = new MemoryStorage();
    const workbook = new FakeWorkbook();
    workbook.template = { created: ["Pelatihan"], kept: ["Nakes"] };
    renderPane({ workbook, api, storage, connected: true });
    fireEvent.click(screen.getByRole("button", { name: "Sisipkan template" }));
    expect(await screen.findByText(/Lembar Pelatihan dibuat dan siap diisi\. Sudah ada dan tidak diubah \(hanya pilihan isian diperbarui\): Nakes\./)).toBeTruthy();
    expect(workbook.templateReference?.jenis_tenaga).toHaveLength(3);
    expect(JSON.parse(storage.getItem(REFERENCE_KEY)!).data.jenis_tenaga).toHaveLength(3);
  });
});
