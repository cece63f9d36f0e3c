import { fireEvent, screen, waitFor, within } from "@testing-library/react";
import { describe, expect, it } from "vitest";
import type { ActionListSheet, PlacementSheet } from "../../../addin/excel/tindak-lanjut";
import type { ProgressFn } from "../../../addin/excel/types";
import { apiError, FakeApi, FakeWorkbook, json } from "../support/fakes";
import { renderPane } from "../support/render";
import type { CoverageResponse } from "../../../shared/api/coverage";
import { facilities, plan, sipList } from "./fixtures";

/** A facility of another province, which GET /v1/facilities lists too (it is the whole master). */
const lebak = { ...facilities[0]!, kode: "P3602010101", nama: "Puskesmas Malingping", kode_wilayah: "3602", kecamatan: "360201" };

/** The pane's workbook with the follow-up writers, recording what they were given. */
class FollowUpWorkbook extends FakeWorkbook {
  lists: ActionListSheet[] = [];
  plans: PlacementSheet[] = [];
  async writeActionList(sheet: ActionListSheet, onProgress: ProgressFn) {
    this.calls.push("writeActionList");
    this.lists.push(sheet);
    onProgress(sheet.rows.length, sheet.rows.length, "");
    return { sheetName: sheet.sheetName, rows: sheet.rows.length };
  }
  async writePlacementPlan(sheet: PlacementSheet) {
    this.calls.push("writePlacementPlan");
    this.plans.push(sheet);
    return { sheetName: sheet.sheetName, rows: sheet.rows.length };
  }
}

/** GET /v1/coverage without a region: the API answers for the token's scope and names it in `query.region`. */
const coverageOfScope = (region: string | null): CoverageResponse => {
  const empty = { label: { id: "", en: "" }, columns: [], rows: [] };
  return {
    query: { level: "kecamatan", region, as_of: "2026-11-01", jenis_tenaga: null },
    standard_set: "PMK75_2014",
    tables: { wilayah: empty, profesi: empty, standar: empty },
    figures: {},
  };
};

async function openTab(api: FakeApi, workbook = new FollowUpWorkbook(), lang?: "id" | "en", scope: string | null = "1706") {
  api.on("GET /v1/facilities", json(200, { fasyankes: [...facilities, lebak] }));
  api.on("GET /v1/coverage", json(200, coverageOfScope(scope)));
  renderPane({ api, workbook, connected: true, lang });
  fireEvent.click(screen.getByRole("tab", { name: lang === "en" ? "Follow-up" : "Tindak lanjut" }));
  // The regions arrive with GET /v1/facilities, narrowed once the scope is known (GET /v1/coverage).
  await screen.findAllByRole("option", { name: "Puskesmas Lubuk Pinang (P1706010101)" }, { timeout: 15_000 });
  await waitFor(() => expect(screen.queryAllByRole("option", { name: /Malingping/ })).toEqual([]));
  return workbook;
}

const select = (label: string, value: string) => fireEvent.change(screen.getByLabelText(label), { target: { value } });

