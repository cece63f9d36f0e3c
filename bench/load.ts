/**
 * npm run bench:load — the API under a working day's peak, on loopback.
 *
 * Starts its own `wrangler dev` on a free port over a fresh local D1 (demo region seeded), then for
 * `--seconds` (default 60) runs, all at once and each in a closed loop (a client sends its next
 * request when the previous one has answered, so concurrency stays bounded at analysts + officers):
 *   - 50 analysts, each with their own token, reading GET /v1/coverage (regency, province,
 *     per facility, per kecamatan, one profession);
 *   - 5 officers, each with their own token and their own Mukomuko facilities, uploading a fresh 2,000-row
 *     roster (plus its Pelatihan rows) with POST /v1/rosters and an Idempotency-Key.
 * Prints requests per second, p50 and p99 latency and errors per kind of request, then checks what
 * D1 holds: every accepted upload is committed with exactly the rows it sent (per facility: the
 * same persons), no other upload and no other row is stored, and each facility's current roster is
 * the last upload its officer got accepted. Exits non-zero on any error or lost / partial upload.
 *
 *   npm run bench:load [-- --seconds 20] [--analysts 50] [--officers 5] [--rows 2000]
 */
import { parseArgs } from "node:util";
import { generateRoster, usedIdentifiers } from "../fixtures/demo";
import { mukomukoFacilities } from "../fixtures/demo/facilities";
import type { FasyankesRecord } from "../shared/schema/records";
import type { RosterRequest } from "../shared/schema/roster";
import { startApi, type ApiServer } from "../tests/support/api-server";

const { values: args } = parseArgs({
  options: {
    seconds: { type: "string", default: "60" },
    analysts: { type: "string", default: "50" },
    officers: { type: "string", default: "5" },
    rows: { type: "string", default: "2000" },
  },
});
const SECONDS = Number(args.seconds);
const ANALYSTS = Number(args.analysts);
const OFFICERS = Number(args.officers);
const ROWS = Number(args.rows);
for (const [name, v] of Object.entries({ seconds: SECONDS, analysts: ANALYSTS, officers: OFFICERS, rows: ROWS })) {
  if (!Number.isInteger(v) || v <= 0) throw new Error(`--${name} must be a positive whole number`);
}

/** Today (UTC) as the roster date, so that no date of the demo roster lies in the future. */
const AS_OF = new Date().toISOString().slice(0, 10);

interface Sample {
  ms: number;
  ok: boolean;
  status: number | "network";
}

class Series {
  readonly samples: Sample[] = [];
  readonly errors = new Map<string, number>();
  add(s: Sample, detail?: string): void {
    this.samples.push(s);
    if (!s.ok) {
      const key = `${s.status}${detail ? ` ${detail}` : ""}`;
      this.errors.set(key, (this.errors.get(key) ?? 0) + 1);
    }
  }
  get errorCount(): number {
    return this.samples.filter((s) => !s.ok).length;
  }
}

/** Nearest-rank percentile of sorted numbers. */
function percentile(sorted: readonly number[], p: number): number {
  if (sorted.length === 0) return NaN;
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))]!;
}

/**
 * Officers' facilities, disjoint: Mukomuko's 17 puskesmas and 2 hospitals dealt round-robin, as
 * puskesmas officers each keep their own; every officer's token has the regency's scope.
 */
function officerFacilities(n: number): FasyankesRecord[][] {
  const groups: FasyankesRecord[][] = Array.from({ length: n }, () => []);
  mukomukoFacilities.forEach((f, i) => groups[i % n]!.push(f));
  if (groups.some((g) => g.length === 0)) throw new Error(`at most ${mukomukoFacilities.length} officers: one facility each at least`);
  return groups;
}

/** What an accepted upload sent, to compare with what D1 holds. */
interface Accepted {
  uploadId: string;
  officer: number;
  /** facility → sorted "nik|nama|jenis_tenaga" of the rows sent there. */
  persons: Map<string, string[]>;
  pelatihan: number;
}

function personsOf(req: RosterRequest): Map<string, string[]> {
  const col = (k: string) => req.nakes.columns.indexOf(k);
  const [nik, nama, jenis, kode] = [col("nik"), col("nama"), col("jenis_tenaga"), col("kode_fasyankes")];
  const out = new Map<string, string[]>();
  for (const row of req.nakes.rows) {
    const f = String(row[kode]);
    out.set(f, [...(out.get(f) ?? []), `${row[nik]}|${row[nama]}|${row[jenis]}`]);
  }
  for (const list of out.values()) list.sort();
  return out;
}

const COVERAGE_QUERIES = [
  "/v1/coverage?region=1706",
  "/v1/coverage?region=17",
  "/v1/coverage?region=1706&level=facility",
  "/v1/coverage?region=1706&level=kecamatan",
  "/v1/coverage?region=1706&jenis_tenaga=BIDAN",
];

