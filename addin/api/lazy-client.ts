import type { ApiClient, ClientOptions } from "./client";

/**
 * An ApiClient whose code (and zod, and the response schemas) loads on the first call, not with the
 * pane's first screen (issue 13 item 1: ≤ 150 KB of gzipped JS before it). The same methods as
 * `createApiClient`; the first call waits for the chunk, later ones do not.
 */
export function lazyApiClient(opts: ClientOptions): ApiClient {
  let real: Promise<ApiClient> | null = null;
  const load = () => (real ??= import("./client").then((m) => m.createApiClient(opts)));
  return {
    reference: () => load().then((c) => c.reference()),
    validate: (req, o) => load().then((c) => c.validate(req, o)),
    push: (req, o) => load().then((c) => c.push(req, o)),
    coverage: (q) => load().then((c) => c.coverage(q)),
    facilities: () => load().then((c) => c.facilities()),
    uploads: (q) => load().then((c) => c.uploads(q)),
    tindakLanjut: (q) => load().then((c) => c.tindakLanjut(q)),
    penempatan: (b) => load().then((c) => c.penempatan(b)),
  };
}

/** Starts loading the client's code in the background (after the first paint). */
export function preloadApiClient(): Promise<unknown> {
  return import("./client");
}
