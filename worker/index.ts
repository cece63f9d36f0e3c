import { createApp } from "./app";

/** The Worker: the Hono app of worker/app.ts. */
const app = createApp();

export default app;
