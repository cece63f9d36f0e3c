import { fireEvent, screen, waitFor, within } from "@testing-library/react";
import { beforeAll, describe, expect, it } from "vitest";
import type { UploadResponse, ValidateResponse } from "../../../shared/api/rosters";
import type { Issue } from "../../../shared/schema/issue";
import { apiError, FakeApi, FakeWorkbook, json, nakesRow, rosterOf } from "../support/fakes";
import { renderPane } from "../support/render";
import { LOAD_TIMEOUT_MS, loadPaneCode } from "./pane-code";

const diff = [
  { kode_fasyankes: "P1706010101", added: 3, removed: 1, changed: 2, unchanged: 10 },
  { kode_fasyankes: "P1706020202", added: 0, removed: 4, changed: 0, unchanged: 7 },
];
const clean: ValidateResponse = { ok: true, counts: { error: 0, warning: 1, info: 0 }, issues: [], diff, base: "base-A" };
const stored: UploadResponse = {
  upload_id: "upl_42",
  stored: { nakes: 22, pelatihan: 5 },
  counts: { error: 0, warning: 1, info: 0 },
  issues: [],
  diff,
};

function twoRowWorkbook() {
  const workbook = new FakeWorkbook();
  workbook.roster = rosterOf([nakesRow(), nakesRow({ NIK: "1706015203900002" })]);
  return workbook;
}

/** Ticks the removal statement (the diff removes people) and presses Kirim sekarang. */
function confirmSend(dialog: HTMLElement) {
  fireEvent.click(within(dialog).getByRole("checkbox"));
  fireEvent.click(within(dialog).getByRole("button", { name: "Kirim sekarang" }));
}

async function openConfirm() {
  fireEvent.click(screen.getByRole("button", { name: "Kirim" }));
  return screen.findByRole("alertdialog");
}

