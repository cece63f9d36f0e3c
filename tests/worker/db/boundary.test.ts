/// <reference types="vite/client" />
import { describe, expect, it } from "vitest";

/**
 * Issue 14 item 4: worker/db/ is plumbing that takes a D1 handle and a bookmark, and worker/store/ is
 * SQL; neither reads a request. What a request says (its bookmark header, its token's scope) is read in
 * worker/http/databases.ts, which hands db/ a handle.
 */
const sources = import.meta.glob<string>(["../../../worker/db/*.ts", "../../../worker/store/*.ts"], { query: "?raw", import: "default", eager: true });

const importsOf = (text: string): string[] => [...text.matchAll(/^\s*(?:import|export)[^;]*?from\s+"([^"]+)"/gms)].map((m) => m[1]!);

describe("the storage boundary", () => {
  it("has db/ and store/ import neither Hono, the HTTP side nor auth/ (auth reads store, not the other way round)", () => {
    const files = Object.keys(sources);
    expect(files.some((f) => f.endsWith("/db/session.ts"))).toBe(true);
    const leaks = files.flatMap((f) => importsOf(sources[f]!).filter((i) => /^hono|^@hono|\/http\/|\/routes\/|\/openapi\/|\/auth\//.test(i)).map((i) => `${f}: ${i}`));
    expect(leaks).toEqual([]);
  });

  it("keeps no Hono Context in db/", () => {
    for (const [f, text] of Object.entries(sources)) if (f.includes("/db/")) expect(text, f).not.toMatch(/\bContext\s*</);
  });
});
