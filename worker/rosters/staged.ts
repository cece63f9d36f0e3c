import { inScope, isNational } from "../auth/scope";
import type { TokenInfo } from "../auth/token-info";
import type { Reader, Writer } from "../db/types";
import { ApiError } from "../http/errors";
import { nipsOfUpload, nipTakenSince, personsOfUpload } from "../store/nakes";
import { stagedUpload } from "../store/upload-leases";
import { compareAt, type CheckPlaces } from "./check";
import { commitStaged, StaleBaseError } from "./commit";
import { MESSAGES } from "../http/messages";

const gone = () =>
  new ApiError(404, "not_found", MESSAGES.stagedGone);

/**
 * Commits an upload a dry run staged (issue 13, SPEC §7: "the send then commits the staged upload by
 * id, with every guarantee of POST /v1/rosters"): only the token that staged it, before it expires
 * (else 404, the same answer as for an unknown id, so no other token learns it exists). The diff and
 * base are recomputed from the primary at commit time; `ifMatch` tags (the dry run's base) that no
 * longer match, a NIP of the staging taken by another person in its scope since (nip.duplicate), or a
 * commit racing another upload or a second commit of the same staging, throw StaleBaseError (412)
 * with nothing changed. Warnings computed at staging (nik.multi_facility, str.duplicate) are kept as
 * they were. The commit batch settles the Idempotency-Key claim.
 * `db` writes, `primary` reads the latest state; `places` reads the other provinces' holders (the
 * national identifier index, as the dry run does: rosters/places.ts). Returns the facilities it made
 * current (sorted).
 */
export async function commitStagedUpload(
  db: Writer,
  primary: Reader,
  places: Pick<CheckPlaces, "elsewhere" | "facilities" | "splitDatabases">,
  a: { id: string; token: TokenInfo; ifMatch: string[] | null; idempotency?: { tokenId: string; key: string } },
): Promise<string[]> {
  const staged = await stagedUpload(primary, a.id, new Date().toISOString());
  if (!staged || staged.staged_by !== a.token.id) throw gone();
  const persons = await personsOfUpload(primary, a.id);
  // Rows a Worker before migration 0100 staged lie in nakes, not in nakes_staged: such a staging is
  // gone (the pane stages again), never committed as an empty roster.
  if (persons.length !== staged.nakes_rows) throw gone();
  const nakesPerFacility = new Map<string, number>();
  for (const p of persons) nakesPerFacility.set(p.kode_fasyankes, (nakesPerFacility.get(p.kode_fasyankes) ?? 0) + 1);
  const kodes = [...nakesPerFacility.keys()].sort();
  const compared = await compareAt(primary, kodes, persons, staged.as_of);
  if (a.ifMatch && !a.ifMatch.includes(compared.base)) throw new StaleBaseError();
  // The one cross-facility error that an upload elsewhere can raise after the dry run: a NIP now held
  // by another person. Then the dry run's answer no longer holds (412: validate again).
  const [takenHere, takenElsewhere] = await Promise.all([nipTakenSince(primary, a.id, a.token.scope), nipTakenInOtherDatabase(primary, places, a.id, kodes, a.token.scope)]);
  if (takenHere || takenElsewhere) throw new StaleBaseError();
  // The pointers just read guard the commit even without If-Match: nothing may land in between.
  await commitStaged(db, { id: a.id, asOf: staged.as_of, diff: compared.diff, nakesPerFacility, expected: compared.pointers, idempotency: a.idempotency }, compared.latestSince);
  return kodes;
}

/**
 * nipTakenSince's check against the holders outside the upload's database (the identifier index of
 * SPEC §7, read through `places.elsewhere`): a NIP of the staged rows held by another NIK in the current
 * roster of a facility the upload does not replace and that lies in `scope`. Holders outside the scope
 * are not compared (SPEC §7 Access; the dry run told nip.elsewhere). False with one database.
 */
async function nipTakenInOtherDatabase(
  primary: Reader,
  places: Pick<CheckPlaces, "elsewhere" | "facilities" | "splitDatabases">,
  uploadId: string,
  kodes: readonly string[],
  scope: string,
): Promise<boolean> {
  // With one database nothing is held elsewhere: skip reading the upload's NIPs at all.
  if (!places.splitDatabases) return false;
  const mine = await nipsOfUpload(primary, uploadId);
  if (mine.length === 0) return false;
  const niksOf = new Map<string, Set<string>>();
  for (const m of mine) niksOf.set(m.nip, (niksOf.get(m.nip) ?? new Set()).add(m.nik));
  const replaced = new Set(kodes);
  const holders = (await places.elsewhere({ niks: [], nips: [...niksOf.keys()], strs: [] })).filter(
    (h) => h.nip !== null && niksOf.has(h.nip) && !niksOf.get(h.nip)!.has(h.nik) && !replaced.has(h.kode_fasyankes),
  );
  if (holders.length === 0 || isNational(scope)) return holders.length > 0;
  const facts = await places.facilities([...new Set(holders.map((h) => h.kode_fasyankes))]);
  return holders.some((h) => inScope(h.kode_fasyankes, scope, facts.get(h.kode_fasyankes)) === true);
}
