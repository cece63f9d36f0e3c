/**
 * Browser build of the fake host: bundle this file (esbuild/vite, format iife) and serve it in
 * place of office.js. It installs `Office`, `Excel` and `OfficeExtension` on window, and exposes
 * the fake as `window.__fakeExcel` so a browser test can set sheets up, select cells and read
 * the sync counters. A test may set `window.__fakeExcelInit` (same options as createFakeExcel)
 * before this script runs.
 */
import { createFakeExcel, installFakeOffice, type FakeExcelInit } from "./index";

const w = window as unknown as { __fakeExcelInit?: FakeExcelInit; __fakeExcel?: unknown };
w.__fakeExcel = installFakeOffice(window, createFakeExcel(w.__fakeExcelInit ?? {}));
