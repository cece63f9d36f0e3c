/**
 * Calendar arithmetic on ISO dates (yyyy-mm-dd) that agrees with SQLite's date(d, '+N days|months|years'):
 * a day that overflows its month rolls into the next one (2020-02-29 + 5 years = 2025-03-01). The Worker
 * computes the same thresholds in SQL, so the two must never differ by a day.
 */
function parts(iso: string): [number, number, number] {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(iso);
  if (!m) throw new RangeError(`not an ISO date: ${iso}`);
  return [Number(m[1]), Number(m[2]) - 1, Number(m[3])];
}

function format(ms: number): string {
  return new Date(ms).toISOString().slice(0, 10);
}

export function addDays(iso: string, days: number): string {
  const [y, m, d] = parts(iso);
  return format(Date.UTC(y, m, d + days));
}

export function addMonths(iso: string, months: number): string {
  const [y, m, d] = parts(iso);
  return format(Date.UTC(y, m + months, d));
}

export function addYears(iso: string, years: number): string {
  const [y, m, d] = parts(iso);
  return format(Date.UTC(y + years, m, d));
}

/** The calendar year of an ISO date. */
export function yearOf(iso: string): number {
  return parts(iso)[0];
}
