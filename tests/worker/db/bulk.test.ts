import { describe, expect, it } from "vitest";
import { jsonChunks } from "../../../worker/db/bulk";
import { D1_LIMITS, utf8Bytes } from "../../../worker/db/limits";

/**
 * db/bulk.ts cuts an upload's rows into JSON chunks by D1's 1 MB per value, counted in UTF-8 bytes
 * (db/limits.ts utf8Bytes, which counts an all-ASCII text by its length: issue 15 item 5). Names of
 * Indonesian staff are mostly ASCII but not all: a chunk of each kind must fill up to the limit and
 * never pass it.
 */
const encoder = new TextEncoder();

describe("chunks of an upload's rows", () => {
  it("count UTF-8 bytes the same as an encoder, for ASCII and for wider text", () => {
    for (const s of ["", "Siti Aminah", "a".repeat(5000), "Dr. Nyoman Ésa", "€😀", `${"x".repeat(999)}é`, "\u007f\u0080"]) {
      expect(utf8Bytes(s)).toBe(encoder.encode(s).length);
    }
  });

  it("fill up to 1 MB and never past it, whether the rows are ASCII or not", () => {
    for (const name of ["Siti Aminah", "Ni Luh Putu Éka Ségara"]) {
      // About 190 bytes a row: 10,000 rows would pass 1 MB, so bytes cut the chunks, not rows.
      const rows = Array.from({ length: 30_000 }, (_, i) => [i, `${name} ${"x".repeat(160)}`]);
      const chunks = jsonChunks(rows);
      expect(chunks.length).toBeGreaterThan(3);
      let first = 0;
      for (const [k, c] of chunks.entries()) {
        const bytes = encoder.encode(c.json).length;
        expect(bytes).toBeLessThanOrEqual(D1_LIMITS.maxValueBytes);
        first += c.rows;
        // Full: the row that opens the next chunk would not have fitted in this one.
        if (k < chunks.length - 1) expect(bytes + 1 + encoder.encode(JSON.stringify(rows[first])).length).toBeGreaterThan(D1_LIMITS.maxValueBytes);
      }
      expect(first).toBe(rows.length);
    }
  });
});
