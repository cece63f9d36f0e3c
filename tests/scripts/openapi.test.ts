import { describe, expect, it } from "vitest";
import { lintOpenApi, openApiDocument } from "../../scripts/openapi";
import { operationIdFor } from "../../worker/openapi/document";

const ORIGIN = "https://nakes-roster.dinkes-bengkulu.workers.dev";
type Json = Record<string, any>;
const operations = (doc: Json) =>
  Object.entries(doc.paths as Record<string, Json>).flatMap(([path, item]) =>
    Object.entries(item)
      .filter(([m]) => ["get", "put", "post", "delete", "patch"].includes(m))
      .map(([method, op]) => ({ method, path, op: op as Json })),
  );

describe("/openapi.json for other programs", () => {
  it("passes Redocly's recommended rules with no error (warnings printed)", async () => {
    const problems = lintOpenApi(await openApiDocument(ORIGIN));
    const errors = problems.filter((p) => p.severity === "error");
    const warnings = problems.filter((p) => p.severity !== "error");
    console.log(`redocly lint: ${errors.length} error(s), ${warnings.length} warning(s)${warnings.map((w) => `\n  ${w.ruleId} ${w.location[0]?.pointer ?? ""}`).join("")}`);
    expect(errors.map((e) => `${e.ruleId}: ${e.message} ${e.location[0]?.pointer ?? ""}`)).toEqual([]);
  }, 60_000);

  it("gives every operation a unique operationId", async () => {
    const ops = operations(await openApiDocument(ORIGIN));
    expect(ops.length).toBeGreaterThan(10);
    const ids = ops.map((o) => o.op.operationId);
    for (const id of ids) expect(id).toMatch(/^[a-z][A-Za-z0-9]+$/);
    expect(new Set(ids).size).toBe(ids.length);
    expect(ops.find((o) => o.method === "get" && o.path === "/v1/uploads/{id}")?.op.operationId).toBe("getUploadsById");
  });

  it("names the deployment it was fetched from as its server, and a licence", async () => {
    const doc: Json = await openApiDocument(ORIGIN);
    expect(doc.servers).toEqual([expect.objectContaining({ url: ORIGIN })]);
    expect(doc.info.license).toEqual({ name: expect.any(String), identifier: expect.any(String) });
  });

  it("says explicitly which operations need no token (security: []) and which need the bearer token", async () => {
    const ops = operations(await openApiDocument(ORIGIN));
    for (const { op, method, path } of ops) expect(Array.isArray(op.security), `${method} ${path}`).toBe(true);
    const publicOps = ops.filter((o) => o.op.security.length === 0).map((o) => `${o.method.toUpperCase()} ${o.path}`);
    expect(publicOps).toContain("GET /v1/health");
    expect(publicOps).not.toContain("POST /v1/rosters");
    expect(publicOps).not.toContain("GET /v1/coverage");
  });

  it("derives operation ids from method and path, parameters as By…", () => {
    expect(operationIdFor("post", "/v1/rosters/validate")).toBe("postRostersValidate");
    expect(operationIdFor("get", "/v1/rosters/{kode_fasyankes}")).toBe("getRostersByKodeFasyankes");
    expect(operationIdFor("get", "/v1/tindak-lanjut")).toBe("getTindakLanjut");
  });
});
