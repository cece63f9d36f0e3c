import type { Cell } from "../schema/cell";
import { fold } from "../table/fold";

const YES = new Set(["y", "ya", "yes", "true", "1"]);
const NO = new Set(["n", "tidak", "tdk", "no", "false", "0"]);

/** Y/N columns (rawat_inap, poned, aktif): Y, Ya, Yes, TRUE, 1 / N, Tidak, No, FALSE, 0; else null. */
export function readFlag(v: Cell | undefined): boolean | null {
  if (typeof v === "boolean") return v;
  if (typeof v === "number") return v === 1 ? true : v === 0 ? false : null;
  if (typeof v !== "string") return null;
  const f = fold(v);
  if (YES.has(f)) return true;
  if (NO.has(f)) return false;
  return null;
}

/** A whole number from a number cell or digits-only text ("2024", " 12 500 " is not one); else null. */
export function readInteger(v: Cell | undefined): number | null {
  if (typeof v === "number") return Number.isInteger(v) ? v : null;
  if (typeof v !== "string") return null;
  const t = v.trim();
  if (!WHOLE_NUMBER.test(t)) return null;
  return Number(t);
}

/** Made once: a regular expression literal is a new object each time it is evaluated. */
const WHOLE_NUMBER = /^\d{1,15}(\.0+)?$/;