describe("Tindak lanjut tab", () => {
  it("offers the scope's regencies, kecamatan and facilities by name", async () => {
    await openTab(new FakeApi());
    const region = screen.getByLabelText("Wilayah");
    const options = within(region).getAllByRole("option").map((o) => [(o as HTMLOptionElement).value, o.textContent]);
    expect(options).toEqual([
      ["", "Seluruh wilayah token"],
      ["1706", "Kabupaten Mukomuko"],
      ["170601", "Kecamatan 170601 (Puskesmas Lubuk Pinang)"],
      ["170602", "Kecamatan 170602 (Puskesmas Ipuh)"],
      ["P1706020101", "Puskesmas Ipuh (P1706020101)"],
      ["P1706010101", "Puskesmas Lubuk Pinang (P1706010101)"],
      ["1706011", "RSUD Mukomuko (1706011)"],
    ]);
  });

  it("offers only what lies in a kecamatan-scoped token's scope", async () => {
    await openTab(new FakeApi(), new FollowUpWorkbook(), "id", "170601");
    await waitFor(() => expect(screen.queryAllByRole("option", { name: "Puskesmas Ipuh (P1706020101)" })).toEqual([]));
    const region = screen.getByLabelText("Wilayah");
    expect(within(region).getAllByRole("option").map((o) => (o as HTMLOptionElement).value)).toEqual(["", "1706", "170601", "P1706010101", "1706011"]);
  });

  it("pulls the chosen list for the region chosen by name and writes it to the list's own sheet", async () => {
    const api = new FakeApi().on("GET /v1/tindak-lanjut", json(200, sipList));
    const workbook = await openTab(api);
    select("Daftar", "sip");
    select("Wilayah", "1706");
    fireEvent.change(screen.getByLabelText("Per tanggal"), { target: { value: "2026-11-01" } });
    fireEvent.click(screen.getByRole("button", { name: "Tarik daftar" }));

    expect(await screen.findByText("3 baris ditulis ke lembar Tindak lanjut SIP.")).toBeTruthy();
    const [sent] = api.sent("GET /v1/tindak-lanjut");
    expect(Object.fromEntries(sent!.url.searchParams)).toEqual({ list: "sip", region: "1706", as_of: "2026-11-01" });
    expect(workbook.calls).toEqual(["writeActionList"]);
    const [sheet] = workbook.lists;
    expect(sheet).toMatchObject({
      sheetName: "Tindak lanjut SIP",
      tableName: "TindakLanjut_SIP",
      title: "SIP berakhir atau segera berakhir — Kabupaten Mukomuko, per 2026-11-01",
      urgency: { column: "batas", asOf: "2026-11-01", soonDays: 30 },
    });
    expect(sheet!.rows[0]).toEqual([
      "P1706010101", "Puskesmas Lubuk Pinang", "1706015203900002", "Rina", "BIDAN", "Perpanjang SIP", "2026-10-01", "SIP-98765", "2026-10-01", -31, "Sudah berakhir",
    ]);
  });

  it("asks for the token's whole scope when no region is chosen, and says so when nobody needs action", async () => {
    const api = new FakeApi().on("GET /v1/tindak-lanjut", json(200, { list: "poned", as_of: "2026-11-01", rows: [] }));
    const workbook = await openTab(api);
    select("Daftar", "poned");
    fireEvent.click(screen.getByRole("button", { name: "Tarik daftar" }));
    expect(await screen.findByText("Tidak ada yang perlu ditindaklanjuti; lembar Tindak lanjut PONED diperbarui.")).toBeTruthy();
    expect(Object.fromEntries(api.sent("GET /v1/tindak-lanjut")[0]!.url.searchParams)).toEqual({ list: "poned" });
    expect(workbook.lists[0]!.title).toBe("Tim PONED belum terlatih — Seluruh wilayah token, per 2026-11-01");
  });

  it("tells an analyst why the list is refused, in the server's words, and writes nothing", async () => {
    const refusal = "Daftar tindak lanjut memuat nama orang: hanya untuk uploader atau admin.";
    const api = new FakeApi().on("GET /v1/tindak-lanjut", apiError(403, "forbidden", refusal));
    const workbook = await openTab(api);
    fireEvent.click(screen.getByRole("button", { name: "Tarik daftar" }));
    expect(await screen.findByText("Token ini tidak berhak melakukan tindakan ini atau untuk wilayah ini.")).toBeTruthy();
    expect(screen.getByText(new RegExp(refusal.slice(0, 30)))).toBeTruthy();
    expect(workbook.lists).toEqual([]);
  });

  it("makes a placement plan for a profession chosen by label and writes it with its chart", async () => {
    const api = new FakeApi().on("POST /v1/penempatan", json(200, plan));
    const workbook = await openTab(api);
    select("Wilayah penempatan", "1706");
    select("Jenis tenaga", "DOKTER");
    fireEvent.change(screen.getByLabelText("Jumlah orang"), { target: { value: "3" } });
    fireEvent.click(screen.getByRole("button", { name: "Buat rencana" }));

    expect(await screen.findByText("Rencana untuk 2 puskesmas ditulis ke lembar Rencana penempatan.")).toBeTruthy();
    expect(api.sent("POST /v1/penempatan")[0]!.body).toEqual({ region: "1706", jenis_tenaga: "DOKTER", jumlah: 3 });
    const [sheet] = workbook.plans;
    expect(sheet!.title).toBe(
      "Rencana penempatan 3 Dokter di Kabupaten Mukomuko, per 2026-11-01 (masa tugas yang berakhir s.d. 2027-11-01 dihitung pergi)",
    );
    expect(sheet!.chart).toEqual({ title: "Kekurangan Dokter per puskesmas: sebelum dan sesudah penempatan", category: "nama_fasyankes", before: "sebelum", after: "sesudah" });
    expect(sheet!.indicators.rows[1]).toEqual(["Puskesmas tanpa dokter", 1, 0]);
  });

  it("offers only regencies and kecamatan for a plan, and sends no plan for a number out of bounds", async () => {
    const api = new FakeApi();
    await openTab(api);
    const planRegion = screen.getByLabelText("Wilayah penempatan");
    expect(within(planRegion).getAllByRole("option").map((o) => (o as HTMLOptionElement).value)).toEqual(["1706", "170601", "170602"]);
    for (const bad of ["0", "2.5", "10001", ""]) {
      fireEvent.change(screen.getByLabelText("Jumlah orang"), { target: { value: bad } });
      expect(screen.getByText("Jumlah harus bilangan bulat 1 sampai 10.000.")).toBeTruthy();
      expect((screen.getByRole("button", { name: "Buat rencana" }) as HTMLButtonElement).disabled).toBe(true);
    }
    expect(api.sent("POST /v1/penempatan")).toEqual([]);
  });

  it("speaks English with an English Office", async () => {
    const api = new FakeApi().on("GET /v1/tindak-lanjut", json(200, sipList));
    const workbook = await openTab(api, new FollowUpWorkbook(), "en");
    fireEvent.click(screen.getByRole("button", { name: "Pull list" }));
    expect(await screen.findByText("3 rows written to sheet Tindak lanjut SIP.")).toBeTruthy();
    expect(workbook.lists[0]!.columns.map((c) => c.label).slice(-2)).toEqual(["Days left", "State"]);
    expect(workbook.lists[0]!.rows[0]!.at(-1)).toBe("Ended");
  });
});
