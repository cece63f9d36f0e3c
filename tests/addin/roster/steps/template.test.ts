import { describe, expect, it } from "vitest";
import { insertTemplate } from "../../../../addin/roster/steps/template";
import { referenceData } from "../../../../shared/reference";
import { apiError, FakeApi, FakeWorkbook, json, MemoryStorage } from "../../support/fakes";
import { clientOf, recordingTask, t } from "./helpers";

describe("inserting the template", () => {
  it("uses the built-in reference offline and offers no facilities", async () => {
    const workbook = new FakeWorkbook();
    const outcome = await insertTemplate({ actions: workbook, client: null, storage: new MemoryStorage(), t, task: recordingTask() });
    expect(outcome).toEqual(workbook.template);
    expect(workbook.templateReference).toEqual(referenceData);
    expect(workbook.calls).toEqual(["insertTemplate"]);
  });

  it("still inserts the template when the facility master cannot be read", async () => {
    const workbook = new FakeWorkbook();
    const api = new FakeApi()
      .on("GET /v1/reference", json(200, referenceData))
      .on("GET /v1/facilities", apiError(500, "internal", "rusak"));
    const outcome = await insertTemplate({ actions: workbook, client: clientOf(api), storage: new MemoryStorage(), t, task: recordingTask() });
    expect(outcome).toEqual(workbook.template);
    expect(workbook.calls).toEqual(["insertTemplate"]);
    expect(workbook.offered).toBeNull();
  });
});
