import { beforeAll, describe, expect, it } from "vitest";
import { LIST_COLUMNS, type ListKind, type ListResponse, type PlacementResponse } from "../../../shared/api/tindak-lanjut";
import type { ListOf } from "../../../shared/tindak-lanjut/lists";
import { validateRoster } from "../../../shared/validate";
import { AS_OF, FACILITIES, nikOfName, rosterRequest, rosterRows, UPLOAD_AS_OF } from "../../shared/tindak-lanjut/fixture";
import { coverage, putFacilities, seedRegions, uploadAt } from "../coverage/api";
import { call, json, tokenFor } from "../support";

/**
 * GET /v1/tindak-lanjut and POST /v1/penempatan through the real Worker and D1, on the hand-built roster
 * of tests/shared/tindak-lanjut/fixture.ts (uploaded as of 1 October 2026, asked as of 1 November).
 */
let uploader: string;

beforeAll(async () => {
  await seedRegions();
  const admin = await tokenFor("admin", "17");
  uploader = await tokenFor("uploader", "1706");
  expect((await putFacilities(admin, FACILITIES)).status).toBe(200);
  await uploadAt(admin, "2026-10-02T03:00:00.000Z", rosterRows(), UPLOAD_AS_OF);
});

async function list<K extends ListKind>(kind: K, token: string, query: string, headers: Record<string, string> = {}): Promise<ListOf<K>> {
  const res = await call("GET", `/v1/tindak-lanjut?list=${kind}&${query}`, { token, headers });
  if (res.status !== 200) throw new Error(`tindak-lanjut answered ${res.status}: ${await res.text()}`);
  return json<ListOf<K>>(res);
}

const names = (l: ListResponse) => l.rows.map((r) => r.nama);

