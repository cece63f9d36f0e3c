import { ApiError } from "../api/errors";
import type { Lang } from "../../shared/schema/issue";

/** The two Excel errors the functions return: a bad argument, or no answer to give. */
export type ExcelErrorKind = "invalidValue" | "notAvailable";

export interface Bilingual {
  id: string;
  en: string;
}

/**
 * Why a formula has no value. `invalidValue` (#VALUE!) is decided from the arguments alone, before
 * any request; `notAvailable` (#N/A) is everything the API could not answer (unknown region, no
 * figure, no connection), so a cell never waits forever and always says why.
 */
export class FunctionError extends Error {
  override readonly name = "FunctionError";
  constructor(
    readonly kind: ExcelErrorKind,
    readonly text: Bilingual,
  ) {
    super(text.en);
  }
}

export const badArgument = (id: string, en: string) => new FunctionError("invalidValue", { id, en });
export const notAvailable = (id: string, en: string) => new FunctionError("notAvailable", { id, en });

/** What the user reads for an API failure: the API's own message when it sent one. */
export function fromApiError(e: ApiError): FunctionError {
  const said = e.message;
  switch (e.kind) {
    case "not_configured":
      return notAvailable(
        "Alamat API atau token belum diisi: buka panel Nakes Roster › Pengaturan.",
        "API address or token missing: open the Nakes Roster pane › Settings.",
      );
    case "timeout":
      return notAvailable("API tidak menjawab tepat waktu; hitung ulang (Ctrl+Alt+F9) untuk mencoba lagi.", "The API did not answer in time; recalculate (Ctrl+Alt+F9) to try again.");
    case "network":
      return notAvailable(`Tidak dapat menghubungi API (${said}); periksa koneksi lalu hitung ulang.`, `Cannot reach the API (${said}); check the connection, then recalculate.`);
    case "unexpected":
      return notAvailable("Jawaban API tidak terduga; periksa alamat API di Pengaturan.", "Unexpected answer from the API; check the API address in Settings.");
    case "http":
      break;
  }
  if (e.status === 400 || e.status === 422) return new FunctionError("invalidValue", { id: said, en: said });
  if (e.status === 401) return notAvailable("Token ditolak API: periksa token di Pengaturan.", "The API refused the token: check it in Settings.");
  // The API says which region and which scope, in the language the client asked for.
  if (e.status === 403) return new FunctionError("notAvailable", { id: said, en: said });
  if (e.status === 404) return notAvailable("Wilayah tidak dikenal.", "Unknown region.");
  if (e.status === 429) return notAvailable("API sedang sibuk; hitung ulang sebentar lagi.", "The API is busy; recalculate in a moment.");
  return notAvailable(`API gagal menjawab (${e.status ?? "?"}): ${said}`, `The API failed (${e.status ?? "?"}): ${said}`);
}

/** Anything thrown below the functions, as the one error kind they return. */
export function toFunctionError(e: unknown): FunctionError {
  if (e instanceof FunctionError) return e;
  if (e instanceof ApiError) return fromApiError(e);
  const said = e instanceof Error ? e.message : String(e);
  return notAvailable(`Galat tak terduga: ${said}`, `Unexpected error: ${said}`);
}

/** The slice of the CustomFunctions global that turns a failure into an Excel error with a message. */
export interface ExcelErrors {
  Error: new (code: string, message?: string) => Error;
  ErrorCode: Record<ExcelErrorKind, string>;
}

/** Excel shows up to 255 characters of an error's message. */
export const MAX_MESSAGE = 255;

export function toExcelError(api: ExcelErrors, e: unknown, lang: Lang): Error {
  const failure = toFunctionError(e);
  const message = failure.text[lang];
  return new api.Error(api.ErrorCode[failure.kind], message.length > MAX_MESSAGE ? `${message.slice(0, MAX_MESSAGE - 1)}…` : message);
}
