import type { TokenInfo } from "../auth/token-info";
import type { Reader, Writer } from "../db/types";
import { ApiError } from "../http/errors";
import { nipTakenSince, personsOfUpload } from "../store/nakes";
import { stagedUpload } from "../store/upload-leases";
import { compareAt } from "./check";
import { commitStaged, StaleBaseError } from "./commit";

const gone = () =>
  new ApiError(404, "not_found", {
    id: "Roster yang disiapkan tidak ditemukan atau sudah kedaluwarsa (24 jam). Kirim roster lengkap lagi.",
    en: "The staged roster is unknown or has expired (24 h). Send the whole roster again.",
  });

/**
 * Commits an upload a dry run staged (issue 13, SPEC §7: "the send then commits the staged upload by
 * id, with every guarantee of POST /v1/rosters"): only the token that staged it, before it expires
 * (else 404, the same answer as for an unknown id, so no other token learns it exists). The diff and
 * base are recomputed from the primary at commit time; `ifMatch` tags (the dry run's base) that no
 * longer match, a NIP of the staging taken by another person in its scope since (nip.duplicate), or a
 * commit racing another upload or a second commit of the same staging, throw StaleBaseError (412)
 * with nothing changed. Warnings computed at staging (nik.multi_facility, str.duplicate) are kept as
 * they were. The commit batch settles the Idempotency-Key claim.
 * `db` writes, `primary` reads the latest state. Returns the facilities it made current (sorted).
 */
export async function commitStagedUpload(
  db: Writer,
  primary: Reader,
  a: { id: string; token: TokenInfo; ifMatch: string[] | null; idempotency?: { tokenId: string; key: string } },
): Promise<string[]> {
  const staged = await stagedUpload(primary, a.id, new Date().toISOString());
  if (!staged || staged.staged_by !== a.token.id) throw gone();
  const persons = await personsOfUpload(primary, a.id);
  const nakesPerFacility = new Map<string, number>();
  for (const p of persons) nakesPerFacility.set(p.kode_fasyankes, (nakesPerFacility.get(p.kode_fasyankes) ?? 0) + 1);
  const kodes = [...nakesPerFacility.keys()].sort();
  const compared = await compareAt(primary, kodes, persons, staged.as_of);
  if (a.ifMatch && !a.ifMatch.includes(compared.base)) throw new StaleBaseError();
  // The one cross-facility error that an upload elsewhere can raise after the dry run: a NIP now held
  // by another person. Then the dry run's answer no longer holds (412: validate again).
  if (await nipTakenSince(primary, a.id, a.token.scope)) throw new StaleBaseError();
  // The pointers just read guard the commit even without If-Match: nothing may land in between.
  await commitStaged(db, { id: a.id, asOf: staged.as_of, diff: compared.diff, nakesPerFacility, expected: compared.pointers, idempotency: a.idempotency }, compared.latestSince);
  return kodes;
}
