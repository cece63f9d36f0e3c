/**
 * Tindak lanjut (issue 16) end to end: the built pane in Chromium over the fake Excel host, the real
 * API (`wrangler dev`, fresh local D1) holding the demo roster of Kabupaten Mukomuko uploaded today.
 * An uploader pulls the SIP list of the regency into its own sheet and refreshes it; makes a placement
 * plan for new midwives; an analyst is told why the list is not for them; and the NAKES functions
 * spill the same answers. Every expected value is the API's own answer to the same question. The
 * screenshots of the list and the plan go to docs/ for the README.
 */
import { mkdirSync } from "node:fs";
import { fileURLToPath } from "node:url";
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, beforeEach, describe, expect, test } from "vitest";
import { registerFunctions } from "../../addin/functions/register";
import { runtime } from "../../addin/functions/runtime";
import { id as t } from "../../addin/i18n/id";
import { LIST_SHEETS, PLAN_SHEET } from "../../addin/tindak-lanjut/to-sheet";
import type { ListResponse, PlacementResponse } from "../../shared/api/tindak-lanjut";
import { mukomukoSample } from "../../shared/demo/samples";
import { ExcelError, fakeCustomFunctions } from "../addin/functions/fakes";
import { startApi, type ApiServer } from "../support/api-server";
import { launchChromium, openPane, requireChromium, snap, workbookOf, type OpenPane, type Workbook } from "../support/browser";
import { startPane, type PaneServer } from "../support/pane-server";

const docs = fileURLToPath(new URL("../../docs/", import.meta.url));

const tab = (page: Page, name: string) => page.getByRole("tab", { name });
const button = (page: Page, name: string) => page.getByRole("button", { name, exact: true });

async function idle(page: Page, timeout = 60_000): Promise<void> {
  await page.waitForFunction(() => document.querySelector('[role="progressbar"]') === null, undefined, { timeout });
}

/** A chart of the page's workbook: its type and the address of its data. */
interface FakeWindow {
  __fakeExcel: { workbook: { chartsOn(sheet: string): { type: string; sourceAddress: string; title?: string }[] } };
}
const chartsOn = (page: Page, sheet: string) =>
  page.evaluate((s) => (window as unknown as FakeWindow).__fakeExcel.workbook.chartsOn(s).map((c) => ({ type: c.type, sourceAddress: c.sourceAddress })), sheet);

/** The rows of the sheet's table under its header (row 3), as the sheet shows them: text, or a date's number. */
async function tableRows(wb: Workbook, sheet: string): Promise<(string | number | boolean | null)[][]> {
  const values = await wb.sheetValues(sheet);
  return values.slice(3).filter((r) => r.some((v) => v !== "" && v !== null));
}

