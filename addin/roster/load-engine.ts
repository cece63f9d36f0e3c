/** The roster checker's module (engine.ts), loaded on first need or in the background after first paint. */
export type Engine = typeof import("./engine");

let loading: Promise<Engine> | null = null;

/** The engine, loaded once; a failed load (offline before it was cached) is tried again next time. */
export function loadEngine(): Promise<Engine> {
  loading ??= import("./engine").catch((e: unknown) => {
    loading = null;
    throw e;
  });
  return loading;
}
