import { env } from "cloudflare:test";
import fc from "fast-check";
import { beforeAll, describe, expect, it } from "vitest";
import { demoFacilities } from "../../../fixtures/demo";
import type { Role } from "../../../shared/reference/codes";
import { PMK75_2014 } from "../../../shared/reference/standar-puskesmas";
import type { RosterRequest } from "../../../shared/schema/roster";
import { createToken } from "../../../worker/auth/tokens";
import { call, json, roster, seedDemo, tokenFor } from "../support";

/**
 * Issue 10, deliverable 10 (SPEC §7 Access): over role × scope × endpoint × target inside or outside
 * the scope, with two provinces (17 Bengkulu / 1706 Mukomuko and 36 Banten), every answer has the
 * status the rules give, and no 2xx answer holds a person (NIK, NIP, name) of a facility outside the
 * caller's scope, nor (outside the public facility master) such a facility's code.
 *
 * The oracle below says what "in scope" means from the facilities' known regions, independently of
 * the Worker's code: a region scope holds what lies under its code, a facility scope that one
 * facility, the national scope everything.
 */
const ROLES: readonly Role[] = ["admin", "uploader", "analyst"];
const SCOPES = ["ID", "17", "1706", "170601", "P1706010101", "1706015", "36", "3601", "P3601010101"] as const;
type Scope = (typeof SCOPES)[number];

/** The targets and the kecamatan each lies in (demo master). */
const KECAMATAN: Record<string, string> = {
  P1706010101: "170601",
  P1706020101: "170602",
  "1706015": "170601",
  P3601010101: "360101",
  "3601012": "360101",
};
const TARGETS = Object.keys(KECAMATAN);
const UPLOADS: Record<"mukomuko" | "banten", readonly string[]> = {
  mukomuko: ["P1706010101", "P1706020101", "1706015"],
  banten: ["P3601010101", "3601012"],
};
const uploadOf = (kode: string) => (kode.includes("3601") ? "banten" : "mukomuko");

const isRegion = (s: string) => /^(\d{2}|\d{4}|\d{6})$/.test(s);
const holds = (scope: string, kode: string) => scope === "ID" || (isRegion(scope) ? KECAMATAN[kode]!.startsWith(scope) : scope === kode);
const holdsRegion = (scope: string, region: string) => scope === "ID" || (isRegion(scope) && region.startsWith(scope));
/** Master writes: national, province or regency admins only (attack finding 7). */
const keepsMasters = (scope: string) => scope === "ID" || /^(\d{2}|\d{4})$/.test(scope);
const provinceOf = (scope: string) => (scope === "ID" ? "ID" : scope.replace(/^P/, "").slice(0, 2));
const rank = (r: Role) => ({ analyst: 1, uploader: 2, admin: 3 })[r];

const tokens = new Map<string, string>();
const uploadIds: Record<string, string> = {};
const rosters: Record<string, RosterRequest> = {};
interface Person {
  kode: string;
  values: string[];
}
const persons: Person[] = [];

const standardRows = (minimum?: number) => PMK75_2014.rules.map((r) => [r.kategori, r.rawat_inap ? "Y" : "N", r.jenis, minimum ?? r.minimum]);
const standardTable = (minimum?: number) => ({ columns: ["kategori", "rawat_inap", "jenis", "minimum"], rows: standardRows(minimum) });
const facilityColumns = ["kode", "nama", "jenis", "kode_wilayah", "kecamatan", "kategori", "rawat_inap", "poned", "aktif"];
const yn = (b: boolean) => (b ? "Y" : "N");
const storedRow = (kode: string) => {
  const f = demoFacilities.find((x) => x.kode === kode)!;
  return [f.kode, f.nama, f.jenis, f.kode_wilayah, f.kecamatan, f.kategori, yn(f.rawat_inap), yn(f.poned), yn(f.aktif)];
};

