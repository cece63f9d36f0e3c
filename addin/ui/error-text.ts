import type { ErrorCode } from "../../shared/api/errors";
import { isApiError } from "../api/errors";
import type { Strings } from "../i18n";

export interface ErrorText {
  title: string;
  body: string;
  /** The server's own words and request id, for a support call. */
  detail: string | null;
}

/** A plain-language message for anything a flow can throw: API errors by kind and code, Excel errors, the rest. */
export function errorText(error: unknown, t: Strings): ErrorText {
  if (isApiError(error)) {
    const detailParts = [
      error.kind === "http" && !/^HTTP \d+$/.test(error.message) ? error.message : null,
      error.requestId ? t.errors.requestId(error.requestId) : null,
    ].filter((p): p is string => p !== null);
    const detail = detailParts.length ? detailParts.join(" · ") : null;
    switch (error.kind) {
      case "not_configured":
        return { title: t.errors.title, body: t.errors.notConfigured, detail: null };
      case "network":
        return { title: t.errors.title, body: t.errors.network, detail: null };
      case "timeout":
        return { title: t.errors.title, body: t.errors.timeout, detail: null };
      case "unexpected":
        return { title: t.errors.title, body: t.errors.unexpected, detail: null };
      case "cancelled":
        return { title: t.errors.title, body: t.roster.cancelled, detail: null };
      case "http":
        return { title: t.errors.title, body: byCode(error.code, t), detail };
    }
  }
  // office.js rejects with OfficeExtension.Error, which carries a readable message.
  const message = error instanceof Error ? error.message : String(error);
  return { title: t.errors.title, body: t.errors.workbook, detail: message || null };
}

function byCode(code: ErrorCode | null, t: Strings): string {
  switch (code) {
    case "unauthorized":
      return t.errors.unauthorized;
    case "forbidden":
      return t.errors.forbidden;
    case "not_found":
      return t.errors.notFound;
    case "conflict":
      return t.errors.conflict;
    case "idempotency_key_reused":
      return t.errors.idempotencyReused;
    case "precondition_failed":
      return t.push.conflictBody;
    case "payload_too_large":
      return t.errors.payloadTooLarge;
    case "unsupported_media_type":
      return t.errors.unsupported;
    case "validation_failed":
      return t.errors.validation;
    case "rate_limited":
      return t.errors.rateLimited;
    case "internal":
      return t.errors.server;
    case "bad_request":
    case null:
      return t.errors.badRequest;
  }
}