describe("Kirim", () => {
  beforeAll(loadPaneCode, LOAD_TIMEOUT_MS);

  it("asks for confirmation showing the dry run's changes per facility", async () => {
    const api = new FakeApi().on("POST /v1/rosters/validate", json(200, clean));
    renderPane({ workbook: twoRowWorkbook(), api, connected: true });

    const dialog = await openConfirm();
    expect(within(dialog).getByText("Kirim roster ke server?")).toBeTruthy();
    const rows = within(dialog).getAllByRole("row").map((r) => r.textContent);
    expect(rows).toEqual([
      "FasyankesBaruKeluarBerubahTetap",
      "P170601010131210",
      "P17060202020407",
      "Jumlah (2)35217",
    ]);
    expect(within(dialog).getByText("1 peringatan ikut disimpan bersama roster.")).toBeTruthy();

    fireEvent.click(within(dialog).getByRole("button", { name: "Batal" }));
    await waitFor(() => expect(screen.queryByRole("alertdialog")).toBeNull());
    expect(api.sent("POST /v1/rosters")).toHaveLength(0);
  });

  it("pushes with If-Match and an Idempotency-Key after confirmation, then shows the upload id and counts", async () => {
    const api = new FakeApi().on("POST /v1/rosters/validate", json(200, clean)).on("POST /v1/rosters", json(201, stored));
    renderPane({ workbook: twoRowWorkbook(), api, connected: true });

    const dialog = await openConfirm();
    confirmSend(dialog);
    expect(await screen.findByText("Roster terkirim")).toBeTruthy();
    expect(screen.getByText(/ID unggahan upl_42\. Tersimpan 22 baris nakes dan 5 baris pelatihan\./)).toBeTruthy();

    const [push] = api.sent("POST /v1/rosters");
    expect(push!.headers["if-match"]).toBe("base-A");
    expect(push!.headers["idempotency-key"]).toMatch(/^[0-9a-f-]{36}$/);
    expect(push!.body).toEqual(api.sent("POST /v1/rosters/validate")[0]!.body);
  });

  it("tells the custom functions to drop their cached figures once a roster is stored, and not before", async () => {
    const api = new FakeApi().on("POST /v1/rosters/validate", json(200, clean)).on("POST /v1/rosters", json(201, stored));
    let stores = 0;
    renderPane({ workbook: twoRowWorkbook(), api, connected: true, onRosterStored: () => stores++ });

    const dialog = await openConfirm();
    expect(stores).toBe(0);
    confirmSend(dialog);
    expect(await screen.findByText("Roster terkirim")).toBeTruthy();
    expect(stores).toBe(1);
  });

  it("rides out a dropped connection: retries with the same key and says it is retrying", async () => {
    let release!: () => void;
    const held = new Promise<void>((r) => (release = r));
    const api = new FakeApi()
      .on("POST /v1/rosters/validate", json(200, clean))
      .on("POST /v1/rosters", new TypeError("Failed to fetch"), async () => {
        await held;
        return json(201, stored);
      });
    renderPane({ workbook: twoRowWorkbook(), api, connected: true });

    const dialog = await openConfirm();
    confirmSend(dialog);
    expect(await screen.findByText(/Koneksi terputus, mencoba lagi \(2 dari 5\)/)).toBeTruthy();
    expect(screen.getByRole("progressbar")).toBeTruthy();
    release();
    expect(await screen.findByText("Roster terkirim")).toBeTruthy();
    const keys = api.sent("POST /v1/rosters").map((r) => r.headers["idempotency-key"]);
    expect(keys).toHaveLength(2);
    expect(keys[0]).toBe(keys[1]);
  });

  it("offers to send again after the retries run out, with the same key", async () => {
    const api = new FakeApi()
      .on("POST /v1/rosters/validate", json(200, clean))
      .on(
        "POST /v1/rosters",
        ...Array.from({ length: 5 }, () => new TypeError("Failed to fetch")),
        json(201, stored),
      );
    renderPane({ workbook: twoRowWorkbook(), api, connected: true });

    confirmSend(await openConfirm());
    expect(await screen.findByText("Pengiriman belum berhasil")).toBeTruthy();
    fireEvent.click(screen.getByRole("button", { name: "Kirim lagi" }));
    expect(await screen.findByText("Roster terkirim")).toBeTruthy();
    const keys = new Set(api.sent("POST /v1/rosters").map((r) => r.headers["idempotency-key"]));
    expect(api.sent("POST /v1/rosters")).toHaveLength(6);
    expect(keys.size).toBe(1);
  });

  it("explains a 412 in plain words and re-validates on request", async () => {
    const api = new FakeApi()
      .on("POST /v1/rosters/validate", json(200, clean))
      .on("POST /v1/rosters", apiError(412, "precondition_failed", "base berubah"));
    renderPane({ workbook: twoRowWorkbook(), api, connected: true });

    confirmSend(await openConfirm());
    expect(await screen.findByText("Roster berubah sejak Anda memvalidasi")).toBeTruthy();
    expect(screen.getByText(/Ada unggahan lain untuk fasyankes yang sama yang masuk setelah validasi Anda/)).toBeTruthy();
    expect(api.sent("POST /v1/rosters")).toHaveLength(1);

    fireEvent.click(screen.getByRole("button", { name: "Validasi ulang" }));
    await waitFor(() => expect(api.sent("POST /v1/rosters/validate")).toHaveLength(2));
  });

  it("shows the issues of a 422 on the list and the sheet, with nothing stored", async () => {
    const unknownFacility: Issue = {
      severity: "error",
      code: "kode_fasyankes.unknown",
      table: "nakes",
      row: 1,
      column: "kode_fasyankes",
      message: "Kode fasyankes P1706010101 tidak ada di daftar fasyankes",
    };
    const workbook = twoRowWorkbook();
    const api = new FakeApi()
      .on("POST /v1/rosters/validate", json(200, clean))
      .on("POST /v1/rosters", apiError(422, "validation_failed", "Roster berisi kesalahan", [unknownFacility]));
    renderPane({ workbook, api, connected: true });

    confirmSend(await openConfirm());
    expect(await screen.findByText("Server menolak roster")).toBeTruthy();
    expect(screen.getByText(unknownFacility.message)).toBeTruthy();
    await waitFor(() => expect(workbook.marked.map((c) => c.address)).toEqual(["H3"]));
  });

  it("refuses to push while the dry run finds errors", async () => {
    const broken: Issue = { severity: "error", code: "required", table: "nakes", row: 0, column: "nama", message: "Nama Lengkap wajib diisi" };
    const api = new FakeApi().on(
      "POST /v1/rosters/validate",
      json(200, { ok: false, counts: { error: 1, warning: 0, info: 0 }, issues: [broken], diff, base: "b" }),
    );
    renderPane({ workbook: twoRowWorkbook(), api, connected: true });
    fireEvent.click(screen.getByRole("button", { name: "Kirim" }));
    expect(await screen.findByText("Masih ada 1 kesalahan. Perbaiki dulu sebelum mengirim.")).toBeTruthy();
    expect(screen.queryByRole("alertdialog")).toBeNull();
    expect(api.sent("POST /v1/rosters")).toHaveLength(0);
  });

  it("asks for the API settings before anything is sent", async () => {
    const workbook = twoRowWorkbook();
    renderPane({ workbook });
    fireEvent.click(screen.getByRole("button", { name: "Kirim" }));
    expect(await screen.findByText("Untuk mengirim, isi alamat server dan token di Pengaturan.")).toBeTruthy();
    expect(workbook.calls).toEqual([]);
  });
});
