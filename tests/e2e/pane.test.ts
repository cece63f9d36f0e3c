/**
 * The task pane in Debian's Chromium, over the built pane (dist/addin), with office.js answered by
 * the fake Excel host and the real API (`wrangler dev`, fresh local D1) behind it. One officer's day:
 * connect, insert the template, fill a roster with mistakes, validate, fix, send, pull coverage;
 * then a dropped connection during Kirim, a second officer's upload landing in between, and the
 * pane in English. Every step asserts what the user sees and what D1 holds; screenshots of each
 * step go to test-results/e2e/.
 */
import { describe, expect, test } from "vitest";
import type { Page } from "playwright-core";
import type { CoverageResponse } from "../../shared/api/coverage";
import type { UploadResponse, ValidateResponse } from "../../shared/api/rosters";
import { generateRoster } from "../../fixtures/demo";
import { mukomukoFacilities } from "../../fixtures/demo/facilities";
import { errorSample, SAMPLE_AS_OF } from "../../fixtures/demo/samples";
import type { Cell } from "../../shared/schema/cell";
import type { RosterRequest } from "../../shared/schema/roster";
import { nakesColumns, pelatihanColumns } from "../../shared/table/columns";
import { openPane, snap, workbookOf, type Workbook } from "../support/browser";
import { columnName } from "../support/fake-excel/address";
import { button, idle, paneSession, press, tab } from "../support/pane-session";
import { en } from "../../addin/i18n/en";
import { id as t } from "../../addin/i18n/id";
import { SHEETS } from "../../addin/excel/strings";

/** The pane's "today": the date the demo samples are written for (SIPs expired or not on it). */
const TODAY = new Date(`${SAMPLE_AS_OF}T09:00:00+07:00`);

/**
 * The column each deliberate mistake of the error sample sits in: where the officer must see the
 * mark. Written from the mistakes themselves (fixtures/demo/samples.ts), not from the validator.
 */
const MISTAKE_COLUMN: Record<string, string> = {
  "nik.format": "nik",
  "nik.precision_lost": "nik",
  "nik.duplicate": "nik",
  "sip.expired": "sip_berlaku_sampai",
  "str.required": "no_str",
  "nip.required": "nip",
  "tanggal_lahir.invalid": "tanggal_lahir",
  "jenis_tenaga.unknown": "jenis_tenaga",
  "penugasan.tmt_required": "tmt_penugasan",
  "date.invalid": "sip_berlaku_sampai",
  "jenis_kelamin.invalid": "jenis_kelamin",
  "nama.format": "nama",
  "pelatihan.kode_unknown": "kode_pelatihan",
  "pelatihan.tahun": "tahun",
};

interface Uploads {
  uploads: { id: string; stored: { nakes: number; pelatihan: number }; uploaded_by: { name: string } }[];
}
interface CurrentRoster {
  upload_id: string | null;
  nakes: { columns: string[]; rows: Cell[][] };
  pelatihan: { columns: string[]; rows: Cell[][] };
}

// ---- the sheet as the template laid it out ---------------------------------------------------

interface SheetLayout {
  sheet: string;
  /** 0-based sheet row of the header row. */
  headerRow: number;
  /** canonical key → 0-based sheet column. */
  columnOf: Map<string, number>;
}

const cellAddress = (layout: SheetLayout, dataRow: number, key: string) => {
  const c = layout.columnOf.get(key);
  if (c === undefined) throw new Error(`no column ${key} on ${layout.sheet}`);
  return `${columnName(c)}${layout.headerRow + 2 + dataRow}`;
};

/** Finds the template's header row on a sheet and maps each header back to its key. */
async function layoutOf(wb: Workbook, sheet: string, columns: readonly { key: string; header: string }[]): Promise<SheetLayout> {
  const values = await wb.sheetValues(sheet);
  const headerRow = values.findIndex((row) => row.some((v) => v === columns[0]!.header));
  if (headerRow < 0) throw new Error(`no header row on ${sheet}`);
  const row = values[headerRow]!;
  const columnOf = new Map<string, number>();
  for (const col of columns) {
    const c = row.findIndex((v) => v === col.header);
    if (c >= 0) columnOf.set(col.key, c);
  }
  return { sheet, headerRow, columnOf };
}

