import { beforeAll, describe, expect, it } from "vitest";
import type { ListKind, PlacementResponse } from "../../../shared/api/tindak-lanjut";
import type { NakesRecord, PelatihanRecord } from "../../../shared/schema/records";
import type { ListOf } from "../../../shared/tindak-lanjut/lists";
import { seedRegions, uploadAt } from "../coverage/api";
import { call, json, tokenFor } from "../support";

/**
 * SPEC §6 and §9: a list (and the placement's gaps) as of a past date D reads, per facility, the roster
 * whose as_of is the latest ≤ D, with the facility's attributes of D, as coverage does. One hand-built
 * puskesmas, renamed on 1 September, uploaded as of 1 June (a midwife whose SIP ends 15 July), as of
 * 1 October (her SIP renewed, a doctor whose SIP ends 15 November) and, late, as of 1 August (her SIP
 * renewed to January, a nurse whose SIP ends 30 September).
 */
const KODE = "P1706030271";
const KEC = "170603";
let admin: string;
let uploader: string;
let analyst: string;

interface Person {
  nama: string;
  jenis: NakesRecord["jenis_tenaga"];
  sex: "L" | "P";
  birth: string;
  serial: number;
  sip: string;
}

/** A valid NIK: the kecamatan, DDMMYY (+40 for women), a serial. */
function nik(p: Person): string {
  const [y, m, d] = p.birth.split("-");
  return `${KEC}${String(Number(d) + (p.sex === "P" ? 40 : 0)).padStart(2, "0")}${m}${y!.slice(2)}${String(p.serial).padStart(4, "0")}`;
}

function roster(persons: readonly Person[]): { nakes: NakesRecord[]; pelatihan: PelatihanRecord[] } {
  return {
    nakes: persons.map((p, row) => ({
      row,
      nik: nik(p),
      nip: null,
      nama: p.nama,
      jenis_kelamin: p.sex,
      tanggal_lahir: p.birth,
      jenis_tenaga: p.jenis,
      pendidikan: null,
      status_kepegawaian: "KONTRAK_DAERAH",
      kode_fasyankes: KODE,
      no_str: `STR9${String(p.serial).padStart(7, "0")}`,
      str_berlaku_sampai: null,
      no_sip: `SIP/${p.serial}/${p.sip.slice(0, 4)}`,
      sip_berlaku_sampai: p.sip,
      tmt_penugasan: null,
      keterangan: null,
    })),
    pelatihan: [],
  };
}

const bidan = (sip: string): Person => ({ nama: "Wulan Sari", jenis: "BIDAN", sex: "P", birth: "1990-03-08", serial: 1, sip });
const DOKTER: Person = { nama: "dr. Bayu Aji", jenis: "DOKTER", sex: "L", birth: "1986-05-19", serial: 2, sip: "2026-11-15" };
const PERAWAT: Person = { nama: "Sela Putri", jenis: "PERAWAT", sex: "P", birth: "1993-12-01", serial: 3, sip: "2026-09-30" };

async function putFacility(nama: string, berlaku_mulai: string): Promise<void> {
  const res = await call("PUT", "/v1/facilities", {
    token: admin,
    json: {
      fasyankes: {
        columns: ["kode", "nama", "jenis", "kode_wilayah", "kecamatan", "kategori", "rawat_inap", "poned", "aktif"],
        rows: [[KODE, nama, "PUSKESMAS", "1706", KEC, "PEDESAAN", "N", "N", "Y"]],
      },
      berlaku_mulai,
    },
  });
  expect(res.status).toBe(200);
}

beforeAll(async () => {
  await seedRegions();
  admin = await tokenFor("admin", "17");
  uploader = await tokenFor("uploader", "1706");
  analyst = await tokenFor("analyst", "1706");
  await putFacility("Puskesmas Lama", "2026-01-01");
  await putFacility("Puskesmas Baru", "2026-09-01");
  await uploadAt(admin, "2026-06-02T03:00:00.000Z", roster([bidan("2026-07-15")]), "2026-06-01");
  await uploadAt(admin, "2026-10-02T03:00:00.000Z", roster([bidan("2028-06-30"), DOKTER]), "2026-10-01");
  // Recorded after the October roster, for a date before it: history at its date only.
  await uploadAt(admin, "2026-10-03T03:00:00.000Z", roster([bidan("2027-01-10"), PERAWAT]), "2026-08-01");
});

