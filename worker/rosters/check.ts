import type { DiffEntry } from "../../shared/api/rosters";
import type { Issue, Lang } from "../../shared/schema/issue";
import type { RosterRequest } from "../../shared/schema/roster";
import { makeIssue } from "../../shared/validate/issues";
import { countIssues } from "../../shared/rules/count";
import { validateRoster } from "../../shared/validate/roster";
import { todayIn } from "../../shared/normalize/today";
import { notAfterTomorrow } from "../http/dates";
import type { FacilityFact, ValidationContext, ValidationResult } from "../../shared/validate/types";
import { inScope, isNational, validatorScope } from "../auth/scope";
import type { TokenInfo } from "../auth/token-info";
import type { Reader } from "../db/types";
import { facilityFacts } from "../store/facilities";
import { fingerprintsAtStatements, findIdentities, type PersonFingerprint, type StoredIdentity, type StoredNakes } from "../store/nakes";
import { currentPointerStatements, type Pointer } from "../store/versions";
import { baseTag } from "./base";
import { diffRosters, type PersonAt } from "./diff";
import { fingerprint, trainingByNik } from "./fingerprint";
import { facilityCodeByRow, identifiersOf } from "./identifiers";
import { multiProvinceIssues } from "./provinces";
import { storedFacts } from "./stored-facts";

/** Everything the dry run answers and the upload stores, computed the same way for both. */
export interface Checked {
  asOf: string;
  result: ValidationResult;
  /** Facilities the upload would replace: known codes it names, sorted. */
  kodes: string[];
  /** Their latest recorded upload (null: none yet), as read: what If-Match guards. */
  pointers: Map<string, string | null>;
  /** Latest recording instant among them (a commit must come after it). */
  latestSince: string | null;
  base: string;
  persons: StoredNakes[];
  diff: DiffEntry[];
}

/** Refuses oversized tables before any work: the answer a validator would give, without the cost. */
function tooLarge(req: RosterRequest, maxRows: number, lang: Lang): ValidationResult | null {
  const issues = (["nakes", "pelatihan"] as const).flatMap((t) => {
    const n = req[t]?.rows.length ?? 0;
    return n > maxRows ? [makeIssue("upload.too_large", { table: t, row: null, column: null }, { limit: maxRows, actual: n, unit: "rows" }, lang)] : [];
  });
  return issues.length ? { ok: false, counts: countIssues(issues), issues, nakes: [], pelatihan: [] } : null;
}

/** A roster validated with what the database knows, and the known facilities it names. */
export interface Validated {
  asOf: string;
  result: ValidationResult;
  kodes: string[];
}

/**
 * Where a check reads besides the upload's own database (SPEC §7: one database per province): the
 * facility master of each code's province, and the identities held in other provinces' databases
 * (the national identifier index, rosters/identifier-index.ts). Absent: everything is in `db`.
 */
export interface CheckPlaces {
  /** Facility facts, each code's from the database of its province. */
  facilities(kodes: readonly string[]): Promise<Map<string, FacilityFact>>;
  /** Current-roster identities held outside the upload's own database. */
  elsewhere(ids: { niks: string[]; nips: string[]; strs: string[] }): Promise<StoredIdentity[]>;
  /** Whether any identity can be held outside the upload's own database (false: `elsewhere` is always []). */
  splitDatabases: boolean;
  /** The reader of a facility's stored rosters (its province's database). */
  readerOf?(kode: string): Reader;
}

/** The places of a deployment with one database. */
const oneDatabase = (db: Reader): CheckPlaces => ({ facilities: (kodes) => facilityFacts(db, kodes), elsewhere: async () => [], splitDatabases: false });

/**
 * Validates a roster with what the database knows (facility master, scope, the current rosters of
 * other facilities), then compares it with the stored rosters of its facilities.
 */
export async function checkRoster(db: Reader, req: RosterRequest, who: TokenInfo, opts: { lang: Lang; maxRows: number; now?: number }, places?: CheckPlaces): Promise<Checked> {
  return compareWithStored(db, await validateWithFacts(db, req, who, opts, places));
}

/**
 * The first half of checkRoster. The request is not needed after it returns, so a caller that passes
 * it inline lets its rows (the bulk of a large upload's memory) go before the diff is built.
 * `db` is the upload's province database (its own rows are read there); `places` the others.
 */
