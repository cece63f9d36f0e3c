import { OpenAPIHono } from "@hono/zod-openapi";
import type { AppEnv } from "../env";
import { describeZodError } from "../http/body";
import { ApiError } from "../http/errors";
import { MESSAGES } from "../http/messages";

/**
 * A sub-app whose zod-validated query, path and header parts refuse bad input as 400 in the one error
 * shape. Bodies are read by the routes themselves (http/body.ts): they need 413/415 handling, CSV, and
 * a single parse of possibly 50 MB.
 */
export function routes(): OpenAPIHono<AppEnv> {
  return new OpenAPIHono<AppEnv>({
    defaultHook: (result) => {
      if (!result.success) {
        const detail = describeZodError(result.error);
        throw new ApiError(400, "bad_request", MESSAGES.invalidParameters(result.target, detail));
      }
    },
  });
}
