import { afterEach } from "vitest";
import { createFakeExcel, installFakeOffice, type FakeExcel, type FakeExcelInit } from "../../support/fake-excel";

let installed: (FakeExcel & { uninstall(): void }) | null = null;

afterEach(() => {
  installed?.uninstall();
  installed = null;
});

/** A fresh fake Excel as the global `Excel` / `Office` the add-in code calls, removed after the test. */
export function useFakeExcel(init: FakeExcelInit = {}): FakeExcel {
  installed?.uninstall();
  installed = installFakeOffice(globalThis, createFakeExcel(init));
  return installed;
}

/** Every cell of a sheet that holds a formula, as "A1" → formula. */
export function formulasOn(fake: FakeExcel, sheetName: string): Map<string, string> {
  const out = new Map<string, string>();
  const sheet = fake.workbook.requireSheet(sheetName);
  const used = sheet.usedRect(true);
  if (!used) return out;
  for (let r = used.r0; r <= used.r1; r++) {
    for (let c = used.c0; c <= used.c1; c++) {
      const f = sheet.cell(r, c)?.f;
      if (f !== undefined) out.set(`${c},${r}`, f);
    }
  }
  return out;
}