beforeAll(async () => {
  await seedDemo();
  for (const role of ROLES) for (const scope of SCOPES) tokens.set(`${role}:${scope}`, await tokenFor(role, scope));
  for (const [name, kodes] of Object.entries(UPLOADS)) {
    const body = roster(40, { facilities: demoFacilities.filter((f) => kodes.includes(f.kode)), seed: name.length * 97 });
    // Licences expiring soon: warnings on the rows of every facility, kept in the upload's history.
    const c = (k: string) => body.nakes.columns.indexOf(k);
    for (const r of body.nakes.rows) if (r[c("no_sip")] !== null) r[c("sip_berlaku_sampai")] = "2026-11-20";
    const res = await call("POST", "/v1/rosters", { token: tokens.get(`admin:${name === "banten" ? "36" : "17"}`), json: body });
    const created = await json(res);
    if (res.status !== 201) throw new Error(`${name} upload: ${res.status} ${JSON.stringify(created).slice(0, 500)}`);
    uploadIds[name] = created.upload_id;
    rosters[name] = body;
    for (const r of body.nakes.rows) {
      persons.push({ kode: String(r[c("kode_fasyankes")]), values: [r[c("nik")], r[c("nip")], r[c("nama")]].filter((v): v is string => typeof v === "string" && v.length > 0) });
    }
  }
  // Banten's own standard: minimum 50 everywhere.
  const res = await call("PUT", "/v1/standards", { token: tokens.get("admin:36"), json: { set: "PMK75_2014", standar: standardTable(50) } });
  if (res.status !== 200) throw new Error(`standards: ${res.status}`);
}, 120_000);

/** Values (NIK, NIP, names) of persons the caller must not see, minus any a visible person shares. */
function forbidden(role: Role, scope: string): Set<string> {
  const visible = (p: Person) => rank(role) >= 2 && holds(scope, p.kode);
  const seen = new Set(persons.filter(visible).flatMap((p) => p.values));
  return new Set(persons.filter((p) => !visible(p)).flatMap((p) => p.values.filter((v) => !seen.has(v))));
}

const mentions = (text: string, kode: string) => new RegExp(`(?<![0-9A-Z])${kode}(?![0-9])`).test(text);

/**
 * Whether an answer holds a person's value: an identifier anywhere (digits cannot be part of a word),
 * a name as a whole value or quoted in a message (a short name is part of longer ones: "Putri").
 */
const shows = (text: string, v: string) => (/^\d+$/.test(v) ? text.includes(v) : text.includes(JSON.stringify(v)) || text.includes(`“${v}”`));

interface Outcome {
  status: number;
  text: string;
}

interface Endpoint {
  name: string;
  /** Runs the request (and any check of stored state it needs); returns the answer. */
  run: (token: string, target: string, role: Role, scope: Scope) => Promise<Outcome>;
  expected: (role: Role, scope: Scope, target: string) => number;
  /** Whether a 2xx answer may name facilities outside the scope (the public facility master). */
  publicMaster?: boolean;
  /** Further checks of a 2xx answer. */
  check?: (body: any, role: Role, scope: Scope, target: string) => void;
}

const answer = async (res: Response): Promise<Outcome> => ({ status: res.status, text: await res.text() });

