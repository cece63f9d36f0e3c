import { createApp } from "../../worker/app";
import { naiveInsertRoutes } from "./naive-insert";

/**
 * The Worker the upload benchmark runs (bench/worker/wrangler.jsonc): the deployed API of
 * worker/app.ts, plus the naive one-INSERT-per-row path at POST /bench/naive-insert to compare with.
 */
const app = createApp();
app.route("/bench", naiveInsertRoutes);

export default app;