describe("GET /v1/tindak-lanjut", () => {
  it("lists the SIP that ended and the one ending in 30 days in the uploader's regency, ended first", async () => {
    const l = await list("sip", uploader, `region=1706&as_of=${AS_OF}`);
    expect(l.list).toBe("sip");
    expect(l.as_of).toBe(AS_OF);
    expect(l.rows).toEqual([
      expect.objectContaining({
        kode_fasyankes: "P1706010201",
        nama_fasyankes: "Puskesmas Alpha",
        nik: nikOfName("Siti Aminah"),
        nama: "Siti Aminah",
        jenis_tenaga: "BIDAN",
        batas: "2026-10-20",
        sip_berlaku_sampai: "2026-10-20",
        sisa_hari: -12,
        keadaan: "berakhir",
        no_sip: "SIP/0002/2024",
      }),
      expect.objectContaining({ nama: "dr. Rahmat Hidayat", sisa_hari: 30, keadaan: "segera_berakhir", tindakan: "Perpanjang SIP sebelum 1 Desember 2026 (sisa 30 hari)" }),
    ]);
  });

  it("holds every stored person the shared validator flags sip.expiring on the same date", async () => {
    const request = rosterRequest(AS_OF);
    const { issues } = validateRoster(request, { asOf: AS_OF });
    const flagged = issues.filter((i) => i.code === "sip.expiring").map((i) => String(request.nakes.rows[i.row!]![0]));
    const l = await list("sip", uploader, `region=1706&as_of=${AS_OF}`);
    // The 1706 token's regency: Lina (1701) is flagged but not its to see.
    const inScope = flagged.filter((nik) => nik !== nikOfName("dr. Lina Marlina"));
    expect(l.rows.filter((r) => r.keadaan === "segera_berakhir").map((r) => r.nik).sort()).toEqual(inScope.sort());
    const admin17 = await tokenFor("admin", "17");
    const all = await list("sip", admin17, `region=17&as_of=${AS_OF}`);
    expect(all.rows.filter((r) => r.keadaan === "segera_berakhir").map((r) => r.nik).sort()).toEqual(flagged.sort());
  });

  it("counts the same SIPs and terms as coverage does for the region and date", async () => {
    const analyst = await tokenFor("analyst", "1706");
    const figures = (await coverage(analyst, `region=1706&as_of=${AS_OF}`)).figures;
    const sip = await list("sip", uploader, `region=1706&as_of=${AS_OF}`);
    expect(sip.rows.filter((r) => r.keadaan === "berakhir")).toHaveLength(figures["sip_kedaluwarsa"] as number);
    expect(sip.rows.filter((r) => r.keadaan === "segera_berakhir")).toHaveLength(figures["sip_segera_habis"] as number);
    const terms = await list("penugasan", uploader, `region=1706&as_of=${AS_OF}`);
    expect(terms.rows.filter((r) => r.keadaan === "berakhir")).toHaveLength(figures["penugasan_berakhir"] as number);
    expect(terms.rows.filter((r) => r.keadaan === "segera_berakhir")).toHaveLength(figures["penugasan_segera_berakhir"] as number);
  });

  it("takes today in the province's zone as the default as_of", async () => {
    // 18:30 UTC on 14 June is already 15 June in WIB (Bengkulu).
    const res = await call("GET", "/v1/tindak-lanjut?list=str&region=1706", { token: uploader, vars: { NOW: "2026-06-14T18:30:00Z" } });
    expect((await json<ListResponse>(res)).as_of).toBe("2026-06-15");
  });

  it("lists the dated STR", async () => {
    const l = await list("str", uploader, `as_of=${AS_OF}`);
    expect(l.rows.map((r) => [r.nama, r.keadaan, r.batas])).toEqual([["Fitri Handayani", "bertanggal", "2027-05-01"]]);
  });

  it("lists the PK terms that ended or end within 6 months with the gap left, not the one ending in 7", async () => {
    const l = await list("penugasan", uploader, `region=1706&as_of=${AS_OF}`);
    expect(l.rows.map((r) => [r.nama, r.akhir_masa, r.keadaan, r.kekurangan_setelah_pergi])).toEqual([
      ["Nur Aisyah", "2026-10-15", "berakhir", 4],
      ["dr. Andi Pratama", "2027-03-15", "segera_berakhir", 1],
      ["Agus Salim", "2027-04-01", "segera_berakhir", 5],
    ]);
  });

  it("lists the untrained midwives of the PONED puskesmas whose team has no PONED-trained midwife", async () => {
    const l = await list("poned", uploader, `region=1706&as_of=${AS_OF}`);
    expect(l.rows.map((r) => [r.kode_fasyankes, r.nama, r.tim_kurang])).toEqual([
      ["P1706010201", "Dewi Lestari", ["BIDAN"]],
      ["P1706010201", "Siti Aminah", ["BIDAN"]],
    ]);
  });

  it("lists the sanitarian without PENGELOLAAN_LIMBAH, the nurse without PPI and the puskesmas where nobody has K3", async () => {
    const l = await list("pelatihan", uploader, `region=1706&as_of=${AS_OF}`);
    expect(l.rows.map((r) => [r.kode_fasyankes, r.nama, r.kode_pelatihan])).toEqual([
      ["P1706010201", "Bambang Sutrisno", "PENGELOLAAN_LIMBAH"],
      ["P1706020201", "Hendra Gunawan", "PPI"],
      ["P1706020202", null, "K3_FASYANKES"],
    ]);
  });

  it("refuses analysts: the lists name people", async () => {
    const analyst = await tokenFor("analyst", "17");
    const res = await call("GET", `/v1/tindak-lanjut?list=sip&region=1706`, { token: analyst });
    expect(res.status).toBe(403);
    expect((await json(res)).error.code).toBe("forbidden");
  });

  it("shows a facility-scoped uploader its facility only, and refuses it any region wider", async () => {
    const alpha = await tokenFor("uploader", "P1706010201");
    expect(names(await list("sip", alpha, `as_of=${AS_OF}`))).toEqual(["Siti Aminah", "dr. Rahmat Hidayat"]);
    expect(names(await list("penugasan", alpha, `region=P1706010201&as_of=${AS_OF}`))).toEqual(["Agus Salim"]);
    expect((await call("GET", `/v1/tindak-lanjut?list=sip&region=1706`, { token: alpha })).status).toBe(403);
    expect((await call("GET", `/v1/tindak-lanjut?list=sip&region=P1706010202`, { token: alpha })).status).toBe(403);
    expect((await call("GET", `/v1/tindak-lanjut?list=sip&region=1701`, { token: alpha })).status).toBe(403);
  });

  it("refuses a region outside the scope", async () => {
    const res = await call("GET", `/v1/tindak-lanjut?list=sip&region=1701`, { token: uploader });
    expect(res.status).toBe(403);
    expect((await json(res)).error.message).toContain("1701");
  });

  it("refuses an unknown list with 400", async () => {
    expect((await call("GET", `/v1/tindak-lanjut?list=semua`, { token: uploader })).status).toBe(400);
  });

  it("answers CSV with the same columns and rows", async () => {
    const res = await call("GET", `/v1/tindak-lanjut?list=sip&region=1706&as_of=${AS_OF}`, { token: uploader, headers: { Accept: "text/csv" } });
    expect(res.status).toBe(200);
    expect(res.headers.get("Content-Type")).toMatch(/^text\/csv/);
    const lines = (await res.text()).replace(/^\uFEFF/, "").trimEnd().split("\r\n");
    expect(lines[0]).toBe(LIST_COLUMNS.sip.join(","));
    expect(lines).toHaveLength(3);
    // The NIK's 16 digits as Excel's text formula, so a double-click keeps them (shared/table/csv-write).
    expect(lines[1]).toContain(`P1706010201,Puskesmas Alpha,"=""${nikOfName("Siti Aminah")}""",Siti Aminah,BIDAN,`);
    expect(lines[1]!.endsWith(",SIP/0002/2024,2026-10-20,-12,berakhir")).toBe(true);
  });

  it("says what to do in English with Accept-Language: en", async () => {
    const l = await list("pelatihan", uploader, `region=1706&as_of=${AS_OF}`, { "Accept-Language": "en" });
    expect(l.rows[0]!.tindakan).toBe("Enrol in training: Medical waste management");
  });
});