async function timed(api: ApiServer, path: string, init: { token: string; body?: unknown; headers?: Record<string, string> }) {
  const t0 = performance.now();
  try {
    const res = await api.request<Record<string, unknown>>(path, init);
    return { ms: performance.now() - t0, res };
  } catch (e) {
    return { ms: performance.now() - t0, res: null, error: e instanceof Error ? e.message : String(e) };
  }
}

async function main(): Promise<number> {
  console.log(`Load: ${ANALYSTS} analysts reading coverage, ${OFFICERS} officers uploading ${ROWS.toLocaleString("en")}-row rosters, ${SECONDS} s, loopback.`);
  console.log("Starting wrangler dev over a fresh local D1…");
  const api = await startApi();
  // Ctrl-C still stops wrangler (it runs in its own process group) and removes the temp database.
  process.once("SIGINT", () => void api.stop().finally(() => process.exit(130)));
  let failed = false;
  try {
    const officers = officerFacilities(OFFICERS);
    const analystTokens = await Promise.all(Array.from({ length: ANALYSTS }, (_, i) => api.createToken("analyst", "17", `load analyst ${i + 1}`)));
    const officerTokens = await Promise.all(officers.map((_, i) => api.createToken("uploader", "1706", `load officer ${i + 1}`)));

    const coverage = new Series();
    const uploads = new Series();
    const accepted: Accepted[] = [];
    const rejected: string[] = [];
    const end = Date.now() + SECONDS * 1000;
    const t0 = performance.now();

    const analyst = async (i: number) => {
      for (let n = i; Date.now() < end; n++) {
        const path = COVERAGE_QUERIES[n % COVERAGE_QUERIES.length]!;
        const { ms, res, error } = await timed(api, path, { token: analystTokens[i]! });
        const ok = res?.status === 200;
        coverage.add({ ms, ok, status: res?.status ?? "network" }, ok ? undefined : (error ?? String((res?.body as { error?: { code?: string } })?.error?.code ?? "")));
      }
    };

    // One database: no NIP or STR may land on two different people across the officers' rosters.
    const used = usedIdentifiers();
    const officer = async (i: number) => {
      for (let round = 0; Date.now() < end; round++) {
        // A new roster every round (about 35 ms of client CPU, outside the timed request): each
        // upload really replaces the officer's previous one.
        const req = generateRoster({ rows: ROWS, seed: 1000 * (i + 1) + round, asOf: AS_OF, facilities: officers[i]!, used });
        const key = crypto.randomUUID();
        const { ms, res, error } = await timed(api, "/v1/rosters", { token: officerTokens[i]!, body: req, headers: { "Idempotency-Key": key } });
        const ok = res?.status === 201 && typeof res.body.upload_id === "string";
        uploads.add({ ms, ok, status: res?.status ?? "network" }, ok ? undefined : (error ?? String((res?.body as { error?: { code?: string } })?.error?.code ?? "")));
        if (ok) accepted.push({ uploadId: res.body.upload_id as string, officer: i, persons: personsOf(req), pelatihan: req.pelatihan?.rows.length ?? 0 });
        else if (res) rejected.push(key);
      }
    };

    await Promise.all([...Array.from({ length: ANALYSTS }, (_, i) => analyst(i)), ...officers.map((_, i) => officer(i))]);
    const elapsed = (performance.now() - t0) / 1000;

    const line = (name: string, s: Series) => {
      const ms = s.samples.map((x) => x.ms).sort((a, b) => a - b);
      return [
        name.padEnd(20),
        String(s.samples.length).padStart(8),
        (s.samples.length / elapsed).toFixed(1).padStart(9),
        percentile(ms, 50).toFixed(0).padStart(8),
        percentile(ms, 99).toFixed(0).padStart(8),
        String(s.errorCount).padStart(7),
      ].join(" ");
    };
    const all = new Series();
    for (const s of [...coverage.samples, ...uploads.samples]) all.add(s);
    console.log(`\nRan ${elapsed.toFixed(1)} s (in-flight requests finished after the deadline).`);
    console.log(["request".padEnd(20), "count".padStart(8), "req/s".padStart(9), "p50 ms".padStart(8), "p99 ms".padStart(8), "errors".padStart(7)].join(" "));
    console.log(line("GET /v1/coverage", coverage));
    console.log(line("POST /v1/rosters", uploads));
    console.log(line("all", all));
    console.log(`Rows accepted: ${(accepted.length * ROWS).toLocaleString("en")} nakes rows in ${accepted.length} uploads (${((accepted.length * ROWS) / elapsed).toFixed(0)} rows/s).`);
    for (const [kind, s] of [["coverage", coverage], ["upload", uploads]] as const) {
      for (const [what, n] of s.errors) console.log(`  ${kind} error ${what}: ${n}`);
    }
    const errors = coverage.errorCount + uploads.errorCount;
    if (errors > 0) failed = true;
    if (accepted.length === 0) {
      console.log("No upload was accepted: nothing to check.");
      failed = true;
    }

    // ---- what D1 holds ----------------------------------------------------------------------
    const problems = verifyStorage(api, accepted);
    if (problems.length === 0) {
      console.log(`Storage: all ${accepted.length} accepted uploads stored whole; no other upload or row stored; current rosters point at each officer's last upload.`);
    } else {
      failed = true;
      console.log(`Storage: ${problems.length} problem(s):`);
      for (const p of problems.slice(0, 30)) console.log(`  ${p}`);
    }
    console.log(`\nTarget: zero errors, zero lost or partial uploads — ${failed ? "NOT MET" : "met"}.`);
  } finally {
    await api.stop();
  }
  return failed ? 1 : 0;
}

