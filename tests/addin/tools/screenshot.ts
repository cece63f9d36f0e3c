/**
 * Screenshots of the built pane at task-pane size (350 × 700) in Debian's Chromium, over the fake
 * Excel host of tests/support/fake-excel, for docs/: an officer's roster with mistakes after
 * Validasi (pane.png, and pane-en.png in English), the Kirim confirmation of a clean roster
 * (pane-kirim.png), Cakupan (pane-coverage.png) and Pengaturan (pane-settings.png).
 * The API is answered inside the browser by the shared validator, so no server runs.
 *
 *   npx tsx tests/addin/tools/screenshot.ts
 */
import { mkdirSync } from "node:fs";
import { fileURLToPath } from "node:url";
import type { Browser, Page } from "playwright-core";
import type { ValidateResponse } from "../../../shared/api/rosters";
import { errorSample, mukomukoSample, SAMPLE_AS_OF } from "../../../fixtures/demo/samples";
import type { Cell } from "../../../shared/schema/cell";
import type { RosterRequest } from "../../../shared/schema/roster";
import { nakesColumns, pelatihanColumns } from "../../../shared/table/columns";
import { validateRoster } from "../../../shared/validate/roster";
import { launchChromium, openPane, workbookOf, type Workbook } from "../../support/browser";
import { startPane } from "../../support/pane-server";

const docs = fileURLToPath(new URL("../../../docs/", import.meta.url));
const API = "https://roster.dinkes.example.id";
const TODAY = new Date(`${SAMPLE_AS_OF}T09:00:00+07:00`);

/** The dry run as the API gives it, from the same validator, with a plausible diff per facility. */
function dryRun(req: RosterRequest, lang: "id" | "en"): ValidateResponse {
  const result = validateRoster(req, { asOf: req.as_of ?? SAMPLE_AS_OF, lang });
  const kode = req.nakes.columns.indexOf("kode_fasyankes");
  const perFacility = new Map<string, number>();
  for (const row of req.nakes.rows) {
    const k = String(row[kode] ?? "");
    if (k) perFacility.set(k, (perFacility.get(k) ?? 0) + 1);
  }
  const diff = [...perFacility].sort().map(([kode_fasyankes, n], i) => ({
    kode_fasyankes,
    added: i % 3 === 0 ? Math.min(2, n) : 0,
    removed: i % 4 === 1 ? 1 : 0,
    changed: i % 2 === 0 ? 1 : 0,
    unchanged: Math.max(0, n - (i % 3 === 0 ? Math.min(2, n) : 0) - (i % 2 === 0 ? 1 : 0)),
  }));
  return { ok: result.ok, counts: result.counts, issues: result.issues, diff, base: "base-demo" };
}

async function answerApi(page: Page, lang: "id" | "en") {
  await page.route(`${API}/**`, async (route) => {
    const url = new URL(route.request().url());
    const cors = { "Access-Control-Allow-Origin": "*", "Access-Control-Allow-Headers": "*", "Access-Control-Allow-Methods": "GET, POST" };
    if (route.request().method() === "OPTIONS") return route.fulfill({ status: 204, headers: cors });
    if (url.pathname === "/v1/rosters/validate") {
      const body = dryRun(route.request().postDataJSON() as RosterRequest, lang);
      return route.fulfill({ status: 200, contentType: "application/json", headers: cors, body: JSON.stringify(body) });
    }
    return route.fulfill({ status: 404, contentType: "application/json", headers: cors, body: JSON.stringify({ error: { code: "not_found", message: "-", request_id: "demo" } }) });
  });
}

/** Types a table's rows under the template's headers (found on the sheet), as the officer would. */
async function typeTable(wb: Workbook, sheet: string, columns: readonly { key: string; header: string }[], table: { columns: string[]; rows: Cell[][] }) {
  const values = await wb.sheetValues(sheet);
  const headerRow = values.findIndex((row) => row.some((v) => v === columns[0]!.header));
  const header = values[headerRow]!;
  const width = header.length;
  const grid = table.rows.map((row) => {
    const out: Cell[] = Array.from({ length: width }, () => "");
    table.columns.forEach((key, i) => {
      const c = header.indexOf(columns.find((col) => col.key === key)?.header ?? "\u0000");
      if (c >= 0) out[c] = row[i] ?? "";
    });
    return out;
  });
  await wb.setValues(sheet, `A${headerRow + 2}`, grid);
}

async function idle(page: Page) {
  await page.waitForFunction(() => document.querySelector('[role="progressbar"]') === null, undefined, { timeout: 60_000 });
}

async function officer(browser: Browser, paneUrl: string, lang: "id" | "en", roster: RosterRequest) {
  const open = await openPane(browser, paneUrl, {
    displayLanguage: lang === "en" ? "en-US" : "id-ID",
    settings: { apiUrl: API, token: "tok_demo" },
    now: TODAY,
  });
  const { page } = open;
  await answerApi(page, lang);
  const wb = workbookOf(page);
  await page.getByRole("button", { name: lang === "en" ? "Insert template" : "Sisipkan template" }).click();
  await idle(page);
  await typeTable(wb, "Nakes", nakesColumns, roster.nakes);
  if (roster.pelatihan) await typeTable(wb, "Pelatihan", pelatihanColumns, roster.pelatihan);
  return { ...open, wb };
}

async function main() {
  mkdirSync(docs, { recursive: true });
  const pane = await startPane({ apiUrl: API });
  const browser = await launchChromium();
  try {
    for (const lang of ["id", "en"] as const) {
      const { page, errors, context } = await officer(browser, pane.url, lang, errorSample().request);
      await page.getByRole("button", { name: lang === "en" ? "Validate" : "Validasi", exact: true }).click();
      await page.getByText(lang === "en" ? "Checked by the server" : "Diperiksa server").waitFor();
      await idle(page);
      await page.waitForTimeout(400); // buttons ease back from their disabled look
      await page.screenshot({ path: `${docs}pane${lang === "en" ? "-en" : ""}.png` });
      if (lang === "id") {
        await page.getByRole("tab", { name: "Cakupan" }).click();
        await page.screenshot({ path: `${docs}pane-coverage.png` });
        await page.getByRole("tab", { name: "Pengaturan" }).click();
        await page.screenshot({ path: `${docs}pane-settings.png` });
      }
      if (errors.length) throw new Error(`page errors: ${errors.join("; ")}`);
      await context.close();
    }
    const clean = mukomukoSample();
    const { page, errors, context } = await officer(browser, pane.url, "id", { ...clean, nakes: { ...clean.nakes, rows: clean.nakes.rows.slice(0, 40) } });
    await page.getByRole("button", { name: "Kirim", exact: true }).click();
    await page.getByRole("alertdialog").waitFor();
    await page.waitForTimeout(800); // the dialog fades in
    await page.screenshot({ path: `${docs}pane-kirim.png` });
    if (errors.length) throw new Error(`page errors: ${errors.join("; ")}`);
    await context.close();
    console.log(`screenshots in ${docs}`);
  } finally {
    await browser.close();
    await pane.close();
  }
}

main().catch((e: unknown) => {
  console.error(e);
  process.exit(1);
});
