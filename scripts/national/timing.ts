import { createServer } from "node:net";

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
 * The median wall time (seconds) of `runs` full requests after one warm-up (isolate start, SQLite
 * page cache), with the size of the answer and its number of wilayah rows. A non-2xx answer throws.
 */
export async function timeCoverage(url: string, token: string, runs: number): Promise<{ seconds: number; bytes: number; units: number }> {
  const get = async () => {
    const t = performance.now();
    const res = await fetch(url, { headers: { authorization: `Bearer ${token}` } });
    const body = await res.text();
    const seconds = (performance.now() - t) / 1000;
    if (!res.ok) throw new Error(`${res.status} ${url}: ${body.slice(0, 500)}`);
    return { seconds, body };
  };
  const first = await get();
  const samples: number[] = [];
  for (let i = 0; i < runs; i++) samples.push((await get()).seconds);
  const parsed = JSON.parse(first.body) as { tables: { wilayah: { rows: unknown[] } } };
  return { seconds: median(samples), bytes: first.body.length, units: parsed.tables.wilayah.rows.length };
}