const endpoints: Endpoint[] = [
  {
    name: "GET /v1/rosters/{kode}",
    run: async (token, target) => answer(await call("GET", `/v1/rosters/${target}`, { token })),
    expected: (role, scope, target) => (rank(role) < 2 || !holds(scope, target) ? 403 : 200),
  },
  {
    name: "GET /v1/uploads/{id}",
    run: async (token, target) => answer(await call("GET", `/v1/uploads/${uploadIds[uploadOf(target)]}`, { token })),
    expected: (role, scope, target) => (rank(role) < 2 ? 403 : UPLOADS[uploadOf(target)].some((k) => holds(scope, k)) ? 200 : 404),
    check: (body, _role, scope, target) => {
      const kodes = body.diff.map((d: { kode_fasyankes: string }) => d.kode_fasyankes);
      expect(kodes.sort()).toEqual(UPLOADS[uploadOf(target)].filter((k) => holds(scope, k)).sort());
      expect(body.facilities).toBe(kodes.length);
      const rows = rosters[uploadOf(target)]!.nakes;
      const at = rows.columns.indexOf("kode_fasyankes");
      for (const i of body.issues) if (i.row !== null && i.table === "nakes") expect(holds(scope, String(rows.rows[i.row]![at]))).toBe(true);
    },
  },
  {
    name: "GET /v1/uploads",
    run: async (token) => answer(await call("GET", "/v1/uploads", { token })),
    expected: (role) => (rank(role) < 2 ? 403 : 200),
    check: (body, _role, scope) => {
      const ids = body.uploads.map((u: { id: string }) => u.id);
      for (const [name, kodes] of Object.entries(UPLOADS)) expect(ids.includes(uploadIds[name]), name).toBe(kodes.some((k) => holds(scope, k)));
    },
  },
  {
    name: "GET /v1/uploads?kode_fasyankes=",
    run: async (token, target) => answer(await call("GET", `/v1/uploads?kode_fasyankes=${target}`, { token })),
    expected: (role) => (rank(role) < 2 ? 403 : 200),
    check: (body, _role, scope, target) => {
      expect(body.uploads.map((u: { id: string }) => u.id)).toEqual(holds(scope, target) ? [uploadIds[uploadOf(target)]] : []);
    },
  },
  {
    name: "GET /v1/facilities?region=",
    run: async (token, target) => answer(await call("GET", `/v1/facilities?region=${KECAMATAN[target]!.slice(0, 4)}`, { token })),
    expected: () => 200,
    publicMaster: true,
    check: (body, _role, _scope, target) => {
      const region = KECAMATAN[target]!.slice(0, 4);
      for (const f of body.fasyankes as { kode: string; kode_wilayah: string; kecamatan: string | null }[]) {
        expect((f.kecamatan ?? f.kode_wilayah).startsWith(region), f.kode).toBe(true);
        if (KECAMATAN[f.kode]) expect(KECAMATAN[f.kode]!.startsWith(region)).toBe(true);
      }
    },
  },
  {
    name: "PUT /v1/facilities (the stored row again)",
    run: async (token, target) => answer(await call("PUT", "/v1/facilities", { token, json: { fasyankes: { columns: facilityColumns, rows: [storedRow(target)] } } })),
    expected: (role, scope, target) => (role !== "admin" || !keepsMasters(scope) ? 403 : holds(scope, target) ? 200 : 422),
  },
  {
    name: "PUT /v1/facilities (the target as a clinic of the caller's region)",
    run: async (token, target, _role, scope) => {
      const before = await env.DB.prepare("SELECT * FROM fasyankes WHERE kode = ?1").bind(target).first();
      const regency = isRegion(scope) && scope.length >= 4 ? scope.slice(0, 4) : scope.startsWith("36") || scope.includes("3601") ? "3601" : "1706";
      const row = [target, "Klinik Ambil Alih", "KLINIK", regency, null, null, "N", "N", "Y"];
      const res = await answer(await call("PUT", "/v1/facilities", { token, json: { fasyankes: { columns: facilityColumns, rows: [row] } } }));
      expect(await env.DB.prepare("SELECT * FROM fasyankes WHERE kode = ?1").bind(target).first()).toEqual(before);
      return res;
    },
    expected: (role, scope) => (role !== "admin" || !keepsMasters(scope) ? 403 : 422),
  },
  {
    name: "PUT /v1/population",
    run: async (token, target) =>
      answer(await call("PUT", "/v1/population", { token, json: { penduduk: { columns: ["kode_wilayah", "tahun", "jumlah"], rows: [[KECAMATAN[target], 2025, 25_000]] } } })),
    expected: (role, scope, target) => (role !== "admin" || !keepsMasters(scope) ? 403 : holdsRegion(scope, KECAMATAN[target]!) ? 200 : 422),
  },
  {
    name: "POST /v1/tokens",
    run: async (token, target) => answer(await call("POST", "/v1/tokens", { token, json: { role: "uploader", scope: target, name: `petugas ${target}` } })),
    expected: (role, scope, target) => (role !== "admin" ? 403 : holds(scope, target) ? 201 : 403),
  },
  {
    name: "DELETE /v1/tokens/{id}",
    run: async (token, target) => {
      const victim = await createToken(env.DB, { role: "uploader", scope: target, name: `victim ${target}` });
      const res = await answer(await call("DELETE", `/v1/tokens/${victim.id}`, { token }));
      const revoked = await env.DB.prepare("SELECT revoked_at FROM tokens WHERE id = ?1").bind(victim.id).first<{ revoked_at: string | null }>();
      expect(revoked?.revoked_at !== null).toBe(res.status === 200);
      return res;
    },
    // A token outside the scope answers as an unknown id (attack finding 9a).
    expected: (role, scope, target) => (role !== "admin" ? 403 : holds(scope, target) ? 200 : 404),
  },
  {
    name: "GET /v1/coverage?region={facility}",
    run: async (token, target) => answer(await call("GET", `/v1/coverage?region=${target}`, { token })),
    expected: (_role, scope, target) => (holds(scope, target) ? 200 : 403),
  },
  {
    name: "GET /v1/coverage?region={regency}&level=facility",
    run: async (token, target) => answer(await call("GET", `/v1/coverage?region=${KECAMATAN[target]!.slice(0, 4)}&level=facility`, { token })),
    expected: (_role, scope, target) => (holdsRegion(scope, KECAMATAN[target]!.slice(0, 4)) ? 200 : 403),
  },
  {
    name: "GET /v1/standards",
    run: async (token) => answer(await call("GET", "/v1/standards", { token })),
    expected: () => 200,
    check: (body, _role, scope) => {
      const fifty = body.standar.filter((r: { minimum: number }) => r.minimum === 50).length;
      expect(fifty).toBe(provinceOf(scope) === "36" ? body.standar.length : 0);
    },
  },
  {
    name: "PUT /v1/standards",
    // Each province writes what it already has, so the state the other cases read stays as it is.
    run: async (token, _target, _role, scope) =>
      answer(await call("PUT", "/v1/standards", { token, json: { set: "PMK75_2014", standar: standardTable(provinceOf(scope) === "36" ? 50 : undefined) } })),
    expected: (role, scope) => (role !== "admin" ? 403 : scope === "ID" || /^\d{2}$/.test(scope) ? 200 : 403),
    check: (body, _role, scope) => {
      const fifty = body.standar.filter((r: { minimum: number }) => r.minimum === 50).length;
      expect(fifty).toBe(provinceOf(scope) === "36" ? body.standar.length : 0);
    },
  },
];

