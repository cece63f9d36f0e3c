/**
 * A puskesmas's own Nakes sheet (issue 11, "From the pane"), validated in the built task pane in
 * Chromium with office.js answered by the fake Excel host: a title, a two-row header, the
 * column-number row, a facility code written once for a block, a JUMLAH row, a Ket column and the
 * signature block. The pane checks it locally (no server needed for this): exactly the sheet's real
 * findings are marked, nothing on the rows that are no people, Hasil Validasi shows dates as dates;
 * after *Sisipkan template* the officer's own sheet is still the one read.
 */
import { describe, expect, test } from "vitest";
import { snap, type Workbook } from "../support/browser";
import { button, idle, paneSession, press, tab } from "../support/pane-session";
import { id as t } from "../../addin/i18n/id";
import { excelStrings, SHEETS } from "../../addin/excel/strings";
import { OFFICE_SHEET_AS_OF, OFFICE_SHEET_ERRORS, OFFICE_SHEET_NAME, officeSheet, PERSON_ROWS } from "../addin/excel/office-sheet";

/** The pane's "today": the sheet's roster date, in the morning in WIB. */
const TODAY = new Date(`${OFFICE_SHEET_AS_OF}T09:00:00+07:00`);

const rowOf = (address: string) => Number(/\d+$/.exec(address)![0]);

/** The cells of the officer's sheet that show a mark, and the Hasil Validasi rows (cell, code, message). */
async function outcome(wb: Workbook) {
  const marked = Object.keys(await wb.filledCells(OFFICE_SHEET_NAME));
  const results = (await wb.sheetValues(SHEETS.results)).slice(1);
  const findings = results.map((r) => ({ cell: String(r[0]), value: r[4], severity: String(r[5]), code: String(r[6]), message: String(r[7]) }));
  return { marked, findings };
}

describe("an office's own sheet in the pane", () => {
  const session = paneSession({
    paneOptions: () => ({ now: TODAY }),
    prepare: (s) => s.wb.setValues(OFFICE_SHEET_NAME, "A1", officeSheet),
  });
  const { ready } = session;

  test("Validasi finds exactly the sheet's real mistakes, marks only people's cells and lists dates as dates", async () => {
    ready();
    const page = session.officer.page;
    await tab(page, t.tabs.roster).click();
    await press(page, button(page, t.roster.validate));
    await expect.poll(() => page.getByTestId("counts").innerText()).toContain(`${OFFICE_SHEET_ERRORS.length} ${t.roster.counts.error}`);
    await snap(page, "lembar-kantor-validasi");

    const { marked, findings } = await outcome(session.wb);
    const errors = findings.filter((f) => f.severity === excelStrings("id").severity.error);
    expect(errors.map((f) => `${f.cell} ${f.code}`).sort()).toEqual(OFFICE_SHEET_ERRORS.map((e) => `${OFFICE_SHEET_NAME}!${e.address} ${e.code}`).sort());
    for (const e of OFFICE_SHEET_ERRORS.filter((x) => x.merged)) {
      expect(errors.find((f) => f.cell.endsWith(`!${e.address}`))!.message).toMatch(/tergabung/);
    }
    // The header rows, the column numbers, JUMLAH and the signature block: no finding but the skipped-rows note, and no mark.
    expect(findings.filter((f) => f.cell && f.code !== "row.skipped" && !PERSON_ROWS.includes(rowOf(f.cell)))).toEqual([]);
    expect(findings.some((f) => f.code === "row.skipped")).toBe(true);
    expect(marked.filter((a) => !PERSON_ROWS.includes(rowOf(a)))).toEqual([]);
    expect(marked).toEqual(expect.arrayContaining(OFFICE_SHEET_ERRORS.map((e) => e.address)));
    // The SIP that ended on 30 September 2026, as a date (its serial is 46295).
    const sip = findings.findIndex((f) => f.code === "sip.expired");
    const shown = await session.officer.page.evaluate(
      (row) => (window as unknown as { __fakeExcel: { workbook: { cellAt(s: string, a: string): { text: string } } } }).__fakeExcel.workbook.cellAt("Hasil Validasi", `E${row}`).text,
      sip + 2,
    );
    expect(shown).toBe("30/09/2026");
  });

  test("after Sisipkan template, Validasi still reads her filled sheet, not the empty template table", async () => {
    ready();
    const page = session.officer.page;
    await press(page, button(page, t.roster.insertTemplate));
    expect(await session.wb.tables()).toEqual(expect.arrayContaining([expect.objectContaining({ name: "Nakes" })]));
    await press(page, button(page, t.roster.validate));
    await expect.poll(() => page.getByTestId("counts").innerText()).toContain(`${OFFICE_SHEET_ERRORS.length} ${t.roster.counts.error}`);
    await snap(page, "lembar-kantor-setelah-template");
    const { marked } = await outcome(session.wb);
    expect(marked).toEqual(expect.arrayContaining(OFFICE_SHEET_ERRORS.map((e) => e.address)));
    expect(session.officer.errors).toEqual([]);
  });
});
