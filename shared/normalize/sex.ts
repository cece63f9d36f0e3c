import type { Cell } from "../schema/cell";
import { textLookup } from "./codes";

const SPELLINGS = new Map<string, "L" | "P">();
for (const s of ["l", "lk", "laki", "lakilaki", "lakilakilaki", "pria", "male"]) SPELLINGS.set(s, "L");
for (const s of ["p", "pr", "pr", "perempuan", "wanita", "female"]) SPELLINGS.set(s, "P");
const sexByText = textLookup(new Map<string, "L" | "P">(), SPELLINGS);

/** L or P from the spellings sheets use (L/P, Laki-laki, Perempuan, Pria, Wanita; any case), else null. */
export function readSex(v: Cell | undefined): "L" | "P" | null {
  if (v === "L" || v === "P") return v;
  if (typeof v !== "string") return null;
  return sexByText(v) ?? null;
}
