import type { Context } from "hono";
import { HTTPException } from "hono/http-exception";
import type { ContentfulStatusCode } from "hono/utils/http-status";
import type { ErrorBody, ErrorCode } from "../../shared/api/errors";
import { codeForStatus } from "../../shared/api/status";
import type { Issue, Lang } from "../../shared/schema/issue";
import type { AppEnv } from "../env";
import { MESSAGES } from "./messages";

/** A sentence in both languages of the API (Indonesian first). */
export interface Bilingual {
  id: string;
  en: string;
}

/**
 * A refusal with its status, its code from shared/api/errors and a bilingual message. Thrown anywhere
 * below a route; the app's error handler turns it into the one error shape of SPEC §7.
 */
export class ApiError extends Error {
  constructor(
    readonly status: ContentfulStatusCode,
    readonly code: ErrorCode,
    readonly text: Bilingual,
    readonly issues?: Issue[],
    readonly headers?: Record<string, string>,
  ) {
    super(text.en);
    this.name = "ApiError";
  }
}

export const langOf = (c: Context<AppEnv>): Lang => (c.get("lang") === "en" ? "en" : "id");

export function errorBody(c: Context<AppEnv>, code: ErrorCode, message: string, issues?: Issue[]): ErrorBody {
  const body: ErrorBody = { error: { code, message, request_id: c.get("requestId") ?? "" } };
  if (issues !== undefined) body.error.issues = issues;
  return body;
}

export function errorResponse(c: Context<AppEnv>, err: ApiError): Response {
  for (const [k, v] of Object.entries(err.headers ?? {})) c.header(k, v);
  return c.json(errorBody(c, err.code, err.text[langOf(c)], err.issues), err.status);
}

/** Messages of statuses Hono raises by itself, so even those read in the client's language. */
const GENERIC: Record<number, Bilingual> = {
  400: MESSAGES.badRequest,
  404: MESSAGES.notFound,
  405: MESSAGES.methodNotAllowed,
  413: MESSAGES.payloadTooLarge,
  415: MESSAGES.unsupportedJsonOnly,
};

export function fromHttpException(e: HTTPException): ApiError {
  const status = (e.status >= 400 && e.status < 500 ? e.status : 400) as ContentfulStatusCode;
  const text = GENERIC[status] ?? MESSAGES.refused(status);
  return new ApiError(status, codeForStatus(status), text);
}

/**
 * An error message fit for a log line: NIK/NIP-like digit runs and quoted values (which could hold a
 * name) are blanked. Only unexpected errors are logged at all.
 */
export function scrub(message: string): string {
  return message
    .replace(/\d{8,}/g, "#")
    .replace(/'[^']*'|"[^"]*"/g, "'…'")
    .slice(0, 300);
}
