import { errorBodySchema } from "../../shared/api/errors";

const WHY: Record<number, string> = {
  400: "Malformed request (unreadable JSON or CSV, wrong shape, bad query)",
  401: "No token, or an unknown or revoked one",
  403: "The token's role or scope does not allow this",
  404: "Not found (or not visible in the token's scope)",
  409: "Conflict: the same Idempotency-Key is still being processed",
  412: "If-Match: another upload changed these facilities since the dry run",
  413: "Body over the size limit (50 MB by default; the message states it)",
  415: "Content-Type not accepted",
  422: "Validation failed: the issues say where; nothing was stored (or an Idempotency-Key reused with another body)",
  429: "Rate limited: see Retry-After",
};

/** The error responses of a route, all in the one error shape of SPEC §7. */
export function errors(...statuses: number[]) {
  return Object.fromEntries(
    [...statuses, 429].map((s) => [s, { description: WHY[s] ?? "Error", content: { "application/json": { schema: errorBodySchema } } }]),
  );
}

export const json = <S>(schema: S, description: string) => ({ description, content: { "application/json": { schema } } });

export const bearer = [{ bearer: [] as string[] }];