async function plan(token: string, body: unknown, headers: Record<string, string> = {}): Promise<Response> {
  return call("POST", "/v1/penempatan", { token, json: body, headers });
}

describe("POST /v1/penempatan", () => {
  it("ranks the region's puskesmas for new doctors, ties broken by remoteness then code, with the indicators", async () => {
    const analyst = await tokenFor("analyst", "17");
    const res = await plan(analyst, { region: "1706", jenis_tenaga: "DOKTER", jumlah: 4, as_of: AS_OF });
    expect(res.status).toBe(200);
    const p = await json<PlacementResponse>(res);
    expect(p.rows.map((r) => [r.urutan, r.kode_fasyankes, r.nama_fasyankes, r.tambahan, r.sebelum, r.sesudah, r.alasan])).toEqual([
      [1, "P1706020201", "Puskesmas Gamma", 2, 1, 0, "tanpa dokter; puskesmas sangat terpencil"],
      [2, "P1706020203", "Puskesmas Epsilon", 1, 1, 0, "tanpa dokter; puskesmas sangat terpencil"],
      [3, "P1706010202", "Puskesmas Beta", 1, 1, 0, "tanpa dokter; dokter PK berakhir Maret 2027; puskesmas terpencil"],
    ]);
    expect(p.indikator).toEqual({
      sebelum: { puskesmas: 5, tanpa_dokter: 3, sembilan_jenis_lengkap: 0, kekurangan: 3 },
      sesudah: { puskesmas: 5, tanpa_dokter: 0, sembilan_jenis_lengkap: 0, kekurangan: 0 },
    });
    expect(JSON.stringify(p)).not.toContain("Andi");
  });

  it("explains in English with Accept-Language: en", async () => {
    const analyst = await tokenFor("analyst", "1706");
    const p = await json<PlacementResponse>(await plan(analyst, { region: "1706", jenis_tenaga: "DOKTER", jumlah: 1, as_of: AS_OF }, { "Accept-Language": "en" }));
    expect(p.rows[0]!.alasan).toBe("no doctor; very remote puskesmas");
  });

  it("refuses a region outside the token's scope and a malformed body", async () => {
    const other = await tokenFor("analyst", "1701");
    expect((await plan(other, { region: "1706", jenis_tenaga: "DOKTER", jumlah: 1 })).status).toBe(403);
    expect((await plan(other, { region: "1701", jenis_tenaga: "DOKTER", jumlah: 0 })).status).toBe(400);
    expect((await plan(other, { region: "1701", jenis_tenaga: "DUKUN", jumlah: 1 })).status).toBe(400);
  });
});
