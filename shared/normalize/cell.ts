import type { Cell } from "../schema/cell";

/**
 * A cell as trimmed text, or null when it holds nothing (null, "", spaces). Numbers and booleans
 * become their text. Anything else a loose client sends (objects, undefined) counts as text too, so
 * no input can make the validator throw.
 */
export function cellText(v: Cell | undefined): string | null {
  if (v === null || v === undefined) return null;
  if (typeof v === "string") {
    // Most cells need no trimming; skip the copy when the ends are already clean.
    const n = v.length;
    if (n === 0) return null;
    if (v.charCodeAt(0) > 32 && v.charCodeAt(n - 1) > 32 && v.charCodeAt(0) !== 160 && v.charCodeAt(n - 1) !== 160) return v;
    const t = v.replace(/^[\s\u00a0\ufeff]+|[\s\u00a0\ufeff]+$/g, "");
    return t === "" ? null : t;
  }
  if (typeof v === "number") return Number.isFinite(v) ? String(v) : null;
  if (typeof v === "boolean") return v ? "TRUE" : "FALSE";
  try {
    const t = String(v).trim();
    return t === "" ? null : t;
  } catch {
    return null;
  }
}

/** True when the cell holds nothing worth reading. */
export function isEmptyCell(v: Cell | undefined): boolean {
  if (v === null || v === undefined) return true;
  if (typeof v === "string") {
    for (let i = 0; i < v.length; i++) {
      const c = v.charCodeAt(i);
      if (c > 32 && c !== 160 && c !== 0xfeff) return false;
    }
    return true;
  }
  if (typeof v === "number") return !Number.isFinite(v);
  return false;
}

/** The cell as the user would read it, for messages. */
export function cellDisplay(v: Cell | undefined): string {
  if (v === null || v === undefined) return "";
  if (typeof v === "string") return v.trim();
  if (typeof v === "number" || typeof v === "boolean") return String(v);
  try {
    return String(v);
  } catch {
    return "?";
  }
}
