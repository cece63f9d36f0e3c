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
import type { Page } from "playwright-core";
import { afterAll, describe, expect, test } from "vitest";
import { runtime } from "../../addin/functions/runtime";
import { id as t } from "../../addin/i18n/id";
import { LIST_SHEETS, PLAN_SHEET } from "../../addin/tindak-lanjut/to-sheet";
import type { ListResponse, PlacementResponse } from "../../shared/api/tindak-lanjut";
import { mukomukoSample } from "../../fixtures/demo/samples";
import { ExcelError, excelFunctions } from "../addin/functions/fakes";
import { openPane, snap, workbookOf, type Workbook } from "../support/browser";
import { button, idle, paneSession, tab } from "../support/pane-session";

const docs = fileURLToPath(new URL("../../docs/", import.meta.url));

/** A chart of the page's workbook: its type and the address of its data. */
interface FakeWindow {
  __fakeExcel: { workbook: { chartsOn(sheet: string): { type: string; sourceAddress: string; title?: string }[] } };
}
const chartsOn = (page: Page, sheet: string) =>
  page.evaluate((s) => (window as unknown as FakeWindow).__fakeExcel.workbook.chartsOn(s).map((c) => ({ type: c.type, sourceAddress: c.sourceAddress })), sheet);

/** A sheet as the user sees it: each cell's shown text, value, fill and boldness, its conditional formats and charts' data. */
interface SheetView {
  cells: { text: string; value: string | number | boolean | null; fill: string | null; bold: boolean }[][];
  rules: { r0: number; r1: number; c0: number; c1: number; formula: string; fill: string }[];
  charts: { r0: number; r1: number; c0: number; c1: number; title: string }[];
}

async function sheetView(page: Page, sheet: string): Promise<SheetView> {
  return page.evaluate((name) => {
    type Rect = { r0: number; r1: number; c0: number; c1: number };
    const wb = (window as unknown as {
      __fakeExcel: {
        workbook: {
          requireSheet(n: string): {
            usedRect(valuesOnly: boolean): Rect | null;
            conditionalFormats: { type: string; rect: Rect; rule: { formula?: string }; format: { fill?: string } }[];
            charts: { source: { rect: Rect }; title?: string }[];
          };
          cellAt(n: string, a: string): { text: string; value: string | number | boolean | null; fill: string | null; font: { bold?: boolean } };
        };
      };
    }).__fakeExcel.workbook;
    const ws = wb.requireSheet(name);
    const used = ws.usedRect(true)!;
    const letters = (c: number) => {
      let n = c + 1;
      let out = "";
      while (n > 0) {
        out = String.fromCharCode(65 + ((n - 1) % 26)) + out;
        n = Math.floor((n - 1) / 26);
      }
      return out;
    };
    const cells = [];
    for (let r = 0; r <= used.r1; r++) {
      const row = [];
      for (let c = 0; c <= used.c1; c++) {
        const cell = wb.cellAt(name, `${letters(c)}${r + 1}`);
        row.push({ text: cell.text, value: cell.value, fill: cell.fill, bold: cell.font.bold === true });
      }
      cells.push(row);
    }
    const rules = ws.conditionalFormats
      .filter((cf) => cf.type === "Custom" && cf.rule.formula && cf.format.fill)
      .map((cf) => ({ ...cf.rect, formula: cf.rule.formula!, fill: cf.format.fill! }));
    const charts = ws.charts.map((ch) => ({ ...ch.source.rect, title: ch.title ?? "" }));
    return { cells, rules, charts };
  }, sheet);
}

/**
 * Whether a custom conditional format holds for a cell of its range, as Excel would decide it: the
 * rule's references move with the row, and the few functions the add-in's rules use (AND, ISNUMBER,
 * DATE in the 1900 system) are evaluated here. For the pictures only; the tests assert the rules.
 */
function ruleHolds(rule: SheetView["rules"][number], view: SheetView, row: number): boolean {
  const colOf = (letters: string) => [...letters].reduce((n, ch) => n * 26 + ch.charCodeAt(0) - 64, 0) - 1;
  const expr = rule.formula
    .replace(/^=/, "")
    .replace(/\$?([A-Z]+)\$?(\d+)/g, (_, col: string, r: string) => JSON.stringify(view.cells[Number(r) - 1 + row - rule.r0]?.[colOf(col)]?.value ?? null))
    .replace(/<>/g, "!==")
    .replace(/(?<![<>!=])=(?!=)/g, "===");
  const DATE = (y: number, m: number, d: number) => Math.round((Date.UTC(y, m - 1, d) - Date.UTC(1899, 11, 30)) / 86_400_000);
  const fn = new Function("AND", "ISNUMBER", "DATE", `return (${expr});`) as (...a: unknown[]) => unknown;
  return fn((...a: unknown[]) => a.every(Boolean), (x: unknown) => typeof x === "number", DATE) === true;
}

