import { fireEvent, screen, waitFor, within } from "@testing-library/react";
import { beforeAll, describe, expect, it } from "vitest";
import type { ValidateResponse } from "../../../shared/api/rosters";
import type { Issue } from "../../../shared/schema/issue";
import { deferred, FakeApi, FakeWorkbook, json, nakesRow, rosterOf } from "../support/fakes";
import { renderPane } from "../support/render";
import { LOAD_TIMEOUT_MS, loadPaneCode } from "./pane-code";

const sipExpired: Issue = {
  severity: "error",
  code: "sip.expired",
  table: "nakes",
  row: 1,
  column: "sip_berlaku_sampai",
  value: "2026-09-30",
  message: "SIP sudah tidak berlaku sejak 30 September 2026",
};
const normalized: Issue = {
  severity: "info",
  code: "jenis_tenaga.normalized",
  table: "nakes",
  row: 0,
  column: "jenis_tenaga",
  value: "Bidan Desa",
  message: "Jenis tenaga 'Bidan Desa' dibaca sebagai BIDAN",
};

function dryRun(issues: Issue[], extra: Partial<ValidateResponse> = {}): ValidateResponse {
  const counts = { error: 0, warning: 0, info: 0 };
  for (const i of issues) counts[i.severity]++;
  return {
    ok: counts.error === 0,
    counts,
    issues,
    diff: [{ kode_fasyankes: "P1706010101", added: 2, removed: 0, changed: 0, unchanged: 0 }],
    base: "base-1",
    ...extra,
  };
}

const list = () => screen.findByRole("region", { name: "Hasil validasi" });

