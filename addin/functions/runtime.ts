import type { Lang } from "../../shared/schema/issue";
import { notAvailable, toExcelError, type ExcelErrors } from "./errors";
import type { CoverageSource } from "./source";

/**
 * What the functions run with, installed once by register.ts when the shared runtime starts: where
 * coverage comes from, the user's language and Excel's error type. Until then (or without Excel)
 * a function answers #N/A instead of waiting.
 */
export interface FunctionsRuntime {
  source: () => CoverageSource;
  lang: () => Lang;
  errors: ExcelErrors;
}

let installed: FunctionsRuntime | null = null;

export const runtime = {
  install(r: FunctionsRuntime | null): void {
    installed = r;
  },
  /** Runs a function's body; any failure becomes the Excel error (#VALUE! or #N/A) with its message. */
  async run<T>(body: (source: CoverageSource, lang: Lang) => Promise<T>): Promise<T> {
    const r = installed;
    if (!r) throw notAvailable("Nakes Roster belum siap: buka panelnya sekali.", "Nakes Roster is not ready: open its pane once.");
    const lang = r.lang();
    try {
      return await body(r.source(), lang);
    } catch (e) {
      throw toExcelError(r.errors, e, lang);
    }
  },
};
