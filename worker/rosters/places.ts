import type { FacilityFact } from "../../shared/validate/types";
import type { Bindings } from "../env";
import { byDatabase, dbFor, provincesWithOwnDatabase } from "../db/region";
import type { Reader } from "../db/types";
import { facilityFacts } from "../store/facilities";
import type { CheckPlaces } from "./check";
import { identitiesElsewhere } from "./identifier-index";

/**
 * The places a roster check reads (rosters/check.ts CheckPlaces) in a deployment of one database per
 * province (SPEC §7): each facility code's master row from its province's database, in parallel; the
 * identities held outside `own` (the upload's province database) from the national identifier index.
 * `session` opens the read session of a database (the primary for an upload, a bookmark's for a dry run).
 */
export function checkPlaces(env: Bindings, own: D1Database, session: (db: D1Database) => Reader): CheckPlaces & { own: Reader } {
  // One session per database, so reads of one database in one check share it.
  const sessions = new Map<D1Database, Reader>();
  const open = (db: D1Database): Reader => {
    let s = sessions.get(db);
    if (!s) sessions.set(db, (s = session(db)));
    return s;
  };
  return {
    /** The session on the upload's own database, shared with the reads above. */
    own: open(own),
    facilities: (kodes) => facilityFactsByProvince(env, kodes, open),
    elsewhere: (ids) => identitiesElsewhere(env, open(env.DB), own, ids),
    splitDatabases: provincesWithOwnDatabase(env).length > 0,
    readerOf: (kode) => open(dbFor(env, kode)),
  };
}

/** Facility facts of codes of any provinces, each read from the database of its province. */
export async function facilityFactsByProvince(env: Bindings, kodes: readonly string[], session: (db: D1Database) => Reader): Promise<Map<string, FacilityFact>> {
  const groups = [...byDatabase(env, kodes)];
  if (groups.length === 1) return facilityFacts(session(groups[0]![0]), groups[0]![1]);
  const parts = await Promise.all(groups.map(([db, list]) => facilityFacts(session(db), list)));
  return new Map(parts.flatMap((m) => [...m]));
}
