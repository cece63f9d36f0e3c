import { createServer } from "node:net";
import { addDaysIso } from "../../shared/normalize/calendar";

/** Timing GET /v1/coverage over HTTP for the coverage benchmarks (bench/coverage.ts, bench/history.ts). */

export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const s = createServer();
    s.once("error", reject);
    s.listen(0, "127.0.0.1", () => {
      const addr = s.address();
      s.close(() => (typeof addr === "object" && addr ? resolve(addr.port) : reject(new Error("no port"))));
    });
  });
}

const median = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)]!;
};

/**
 * Wall times (seconds) of full requests for one coverage question: `fresh` is its first asking after
 * a warm-up request of another question (isolate started, SQLite pages cached), which computes the
 * answer from the statements (store/coverage-memo.ts: nothing remembered yet, as after any change);
 * `seconds` is the median of the `runs` askings after it, answered from what each database remembered.
 * With the size of the answer and its number of wilayah rows. A non-2xx answer throws.
 */
export async function timeCoverage(url: string, token: string, runs: number): Promise<{ seconds: number; fresh: number; bytes: number; units: number }> {
  const get = async (u: string) => {
    const t = performance.now();
    const res = await fetch(u, { headers: { authorization: `Bearer ${token}` } });
    const body = await res.text();
    const seconds = (performance.now() - t) / 1000;
    if (!res.ok) throw new Error(`${res.status} ${u}: ${body.slice(0, 500)}`);
    return { seconds, body };
  };
  // The same question a day earlier (another memo key) warms the isolate and the pages it reads.
  const dayBefore = url.replace(/as_of=(\d{4}-\d{2}-\d{2})/, (_, d: string) => `as_of=${addDaysIso(d, -1)}`);
  if (dayBefore === url) throw new Error(`timeCoverage needs an as_of in ${url}: without it the warm-up would remember the question timed afresh`);
  await get(dayBefore);
  const first = await get(url);
  const samples: number[] = [];
  for (let i = 0; i < runs; i++) samples.push((await get(url)).seconds);
  const parsed = JSON.parse(first.body) as { tables: { wilayah: { rows: unknown[] } } };
  return { seconds: median(samples), fresh: first.seconds, bytes: first.body.length, units: parsed.tables.wilayah.rows.length };
}