/** The officer types a table's rows under the template's headers, each value into its column. */
async function typeRows(wb: Workbook, layout: SheetLayout, table: { columns: string[]; rows: Cell[][] }, fromRow = 0): Promise<void> {
  const width = Math.max(...layout.columnOf.values()) + 1;
  const grid = table.rows.map((row) => {
    const out: Cell[] = Array.from({ length: width }, () => "");
    table.columns.forEach((key, i) => {
      const c = layout.columnOf.get(key);
      if (c === undefined) throw new Error(`the template has no column for ${key}`);
      out[c] = row[i] === null || row[i] === undefined ? "" : row[i]!;
    });
    return out;
  });
  await wb.setValues(layout.sheet, `A${layout.headerRow + 2 + fromRow}`, grid);
}

// ---- the pane ----------------------------------------------------------------------------------

/** The "where" line of every listed issue of one severity group (e.g. "Nakes!B5 · NIK"). */
async function listedIssues(page: Page, group: string): Promise<string[]> {
  const header = page.getByRole("button", { name: new RegExp(`^${group}\\s*\\d`) });
  if ((await header.getAttribute("aria-expanded")) === "false") await header.click();
  const item = header.locator("xpath=ancestor::div[contains(@class, 'fui-AccordionItem')][1]");
  await item.locator("li").first().waitFor();
  return item.locator("li button > span:first-child").allInnerTexts();
}

async function settingsFor(page: Page, apiUrl: string, token: string): Promise<void> {
  await tab(page, t.tabs.settings).click();
  await page.getByLabel(t.settings.apiUrl).fill(apiUrl);
  await page.getByLabel(t.settings.token).fill(token);
  await button(page, t.settings.save).click();
}

/** Rows of committed uploads with a given note: a staged dry run's rows are not stored data. */
const STORED_WITH_NOTE = "SELECT count(*) AS n FROM nakes JOIN uploads u ON u.id = nakes.upload_id WHERE u.committed_at IS NOT NULL AND nakes.keterangan = ?";

