/**
 * What the running Excel can do. The manifest asks for ExcelApi 1.9, so everything up to 1.9 is
 * assumed; anything newer is asked for here before use, and the caller degrades without it.
 */
export const MINIMUM_EXCEL_API = "1.9";

export function supportsExcelApi(version: string): boolean {
  try {
    return typeof Office !== "undefined" && Office.context.requirements.isSetSupported("ExcelApi", version);
  } catch {
    return false;
  }
}

/** A progress callback that ignores progress, for callers that pass none. */
export const noProgress = (): void => undefined;
