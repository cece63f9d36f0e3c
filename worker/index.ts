import { createApp } from "./app";
import type { Bindings } from "./env";
import { sweepAll } from "./sweep";

/** The Hono app of worker/app.ts. */
const app = createApp();

/**
 * The Worker: the API, and the scheduled job (wrangler.jsonc `triggers.crons`) that sweeps expired
 * Idempotency-Keys and uncommitted uploads past their lease, and reconciles the national identifier
 * index with the province databases (worker/sweep.ts).
 */
export default {
  fetch: app.fetch,
  scheduled(controller, env, ctx) {
    ctx.waitUntil(sweepAll(env, new Date(controller.scheduledTime)));
  },
} satisfies ExportedHandler<Bindings>;
