import { expect } from "vitest";
import type { CoverageResponse } from "../../../shared/api/coverage";

/**
 * The coverage memo attacks' one probe: remembers every question (`answers` asks them all), runs
 * `write`, and holds the answers after it — asked first, then again from the memo — to the answers
 * once every database's memo is emptied (`forget`). `remembered` counts each database's memos before
 * the write (each must hold some).
 */
export async function heldAfterWrite(
  probe: {
    questions: readonly string[];
    answers: () => Promise<Record<string, CoverageResponse>>;
    remembered: () => Promise<number[]>;
    forget: () => Promise<unknown>;
  },
  write: () => Promise<void>,
): Promise<void> {
  await probe.answers();
  for (const n of await probe.remembered()) expect(n, "each database remembers before the write").toBeGreaterThan(0);
  await write();
  const first = await probe.answers();
  const again = await probe.answers();
  await probe.forget();
  const truth = await probe.answers();
  for (const q of probe.questions) {
    expect(first[q], `first answer after the write to "${q}"`).toEqual(truth[q]);
    expect(again[q], `remembered answer after the write to "${q}"`).toEqual(truth[q]);
  }
}
