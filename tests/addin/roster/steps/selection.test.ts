import { describe, expect, it } from "vitest";
import { followSelection } from "../../../../addin/roster/steps/selection";
import { deferred, FakeWorkbook } from "../../support/fakes";

describe("following the selection", () => {
  it("reports each selected cell until stopped", async () => {
    const workbook = new FakeWorkbook();
    const seen: string[] = [];
    const stop = followSelection(workbook, (cell) => seen.push(`${cell.sheetName}!${cell.address}`));
    await Promise.resolve();
    workbook.userSelects("Nakes", "A3");
    stop();
    workbook.userSelects("Nakes", "B4");
    expect(seen).toEqual(["Nakes!A3"]);
  });

  it("ends a watch that is set up only after the stop came", async () => {
    const ready = deferred<void>();
    let stopped = 0;
    const actions = {
      watchSelection: async () => {
        await ready.promise;
        return () => void stopped++;
      },
    };
    const stop = followSelection(actions, () => {});
    stop();
    ready.resolve();
    await new Promise((r) => setTimeout(r, 0));
    expect(stopped).toBe(1);
  });

  it("goes quietly without selection events", async () => {
    const stop = followSelection({ watchSelection: () => Promise.reject(new Error("not supported")) }, () => {});
    await new Promise((r) => setTimeout(r, 0));
    expect(() => stop()).not.toThrow();
  });
});
