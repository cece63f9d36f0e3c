import { registerFunctions, type RegisterOptions } from "../../../addin/functions/register";
import type { CoverageQuery, CoverageResponse } from "../../../shared/api/coverage";

/** A coverage answer shaped like the API's, with the figures and table rows a test needs. */
export function coverageAnswer(query: CoverageQuery, figures: Record<string, number | null>, rows: (string | number | null)[][] = []): CoverageResponse {
  const empty = { label: { id: "", en: "" }, columns: [], rows: [] };
  return {
    query: { level: query.level ?? "facility", region: query.region ?? null, as_of: query.as_of ?? "2026-11-23", jenis_tenaga: null },
    standard_set: "PMK75_2014",
    tables: {
      wilayah: {
        label: { id: "Wilayah", en: "Regions" },
        columns: [
          { key: "kode", label: { id: "Kode", en: "Code" }, type: "text" },
          { key: "puskesmas_tanpa_dokter_pct", label: { id: "Puskesmas tanpa dokter", en: "Puskesmas without a doctor" }, type: "share" },
        ],
        rows,
      },
      profesi: empty,
      standar: empty,
    },
    figures,
  };
}

/** Figures of a region the demo could hold: small, distinct numbers per region. */
export function figuresFor(region: string): Record<string, number | null> {
  const n = Number(region.slice(-2));
  return { fasyankes: n, fasyankes_tanpa_roster: 0, nakes: n * 10, "kekurangan.BIDAN": n + 1, kekurangan: n + 5, kepadatan_10k: null };
}

export interface FakeApi {
  fetch: typeof fetch;
  /** Every request's query string, in order. */
  calls: URLSearchParams[];
}

/** A fetch that answers GET /v1/coverage from `answer`, counting requests; `delayMs` per answer. */
export function fakeApi(answer: (q: URLSearchParams) => Response | Promise<Response>, delayMs = 0): FakeApi {
  const calls: URLSearchParams[] = [];
  const fetchFn = (async (input: RequestInfo | URL, init?: RequestInit) => {
    const url = new URL(String(input));
    calls.push(url.searchParams);
    if (delayMs > 0) {
      await new Promise<void>((resolve, reject) => {
        const t = setTimeout(resolve, delayMs);
        init?.signal?.addEventListener("abort", () => (clearTimeout(t), reject(new DOMException("aborted", "AbortError"))));
      });
    }
    return answer(url.searchParams);
  }) as typeof fetch;
  return { fetch: fetchFn, calls };
}

export const json = (body: unknown, status = 200) => new Response(JSON.stringify(body), { status, headers: { "Content-Type": "application/json" } });

/** Answers every region with figuresFor(region); regions starting with 99 are unknown (no facilities). */
export function demoAnswer(q: URLSearchParams): Response {
  const region = q.get("region") ?? "17";
  const query: CoverageQuery = { region, level: (q.get("level") as CoverageQuery["level"]) ?? undefined, as_of: q.get("as_of") ?? undefined };
  if (region.startsWith("99")) return json(coverageAnswer(query, { fasyankes: 0, fasyankes_tanpa_roster: 0 }));
  return json(coverageAnswer(query, figuresFor(region), [[region, 0.25], [`${region}01`, null]]));
}

/** Excel's error type as the CustomFunctions global has it, for assertions. */
export class ExcelError extends Error {
  constructor(
    readonly code: string,
    message?: string,
  ) {
    super(message);
  }
}

export const fakeCustomFunctions = () => {
  const associated = new Map<string, (...args: never[]) => unknown>();
  return {
    associated,
    api: {
      associate: (id: string, fn: (...args: never[]) => unknown) => void associated.set(id, fn),
      Error: ExcelError,
      ErrorCode: { invalidValue: "#VALUE!", notAvailable: "#N/A" },
    },
  };
};

/** A custom function as Excel calls it: any arguments, a promise of its cell's value (or spill). */
export type Fn = (...args: unknown[]) => Promise<unknown>;

/**
 * registerFunctions over the fake CustomFunctions global: `fn(id)` is the function Excel would call
 * for `id` (functions.json's ids), `associated` every id registered, `clearCache` registerFunctions' own.
 */
export function excelFunctions(opts: Omit<RegisterOptions, "customFunctions">) {
  const cf = fakeCustomFunctions();
  const registered = registerFunctions({ customFunctions: cf.api, ...opts });
  const fn = (id: string) => cf.associated.get(id) as unknown as Fn;
  return { fn, associated: cf.associated, clearCache: registered.clearCache };
}

/** The Excel error a call ends in (fails the test when it returns a value instead). */
export async function excelError(p: Promise<unknown>): Promise<ExcelError> {
  const outcome = await p.then(
    (v) => new Error(`expected an Excel error, got ${JSON.stringify(v)}`),
    (e: unknown) => e,
  );
  if (!(outcome instanceof ExcelError)) throw outcome;
  return outcome;
}