export async function validateWithFacts(
  db: Reader,
  req: RosterRequest,
  who: TokenInfo,
  opts: { lang: Lang; maxRows: number; now?: number },
  places: CheckPlaces = oneDatabase(db),
): Promise<Validated> {
  const refused = tooLarge(req, opts.maxRows, opts.lang);
  if (refused) return { asOf: req.as_of ?? todayIn(null, opts.now), result: refused, kodes: [] };

  const ids = identifiersOf(req);
  const lookup = { niks: [...ids.niks, ...ids.pelatihanOnlyNiks], nips: [...ids.nips], strs: [...ids.strs] };
  const [facilities, own, elsewhere] = await Promise.all([places.facilities([...ids.kodes]), findIdentities(db, lookup), places.elsewhere(lookup)]);
  const identities = elsewhere.length === 0 ? own : [...own, ...elsewhere];
  const where = [...ids.kodes].find((k) => facilities.has(k)) ?? null;
  const asOf = notAfterTomorrow(req.as_of, todayIn(where, opts.now), "as_of");
  // Where the stored holders lie: the master says, for every facility the scope check needs.
  const unknown = [...new Set(identities.map((s) => s.kode_fasyankes))].filter((k) => !facilities.has(k));
  const holders = isNational(who.scope) || unknown.length === 0 ? facilities : new Map([...facilities, ...(await places.facilities(unknown))]);
  const within = (kode: string) => inScope(kode, who.scope, holders.get(kode)) === true;

  // The upload replaces the rosters of its known facilities in scope; rows for any other are refused.
  const kodes = [...ids.kodes].filter((k) => facilities.has(k) && within(k)).sort();
  const ctx: ValidationContext = {
    asOf,
    lang: opts.lang,
    facilities,
    scope: validatorScope(who.scope),
    ...storedFacts(identities, new Set(kodes), within),
    limits: { maxRows: opts.maxRows },
  };
  // One upload, one province (SPEC §5): judged on the known facilities in scope, the ones the
  // upload would store (rows of others are refused already, and tell nothing more here).
  const inScopeFacilities = new Map(kodes.map((k) => [k, facilities.get(k)!]));
  const spread = multiProvinceIssues(facilityCodeByRow(req), inScopeFacilities, opts.lang);
  const result = withIssues(validateRoster(req, ctx), spread);
  return { asOf, result, kodes };
}

/** The validator's result with the Worker's own findings added (counts and ok follow). */
function withIssues(result: ValidationResult, extra: readonly Issue[]): ValidationResult {
  if (extra.length === 0) return result;
  const issues = [...result.issues, ...extra];
  const counts = countIssues(issues);
  return { ...result, issues, counts, ok: counts.error === 0 };
}

/**
 * The second half of checkRoster: the stored versions of the facilities, the diff and the base.
 * `places` reads each facility's state in its province's database (only a roster already refused as
 * upload.multi_province names facilities of another); absent, `db` holds them all.
 */
export async function compareWithStored(db: Reader, { asOf, result, kodes }: Validated, places?: Pick<CheckPlaces, "readerOf">): Promise<Checked> {
  const training = trainingByNik(result.pelatihan);
  const persons = result.nakes.map((record) => ({ record, fp: fingerprint(record, training.get(record.nik)) }));
  const compared = await compareAt(
    db,
    kodes,
    persons.map((p) => ({ kode_fasyankes: p.record.kode_fasyankes, nik: p.record.nik, fp: p.fp })),
    asOf,
    places?.readerOf,
  );
  return { asOf, result, kodes, ...compared, persons };
}

/** An upload's persons compared with the rosters of its facilities at its as_of, as of one snapshot. */
export interface Compared {
  pointers: Map<string, string | null>;
  latestSince: string | null;
  base: string;
  diff: DiffEntry[];
}

/**
 * The stored versions of `kodes`, the diff of `incoming` against the rosters that held at `asOf`
 * (SPEC §6) and the base (If-Match tag) over each facility's latest recorded upload, so any upload
 * landing in between, back-dated or not, changes it: what a dry run answers, and what the commit of a
 * staged upload recomputes at commit time.
 */
export async function compareAt(db: Reader, kodes: readonly string[], incoming: readonly PersonAt[], asOf: string, readerOf?: (kode: string) => Reader): Promise<Compared> {
  const { pointerRows, stored } = await storedStateIn(db, kodes, asOf, readerOf);
  const pointers = new Map<string, string | null>(kodes.map((k) => [k, null]));
  let latestSince: string | null = null;
  for (const p of pointerRows) {
    pointers.set(p.kode_fasyankes, p.last_upload_id);
    if (latestSince === null || p.last_at > latestSince) latestSince = p.last_at;
  }
  return { pointers, latestSince, base: await baseTag(pointers), diff: diffRosters(kodes, incoming, stored) };
}

/** storedState of each group of facilities that one reader holds, in parallel. */
async function storedStateIn(db: Reader, kodes: readonly string[], asOf: string, readerOf?: (kode: string) => Reader): Promise<{ pointerRows: Pointer[]; stored: PersonFingerprint[] }> {
  const groups = new Map<Reader, string[]>();
  for (const k of kodes) {
    const r = readerOf?.(k) ?? db;
    const list = groups.get(r);
    if (list) list.push(k);
    else groups.set(r, [k]);
  }
  if (groups.size <= 1) return storedState([...groups.keys()][0] ?? db, kodes, asOf);
  const parts = await Promise.all([...groups].map(([r, list]) => storedState(r, list, asOf)));
  return { pointerRows: parts.flatMap((p) => p.pointerRows), stored: parts.flatMap((p) => p.stored) };
}

/** Pointers and fingerprints of the facilities, read in one batch: one consistent snapshot. */
async function storedState(db: Reader, kodes: readonly string[], asOf: string): Promise<{ pointerRows: Pointer[]; stored: PersonFingerprint[] }> {
  if (kodes.length === 0) return { pointerRows: [], stored: [] };
  const p = currentPointerStatements(db, kodes);
  const f = fingerprintsAtStatements(db, kodes, asOf);
  const results = await db.batch([...p, ...f]);
  return {
    pointerRows: results.slice(0, p.length).flatMap((r) => r.results as Pointer[]),
    stored: results.slice(p.length).flatMap((r) => r.results as PersonFingerprint[]),
  };
}
