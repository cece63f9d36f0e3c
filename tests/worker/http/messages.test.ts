/// <reference types="vite/client" />
import { describe, expect, it } from "vitest";
import { MESSAGES } from "../../../worker/http/messages";

/**
 * Issue 14 item 2, the Worker's half: its texts live in one catalog (worker/http/messages.ts), each in
 * Indonesian and English, and no other Worker file spells one out.
 */

// Every Worker source file's text, as Vite reads it (the test runs inside workerd: no file system).
const sources = import.meta.glob<string>(["../../../worker/**/*.ts"], { query: "?raw", import: "default", eager: true });

/** A catalog entry's text: a fixed one as is, a function's with sample values of every parameter. */
function textOf(entry: (typeof MESSAGES)[keyof typeof MESSAGES]): { id: string; en: string } {
  if (typeof entry !== "function") return entry;
  const samples = Array.from({ length: entry.length }, (_, i) => (i % 2 === 0 ? "X1" : { id: "bagian", en: "part" }));
  return (entry as (...args: unknown[]) => { id: string; en: string })(...samples);
}

describe("the Worker's message catalog", () => {
  it("gives every entry a non-empty text in both languages, different from each other", () => {
    const keys = Object.keys(MESSAGES) as (keyof typeof MESSAGES)[];
    expect(keys.length).toBeGreaterThan(40);
    for (const key of keys) {
      const text = textOf(MESSAGES[key]);
      expect(Object.keys(text).sort(), key).toEqual(["en", "id"]);
      expect(text.id.trim(), key).not.toBe("");
      expect(text.en.trim(), key).not.toBe("");
      // A name shared by both languages (a header, a field) is fine; a whole sentence copied is not.
      if (text.en.includes(" ")) expect(text.id, key).not.toBe(text.en);
    }
  });

  it("is the only Worker file that holds a literal { id, en } text", () => {
    const files = Object.keys(sources);
    expect(files.length).toBeGreaterThan(50);
    // `id: "…"` followed by `en: "…"` on the same line or the next: a bilingual literal.
    const literal = /\bid:\s*["'`][^\n]*(?:\n\s*)?\ben:\s*["'`]/;
    const holders = files.filter((f) => !f.endsWith("/worker/http/messages.ts") && literal.test(sources[f]!));
    expect(holders).toEqual([]);
    expect(literal.test(sources[files.find((f) => f.endsWith("/worker/http/messages.ts"))!]!)).toBe(true);
  });
});
