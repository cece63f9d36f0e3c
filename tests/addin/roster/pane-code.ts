import { preloadApiClient } from "../../../addin/api/lazy-client";
import { preloadDialogParts } from "../../../addin/roster/RosterBody";
import { loadEngine } from "../../../addin/roster/load-engine";

/**
 * The code the pane loads lazily and main.tsx preloads beside the first screen: the roster checker,
 * the result view and send dialog, the API client, the reference cache. Roster tests await it in
 * `beforeAll` (no time limit but the hook's), so their 1 s `findBy*` waits measure the flow itself and
 * not how long a loaded machine takes to transform and import those chunks. The browser test
 * (tests/e2e/pane.test.ts) covers loading them for real.
 */
export async function loadPaneCode(): Promise<void> {
  await Promise.all([
    loadEngine(),
    preloadDialogParts(),
    preloadApiClient(),
    import("../../../addin/api/reference-cache"),
  ]);
}

/** Long enough for the first import of the checker on a busy machine (it took ~2 s at load 9). */
export const LOAD_TIMEOUT_MS = 60_000;
