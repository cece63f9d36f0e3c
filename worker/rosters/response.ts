import type { UploadResponse, ValidateResponse } from "../../shared/api/rosters";
import type { Issue } from "../../shared/schema/issue";
import type { Reader } from "../db/types";
import { getText, uploadIssuesOwner } from "../store/text-parts";
import type { UploadRow } from "../store/uploads";
import { versionsOfUpload } from "../store/versions";
import type { Checked } from "./check";

export function validateResponse(c: Checked): ValidateResponse {
  return { ok: c.result.ok, counts: c.result.counts, issues: c.result.issues, diff: c.diff, base: c.base };
}

/** Warnings and info: what a 201 returns and the upload's history keeps. */
export const storedIssues = (issues: readonly Issue[]): Issue[] => issues.filter((i) => i.severity !== "error");

export function uploadResponse(uploadId: string, c: Checked): UploadResponse {
  return {
    upload_id: uploadId,
    stored: { nakes: c.result.nakes.length, pelatihan: c.result.pelatihan.length },
    counts: c.result.counts,
    issues: storedIssues(c.result.issues),
    diff: c.diff,
  };
}

/** The 201 of a stored upload, rebuilt from what was stored (an idempotent replay). */
export async function storedUploadResponse(db: Reader, row: Pick<UploadRow, "id" | "nakes_rows" | "pelatihan_rows" | "n_error" | "n_warning" | "n_info">): Promise<UploadResponse> {
  const [issues, versions] = await Promise.all([getText(db, uploadIssuesOwner(row.id)), versionsOfUpload(db, row.id)]);
  return {
    upload_id: row.id,
    stored: { nakes: row.nakes_rows, pelatihan: row.pelatihan_rows },
    counts: { error: row.n_error, warning: row.n_warning, info: row.n_info },
    issues: issues ? (JSON.parse(issues) as Issue[]) : [],
    diff: versions.map(({ kode_fasyankes, added, removed, changed, unchanged }) => ({ kode_fasyankes, added, removed, changed, unchanged })),
  };
}
