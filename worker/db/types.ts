/**
 * What the storage modules need of D1: a database, a Sessions API session, or anything shaped like
 * them (the national generator runs the same SQL over node:sqlite). Reads and writes are told apart
 * so that reads can go through `withSession` (db/session.ts).
 */
export type Reader = Pick<D1Database, "prepare" | "batch">;
export type Writer = Pick<D1Database, "prepare" | "batch">;

export type SqlValue = string | number | null;

/** A statement before it is prepared: SQL text and its bound values. */
export interface Sql {
  sql: string;
  params: SqlValue[];
}
