import type { ErrorCode } from "./errors";

/**
 * The error code an HTTP status stands for in the API's error shape (SPEC §7), for answers that carry
 * no code of their own (a proxy's error page, Hono's own 404, a zod hook). The Worker raises with it
 * and the add-in reads with it, so both name a status alike. No zod here: the pane's first load
 * imports this.
 */
const CODE_OF_STATUS: Readonly<Record<number, ErrorCode>> = {
  400: "bad_request",
  401: "unauthorized",
  403: "forbidden",
  404: "not_found",
  409: "conflict",
  412: "precondition_failed",
  413: "payload_too_large",
  415: "unsupported_media_type",
  422: "validation_failed",
  429: "rate_limited",
};

/** Any other 4xx is `bad_request`; 5xx (and anything else) `internal`. */
export function codeForStatus(status: number): ErrorCode {
  return CODE_OF_STATUS[status] ?? (status >= 400 && status < 500 ? "bad_request" : "internal");
}
