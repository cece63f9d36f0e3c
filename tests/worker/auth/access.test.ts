import { env } from "cloudflare:test";
import { beforeAll, describe, expect, it } from "vitest";
import type { Role } from "../../../shared/reference/codes";
import { mukomukoFacilities } from "../../../fixtures/demo";
import { createToken } from "../../../worker/auth/tokens";
import { revokeToken } from "../../../worker/store/tokens";
import { call, json, roster, seedDemo, tokenFor, type CallOptions } from "../support";

/**
 * The matrix of SPEC §7 Access: every endpoint, for each role, with a scope that holds the data
 * (the whole country ID, province 17, regency 1706, the facility itself) and one that does not (Banten, 36). The data is
 * the roster of Puskesmas Kota Mukomuko (P1706010101).
 */
const ROLES: Role[] = ["admin", "uploader", "analyst"];
const SCOPES = ["ID", "17", "1706", "P1706010101", "36"] as const;
type Scope = (typeof SCOPES)[number];
const FACILITY = "P1706010101";

const tokens = new Map<string, string>();
let uploadId = "";
const mine = roster(30, { facilities: mukomukoFacilities.filter((f) => f.kode === FACILITY), seed: 81 });

beforeAll(async () => {
  await seedDemo();
  for (const role of ROLES) for (const scope of SCOPES) tokens.set(`${role}:${scope}`, await tokenFor(role, scope));
  const res = await call("POST", "/v1/rosters", { token: tokens.get("admin:17"), json: mine });
  uploadId = (await json(res)).upload_id;
});

const holds = (scope: Scope) => scope !== "36";
const rank = (r: Role) => ({ analyst: 1, uploader: 2, admin: 3 })[r];

interface Endpoint {
  name: string;
  request: () => Promise<{ method: string; path: string; o?: CallOptions }>;
  expected: (role: Role, scope: Scope) => number;
}

const endpoints: Endpoint[] = [
  { name: "GET /v1/reference", request: async () => ({ method: "GET", path: "/v1/reference" }), expected: () => 200 },
  { name: "GET /v1/facilities", request: async () => ({ method: "GET", path: "/v1/facilities?region=1706" }), expected: () => 200 },
  {
    name: "POST /v1/rosters/validate",
    request: async () => ({ method: "POST", path: "/v1/rosters/validate", o: { json: mine } }),
    expected: (role) => (rank(role) >= 2 ? 200 : 403),
  },
  {
    name: "POST /v1/rosters",
    request: async () => ({ method: "POST", path: "/v1/rosters", o: { json: mine } }),
    // Outside the scope the facility is refused as a validation error (kode_fasyankes.out_of_scope).
    expected: (role, scope) => (rank(role) < 2 ? 403 : holds(scope) ? 201 : 422),
  },
  {
    name: "GET /v1/rosters/{kode}",
    request: async () => ({ method: "GET", path: `/v1/rosters/${FACILITY}` }),
    expected: (role, scope) => (rank(role) < 2 || !holds(scope) ? 403 : 200),
  },
  { name: "GET /v1/uploads", request: async () => ({ method: "GET", path: "/v1/uploads" }), expected: (role) => (rank(role) >= 2 ? 200 : 403) },
  {
    name: "GET /v1/uploads/{id}",
    request: async () => ({ method: "GET", path: `/v1/uploads/${uploadId}` }),
    // An upload with nothing in the caller's scope is as unknown as one that does not exist.
    expected: (role, scope) => (rank(role) < 2 ? 403 : !holds(scope) ? 404 : 200),
  },
  {
    name: "PUT /v1/facilities",
    request: async () => {
      const f = mukomukoFacilities.find((x) => x.kode === FACILITY)!;
      const row = [f.kode, f.nama, f.jenis, f.kode_wilayah, f.kecamatan, f.kategori, f.rawat_inap ? "Y" : "N", f.poned ? "Y" : "N", "Y"];
      return { method: "PUT", path: "/v1/facilities", o: { json: { fasyankes: { columns: ["kode", "nama", "jenis", "kode_wilayah", "kecamatan", "kategori", "rawat_inap", "poned", "aktif"], rows: [row] } } } };
    },
    // The master is kept by province and regency offices: a facility-scoped admin gets 403 (attack finding 7).
    expected: (role, scope) => (role !== "admin" || scope === "P1706010101" ? 403 : holds(scope) ? 200 : 422),
  },
  {
    name: "PUT /v1/population",
    request: async () => ({ method: "PUT", path: "/v1/population", o: { json: { penduduk: { columns: ["kode_wilayah", "tahun", "jumlah"], rows: [["1706", 2025, 196_100]] } } } }),
    // A facility-scoped admin holds no region.
    expected: (role, scope) => (role !== "admin" || scope === "P1706010101" ? 403 : ["ID", "17", "1706"].includes(scope) ? 200 : 422),
  },
  {
    name: "POST /v1/tokens",
    request: async () => ({ method: "POST", path: "/v1/tokens", o: { json: { role: "analyst", scope: "1706", name: "analis" } } }),
    expected: (role, scope) => (role !== "admin" ? 403 : ["ID", "17", "1706"].includes(scope) ? 201 : 403),
  },
  {
    name: "DELETE /v1/tokens/{id}",
    request: async () => ({ method: "DELETE", path: `/v1/tokens/${(await createToken(env.DB, { role: "analyst", scope: "1706", name: "victim" })).id}` }),
    // A token outside the admin's scope answers as an unknown id (attack finding 9a).
    expected: (role, scope) => (role !== "admin" ? 403 : ["ID", "17", "1706"].includes(scope) ? 200 : 404),
  },
];

