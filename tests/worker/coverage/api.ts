import { env } from "cloudflare:test";
import { vi } from "vitest";
import type { CoverageResponse } from "../../../shared/api/coverage";
import type { CoverageFacility } from "../../../shared/coverage/facility";
import type { PopulationRow } from "../../../shared/coverage/population";
import type { NakesRecord, PelatihanRecord } from "../../../shared/schema/records";
import { prepare } from "../../../worker/db/limits";
import { referenceWilayah } from "../../../fixtures/seed/data";
import { upsertWilayahSql } from "../../../worker/store/wilayah";
import { call } from "../support";

/** Helpers that drive the real API for the coverage tests: masters, uploads at a chosen instant, reads. */

export async function seedRegions(): Promise<void> {
  await env.DB.batch(upsertWilayahSql(referenceWilayah()).map((s) => prepare(env.DB, s)));
}

const yn = (b: boolean) => (b ? "Y" : "N");

export async function putFacilities(token: string, facilities: readonly CoverageFacility[]): Promise<Response> {
  return call("PUT", "/v1/facilities", {
    token,
    json: {
      fasyankes: {
        columns: ["kode", "nama", "jenis", "kode_wilayah", "kecamatan", "kategori", "rawat_inap", "poned", "aktif"],
        rows: facilities.map((f) => [f.kode, f.nama, f.jenis, f.kode_wilayah, f.kecamatan, f.kategori, yn(f.rawat_inap), yn(f.poned), "Y"]),
      },
    },
  });
}

export async function putPopulation(token: string, rows: readonly PopulationRow[]): Promise<Response> {
  return call("PUT", "/v1/population", {
    token,
    json: { penduduk: { columns: ["kode_wilayah", "tahun", "jumlah"], rows: rows.map((p) => [p.kode_wilayah, p.tahun, p.jumlah]) } },
  });
}

const NAKES_COLUMNS = [
  "nik", "nip", "nama", "jenis_kelamin", "tanggal_lahir", "jenis_tenaga", "pendidikan", "status_kepegawaian", "kode_fasyankes",
  "no_str", "str_berlaku_sampai", "no_sip", "sip_berlaku_sampai", "tmt_penugasan", "keterangan",
] as const;

/**
 * POST /v1/rosters of normalised rows, committed at `at` (the clock is set to it: the commit instant
 * is what as_of reads history by). Returns the response; throws unless 201.
 */
export async function uploadAt(
  token: string,
  at: string,
  roster: { nakes: readonly NakesRecord[]; pelatihan: readonly PelatihanRecord[] },
  asOf = at.slice(0, 10),
): Promise<Response> {
  vi.useFakeTimers({ toFake: ["Date"] });
  vi.setSystemTime(new Date(at));
  try {
    const res = await call("POST", "/v1/rosters", {
      token,
      json: {
        as_of: asOf,
        nakes: { columns: [...NAKES_COLUMNS], rows: roster.nakes.map((r) => NAKES_COLUMNS.map((c) => r[c])) },
        pelatihan: {
          columns: ["nik", "kode_pelatihan", "tahun", "penyelenggara"],
          rows: roster.pelatihan.map((p) => [p.nik, p.kode_pelatihan, p.tahun, p.penyelenggara]),
        },
      },
    });
    if (res.status !== 201) throw new Error(`upload answered ${res.status}: ${(await res.text()).slice(0, 2000)}`);
    return res;
  } finally {
    vi.useRealTimers();
  }
}

/** GET /v1/coverage; `now` (an ISO instant) fixes the Worker's clock (its NOW var), so a test may ask about a date after today. */
export async function coverage(token: string, query: string, now?: string): Promise<CoverageResponse> {
  const res = await call("GET", `/v1/coverage?${query}`, { token, ...(now ? { vars: { NOW: now } } : {}) });
  if (res.status !== 200) throw new Error(`coverage answered ${res.status}: ${await res.text()}`);
  return (await res.json()) as CoverageResponse;
}
