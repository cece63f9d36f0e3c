import type { Lang } from "../../shared/schema/issue";
import { createApiClient } from "../api/client";
import { loadSettings, type Settings } from "../settings/store";
import type { ExcelErrors } from "./errors";
import { createFollowUpSource, type FollowUpSource } from "./follow-up-source";
import { CAKUPAN, GAP, PENEMPATAN, TABEL, TINDAKLANJUT } from "./functions";
import { runtime } from "./runtime";
import { createCoverageSource, type CoverageSource, type SourceOptions } from "./source";

/** The CustomFunctions global of Excel's runtime (the types ship with custom-functions-runtime, not office-js). */
export interface CustomFunctionsApi extends ExcelErrors {
  associate(id: string, fn: (...args: never[]) => unknown): void;
}

/** The ids of functions.json, each with its implementation. */
export const FUNCTIONS = { CAKUPAN, GAP, TABEL, TINDAKLANJUT, PENEMPATAN } as const;

export interface RegisterOptions {
  customFunctions: CustomFunctionsApi;
  lang: () => Lang;
  /** The pane's settings (shared runtime: the same localStorage); read on every call. */
  settings?: () => Settings;
  /** Default API address when none is saved (the served /config.json). */
  defaultApiUrl?: string;
  fetch?: typeof fetch;
  /** A cell should not wait like an upload does: one read, at most this long. */
  timeoutMs?: number;
  source?: Omit<SourceOptions, "fetchCoverage">;
}

/**
 * Installs the functions' runtime and associates every function id with its code. The source is
 * rebuilt (its cache dropped) whenever the API address or token changes.
 */
export function registerFunctions(opts: RegisterOptions): { clearCache: () => void } {
  const settings = opts.settings ?? (() => loadSettings(undefined, opts.defaultApiUrl));
  const timeoutMs = opts.timeoutMs ?? 30_000;
  let current: { key: string; source: CoverageSource; followUp: FollowUpSource } | null = null;

  const sources = () => {
    const s = settings();
    const key = `${s.apiUrl}\n${s.token}`;
    if (current?.key !== key) {
      const client = createApiClient({ ...s, lang: opts.lang(), fetch: opts.fetch, timeouts: { read: timeoutMs, roster: timeoutMs } });
      current = {
        key,
        source: createCoverageSource({ ...opts.source, fetchCoverage: (q) => client.coverage(q) }),
        followUp: createFollowUpSource({ deadlineMs: opts.source?.deadlineMs, fetchList: (q) => client.tindakLanjut(q), fetchPlan: (b) => client.penempatan(b) }),
      };
    }
    return current;
  };

  runtime.install({ source: () => sources().source, followUp: () => sources().followUp, lang: opts.lang, errors: opts.customFunctions });
  for (const [id, fn] of Object.entries(FUNCTIONS)) opts.customFunctions.associate(id, fn);
  return {
    clearCache: () => {
      current?.source.clear();
      current?.followUp.clear();
    },
  };
}

/** Excel's CustomFunctions global when this page runs as the add-in's shared runtime, else null. */
export function customFunctionsGlobal(): CustomFunctionsApi | null {
  const cf = (globalThis as { CustomFunctions?: Partial<CustomFunctionsApi> }).CustomFunctions;
  return cf && typeof cf.associate === "function" && cf.Error && cf.ErrorCode ? (cf as CustomFunctionsApi) : null;
}
