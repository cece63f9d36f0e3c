import { exports } from "cloudflare:workers";
import { describe, expect, it } from "vitest";
import { facilityCodeShapes } from "../../shared/reference/facilities";
import readme from "../../README.md?raw";
import { call, json, seedDemo, tokenFor } from "./support";

describe("the API's own description", () => {
  it("is an OpenAPI 3.1 document covering every endpoint of SPEC §7 but coverage", async () => {
    const doc = await json(await call("GET", "/openapi.json"));
    expect(doc.openapi).toBe("3.1.0");
    const ops = Object.entries(doc.paths as Record<string, Record<string, unknown>>).flatMap(([p, item]) => Object.keys(item).map((m) => `${m.toUpperCase()} ${p}`));
    expect(ops).toEqual(
      expect.arrayContaining([
        "GET /v1/reference",
        "POST /v1/rosters/validate",
        "POST /v1/rosters",
        "GET /v1/rosters/{kode_fasyankes}",
        "GET /v1/uploads",
        "GET /v1/uploads/{id}",
        "PUT /v1/facilities",
        "GET /v1/facilities",
        "PUT /v1/population",
        "POST /v1/tokens",
        "DELETE /v1/tokens/{id}",
      ]),
    );
    expect(ops.some((o) => o.includes("/bench"))).toBe(false);
    expect(doc.components.securitySchemes.bearer).toMatchObject({ type: "http", scheme: "bearer" });
  });

  it("describes request and response bodies from the shared zod schemas", async () => {
    const doc = await json(await call("GET", "/openapi.json"));
    const upload = doc.paths["/v1/rosters"].post;
    const reqSchema = upload.requestBody.content["application/json"].schema;
    expect(Object.keys(reqSchema.properties)).toEqual(["as_of", "nakes", "pelatihan"]);
    expect(reqSchema.required).toEqual(["nakes"]);
    expect(upload.requestBody.content["text/csv"]).toBeDefined();
    expect(Object.keys(upload.responses)).toEqual(expect.arrayContaining(["201", "409", "412", "413", "415", "422", "429"]));
    const created = upload.responses["201"].content["application/json"].schema;
    expect(Object.keys(created.properties)).toEqual(["upload_id", "stored", "counts", "issues", "diff"]);
    const validate = doc.paths["/v1/rosters/validate"].post.responses["200"].content["application/json"].schema;
    expect(validate.required).toEqual(expect.arrayContaining(["ok", "counts", "issues", "diff", "base"]));
  });

  it("has a human-readable page that needs no network", async () => {
    const res = await call("GET", "/docs");
    expect(res.status).toBe(200);
    const html = await res.text();
    for (const path of ["/v1/rosters/validate", "/v1/uploads/{id}", "/v1/tokens"]) expect(html).toContain(path);
    expect(html).toContain("Idempotency-Key");
    expect(html).not.toMatch(/<script|<link[^>]+href="http|src="http/);
  });

  it("gives curl lines that call the origin the page is served from, not localhost", async () => {
    const page = async (origin: string) => (await exports.default.fetch(new Request(`${origin}/docs`))).text();
    const deployed = await page("https://roster.dinkes.example.go.id");
    expect(deployed).toContain("curl -sS https://roster.dinkes.example.go.id/v1/health");
    expect(deployed).not.toContain("localhost:8787/v1");
    // Another origin of the same Worker gets its own page, not the first one rendered.
    expect(await page("https://nakes-roster-api.dinkes-bengkulu.workers.dev")).toContain("curl -sS https://nakes-roster-api.dinkes-bengkulu.workers.dev/v1/health");
  });

  it("documents coverage's region as taking a region code or any facility code shape (K and L included)", async () => {
    const doc = await json(await call("GET", "/openapi.json"));
    const region = (doc.paths["/v1/coverage"].get.parameters as { name: string; schema: { pattern: string } }[]).find((p) => p.name === "region")!;
    const pattern = new RegExp(region.schema.pattern);
    for (const ok of ["17", "1706", "170601", ...facilityCodeShapes.map((s) => s.example)]) expect(ok).toMatch(pattern);
    for (const bad of ["1", "170", "ID", "X1706001", "K17060", "P17060101"]) expect(bad).not.toMatch(pattern);
    const token = await tokenFor("analyst", "17");
    const answer = async (region: string) => (await call("GET", `/v1/coverage?region=${region}`, { token })).status;
    expect(await answer("1706x")).toBe(400);
    expect(await answer("K1706001")).not.toBe(400);
    expect(await answer("L1706001")).not.toBe(400);
  });

  it("lists every path of the API in the README, one line each", async () => {
    const doc = await json(await call("GET", "/openapi.json"));
    for (const path of Object.keys(doc.paths as Record<string, unknown>)) {
      const written = path.replace("{kode_fasyankes}", "{kode}");
      expect(readme, path).toContain(`${written}\``);
    }
  });

  it("accepts the README's example bodies of PUT /v1/facilities and PUT /v1/population as they are written", async () => {
    await seedDemo();
    const admin = await tokenFor("admin", "17");
    const bodies = [...readme.matchAll(/```json\n([\s\S]*?)```/g)].map((m) => JSON.parse(m[1]!) as Record<string, unknown>);
    const facilities = bodies.find((b) => "fasyankes" in b);
    const population = bodies.find((b) => "penduduk" in b);
    expect(facilities && population, "README has both examples").toBeTruthy();
    const put = async (path: string, body: unknown) => {
      const res = await call("PUT", path, { token: admin, json: body });
      return { status: res.status, body: await res.text() };
    };
    const f = await put("/v1/facilities", facilities);
    expect(f.status, f.body).toBe(200);
    const p = await put("/v1/population", population);
    expect(p.status, p.body).toBe(200);
  });
});