describe("the task pane in Chromium against the real API", () => {
  let nakes: SheetLayout;
  let pelatihan: SheetLayout;
  const sample = errorSample();
  /** The roster as the sample wrote it before the mistakes went in: what "fixed" means. */
  const clean = generateRoster({ rows: 30, seed: 36, asOf: SAMPLE_AS_OF, facilities: mukomukoFacilities, messy: false });
  const session = paneSession({ api: true, paneOptions: () => ({ now: TODAY }) });
  const { ready } = session;

  const facilityOfRow = (row: number) => {
    const kode = clean.nakes.rows[row]![clean.nakes.columns.indexOf("kode_fasyankes")];
    return mukomukoFacilities.find((f) => f.kode === kode)!;
  };
  const uploads = async () => (await session.api.request<Uploads>("/v1/uploads", { token: session.api.tokens.admin })).body.uploads;

  test("the officer connects the pane to the API in Pengaturan and the connection test passes", async () => {
    ready();
    const page = session.officer.page;
    // First run: the pane opens on Pengaturan, with a welcome, until a server and token are set.
    expect(await tab(page, t.tabs.settings).getAttribute("aria-selected")).toBe("true");
    await page.getByText(t.settings.firstRunTitle).waitFor();
    await snap(page, "pertama-kali");
    await settingsFor(page, session.api.url, session.api.tokens.uploader);
    await page.getByText(t.settings.saved).waitFor();
    await press(page, button(page, t.settings.test));
    await page.getByText(t.settings.testOkTitle, { exact: true }).waitFor();
    await snap(page, "pengaturan-terhubung");
    expect(await page.evaluate(() => JSON.parse(localStorage.getItem("nakes-roster:settings")!))).toEqual({ apiUrl: session.api.url, token: session.api.tokens.uploader });
  });

  test("Sisipkan template adds the Nakes and Pelatihan sheets with the template's headers", async () => {
    ready();
    const page = session.officer.page;
    await tab(page, t.tabs.roster).click();
    await press(page, button(page, t.roster.insertTemplate));
    await page.getByText(t.roster.templateDone(["Nakes", "Pelatihan"], [])).waitFor();
    await snap(page, "template");
    expect(await session.wb.sheetNames()).toEqual(expect.arrayContaining(["Nakes", "Pelatihan"]));
    nakes = await layoutOf(session.wb, "Nakes", nakesColumns);
    pelatihan = await layoutOf(session.wb, "Pelatihan", pelatihanColumns);
    expect([...nakes.columnOf.keys()].sort()).toEqual(nakesColumns.map((c) => c.key).sort());
    expect([...pelatihan.columnOf.keys()].sort()).toEqual(pelatihanColumns.map((c) => c.key).sort());
  });

  test("Validasi marks exactly the wrong cells of a roster with mistakes, lists each one, and stores nothing", async () => {
    ready();
    const page = session.officer.page;
    await typeRows(session.wb, nakes, sample.request.nakes);
    await typeRows(session.wb, pelatihan, sample.request.pelatihan!);
    // The NIK typed as a number is one pasted from another workbook, with its General format.
    const asNumber = sample.mistakes.find((m) => m.code === "nik.precision_lost")!;
    await session.wb.setNumberFormat("Nakes", cellAddress(nakes, asNumber.row, "nik"), "General");
    await session.wb.setValues("Nakes", cellAddress(nakes, asNumber.row, "nik"), [[sample.request.nakes.rows[asNumber.row]![sample.request.nakes.columns.indexOf("nik")]!]]);

    await press(page, button(page, t.roster.validate));
    await page.getByText(t.roster.serverChecked).waitFor();

    const expected = new Set<string>();
    for (const m of sample.mistakes) {
      const layout = m.table === "nakes" ? nakes : pelatihan;
      const rows = m.code === "nik.duplicate" ? [m.row - 1, m.row] : [m.row];
      for (const r of rows) expected.add(`${layout.sheet}!${cellAddress(layout, r, MISTAKE_COLUMN[m.code]!)}`);
    }
    expect(expected.size).toBe(15);
    expect(new Set(await markedCells(session.wb, [nakes, pelatihan]))).toEqual(expected);

    const listed = await listedIssues(page, t.roster.severity.error);
    expect(new Set(listed.map((w) => w.split(" · ")[0]))).toEqual(expected);
    await expect.poll(() => page.getByTestId("counts").innerText()).toContain(`15 ${t.roster.counts.error}`);
    await snap(page, "validasi-kesalahan");

    // Validasi is a dry run: nothing reached D1.
    expect(await uploads()).toEqual([]);
    expect(session.api.query("SELECT count(*) AS n FROM nakes")).toEqual([{ n: 0 }]);
  });

  test("after the officer fixes the cells, Validasi finds nothing and clears every mark", async () => {
    ready();
    const page = session.officer.page;
    const fixedRows = new Set<number>();
    for (const m of sample.mistakes) if (m.table === "nakes") for (const r of m.code === "nik.duplicate" ? [m.row - 1, m.row] : [m.row]) fixedRows.add(r);
    // As the message says: format the NIK cell as Text, then retype it.
    await session.wb.setNumberFormat("Nakes", cellAddress(nakes, sample.mistakes.find((m) => m.code === "nik.precision_lost")!.row, "nik"), "@");
    for (const r of fixedRows) {
      await typeRows(session.wb, nakes, { columns: clean.nakes.columns, rows: [clean.nakes.rows[r]!] }, r);
    }
    // The two wrong training rows were added at the end: the officer deletes them.
    const extra = sample.request.pelatihan!.rows.length - clean.pelatihan!.rows.length;
    const blank = Array.from({ length: extra }, () => pelatihanColumns.map(() => ""));
    await session.wb.setValues("Pelatihan", `A${pelatihan.headerRow + 2 + clean.pelatihan!.rows.length}`, blank);

    await press(page, button(page, t.roster.validate));
    await page.getByText(t.roster.allClear).waitFor();
    await page.getByText(t.roster.serverChecked).waitFor();
    expect(await markedCells(session.wb, [nakes, pelatihan])).toEqual([]);
    await snap(page, "validasi-bersih");
  });

  test("Kirim stores the roster whole: the API returns every person the sheet holds", async () => {
    ready();
    const page = session.officer.page;
    await press(page, button(page, t.roster.push));
    const dialog = page.getByRole("alertdialog");
    await dialog.waitFor();
    await snap(page, "kirim-konfirmasi");
    await press(page, dialog.getByRole("button", { name: t.push.confirm }));
    await page.getByText(t.push.successTitle).waitFor();
    await snap(page, "kirim-terkirim");
    // After the send the screen no longer invites a second one.
    expect(await page.getByText(t.roster.allClear).count()).toBe(0);

    const list = await uploads();
    expect(list).toHaveLength(1);
    const [upload] = list;
    expect(upload!.stored).toEqual({ nakes: clean.nakes.rows.length, pelatihan: clean.pelatihan!.rows.length });
    await expect.poll(() => page.getByText(upload!.id).count()).toBeGreaterThan(0);
    await expectStoredAsSent(upload!.id, clean);
  });

  test("Tarik cakupan writes the coverage sheets with the API's own numbers", async () => {
    ready();
    const page = session.officer.page;
    const before = new Set(await session.wb.sheetNames());
    await tab(page, t.tabs.coverage).click();
    await page.getByLabel(t.coverage.region).fill("1706");
    await press(page, button(page, t.coverage.pull));
    await page.getByText(t.coverage.done(SHEETS.coverage)).waitFor();
    await snap(page, "cakupan");

    const fromApi = await session.api.request<CoverageResponse>("/v1/coverage?region=1706", { token: session.api.tokens.uploader });
    expect(fromApi.status).toBe(200);
    expect(before.has(SHEETS.coverage)).toBe(false);
    expect(await session.wb.sheetNames()).toContain(SHEETS.coverage);
    // The numbers are those of the roster just sent: its 30 persons are the regency's staff.
    expect(fromApi.body.figures["tenaga"]).toBe(clean.nakes.rows.length);
    for (const key of ["wilayah", "profesi", "standar"] as const) {
      const table = fromApi.body.tables[key];
      const found = await findTable(session.wb, [SHEETS.coverage], table.columns.map((c) => c.label.id));
      expect(table.rows.length, `rows of the ${key} table`).toBeGreaterThan(0);
      expect(found, `the ${key} table on the ${SHEETS.coverage} sheet`).not.toBeNull();
      expect(found!.rows.length).toBe(table.rows.length);
      found!.rows.forEach((row, i) => expectSameRow(row, table.rows[i]!, `${key} row ${i}`));
    }
  });

  test("a connection dropped during Kirim is retried with the same key and the roster is stored once", async () => {
    ready();
    const page = session.officer.page;
    // A newcomer joins the facility of the sheet's first row.
    const newcomer = generateRoster({ rows: 3, seed: 99, asOf: SAMPLE_AS_OF, facilities: [facilityOfRow(0)], messy: false });
    const sent = withRows(clean, [newcomer.nakes.rows[0]!]);
    await tab(page, t.tabs.roster).click();
    await typeRows(session.wb, nakes, { columns: newcomer.nakes.columns, rows: [newcomer.nakes.rows[0]!] }, clean.nakes.rows.length);
    await press(page, button(page, t.roster.validate));
    await page.getByText(t.roster.allClear).waitFor();
    const countBefore = (await uploads()).length;

    // The first send reaches the server and is stored; its answer never reaches the pane. The send is
    // the commit of the upload the dry run staged (or, from a server that does not stage, the full POST).
    let firstAnswer: UploadResponse | null = null;
    const posts: string[] = [];
    const sends = (url: URL) => url.href === `${session.api.url}/v1/rosters` || url.href === `${session.api.url}/v1/rosters/commit`;
    await page.route(sends, async (route) => {
      const req = route.request();
      if (req.method() !== "POST") return route.fallback();
      posts.push((await req.headerValue("idempotency-key")) ?? "");
      if (firstAnswer) return route.fallback();
      const res = await route.fetch();
      firstAnswer = (await res.json()) as UploadResponse;
      return route.abort("connectionreset");
    });
    try {
      await press(page, button(page, t.roster.push));
      await press(page, page.getByRole("alertdialog").getByRole("button", { name: t.push.confirm }));
      await page.getByText(t.push.successTitle).waitFor();
    } finally {
      await page.unroute(sends);
    }
    await snap(page, "kirim-setelah-koneksi-putus");

    expect(posts.length).toBeGreaterThanOrEqual(2);
    expect(new Set(posts).size).toBe(1);
    expect(firstAnswer).not.toBeNull();
    const id = firstAnswer!.upload_id;
    await expect.poll(() => page.getByText(id).count()).toBeGreaterThan(0);
    const list = await uploads();
    expect(list).toHaveLength(countBefore + 1);
    expect(list.filter((u) => u.id === id)).toHaveLength(1);
    // Nothing half-stored: the only uncommitted uploads are staged dry runs (swept after 24 h).
    expect(session.api.query("SELECT count(*) AS n FROM uploads WHERE committed_at IS NULL AND staged_by IS NULL")).toEqual([{ n: 0 }]);
    await expectStoredAsSent(id, sent);
  });

  test("a second officer's upload landing in between gets the first the conflict message, and only the second is stored", async () => {
    ready();
    const page = session.officer.page;
    const row = 3;
    const kode = facilityOfRow(row).kode;
    await session.wb.setValues("Nakes", cellAddress(nakes, row, "keterangan"), [["Cuti melahirkan s.d. Januari"]]);
    await press(page, button(page, t.roster.validate));
    await page.getByText(t.roster.allClear).waitFor();
    await press(page, button(page, t.roster.push));
    const dialog = page.getByRole("alertdialog");
    await dialog.waitFor();

    // Meanwhile a second officer of the regency sends that puskesmas' roster from their own workbook.
    const other = await session.api.createToken("uploader", "1706", "e2e petugas 2");
    const theirs = generateRoster({ rows: 12, seed: 7, asOf: SAMPLE_AS_OF, facilities: [facilityOfRow(row)], messy: false });
    const landed = await session.api.request<UploadResponse>("/v1/rosters", { token: other, body: theirs, headers: { "Idempotency-Key": crypto.randomUUID() } });
    expect(landed.status).toBe(201);
    const countBefore = (await uploads()).length;

    await press(page, dialog.getByRole("button", { name: t.push.confirm }));
    await page.getByText(t.push.conflictTitle).waitFor();
    await button(page, t.push.revalidate).waitFor();
    await snap(page, "konflik");
    // The conflict names who landed first, and no green "siap dikirim" sits under it.
    await page.getByText(/e2e petugas 2 mengunggah roster/).waitFor();
    expect(await page.getByText(t.roster.allClear).count()).toBe(0);

    expect(await uploads()).toHaveLength(countBefore);
    const current = await session.api.request<CurrentRoster>(`/v1/rosters/${kode}`, { token: session.api.tokens.uploader });
    expect(current.body.upload_id).toBe(landed.body.upload_id);
    expect(session.api.query(STORED_WITH_NOTE, "Cuti melahirkan s.d. Januari")).toEqual([{ n: 0 }]);

    // Validasi ulang shows what the other officer changed; sending again then stores this roster.
    await press(page, button(page, t.push.revalidate));
    await page.getByText(t.roster.diffTitle).waitFor();
    await press(page, button(page, t.roster.push));
    // Sending now removes the other officer's 12 people from that puskesmas: said in red, by name,
    // and sent only after an explicit tick.
    const again = page.getByRole("alertdialog");
    await again.getByTestId("removals").getByText(t.push.removals("12", facilityOfRow(row).nama)).waitFor();
    expect(await again.getByRole("button", { name: t.push.confirm }).isDisabled()).toBe(true);
    await again.getByRole("checkbox").check();
    await snap(page, "kirim-konfirmasi-hapus");
    await press(page, again.getByRole("button", { name: t.push.confirm }));
    await page.getByText(t.push.successTitle).waitFor();
    expect(await uploads()).toHaveLength(countBefore + 1);
    expect(session.api.query(STORED_WITH_NOTE, "Cuti melahirkan s.d. Januari")).toEqual([{ n: 1 }]);
    expect(session.officer.errors).toEqual([]);
  });

  test("with Office in English the pane and the server's messages are in English", async () => {
    ready();
    const english = await openPane(session.browser, session.pane.url, { now: TODAY, displayLanguage: "en-US", settings: { apiUrl: session.api.url, token: session.api.tokens.uploader } });
    try {
      const page = english.page;
      expect(await page.getByRole("tab").allInnerTexts()).toEqual([en.tabs.roster, en.tabs.coverage, en.tindak.tab, en.tabs.settings]);
      await press(page, button(page, en.roster.insertTemplate));
      await page.getByText(en.roster.templateDone(["Nakes", "Pelatihan"], [])).waitFor();
      const layout = await layoutOf(workbookOf(page), "Nakes", nakesColumns);
      const rows = clean.nakes.rows.slice(0, 3).map((r) => [...r]);
      rows[1]![clean.nakes.columns.indexOf("jenis_kelamin")] = "X";
      await typeRows(workbookOf(page), layout, { columns: clean.nakes.columns, rows });
      await press(page, button(page, en.roster.validate));
      await page.getByText(en.roster.serverChecked).waitFor();
      const listed = await listedIssues(page, en.roster.severity.error);
      expect(listed).toEqual([`Nakes!${cellAddress(layout, 1, "jenis_kelamin")} · Jenis Kelamin`]);
      const message = await page.locator("li button span:last-child").first().innerText();
      const fromApi = await session.api.request<ValidateResponse>("/v1/rosters/validate", {
        token: session.api.tokens.uploader,
        body: { as_of: SAMPLE_AS_OF, nakes: { columns: clean.nakes.columns, rows } },
        headers: { "Accept-Language": "en" },
      });
      expect(fromApi.body.issues.map((i) => i.message)).toEqual([message]);
      await snap(page, "english");
      expect(english.errors).toEqual([]);
    } finally {
      await english.context.close();
    }
  });

  // ---- checks against what D1 holds ------------------------------------------------------------

  /** The stored roster of every facility in `req` (via the API) holds exactly its persons, and D1 the upload's rows. */
  /**
   * The upload is what each sent facility's current roster holds now: exactly its persons, each once
   * (history keeps a version per change, SPEC §6, so an unchanged person keeps its earlier version), and
   * the training of the sent persons.
   */
  async function expectStoredAsSent(uploadId: string, req: RosterRequest): Promise<void> {
    const byFacility = new Map<string, Set<string>>();
    const col = (k: string) => req.nakes.columns.indexOf(k);
    for (const r of req.nakes.rows) {
      const kode = String(r[col("kode_fasyankes")]);
      if (!byFacility.has(kode)) byFacility.set(kode, new Set());
      byFacility.get(kode)!.add(`${r[col("nik")]}|${r[col("nama")]}`);
    }
    const training = new Set<string>();
    for (const [kode, persons] of byFacility) {
      const res = await session.api.request<CurrentRoster>(`/v1/rosters/${kode}`, { token: session.api.tokens.uploader });
      expect(res.status, `GET /v1/rosters/${kode}`).toBe(200);
      expect(res.body.upload_id).toBe(uploadId);
      const [nik, nama] = [res.body.nakes.columns.indexOf("nik"), res.body.nakes.columns.indexOf("nama")];
      expect(res.body.nakes.rows.map((r) => `${r[nik]}|${r[nama]}`).sort()).toEqual([...persons].sort());
      const p = res.body.pelatihan.columns;
      for (const r of res.body.pelatihan.rows) training.add(`${r[p.indexOf("nik")]}|${r[p.indexOf("kode_pelatihan")]}|${r[p.indexOf("tahun")]}`);
      const current = session.api.query<{ n: number }>(
        "SELECT count(*) AS n FROM nakes WHERE kode_fasyankes = ? AND valid_to IS NULL AND valid_from <> ''",
        kode,
      )[0]!.n;
      expect(current, `current person versions of ${kode}`).toBe(persons.size);
    }
    const pc = req.pelatihan?.columns ?? [];
    const sentTraining = new Set((req.pelatihan?.rows ?? []).map((r) => `${r[pc.indexOf("nik")]}|${r[pc.indexOf("kode_pelatihan")]}|${r[pc.indexOf("tahun")]}`));
    expect(training).toEqual(sentTraining);
  }
});

