import { createApp } from "../../worker/app";
import type { Bindings } from "../../worker/env";
import { floorD1Routes } from "./floor-d1";
import { naiveInsertRoutes } from "./naive-insert";
import { serverTimingOf, timedDatabase, type BatchTiming } from "./timed-db";

/**
 * The Worker the upload benchmark runs (bench/worker/wrangler.jsonc): the deployed API of
 * worker/app.ts, plus the naive one-INSERT-per-row path at POST /bench/naive-insert to compare with
 * and the raw insert through D1 at POST /bench/floor-d1 (bench/worker/floor-d1.ts).
 * Its DB binding is timed (bench/worker/timed-db.ts): each answer's Server-Timing gains where the
 * request's write batches spent, so the benchmark can say what "store" holds.
 */
const app = createApp();
app.route("/bench", naiveInsertRoutes);
app.route("/bench", floorD1Routes);

export default {
  async fetch(request: Request, env: Bindings, ctx: Parameters<typeof app.fetch>[2]): Promise<Response> {
    const log: BatchTiming[] = [];
    const res = await app.fetch(request, { ...env, DB: timedDatabase(env.DB, log) }, ctx);
    const split = serverTimingOf(log);
    if (!split) return res;
    const out = new Response(res.body, res);
    const timing = out.headers.get("Server-Timing");
    out.headers.set("Server-Timing", timing ? `${timing}, ${split}` : split);
    return out;
  },
};