async function list<K extends ListKind>(kind: K, asOf: string): Promise<ListOf<K>> {
  const res = await call("GET", `/v1/tindak-lanjut?list=${kind}&region=${KODE}&as_of=${asOf}`, { token: uploader });
  if (res.status !== 200) throw new Error(`tindak-lanjut answered ${res.status}: ${await res.text()}`);
  return json<ListOf<K>>(res);
}

const sipRows = async (asOf: string) => (await list("sip", asOf)).rows.map((r) => [r.nama, r.sip_berlaku_sampai, r.nama_fasyankes]);

describe("tindak lanjut at a past date", () => {
  it("names the person of the earlier roster, with the licence and facility name of then", async () => {
    expect(await sipRows("2026-06-20")).toEqual([["Wulan Sari", "2026-07-15", "Puskesmas Lama"]]);
  });

  it("names the person of the later roster at the later date, not the renewed licence", async () => {
    expect(await sipRows("2026-10-20")).toEqual([["dr. Bayu Aji", "2026-11-15", "Puskesmas Baru"]]);
  });

  it("shows a late upload for an earlier date at that date, and only there", async () => {
    expect(await sipRows("2026-08-10")).toEqual([["Sela Putri", "2026-09-30", "Puskesmas Lama"]]);
    expect(await sipRows("2026-06-20")).toEqual([["Wulan Sari", "2026-07-15", "Puskesmas Lama"]]);
  });

  it("lists no one before the facility's first roster", async () => {
    expect(await sipRows("2026-05-01")).toEqual([]);
  });

  it("counts the placement's gaps on the roster of the date asked", async () => {
    const plan = async (asOf: string) => {
      const res = await call("POST", "/v1/penempatan", { token: analyst, json: { region: KEC, jenis_tenaga: "DOKTER", jumlah: 1, as_of: asOf } });
      expect(res.status).toBe(200);
      return json<PlacementResponse>(res);
    };
    const before = await plan("2026-08-10");
    const after = await plan("2026-10-20");
    expect(before.indikator.sebelum.tanpa_dokter).toBe(1);
    expect(after.indikator.sebelum.tanpa_dokter).toBe(0);
    expect(before.rows.map((r) => [r.kode_fasyankes, r.nama_fasyankes, r.sebelum])).toEqual([[KODE, "Puskesmas Lama", 1]]);
  });

  it("measures the placement's gap against the standard active at the date asked", async () => {
    // Province 17's own set from 10 October: 3 doctors in a rural puskesmas (the national PMK75_2014: 1).
    const res = await call("PUT", "/v1/standards", {
      token: admin,
      json: { set: "UJI_TL", standar: { columns: ["kategori", "rawat_inap", "jenis", "minimum"], rows: [["PEDESAAN", "N", "DOKTER", 3]] }, aktif: true, berlaku_mulai: "2026-10-10" },
    });
    expect(res.status).toBe(200);
    try {
      const gap = async (asOf: string) => {
        const plan = await call("POST", "/v1/penempatan", { token: analyst, json: { region: KEC, jenis_tenaga: "DOKTER", jumlah: 1, as_of: asOf } });
        return (await json<PlacementResponse>(plan)).indikator.sebelum.kekurangan;
      };
      // 8 August: no doctor, national minimum 1; 20 October: dr. Bayu, the province's minimum 3.
      expect([await gap("2026-08-10"), await gap("2026-10-20")]).toEqual([1, 2]);
    } finally {
      await call("PUT", "/v1/standards", { token: admin, json: { set: "PMK75_2014", aktif: true, berlaku_mulai: "2026-10-10" } });
    }
  });
});