function verifyStorage(api: ApiServer, accepted: readonly Accepted[]): string[] {
  const problems: string[] = [];
  const ids = new Set(accepted.map((a) => a.uploadId));
  if (ids.size !== accepted.length) problems.push("the same upload_id was answered for two different uploads");

  const uploads = api.query<{ id: string; committed_at: string | null; nakes_rows: number; pelatihan_rows: number }>(
    "SELECT id, committed_at, nakes_rows, pelatihan_rows FROM uploads",
  );
  for (const u of uploads) {
    if (!ids.has(u.id)) problems.push(`upload ${u.id} is stored (committed_at ${u.committed_at ?? "NULL"}) but was never accepted`);
    else if (u.committed_at === null) problems.push(`accepted upload ${u.id} is not committed`);
  }
  const stored = new Set(uploads.map((u) => u.id));
  for (const a of accepted) if (!stored.has(a.uploadId)) problems.push(`accepted upload ${a.uploadId} is lost`);

  const strays = api.query<{ upload_id: string; n: number }>("SELECT upload_id, count(*) AS n FROM nakes GROUP BY upload_id");
  for (const s of strays) if (!ids.has(s.upload_id)) problems.push(`${s.n} nakes rows of unknown upload ${s.upload_id}`);
  const strayTraining = api.query<{ upload_id: string; n: number }>("SELECT upload_id, count(*) AS n FROM pelatihan GROUP BY upload_id");
  const trainingBy = new Map(strayTraining.map((s) => [s.upload_id, s.n]));
  for (const s of strayTraining) if (!ids.has(s.upload_id)) problems.push(`${s.n} pelatihan rows of unknown upload ${s.upload_id}`);

  // Person versions (migration 0070): an upload records rows only for the persons it adds or changes,
  // so each accepted upload's rows are some of those it sent, and its trainings at most those sent.
  for (const a of accepted) {
    for (const [kode, sent] of a.persons) {
      const rows = api.query<{ p: string }>(
        "SELECT nik || '|' || nama || '|' || jenis_tenaga AS p FROM nakes WHERE upload_id = ? AND kode_fasyankes = ? ORDER BY p",
        a.uploadId,
        kode,
      );
      const sentSet = new Set(sent);
      if (rows.some((r) => !sentSet.has(r.p))) problems.push(`upload ${a.uploadId} at ${kode}: a stored person was not sent`);
    }
    const training = trainingBy.get(a.uploadId) ?? 0;
    if (training > a.pelatihan) problems.push(`upload ${a.uploadId}: ${training} pelatihan rows stored, only ${a.pelatihan} sent`);
  }

  // Each officer's facilities are their own, so the current roster there is their last accepted upload.
  const current = new Map(api.query<{ kode_fasyankes: string; upload_id: string }>("SELECT kode_fasyankes, upload_id FROM roster_current").map((r) => [r.kode_fasyankes, r.upload_id]));
  const lastByOfficer = new Map<number, Accepted>();
  for (const a of accepted) lastByOfficer.set(a.officer, a);
  for (const a of lastByOfficer.values()) {
    for (const [kode, sent] of a.persons) {
      if (current.get(kode) !== a.uploadId) problems.push(`current roster of ${kode} is ${current.get(kode) ?? "none"}, not the last accepted upload ${a.uploadId}`);
      // Its persons (their current versions, whichever upload recorded each) are exactly those sent last.
      const got = api
        .query<{ p: string }>(
          "SELECT nik || '|' || nama || '|' || jenis_tenaga AS p FROM nakes WHERE kode_fasyankes = ? AND valid_to IS NULL AND valid_from <> '' ORDER BY p",
          kode,
        )
        .map((r) => r.p)
        .sort();
      if (got.length !== sent.length || got.some((p, i) => p !== sent[i])) problems.push(`current roster of ${kode}: ${got.length} persons, not the ${sent.length} sent last`);
    }
  }
  return problems;
}

main().then(
  (code) => process.exit(code),
  (e: unknown) => {
    console.error(e instanceof Error ? (e.stack ?? e.message) : e);
    process.exit(1);
  },
);
