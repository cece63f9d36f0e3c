import type { ApiClient, UploadProgress } from "../../api/client";
import { isApiError } from "../../api/errors";
import type { FlowEvent } from "../flow";
import type { MappedRoster } from "../to-request";
import { serverFindings, type Findings } from "./findings";

export interface ServerCheckOptions {
  signal?: AbortSignal;
  onTransfer?: (p: UploadProgress) => void;
}

/**
 * The dry run (POST /v1/rosters/validate?stage=1, SPEC §7): the server's issues, diff and base, and
 * the staged upload Kirim commits. Rejects with the client's ApiError (see `serverCheckFailed`).
 */
export async function checkOnServer(client: Pick<ApiClient, "validate">, mapped: MappedRoster, opts: ServerCheckOptions = {}): Promise<Findings> {
  const res = await client.validate(mapped.request, { stage: true, signal: opts.signal, onProgress: opts.onTransfer });
  return serverFindings(res);
}

/**
 * What a failed dry run means for the flow: cancelled by the user; unreachable (the local check
 * stands; `midway` when bytes had already moved); anything else a failure to show.
 */
export function serverCheckFailed(e: unknown, midway: boolean): FlowEvent {
  if (isApiError(e) && e.kind === "cancelled") return { type: "cancelled" };
  if (isApiError(e) && (e.kind === "network" || e.kind === "timeout")) return { type: "unreachable", midway };
  return { type: "failed", error: e };
}
