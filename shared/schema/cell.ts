import { z } from "zod";

/** A cell as Excel (or a CSV or JSON client) hands it over: no Date objects, no undefined. */
export const cellSchema = z.union([z.string(), z.number(), z.boolean(), z.null()]);
export type Cell = z.infer<typeof cellSchema>;

/**
 * The table shape every upload uses (SPEC §7): column keys, then rows as arrays aligned with them.
 * Row index in issues is the 0-based index into `rows`.
 */
/** The most columns a table may have, and the longest header that can name one (JSON and CSV alike). */
export const MAX_COLUMNS = 200;
export const MAX_HEADER_CHARS = 200;

export const tableSchema = z.object({
  columns: z.array(z.string().max(MAX_HEADER_CHARS)).max(MAX_COLUMNS),
  rows: z.array(z.array(cellSchema)),
});
export type Table = z.infer<typeof tableSchema>;

/** ISO calendar date, yyyy-mm-dd. */
export const isoDateSchema = z.iso.date();
export type IsoDate = z.infer<typeof isoDateSchema>;
