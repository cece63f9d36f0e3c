import type { NakesRecord, PelatihanRecord } from "../../shared/schema/records";
import { prepare } from "../../worker/db/limits";
import type { Sql, Writer } from "../../worker/db/types";
import { storeUpload } from "../../worker/rosters/commit";
import { fingerprint, trainingByNik } from "../../worker/rosters/fingerprint";
import { referenceWilayah } from "../../fixtures/seed/data";
import { upsertFacilitiesSql } from "../../worker/store/facilities";
import { upsertPopulationSql } from "../../worker/store/population";
import { createToken } from "../../worker/auth/tokens";
import { upsertWilayahSql } from "../../worker/store/wilayah";
import { NATIONAL_SCOPE } from "../../worker/auth/scope";
import type { Facility } from "./model";

/**
 * The generator's writes, all through the Worker's own storage modules, so the national database has
 * exactly the shape (and the coverage aggregates) that real uploads produce.
 */
const MASTER_TIME = "2025-01-01T00:00:00.000Z";

async function run(db: Writer, sql: readonly Sql[]): Promise<void> {
  for (let i = 0; i < sql.length; i += 200) await db.batch(sql.slice(i, i + 200).map((s) => prepare(db, s)));
}

export async function writeFacilities(db: Writer, facilities: readonly Facility[]): Promise<void> {
  await run(db, upsertWilayahSql(referenceWilayah()));
  await run(db, upsertFacilitiesSql(facilities.map((f) => ({ ...f, aktif: true })), null, MASTER_TIME));
}

export async function writePopulation(db: Writer, rows: readonly { kode_wilayah: string; tahun: number; jumlah: number }[]): Promise<void> {
  await run(db, upsertPopulationSql(rows, MASTER_TIME));
}

/**
 * One upload, committed at `at`: staged and made current by the Worker's storeUpload (its final batch
 * includes the coverage refresh). The clock reads `at` meanwhile, since the commit instant is what
 * coverage's as_of reads history by.
 */
export async function uploadRoster(
  db: Writer,
  u: { id: string; at: string; nakes: readonly NakesRecord[]; pelatihan: readonly PelatihanRecord[] },
): Promise<void> {
  const training = trainingByNik(u.pelatihan);
  const perFacility = new Map<string, number>();
  for (const r of u.nakes) perFacility.set(r.kode_fasyankes, (perFacility.get(r.kode_fasyankes) ?? 0) + 1);
  const realNow = Date.now;
  Date.now = () => Date.parse(u.at);
  try {
    await storeUpload(
      db,
      {
        id: u.id,
        token: { id: "tok_generator", role: "admin", scope: NATIONAL_SCOPE, name: "generate-national" },
        createdAt: u.at,
        asOf: u.at.slice(0, 10),
        contentType: "application/json",
        contentHash: u.id,
        persons: u.nakes.map((record) => ({ record, fp: fingerprint(record, training.get(record.nik)) })),
        pelatihan: u.pelatihan,
        counts: { error: 0, warning: 0, info: 0 },
        issues: [],
        diff: [...perFacility].map(([kode_fasyankes, n]) => ({ kode_fasyankes, added: n, removed: 0, changed: 0, unchanged: 0 })),
      },
      { batchRows: 50_000 },
    );
  } finally {
    Date.now = realNow;
  }
}

/** An analyst token for the whole country, for the benchmark's requests. */
export async function createAnalystToken(db: Writer): Promise<string> {
  return (await createToken(db, { role: "analyst", scope: NATIONAL_SCOPE, name: "bench coverage" })).token;
}
