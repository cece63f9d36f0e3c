import { describe, expect, it } from "vitest";
import type { ApiClient, Facility } from "../../../addin/api/client";
import { facilityMaster, facilityNames } from "../../../addin/api/facility-master";

/** A client whose facilities() counts its calls and answers from `answers` in turn. */
function countingClient(answers: (() => Promise<Facility[]>)[]): { client: ApiClient; calls: () => number } {
  let n = 0;
  const client = { facilities: () => answers[Math.min(n++, answers.length - 1)]!() } as unknown as ApiClient;
  return { client, calls: () => n };
}

const puskesmas = { kode: "P1706010201", nama: "Puskesmas Air Dikit" } as Facility;

describe("facilityMaster", () => {
  it("asks the API once per client however many parts of the pane want the master", async () => {
    const { client, calls } = countingClient([() => Promise.resolve([puskesmas])]);
    const [a, b] = await Promise.all([facilityMaster(client), facilityMaster(client)]);
    expect(await facilityNames(client)).toEqual(new Map([["P1706010201", "Puskesmas Air Dikit"]]));
    expect(a).toBe(b);
    expect(calls()).toBe(1);
  });

  it("asks again after a failed answer, and names nothing meanwhile", async () => {
    const { client, calls } = countingClient([() => Promise.reject(new Error("offline")), () => Promise.resolve([puskesmas])]);
    expect(await facilityNames(client)).toEqual(new Map());
    expect(await facilityMaster(client)).toEqual([puskesmas]);
    expect(calls()).toBe(2);
  });

  it("keeps one answer per client, not one for every client", async () => {
    const first = countingClient([() => Promise.resolve([puskesmas])]);
    const second = countingClient([() => Promise.resolve([])]);
    expect(await facilityMaster(first.client)).toEqual([puskesmas]);
    expect(await facilityMaster(second.client)).toEqual([]);
  });
});
