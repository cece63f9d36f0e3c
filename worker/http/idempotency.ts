import type { Context } from "hono";
import type { AppEnv } from "../env";
import { sha256Hex } from "../auth/secret";
import type { Writer } from "../db/types";
import { claimKey, finishWithBody, releaseKey, storedBody } from "../store/idempotency";
import { ApiError, errorResponse } from "./errors";

export interface IdempotencyClaim {
  tokenId: string;
  key: string;
}

/** Running claims older than this are considered dead (their Worker is gone) and may be taken over. */
const STALE_AFTER_MS = 5 * 60_000;

/** The Idempotency-Key header: absent, or 1–255 visible ASCII characters (400 otherwise). */
export function idempotencyKeyOf(c: Context<AppEnv>): string | undefined {
  const key = c.req.header("Idempotency-Key");
  if (key === undefined) return undefined;
  const k = key.trim().replace(/^"(.*)"$/, "$1");
  if (!/^[\x21-\x7e]{1,255}$/.test(k)) {
    throw new ApiError(400, "bad_request", {
      id: "Idempotency-Key harus 1–255 karakter ASCII yang terlihat (misalnya sebuah UUID).",
      en: "Idempotency-Key must be 1–255 visible ASCII characters (a UUID, for example).",
    });
  }
  return k;
}

export const requestFingerprint = (parts: readonly string[]): Promise<string> => sha256Hex(parts.join("\n"));

/**
 * Idempotency-Key semantics of SPEC §7 around `work`: the first request with a key runs; a retry with
 * the same key and body gets the first result (the 201 rebuilt from the stored upload, or the refusal
 * stored as it was sent); while the first still runs, 409; the same key with another body, 422.
 * `work` receives the claim so the upload can settle it inside its own commit batch.
 */
export async function idempotent(
  c: Context<AppEnv>,
  db: Writer,
  key: string | undefined,
  requestHash: string,
  work: (claim: IdempotencyClaim | undefined) => Promise<Response>,
  replayUpload: (uploadId: string) => Promise<Response>,
): Promise<Response> {
  if (key === undefined) return work(undefined);
  const tokenId = c.get("token").id;
  const now = new Date();
  const claim = await claimKey(db, tokenId, key, requestHash, now.toISOString(), new Date(now.getTime() - STALE_AFTER_MS).toISOString());
  if (claim.kind === "mismatch") {
    throw new ApiError(422, "idempotency_key_reused", {
      id: "Idempotency-Key ini sudah dipakai untuk isi permintaan yang lain. Buat kunci baru untuk unggahan baru.",
      en: "This Idempotency-Key was already used with a different request body. Use a new key for a new upload.",
    });
  }
  if (claim.kind === "running") {
    throw new ApiError(
      409,
      "conflict",
      {
        id: "Permintaan dengan Idempotency-Key ini masih diproses. Coba lagi sebentar lagi.",
        en: "A request with this Idempotency-Key is still being processed. Try again shortly.",
      },
      undefined,
      { "Retry-After": "2" },
    );
  }
  if (claim.kind === "done") {
    c.header("Idempotent-Replayed", "true");
    if (claim.uploadId !== null) return replayUpload(claim.uploadId);
    const body = await storedBody(db, tokenId, key);
    return c.body(body ?? "", claim.status as 400, { "Content-Type": "application/json; charset=UTF-8" });
  }

  const settled = { tokenId, key };
  try {
    const res = await work(settled);
    // A 201 settled its claim inside the upload's commit batch.
    if (res.status !== 201) await finishWithBody(db, tokenId, key, res.status, await res.clone().text());
    return res;
  } catch (e) {
    if (e instanceof ApiError) {
      const res = errorResponse(c, e);
      await finishWithBody(db, tokenId, key, res.status, await res.clone().text());
      return res;
    }
    await releaseKey(db, tokenId, key).catch(() => undefined);
    throw e;
  }
}