describe("scope on the data a request touches: role × scope × endpoint × target (issue 10)", () => {
  it("answers each request with the status the rules give, and no 2xx answer holds anything outside the caller's scope", async () => {
    await fc.assert(
      fc.asyncProperty(fc.constantFrom(...ROLES), fc.constantFrom(...SCOPES), fc.constantFrom(...endpoints), fc.constantFrom(...TARGETS), async (role, scope, e, target) => {
        const where = `${e.name} as ${role}:${scope} on ${target}`;
        const { status, text } = await e.run(tokens.get(`${role}:${scope}`)!, target, role, scope);
        expect(status, `${where}: ${text.slice(0, 300)}`).toBe(e.expected(role, scope, target));
        if (status >= 300) {
          expect(JSON.parse(text).error.code, where).toEqual(expect.any(String));
          return;
        }
        for (const v of forbidden(role, scope)) expect(shows(text, v), `${where} shows ${v}`).toBe(false);
        if (!e.publicMaster) for (const kode of TARGETS) if (!holds(scope, kode)) expect(mentions(text, kode), `${where} names ${kode}`).toBe(false);
        e.check?.(JSON.parse(text), role, scope, target);
      }),
      { numRuns: 400 },
    );
  }, 120_000);

  it("covers every endpoint for every role on a target inside and outside a regency scope", async () => {
    // The corners the random walk may miss, once each: a Mukomuko and a Banten target for each role and endpoint, scoped 1706.
    for (const e of endpoints) {
      for (const role of ROLES) {
        for (const target of ["P1706020101", "P3601010101"]) {
          const { status, text } = await e.run(tokens.get(`${role}:1706`)!, target, role, "1706");
          expect(status, `${e.name} as ${role}:1706 on ${target}: ${text.slice(0, 300)}`).toBe(e.expected(role, "1706", target));
          if (status < 300) for (const v of forbidden(role, "1706")) expect(shows(text, v), `${e.name} shows ${v}`).toBe(false);
        }
      }
    }
  }, 120_000);
});
