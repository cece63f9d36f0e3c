import type { Lang } from "../../shared/schema/issue";
import { notAvailable, toExcelError, type ExcelErrors } from "./errors";
import type { FollowUpSource } from "./follow-up-source";
import type { CoverageSource } from "./source";

/**
 * What the functions run with, installed once by register.ts when the shared runtime starts: where
 * coverage and the follow-up answers come from, the user's language and Excel's error type. Until then
 * (or without Excel) a function answers #N/A instead of waiting.
 */
export interface FunctionsRuntime {
  source: () => CoverageSource;
  /** GET /v1/tindak-lanjut and POST /v1/penempatan (NAKES.TINDAKLANJUT, NAKES.PENEMPATAN). */
  followUp?: () => FollowUpSource;
  lang: () => Lang;
  errors: ExcelErrors;
}

let installed: FunctionsRuntime | null = null;

const notReady = () => notAvailable("Nakes Roster belum siap: buka panelnya sekali.", "Nakes Roster is not ready: open its pane once.");

/** Runs a body with what it needs from the runtime; any failure becomes the Excel error (#VALUE! or #N/A) with its message. */
async function runWith<S, T>(pick: (r: FunctionsRuntime) => (() => S) | undefined, body: (source: S, lang: Lang) => Promise<T>): Promise<T> {
  const r = installed;
  const source = r && pick(r);
  if (!r || !source) throw notReady();
  const lang = r.lang();
  try {
    return await body(source(), lang);
  } catch (e) {
    throw toExcelError(r.errors, e, lang);
  }
}

export const runtime = {
  install(r: FunctionsRuntime | null): void {
    installed = r;
  },
  /** Runs a coverage function's body (CAKUPAN, GAP, TABEL). */
  run<T>(body: (source: CoverageSource, lang: Lang) => Promise<T>): Promise<T> {
    return runWith((r) => r.source, body);
  },
  /** Runs a follow-up function's body (TINDAKLANJUT, PENEMPATAN). */
  runFollowUp<T>(body: (source: FollowUpSource, lang: Lang) => Promise<T>): Promise<T> {
    return runWith((r) => r.followUp, body);
  },
};