describe("Tindak lanjut in the pane and the functions, against the real API", () => {
  let pane: PaneServer | undefined;
  let api: ApiServer | undefined;
  let browser: Browser | undefined;
  let officer: OpenPane;
  let wb: Workbook;
  let analyst = "";
  let setupError: unknown = null;
  const ready = () => {
    if (setupError) throw setupError;
  };

  beforeAll(async () => {
    try {
      requireChromium();
      pane = await startPane();
      api = await startApi({ corsOrigins: [pane.origin] });
      const upload = await api.request("/v1/rosters", { token: api.tokens.uploader, body: mukomukoSample(), headers: { "Idempotency-Key": crypto.randomUUID() } });
      if (upload.status !== 201) throw new Error(`upload answered ${upload.status}: ${JSON.stringify(upload.body)}`);
      analyst = await api.createToken("analyst", "1706", "e2e analis tindak lanjut");
      browser = await launchChromium();
      officer = await openPane(browser, pane.url, { settings: { apiUrl: api.url, token: api.tokens.uploader } });
      // A taller pane, so the picture for the README shows the whole tab.
      await officer.page.setViewportSize({ width: 350, height: 960 });
      wb = workbookOf(officer.page);
    } catch (e) {
      setupError = e;
    }
  });

  beforeEach(({ task, onTestFailed }) => {
    onTestFailed(async () => {
      if (setupError) return;
      await snap(officer.page, `GAGAL-${task.name.slice(0, 40).replace(/[^A-Za-z0-9]+/g, "-")}`).catch(() => undefined);
    });
  });

  afterAll(async () => {
    runtime.install(null);
    await browser?.close();
    await api?.stop();
    await pane?.close();
  });

  const list = async (kind: string, token = api!.tokens.uploader) => api!.request<ListResponse>(`/v1/tindak-lanjut?list=${kind}&region=1706`, { token });
  const plan = async (body: object, token = api!.tokens.uploader) => api!.request<PlacementResponse>("/v1/penempatan", { token, body });

  test("the uploader pulls the regency's SIP list, chosen by name, into its own sheet: one table, names and NIK as text, dates as dates", async () => {
    ready();
    const page = officer.page;
    await tab(page, t.tindak.tab).click();
    await page.getByRole("option", { name: "Kabupaten Mukomuko" }).first().waitFor({ state: "attached" });
    await page.getByLabel(t.tindak.list, { exact: true }).selectOption("sip");
    await page.getByLabel(t.tindak.region, { exact: true }).selectOption({ label: "Kabupaten Mukomuko" });
    await button(page, t.tindak.pull).click();
    await idle(page);

    const fromApi = (await list("sip")).body as Extract<ListResponse, { list: "sip" }>;
    expect(fromApi.list).toBe("sip");
    expect(fromApi.rows.length).toBeGreaterThan(0);
    const sheet = LIST_SHEETS.sip.sheet;
    await page.getByText(t.tindak.done(sheet, fromApi.rows.length)).waitFor();
    mkdirSync(docs, { recursive: true });
    await page.screenshot({ path: `${docs}pane-tindak-lanjut.png`, fullPage: true });

    expect(await wb.tables()).toContainEqual({ name: LIST_SHEETS.sip.table, address: `'${sheet}'!A3:K${3 + fromApi.rows.length}` });
    const rows = await tableRows(wb, sheet);
    expect(rows).toHaveLength(fromApi.rows.length);
    const shown = fromApi.rows.map((r) => [r.kode_fasyankes, r.nik, r.nama, r.no_sip ?? "", r.sisa_hari]);
    expect(rows.map((r) => [r[0], r[2], r[3], r[7], r[9]])).toEqual(shown);
    // Dates are date cells (numbers), not text.
    expect(rows.every((r) => typeof r[6] === "number" && typeof r[8] === "number")).toBe(true);
    expect((await wb.conditionalFormats(sheet)).map((cf) => cf.address)).toEqual([`A4:K${3 + rows.length}`, `A4:K${3 + rows.length}`]);
  });

  test("pulling again refreshes the same sheet in place", async () => {
    ready();
    const page = officer.page;
    const before = await wb.sheetNames();
    await button(page, t.tindak.pull).click();
    await idle(page);
    await page.getByText(new RegExp(`lembar ${LIST_SHEETS.sip.sheet}`)).waitFor();
    expect(await wb.sheetNames()).toEqual(before);
    expect((await wb.tables()).filter((x) => x.name === LIST_SHEETS.sip.table)).toHaveLength(1);
  });

  test("a placement plan for new midwives lands on its sheet with a bar chart of each gap before and after", async () => {
    ready();
    const page = officer.page;
    await page.getByLabel(t.tindak.planRegion, { exact: true }).selectOption({ label: "Kabupaten Mukomuko" });
    await page.getByLabel(t.tindak.profession, { exact: true }).selectOption({ label: "Bidan" });
    await page.getByLabel(t.tindak.count, { exact: true }).fill("5");
    await button(page, t.tindak.plan).click();
    await idle(page);

    const fromApi = (await plan({ region: "1706", jenis_tenaga: "BIDAN", jumlah: 5 })).body;
    expect(fromApi.rows.reduce((n, r) => n + r.tambahan, 0)).toBe(5);
    await page.getByText(t.tindak.planDone(PLAN_SHEET.sheet, fromApi.rows.length)).waitFor();
    await page.screenshot({ path: `${docs}pane-penempatan.png`, fullPage: true });

    const rows = await tableRows(wb, PLAN_SHEET.sheet);
    expect(rows.slice(0, fromApi.rows.length).map((r) => r.slice(0, 8))).toEqual(
      fromApi.rows.map((r) => [r.urutan, r.kode_fasyankes, r.nama_fasyankes, r.kategori ?? "", r.tambahan, r.sebelum, r.sesudah, r.alasan]),
    );
    expect(await chartsOn(page, PLAN_SHEET.sheet)).toEqual([{ type: "BarClustered", sourceAddress: `'${PLAN_SHEET.sheet}'!J3:L${3 + fromApi.rows.length}` }]);
  });

  test("an analyst is told the list is refused, and no sheet is written", async () => {
    ready();
    expect((await list("sip", analyst)).status).toBe(403);
    const second = await openPane(browser!, pane!.url, { settings: { apiUrl: api!.url, token: analyst } });
    try {
      const page = second.page;
      await tab(page, t.tindak.tab).click();
      await button(page, t.tindak.pull).click();
      await idle(page);
      await page.getByText(t.errors.forbidden).waitFor();
      expect((await workbookOf(page).sheetNames()).filter((s) => s.startsWith("Tindak lanjut"))).toEqual([]);
      expect(second.errors).toEqual([]);
    } finally {
      await second.context.close();
    }
  });

  test("NAKES.TINDAKLANJUT and NAKES.PENEMPATAN spill the API's answers; an analyst's list is a readable #N/A", async () => {
    ready();
    const call = (token: string) => {
      const cf = fakeCustomFunctions();
      registerFunctions({ customFunctions: cf.api, lang: () => "id", settings: () => ({ apiUrl: api!.url, token }), fetch: (i, o) => fetch(i, o) });
      return (id: string) => cf.associated.get(id) as unknown as (...args: unknown[]) => Promise<unknown[][]>;
    };
    const uploader = call(api!.tokens.uploader);
    const sip = (await list("sip")).body;
    const spilled = await uploader("TINDAKLANJUT")("1706", "sip", null);
    expect(spilled.slice(1).map((r) => r[2])).toEqual(sip.rows.map((r) => r.nik));
    const placed = await uploader("PENEMPATAN")("1706", "BIDAN", 5, null);
    const fromApi = (await plan({ region: "1706", jenis_tenaga: "BIDAN", jumlah: 5 })).body;
    expect(placed.slice(1).map((r) => r[1])).toEqual(fromApi.rows.map((r) => r.kode_fasyankes));

    const refused = await call(analyst)("TINDAKLANJUT")("1706", "sip", null).then(
      () => null,
      (e: unknown) => e,
    );
    expect(refused).toBeInstanceOf(ExcelError);
    expect((refused as ExcelError).code).toBe("#N/A");
    expect((refused as ExcelError).message.length).toBeGreaterThan(10);
  });
});