const escape = (s: string) => s.replace(/[&<>"]/g, (c) => `&#${c.charCodeAt(0)};`);

/**
 * One picture for the README: the pane as the user left it beside the sheet it wrote, rendered from
 * the workbook (shown text, fills, the urgency colours of its rules, and its chart as bars).
 */
async function paneBesideSheet(page: Page, sheet: string, path: string, rows = 18): Promise<void> {
  const pane = (await page.screenshot({ fullPage: true })).toString("base64");
  const view = await sheetView(page, sheet);
  const width = Math.max(...view.cells.map((r) => r.length));
  const shown = view.cells.slice(0, 3 + rows);
  const fillOf = (r: number, c: number) => {
    for (const rule of view.rules) if (r >= rule.r0 && r <= rule.r1 && c >= rule.c0 && c <= rule.c1 && ruleHolds(rule, view, r)) return rule.fill;
    return view.cells[r]![c]!.fill;
  };
  const grid = shown
    .map((row, r) => {
      // A title alone on its row overflows into the empty cells beside it, as in Excel.
      if (row[0]?.text && row.slice(1).every((x) => x.text === "" && !x.fill)) {
        return `<tr><th>${r + 1}</th><td colspan="${width}" style="font-weight:600;max-width:none">${escape(row[0].text)}</td></tr>`;
      }
      const tds = Array.from({ length: width }, (_, c) => {
        const cell = row[c];
        const fill = cell ? fillOf(r, c) : null;
        const style = [fill ? `background:${fill}` : "", cell?.bold || r === 2 ? "font-weight:600" : "", typeof cell?.value === "number" ? "text-align:right" : ""].join(";");
        return `<td style="${style}">${escape(cell?.text ?? "")}</td>`;
      });
      return `<tr><th>${r + 1}</th>${tds.join("")}</tr>`;
    })
    .join("");
  const bars = view.charts
    .map((ch) => {
      const data = view.cells.slice(ch.r0 + 1, ch.r1 + 1).map((r) => [r[ch.c0]!.text, Number(r[ch.c0 + 1]!.value), Number(r[ch.c0 + 2]!.value)] as const);
      const max = Math.max(1, ...data.flatMap((d) => [d[1], d[2]]));
      const bar = (v: number, colour: string) => `<div style="height:9px;width:${(v / max) * 260}px;background:${colour}"></div>`;
      const items = data.map(([label, before, after]) => `<div class="bar"><span>${escape(label)}</span><div>${bar(before, "#4472C4")}${bar(after, "#ED7D31")}</div></div>`);
      const [, head1, head2] = [view.cells[ch.r0]![ch.c0]!.text, view.cells[ch.r0]![ch.c0 + 1]!.text, view.cells[ch.r0]![ch.c0 + 2]!.text];
      return `<div class="chart"><b>${escape(ch.title)}</b><div class="legend"><i style="background:#4472C4"></i>${escape(head1)} <i style="background:#ED7D31"></i>${escape(head2)}</div>${items.join("")}</div>`;
    })
    .join("");
  const picture = await page.context().newPage();
  try {
    await picture.setViewportSize({ width: 1900, height: 800 });
    await picture.setContent(`<!doctype html><html><head><style>
      body { margin: 0; font: 12px "Segoe UI", system-ui, sans-serif; display: flex; gap: 12px; background: #f3f2f1; }
      img { width: 350px; border-right: 1px solid #c8c6c4; background: white; }
      .sheet { padding: 8px; overflow: hidden; }
      .tab { display: inline-block; background: white; border: 1px solid #c8c6c4; border-bottom: 2px solid #217346; padding: 2px 10px; margin-bottom: 4px; font-weight: 600; color: #217346; }
      table { border-collapse: collapse; background: white; }
      td, th { border: 1px solid #d4d4d4; padding: 2px 5px; white-space: nowrap; max-width: 170px; overflow: hidden; text-overflow: ellipsis; }
      th { background: #f3f2f1; color: #605e5c; font-weight: normal; }
      .chart { background: white; border: 1px solid #c8c6c4; padding: 8px; margin-top: 10px; width: 520px; }
      .legend { margin: 4px 0 6px; } .legend i { display: inline-block; width: 10px; height: 10px; margin: 0 4px 0 10px; }
      .bar { display: flex; align-items: center; gap: 8px; margin: 3px 0; } .bar span { width: 200px; overflow: hidden; text-overflow: ellipsis; white-space: nowrap; }
    </style></head><body><img src="data:image/png;base64,${pane}"><div class="sheet"><div class="tab">${escape(sheet)}</div><table>${grid}</table>${bars}</div></body></html>`);
    await picture.screenshot({ path, fullPage: true });
  } finally {
    await picture.close();
  }
}

/** The rows of the sheet's table under its header (row 3), as the sheet shows them: text, or a date's number. */
async function tableRows(wb: Workbook, sheet: string): Promise<(string | number | boolean | null)[][]> {
  const values = await wb.sheetValues(sheet);
  return values.slice(3).filter((r) => r.some((v) => v !== "" && v !== null));
}

describe("Tindak lanjut in the pane and the functions, against the real API", () => {
  let analyst = "";
  const session = paneSession({
    api: true,
    seed: async (api) => {
      const upload = await api.request("/v1/rosters", { token: api.tokens.uploader, body: mukomukoSample(), headers: { "Idempotency-Key": crypto.randomUUID() } });
      if (upload.status !== 201) throw new Error(`upload answered ${upload.status}: ${JSON.stringify(upload.body)}`);
      analyst = await api.createToken("analyst", "1706", "e2e analis tindak lanjut");
    },
    paneOptions: (api) => ({ settings: { apiUrl: api!.url, token: api!.tokens.uploader } }),
    // A taller pane, so the picture for the README shows the whole tab.
    prepare: (s) => s.officer.page.setViewportSize({ width: 350, height: 960 }),
  });
  const { ready } = session;

  afterAll(() => {
    runtime.install(null);
  });

  const list = async (kind: string, token = session.api.tokens.uploader) => session.api.request<ListResponse>(`/v1/tindak-lanjut?list=${kind}&region=1706`, { token });
  const plan = async (body: object, token = session.api.tokens.uploader) => session.api.request<PlacementResponse>("/v1/penempatan", { token, body });

  test("the uploader pulls the regency's SIP list, chosen by name, into its own sheet: one table, names and NIK as text, dates as dates", async () => {
    ready();
    const page = session.officer.page;
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
    await paneBesideSheet(page, sheet, `${docs}pane-tindak-lanjut.png`);

    expect(await session.wb.tables()).toContainEqual({ name: LIST_SHEETS.sip.table, address: `'${sheet}'!A3:K${3 + fromApi.rows.length}` });
    const rows = await tableRows(session.wb, sheet);
    expect(rows).toHaveLength(fromApi.rows.length);
    const shown = fromApi.rows.map((r) => [r.kode_fasyankes, r.nik, r.nama, r.no_sip ?? "", r.sisa_hari]);
    expect(rows.map((r) => [r[0], r[2], r[3], r[7], r[9]])).toEqual(shown);
    // Dates are date cells (numbers), not text.
    expect(rows.every((r) => typeof r[6] === "number" && typeof r[8] === "number")).toBe(true);
    expect((await session.wb.conditionalFormats(sheet)).map((cf) => cf.address)).toEqual([`A4:K${3 + rows.length}`, `A4:K${3 + rows.length}`]);
  });

  test("pulling again refreshes the same sheet in place", async () => {
    ready();
    const page = session.officer.page;
    const before = await session.wb.sheetNames();
    await button(page, t.tindak.pull).click();
    await idle(page);
    await page.getByText(new RegExp(`lembar ${LIST_SHEETS.sip.sheet}`)).waitFor();
    expect(await session.wb.sheetNames()).toEqual(before);
    expect((await session.wb.tables()).filter((x) => x.name === LIST_SHEETS.sip.table)).toHaveLength(1);
  });

  test("a placement plan for new midwives lands on its sheet with a bar chart of each gap before and after", async () => {
    ready();
    const page = session.officer.page;
    await page.getByLabel(t.tindak.planRegion, { exact: true }).selectOption({ label: "Kabupaten Mukomuko" });
    await page.getByLabel(t.tindak.profession, { exact: true }).selectOption({ label: "Bidan" });
    await page.getByLabel(t.tindak.count, { exact: true }).fill("5");
    await button(page, t.tindak.plan).click();
    await idle(page);

    const fromApi = (await plan({ region: "1706", jenis_tenaga: "BIDAN", jumlah: 5 })).body;
    expect(fromApi.rows.reduce((n, r) => n + r.tambahan, 0)).toBe(5);
    await page.getByText(t.tindak.planDone(PLAN_SHEET.sheet, fromApi.rows.length)).waitFor();
    await paneBesideSheet(page, PLAN_SHEET.sheet, `${docs}pane-penempatan.png`, 12);

    const rows = await tableRows(session.wb, PLAN_SHEET.sheet);
    expect(rows.slice(0, fromApi.rows.length).map((r) => r.slice(0, 8))).toEqual(
      fromApi.rows.map((r) => [r.urutan, r.kode_fasyankes, r.nama_fasyankes, r.kategori ?? "", r.tambahan, r.sebelum, r.sesudah, r.alasan]),
    );
    expect(await chartsOn(page, PLAN_SHEET.sheet)).toEqual([{ type: "BarClustered", sourceAddress: `'${PLAN_SHEET.sheet}'!J3:L${3 + fromApi.rows.length}` }]);
  });

  test("an analyst is told the list is refused, and no sheet is written", async () => {
    ready();
    expect((await list("sip", analyst)).status).toBe(403);
    const second = await openPane(session.browser, session.pane.url, { settings: { apiUrl: session.api.url, token: analyst } });
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
      const { fn } = excelFunctions({ lang: () => "id", settings: () => ({ apiUrl: session.api.url, token }), fetch: (i, o) => fetch(i, o) });
      return (id: string) => fn(id) as (...args: unknown[]) => Promise<unknown[][]>;
    };
    const uploader = call(session.api.tokens.uploader);
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
