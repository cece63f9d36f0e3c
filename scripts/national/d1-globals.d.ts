/**
 * The D1 binding's types, for node-side code (this generator, `npm start`'s scripts) that runs the
 * Worker's storage modules over node:sqlite. The root TypeScript project has DOM and Node types, not
 * the Workers runtime's; this names the few D1 types those modules mention, from workers-types' module
 * form, without bringing the whole runtime's globals in.
 */
import type * as W from "@cloudflare/workers-types/index.ts";

declare global {
  type D1Database = W.D1Database;
  type D1DatabaseSession = W.D1DatabaseSession;
  type D1PreparedStatement = W.D1PreparedStatement;
  type D1Result<T = unknown> = W.D1Result<T>;
  type D1SessionBookmark = W.D1SessionBookmark;
  type D1SessionConstraint = W.D1SessionConstraint;
}
export {};