describe("Validasi", () => {
  beforeAll(loadPaneCode, LOAD_TIMEOUT_MS);

  it("shows a progress bar with the phase while the roster is read, and frees the buttons after", async () => {
    const workbook = new FakeWorkbook();
    workbook.roster = rosterOf([nakesRow(), nakesRow({ NIK: "1706015203900002" }), nakesRow({ NIK: "1706015203900003" })]);
    workbook.gate = deferred();
    renderPane({ workbook });

    fireEvent.click(screen.getByRole("button", { name: "Validasi" }));
    const bar = await screen.findByRole("progressbar");
    expect(bar).toBeTruthy();
    expect(screen.getByText(/Membaca roster… 1 dari 3/)).toBeTruthy();
    expect((screen.getByRole("button", { name: "Kirim" }) as HTMLButtonElement).disabled).toBe(true);

    workbook.gate.resolve();
    await waitFor(() => expect(screen.queryByRole("progressbar")).toBeNull());
    expect((screen.getByRole("button", { name: "Kirim" }) as HTMLButtonElement).disabled).toBe(false);
  });

  it("checks locally without a server: lists the bad NIK by cell, marks it and writes Hasil Validasi", async () => {
    const workbook = new FakeWorkbook();
    workbook.roster = rosterOf([nakesRow(), nakesRow({ NIK: "12345" })]);
    renderPane({ workbook });

    fireEvent.click(screen.getByRole("button", { name: "Validasi" }));
    const [entry] = await screen.findAllByText((_, el) => el?.tagName === "SPAN" && el.textContent === "Nakes!A3 · NIK");
    expect(screen.getByText("Pemeriksaan lokal")).toBeTruthy();
    expect(screen.getByText(/Isi alamat server dan token di Pengaturan/)).toBeTruthy();
    expect(within(screen.getByTestId("counts")).getByText(/^[1-9]\d* Kesalahan$/)).toBeTruthy();

    expect(workbook.calls.slice(0, 3)).toEqual(["readRoster", "markIssues", "writeResults"]);
    const nikMark = workbook.marked.find((c) => c.address === "A3");
    expect(nikMark?.issue).toMatchObject({ severity: "error", table: "nakes", row: 1, column: "nik" });
    expect(workbook.results?.issues).toContainEqual(nikMark!.issue);

    fireEvent.click(entry!.closest("button")!);
    await waitFor(() => expect(workbook.selectedCells).toEqual([{ sheetName: "Nakes", address: "A3" }]));
  });

  it("sends canonical columns to the server and shows its issues and diff as the final word", async () => {
    const api = new FakeApi().on("POST /v1/rosters/validate", json(200, dryRun([normalized, sipExpired])));
    const workbook = new FakeWorkbook();
    workbook.roster = rosterOf([nakesRow(), nakesRow({ NIK: "1706015203900002", "Masa Berlaku SIP": "2026-09-30" })]);
    renderPane({ workbook, api, connected: true });

    fireEvent.click(screen.getByRole("button", { name: "Validasi" }));
    expect(await screen.findByText("SIP sudah tidak berlaku sejak 30 September 2026")).toBeTruthy();
    expect(await screen.findByText("Diperiksa server")).toBeTruthy();
    expect(await screen.findByText("Nakes!K3 · Masa Berlaku SIP")).toBeTruthy();
    expect(within(screen.getByTestId("counts")).getByText("1 Kesalahan")).toBeTruthy();
    expect(within(screen.getByTestId("counts")).getByText("1 Info")).toBeTruthy();
    expect(screen.getByRole("table", { name: "Perubahan per fasyankes" }).textContent).toContain("P1706010101");

    const [sent] = api.sent("POST /v1/rosters/validate");
    expect((sent!.body as { nakes: { columns: string[] } }).nakes.columns).toEqual([
      "nik",
      "nip",
      "nama",
      "jenis_kelamin",
      "tanggal_lahir",
      "jenis_tenaga",
      "status_kepegawaian",
      "kode_fasyankes",
      "no_str",
      "no_sip",
      "sip_berlaku_sampai",
    ]);
    // The server's findings are what the sheet shows.
    await waitFor(() => expect(workbook.marked.map((c) => c.address).sort()).toEqual(["F2", "K3"]));
  });

  it("keeps the local result and says so when the server cannot be reached", async () => {
    const api = new FakeApi().on("POST /v1/rosters/validate", new TypeError("Failed to fetch"));
    renderPane({ api, connected: true });
    fireEvent.click(screen.getByRole("button", { name: "Validasi" }));
    expect(await screen.findByText("Server tidak dapat dihubungi")).toBeTruthy();
    expect(screen.getByText("Pemeriksaan lokal")).toBeTruthy();
  });

  it("shows a refused token as a plain message, not a crash", async () => {
    const api = new FakeApi().on(
      "POST /v1/rosters/validate",
      json(401, { error: { code: "unauthorized", message: "Token tidak valid", request_id: "req-9" } }),
    );
    renderPane({ api, connected: true });
    fireEvent.click(screen.getByRole("button", { name: "Validasi" }));
    expect(await screen.findByText(/Token tidak dikenal atau sudah dicabut/)).toBeTruthy();
    expect(screen.getByText(/Kode permintaan: req-9/)).toBeTruthy();
  });

  it("tells the user to insert the template when there is no Nakes table", async () => {
    const workbook = new FakeWorkbook();
    workbook.roster = { nakes: null, pelatihan: null };
    renderPane({ workbook });
    fireEvent.click(screen.getByRole("button", { name: "Validasi" }));
    expect(await screen.findByText(/Lembar roster Nakes tidak ditemukan/)).toBeTruthy();
    expect(workbook.calls).toEqual(["readRoster"]);
  });

  it("shows an Excel failure as a message in the UI language", async () => {
    const workbook = new FakeWorkbook();
    workbook.failRead = new Error("The requested resource doesn't exist.");
    renderPane({ workbook, lang: "en" });
    fireEvent.click(screen.getByRole("button", { name: "Validate" }));
    expect(await screen.findByText("Excel could not carry out this command.")).toBeTruthy();
    expect(screen.getByText("The requested resource doesn't exist.")).toBeTruthy();
  });

  it("shows the messages of a marked cell when the user selects it", async () => {
    const api = new FakeApi().on("POST /v1/rosters/validate", json(200, dryRun([sipExpired])));
    const workbook = new FakeWorkbook();
    workbook.roster = rosterOf([nakesRow(), nakesRow({ NIK: "1706015203900002" })]);
    renderPane({ workbook, api, connected: true });
    fireEvent.click(screen.getByRole("button", { name: "Validasi" }));
    await waitFor(() => expect(workbook.marked.map((c) => c.address)).toEqual(["K3"]));

    workbook.userSelects("Nakes", "K3");
    const note = await screen.findByTestId("selection-note");
    expect(note.textContent).toContain("Sel Nakes!K3");
    expect(note.textContent).toContain("SIP sudah tidak berlaku sejak 30 September 2026");

    workbook.userSelects("Nakes", "B2");
    await waitFor(() => expect(screen.queryByTestId("selection-note")).toBeNull());
    expect(await list()).toBeTruthy();
  });
});
