import type { Cell, Table } from "../schema/cell";
import { readFlag } from "../normalize/flags";
import { jenisStandarSchema, kategoriPuskesmasSchema } from "../reference/codes";
import type { StandardRule } from "./standard";

export interface StandardProblem {
  /** The issue code (shared/schema/issue.ts) PUT /v1/standards answers it with. */
  code: "standar.header" | "standar.empty" | "standar.invalid" | "standar.duplicate";
  /** 0-based data row, null for the table as a whole. */
  row: number | null;
  column: string | null;
  message: { id: string; en: string };
}

const COLUMNS = ["kategori", "rawat_inap", "jenis", "minimum"] as const;

const text = (v: Cell) => (v === null ? "" : String(v).trim());

/**
 * A standard set sent as a table (columns kategori, rawat_inap, jenis, minimum, matched without regard
 * to case or spaces; rawat_inap read as a roster's Y/N columns are, shared/normalize/flags.ts) → its
 * rules, or every problem found, each with a row, a column and a message.
 */
export function parseStandardTable(t: Table): { ok: true; rules: StandardRule[] } | { ok: false; problems: StandardProblem[] } {
  const problems: StandardProblem[] = [];
  const at = new Map<string, number>();
  t.columns.forEach((c, i) => {
    const k = c.trim().toLowerCase().replace(/\s+/g, "_");
    if (at.has(k)) {
      problems.push({ code: "standar.header", row: null, column: c, message: { id: `kolom ${c} ganda`, en: `column ${c} appears twice` } });
    } else at.set(k, i);
  });
  for (const c of COLUMNS) {
    if (!at.has(c)) problems.push({ code: "standar.header", row: null, column: c, message: { id: `kolom ${c} tidak ada`, en: `column ${c} is missing` } });
  }
  if (problems.length > 0) return { ok: false, problems };
  if (t.rows.length === 0) {
    return { ok: false, problems: [{ code: "standar.empty", row: null, column: null, message: { id: "tabel standar kosong", en: "the standard table is empty" } }] };
  }

  const rules: StandardRule[] = [];
  const seen = new Map<string, number>();
  t.rows.forEach((r, row) => {
    const cell = (c: (typeof COLUMNS)[number]) => r[at.get(c)!] ?? null;
    const bad = (column: string, id: string, en: string, code: StandardProblem["code"] = "standar.invalid") => problems.push({ code, row, column, message: { id, en } });
    const kategori = kategoriPuskesmasSchema.safeParse(text(cell("kategori")).toUpperCase().replace(/\s+/g, "_"));
    const rawat = readFlag(cell("rawat_inap"));
    const jenis = jenisStandarSchema.safeParse(text(cell("jenis")).toUpperCase().replace(/\s+/g, "_"));
    const m = cell("minimum");
    const minimum = typeof m === "number" ? m : /^\d+$/.test(text(m)) ? Number(text(m)) : Number.NaN;
    if (!kategori.success)
      bad("kategori", `kategori "${text(cell("kategori"))}" tidak dikenal (${kategoriPuskesmasSchema.options.join(", ")})`, `unknown category "${text(cell("kategori"))}" (${kategoriPuskesmasSchema.options.join(", ")})`);
    if (rawat === null) bad("rawat_inap", `rawat_inap harus Y atau N, bukan "${text(cell("rawat_inap"))}"`, `rawat_inap must be Y or N, not "${text(cell("rawat_inap"))}"`);
    if (!jenis.success) bad("jenis", `jenis "${text(cell("jenis"))}" tidak dikenal`, `unknown jenis "${text(cell("jenis"))}"`);
    if (!Number.isInteger(minimum) || minimum < 0 || minimum > 1000)
      bad("minimum", `minimum harus bilangan bulat 0–1000, bukan "${text(m)}"`, `minimum must be a whole number 0–1000, not "${text(m)}"`);
    if (!kategori.success || rawat === null || !jenis.success || !Number.isInteger(minimum) || minimum < 0 || minimum > 1000) return;
    const k = `${kategori.data}|${rawat}|${jenis.data}`;
    const first = seen.get(k);
    if (first !== undefined) {
      bad("jenis", `${jenis.data} untuk ${kategori.data}/${rawat ? "Y" : "N"} sudah ada di baris ${first + 1}`, `${jenis.data} for ${kategori.data}/${rawat ? "Y" : "N"} is already on row ${first + 1}`, "standar.duplicate");
      return;
    }
    seen.set(k, row);
    rules.push({ kategori: kategori.data, rawat_inap: rawat, jenis: jenis.data, minimum });
  });
  return problems.length > 0 ? { ok: false, problems } : { ok: true, rules };
}