describe("access by role and scope", () => {
  for (const e of endpoints) {
    for (const role of ROLES) {
      for (const scope of SCOPES) {
        const want = e.expected(role, scope);
        it(`${e.name} as ${role} scoped ${scope} answers ${want}`, async () => {
          const { method, path, o } = await e.request();
          const res = await call(method, path, { ...o, token: tokens.get(`${role}:${scope}`) });
          const body = await res.text();
          expect(res.status, body.slice(0, 300)).toBe(want);
          if (want === 422 && e.name.startsWith("POST /v1/rosters")) expect(body).toContain("kode_fasyankes.out_of_scope");
        });
      }
    }
    it(`${e.name} without a token answers 401`, async () => {
      const { method, path, o } = await e.request();
      const res = await call(method, path, o);
      expect(res.status).toBe(401);
      expect(res.headers.get("WWW-Authenticate")).toMatch(/^Bearer/);
      expect((await json(res)).error.code).toBe("unauthorized");
    });
  }

  it("validates out-of-scope facilities with an out_of_scope error, not silently", async () => {
    const res = await call("POST", "/v1/rosters/validate", { token: tokens.get("uploader:36"), json: mine });
    const body = await json(res);
    expect(body.ok).toBe(false);
    expect(body.issues.filter((i: { code: string }) => i.code === "kode_fasyankes.out_of_scope")).toHaveLength(30);
  });

  it("stops a revoked token at once", async () => {
    const { id, token } = await createToken(env.DB, { role: "admin", scope: "17", name: "soon revoked" });
    expect((await call("GET", "/v1/reference", { token })).status).toBe(200);
    await revokeToken(env.DB, id);
    const res = await call("GET", "/v1/reference", { token });
    expect(res.status).toBe(401);
  });

  it("refuses a malformed or unknown bearer token with 401", async () => {
    for (const header of ["Bearer", "Bearer nkr_short", "Basic abc", `Bearer nkr_${"A".repeat(43)}`, "bearer  "]) {
      const res = await call("GET", "/v1/reference", { headers: { Authorization: header } });
      expect(res.status, header).toBe(401);
    }
  });

  it("shows an uploader scoped elsewhere none of the uploads of this scope", async () => {
    const body = await json(await call("GET", "/v1/uploads", { token: tokens.get("uploader:36") }));
    expect(body.uploads.map((u: { id: string }) => u.id)).not.toContain(uploadId);
    const inside = await json(await call("GET", "/v1/uploads", { token: tokens.get("uploader:P1706010101") }));
    expect(inside.uploads.map((u: { id: string }) => u.id)).toContain(uploadId);
  });
});
