import { beforeAll, describe, expect, it } from "vitest";
import type { ListOf } from "../../../shared/tindak-lanjut/lists";
import type { NakesRecord } from "../../../shared/schema/records";
import { seedRegions, uploadAt } from "../coverage/api";
import { call, json, tokenFor } from "../support";

// A rural puskesmas without beds in Mukomuko, with one doctor on Penugasan Khusus whose term ends in
// February 2027. Province 17 keeps its own standard (3 doctors there; the national PMK75_2014: 1).
const KODE = "P1706030272";
const AS_OF = "2026-11-20";

const doctor: NakesRecord = {
  row: 0,
  nik: "1706031905860002",
  nip: null,
  nama: "dr. Bayu Aji",
  jenis_kelamin: "L",
  tanggal_lahir: "1986-05-19",
  jenis_tenaga: "DOKTER",
  pendidikan: null,
  status_kepegawaian: "PENUGASAN_KHUSUS",
  kode_fasyankes: KODE,
  no_str: "STR90000002",
  str_berlaku_sampai: null,
  no_sip: "SIP/2/2028",
  sip_berlaku_sampai: "2028-06-30",
  tmt_penugasan: "2022-02-01",
  keterangan: null,
};

let national: string;
let regency: string;

beforeAll(async () => {
  await seedRegions();
  const admin = await tokenFor("admin", "17");
  national = await tokenFor("uploader", "ID");
  regency = await tokenFor("uploader", "1706");
  const facility = await call("PUT", "/v1/facilities", {
    token: admin,
    json: {
      fasyankes: {
        columns: ["kode", "nama", "jenis", "kode_wilayah", "kecamatan", "kategori", "rawat_inap", "poned", "aktif"],
        rows: [[KODE, "Puskesmas Uji Standar", "PUSKESMAS", "1706", "170603", "PEDESAAN", "N", "N", "Y"]],
      },
      berlaku_mulai: "2026-01-01",
    },
  });
  expect(facility.status).toBe(200);
  const standard = await call("PUT", "/v1/standards", {
    token: admin,
    json: { set: "UJI_17", standar: { columns: ["kategori", "rawat_inap", "jenis", "minimum"], rows: [["PEDESAAN", "N", "DOKTER", 3]] }, aktif: true, berlaku_mulai: "2026-01-01" },
  });
  expect(standard.status).toBe(200);
  await uploadAt(admin, `${AS_OF}T03:00:00.000Z`, { nakes: [doctor], pelatihan: [] }, AS_OF);
});

async function penugasan(token: string, region: string | null): Promise<ListOf<"penugasan">> {
  const res = await call("GET", `/v1/tindak-lanjut?list=penugasan&as_of=${AS_OF}${region ? `&region=${region}` : ""}`, { token });
  expect(res.status).toBe(200);
  return json<ListOf<"penugasan">>(res);
}

describe("the penugasan list's gap", () => {
  it("holds each facility to its own province's standard, whether the list is asked for the province or the whole country", async () => {
    const own = (await penugasan(regency, "1706")).rows.filter((r) => r.kode_fasyankes === KODE);
    const country = (await penugasan(national, null)).rows.filter((r) => r.kode_fasyankes === KODE);
    // Province 17's minimum of 3 doctors, none left once dr. Bayu's term ends: 3 short (the national set would say 1).
    expect(own.map((r) => [r.nama, r.kekurangan_setelah_pergi])).toEqual([["dr. Bayu Aji", 3]]);
    expect(country).toEqual(own);
  });
});