// ---- helpers over the workbook ----------------------------------------------------------------

/** Data cells the add-in marked, as "Sheet!A1", on the roster sheets (header styling aside). */
async function markedCells(wb: Workbook, layouts: SheetLayout[]): Promise<string[]> {
  const out: string[] = [];
  for (const layout of layouts) {
    for (const address of Object.keys(await wb.filledCells(layout.sheet))) {
      const row = Number(/\d+$/.exec(address)![0]) - 1;
      if (row > layout.headerRow) out.push(`${layout.sheet}!${address}`);
    }
  }
  return out.sort();
}

function withRows(req: RosterRequest, extra: Cell[][]): RosterRequest {
  return { ...req, nakes: { columns: req.nakes.columns, rows: [...req.nakes.rows, ...extra] } };
}

/** A table on one of `sheets` whose header row is `labels`: the rows under it, up to the first empty one. */
async function findTable(wb: Workbook, sheets: string[], labels: string[]): Promise<{ sheet: string; rows: Cell[][] } | null> {
  for (const sheet of sheets) {
    const values = await wb.sheetValues(sheet);
    for (let r = 0; r < values.length; r++) {
      const row = values[r]!;
      const c = row.findIndex((v) => v === labels[0]);
      if (c < 0 || !labels.every((l, i) => row[c + i] === l)) continue;
      const rows: Cell[][] = [];
      for (let k = r + 1; k < values.length; k++) {
        const cells = values[k]!.slice(c, c + labels.length);
        if (cells.every((v) => v === "" || v === null)) break;
        rows.push(cells);
      }
      return { sheet, rows };
    }
  }
  return null;
}

/** A sheet row equals the API's: text as text, numbers to Excel's 15 significant digits, null as empty. */
function expectSameRow(sheetRow: Cell[], apiRow: (string | number | null)[], where: string): void {
  expect(sheetRow.length, where).toBe(apiRow.length);
  apiRow.forEach((want, i) => {
    const got = sheetRow[i];
    if (want === null) expect(got === "" || got === null, `${where} column ${i}: ${String(got)} for null`).toBe(true);
    else if (typeof want === "number") expect(Number(got), `${where} column ${i}`).toBeCloseTo(want, 9);
    else expect(got, `${where} column ${i}`).toBe(want);
  });
}
