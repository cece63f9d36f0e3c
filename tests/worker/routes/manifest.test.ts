import { env } from "cloudflare:test";
import { exports } from "cloudflare:workers";
import { describe, expect, it } from "vitest";
import packageJson from "../../../package.json";
import { addinManifest, DEV_ADDIN_ID } from "../../../shared/office/manifest";
import { createApp } from "../../../worker/app";
import type { Bindings } from "../../../worker/env";
import { call } from "../support";

/** A request through the deployed Worker as it arrives at `origin`. */
const at = (origin: string, path: string) => exports.default.fetch(new Request(`${origin}${path}`));

describe("GET /manifest.xml", () => {
  it("answers the manifest for the origin the request reached, with no localhost in it", async () => {
    const res = await at("https://nakes-roster.dinkes.workers.dev", "/manifest.xml");
    expect(res.status).toBe(200);
    expect(res.headers.get("content-type")).toMatch(/^application\/xml/);
    const xml = await res.text();
    expect(xml).toBe(addinManifest({ origin: "https://nakes-roster.dinkes.workers.dev", version: packageJson.version, publisher: "Nakes Roster" }));
    expect(xml).not.toContain("localhost");
  });

  it("carries the deployment's own add-in id from ADDIN_ID, and the development id on loopback", async () => {
    const own = "4f1c2b9e-7a31-4c5d-9e8f-0a1b2c3d4e5f";
    const xml = await (await call("GET", "/manifest.xml", { vars: { ADDIN_ID: own } })).text();
    expect(xml).toContain(`<Id>${own}</Id>`);
    const local = await (await createApp().fetch(new Request("http://127.0.0.1:8788/manifest.xml"), { ...env, ADDIN_ID: own } as Bindings)).text();
    expect(local).toContain(`<Id>${DEV_ADDIN_ID}</Id>`);
  });

  it("names the publisher from PUBLISHER_NAME", async () => {
    const res = await call("GET", "/manifest.xml", { vars: { PUBLISHER_NAME: "Dinas Kesehatan Provinsi Bengkulu" } });
    expect(await res.text()).toContain("<ProviderName>Dinas Kesehatan Provinsi Bengkulu</ProviderName>");
  });

  it("points a plain-http request outside loopback at https, since Office loads add-ins over https only", async () => {
    const xml = await (await at("http://roster.dinkes.example.go.id", "/manifest.xml")).text();
    expect(xml).toContain('<SourceLocation DefaultValue="https://roster.dinkes.example.go.id/taskpane.html"/>');
    expect(xml).not.toContain("http://roster.");
  });
});

describe("GET /config.json", () => {
  it("tells the pane served from this origin that its API is this same origin", async () => {
    const res = await at("https://nakes-roster.dinkes.workers.dev", "/config.json");
    expect(res.status).toBe(200);
    expect(res.headers.get("cache-control")).toBe("no-store");
    expect(await res.json()).toEqual({ apiUrl: "https://nakes-roster.dinkes.workers.dev" });
  });
});
