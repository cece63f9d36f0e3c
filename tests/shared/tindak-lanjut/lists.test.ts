import { describe, expect, it } from "vitest";
import type { ListResponse } from "../../../shared/api/tindak-lanjut";
import { PMK75_2014 } from "../../../shared/reference/standar-puskesmas";
import { buildList, byUrgency, factsOf, listWindows, termEnd, type ListRows } from "../../../shared/tindak-lanjut/lists";
import type { PelatihanRow } from "../../../shared/api/tindak-lanjut";
import { validateRoster } from "../../../shared/validate";
import { AS_OF, FACILITIES, nikOfName, rosterRequest, rosterRows } from "./fixture";

/** The rows of storage for the fixture, as worker/store/tindak-lanjut.ts reads them (every person). */
function rows(edit?: (r: ReturnType<typeof rosterRows>) => void): ListRows {
  const r = rosterRows();
  edit?.(r);
  const kodeOf = new Map(r.nakes.map((n) => [n.nik, n.kode_fasyankes]));
  const staff = new Map<string, { kode_fasyankes: string; jenis_tenaga: (typeof r.nakes)[number]["jenis_tenaga"]; n: number }>();
  for (const n of r.nakes) {
    const k = `${n.kode_fasyankes}|${n.jenis_tenaga}`;
    staff.set(k, { kode_fasyankes: n.kode_fasyankes, jenis_tenaga: n.jenis_tenaga, n: (staff.get(k)?.n ?? 0) + 1 });
  }
  // Puskesmas with staff where nobody holds K3_FASYANKES (what storage answers for the facility-wide need).
  const k3 = new Set(r.pelatihan.filter((p) => p.kode_pelatihan === "K3_FASYANKES").map((p) => kodeOf.get(p.nik)));
  const withStaff = [...new Set(r.nakes.map((n) => n.kode_fasyankes))];
  return {
    facilitiesWithout: withStaff.filter((k) => !k3.has(k)).map((k) => ({ kode_fasyankes: k, kode_pelatihan: "K3_FASYANKES" as const })),
    facilities: FACILITIES.map((f) => ({ kode: f.kode, nama: f.nama, jenis: f.jenis, kategori: f.kategori, rawat_inap: f.rawat_inap, poned: f.poned })),
    persons: r.nakes,
    trainings: r.pelatihan.map((p) => ({ kode_fasyankes: kodeOf.get(p.nik)!, nik: p.nik, kode_pelatihan: p.kode_pelatihan })),
    staff: [...staff.values()],
  };
}

const list = <K extends ListResponse["list"]>(kind: K, r = rows(), lang: "id" | "en" = "id") => buildList(kind, factsOf(r, PMK75_2014.rules), AS_OF, lang);
const names = (l: ListResponse) => l.rows.map((r) => r.nama);

describe("the sip list", () => {
  it("holds the SIP that ended and the one ending within 90 days, ended first, with days left", () => {
    const l = list("sip");
    expect(l.rows.map((r) => [r.nama, r.sip_berlaku_sampai, r.sisa_hari, r.keadaan, r.batas])).toEqual([
      ["Siti Aminah", "2026-10-20", -12, "berakhir", "2026-10-20"],
      ["dr. Lina Marlina", "2026-11-10", 9, "segera_berakhir", "2026-11-10"],
      ["dr. Rahmat Hidayat", "2026-12-01", 30, "segera_berakhir", "2026-12-01"],
    ]);
    expect(l.rows[0]).toMatchObject({ kode_fasyankes: "P1706010201", nama_fasyankes: "Puskesmas Alpha", jenis_tenaga: "BIDAN", nik: nikOfName("Siti Aminah") });
  });

  it("holds exactly the persons the shared validator flags sip.expiring and sip.expired for the same as_of", () => {
    const request = rosterRequest(AS_OF);
    const { issues } = validateRoster(request, { asOf: AS_OF });
    const nikAt = (row: number) => String(request.nakes.rows[row]![0]);
    const flagged = (code: string) => issues.filter((i) => i.code === code && i.table === "nakes").map((i) => nikAt(i.row!)).sort();
    const l = list("sip");
    const on = (keadaan: string) => l.rows.filter((r) => r.keadaan === keadaan).map((r) => r.nik!).sort();
    expect(flagged("sip.expiring").length).toBeGreaterThan(0);
    expect(on("segera_berakhir")).toEqual(flagged("sip.expiring"));
    expect(on("berakhir")).toEqual(flagged("sip.expired"));
  });

  it("takes the window from the reference data: a SIP ending on day 90 is on it, day 91 is not", () => {
    const w = listWindows(AS_OF);
    expect(w.sipUntil).toBe("2027-01-30");
    const l = list("sip", rows((r) => {
      r.nakes[2]!.sip_berlaku_sampai = "2027-01-30";
      r.nakes[3]!.sip_berlaku_sampai = "2027-01-31";
    }));
    expect(names(l)).toContain("Dewi Lestari");
    expect(names(l)).not.toContain("Agus Salim");
  });

  it("says what to do in Indonesian, and in English when asked", () => {
    expect(list("sip").rows[2]!.tindakan).toBe("Perpanjang SIP sebelum 1 Desember 2026 (sisa 30 hari)");
    expect(list("sip", rows(), "en").rows[0]!.tindakan).toMatch(/^SIP ended on 20 October 2026/);
  });
});

describe("the str list", () => {
  it("holds a dated STR, by its date, and a missing one, due now", () => {
    const l = list("str", rows((r) => (r.nakes[9]!.no_str = null)));
    expect(l.rows.map((r) => [r.nama, r.keadaan, r.batas])).toEqual([
      ["Hendra Gunawan", "tidak_ada", AS_OF],
      ["Fitri Handayani", "bertanggal", "2027-05-01"],
    ]);
  });

  it("leaves out professions that need no STR", () => {
    const l = list("str", rows((r) => {
      r.nakes[4]!.jenis_tenaga = "ADMINISTRASI";
      r.nakes[4]!.no_str = null;
    }));
    expect(names(l)).toEqual(["Fitri Handayani"]);
  });
});

describe("the penugasan list", () => {
  it("holds the terms that ended or end within 6 months, with the gap each leaves, and not one ending in 7", () => {
    const l = list("penugasan");
    expect(l.rows.map((r) => [r.nama, r.akhir_masa, r.keadaan, r.sisa_hari, r.kekurangan_setelah_pergi])).toEqual([
      // Gamma (TERPENCIL rows): 4 midwives asked, she is the only one
      ["Nur Aisyah", "2026-10-15", "berakhir", -17, 4],
      // Beta: 1 doctor asked, he is the only one
      ["dr. Andi Pratama", "2027-03-15", "segera_berakhir", 134, 1],
      // Alpha (PEDESAAN): 5 nurses asked, he is the only one
      ["Agus Salim", "2027-04-01", "segera_berakhir", 151, 5],
    ]);
    expect(names(l)).not.toContain("Yusuf Maulana");
  });

  it("agrees with the validator's penugasan.ended, 29 February included", () => {
    expect(termEnd({ status_kepegawaian: "PENUGASAN_KHUSUS", tmt_penugasan: "2020-02-29" })).toBe("2025-02-28");
    expect(termEnd({ status_kepegawaian: "PNS", tmt_penugasan: "2020-02-29" })).toBeNull();
    const request = rosterRequest(AS_OF);
    const { issues } = validateRoster(request, { asOf: AS_OF });
    const ended = issues.filter((i) => i.code === "penugasan.ended").map((i) => String(request.nakes.rows[i.row!]![0]));
    expect(list("penugasan").rows.filter((r) => r.keadaan === "berakhir").map((r) => r.nik)).toEqual(ended);
  });

  it("counts those leaving no later than a person in the gap that person leaves", () => {
    // A second PK nurse at Alpha (ends 2027-01-10): when she leaves, Agus Salim is still there (5 − 1);
    // when he leaves, both are gone (5 − 0).
    const l = list("penugasan", rows((r) => {
      r.nakes[2]!.jenis_tenaga = "PERAWAT";
      r.nakes[2]!.status_kepegawaian = "PENUGASAN_KHUSUS";
      r.nakes[2]!.tmt_penugasan = "2022-01-10";
    }));
    const byName = new Map(l.rows.map((r) => [r.nama, r.kekurangan_setelah_pergi]));
    expect(byName.get("Dewi Lestari")).toBe(4);
    expect(byName.get("Agus Salim")).toBe(5);
  });
});

describe("the poned list", () => {
  it("names the untrained midwives of a PONED puskesmas whose team has no PONED-trained midwife", () => {
    const l = list("poned");
    expect(l.rows.map((r) => [r.kode_fasyankes, r.nama, r.jenis_tenaga, r.tim_kurang])).toEqual([
      ["P1706010201", "Dewi Lestari", "BIDAN", ["BIDAN"]],
      ["P1706010201", "Siti Aminah", "BIDAN", ["BIDAN"]],
    ]);
  });

  it("names a missing profession with nobody to train as a row without a person", () => {
    const l = list("poned", rows((r) => (r.nakes = r.nakes.filter((n) => n.nama !== "Agus Salim"))));
    const nobody = l.rows.find((r) => r.nik === null);
    expect(nobody).toMatchObject({ kode_fasyankes: "P1706010201", jenis_tenaga: "PERAWAT", nama: null, tim_kurang: ["BIDAN", "PERAWAT"] });
    expect(nobody!.tindakan).toBe("Tidak ada perawat untuk dilatih: tempatkan perawat terlatih PONED");
  });
});

describe("the pelatihan list", () => {
  it("names the sanitarian without PENGELOLAAN_LIMBAH, the nurse without PPI and the puskesmas where nobody has K3", () => {
    const l = list("pelatihan");
    expect(l.rows.map((r) => [r.kode_fasyankes, r.nama, r.kode_pelatihan, r.batas])).toEqual([
      ["P1706010201", "Bambang Sutrisno", "PENGELOLAAN_LIMBAH", "2026-12-31"],
      ["P1706020201", "Hendra Gunawan", "PPI", "2026-12-31"],
      ["P1706020202", null, "K3_FASYANKES", "2026-12-31"],
    ]);
    expect(l.rows[2]).toMatchObject({ nik: null, jenis_tenaga: null, nama_fasyankes: "Puskesmas Delta" });
    expect(l.rows[2]!.tindakan).toBe("Belum ada tenaga terlatih Keselamatan dan Kesehatan Kerja (K3) di Fasyankes di sini: kirim sedikitnya satu orang ke pelatihan");
  });

  it("asks PPI of clinical staff only, and PENGELOLAAN_LIMBAH of sanitarians only", () => {
    const none = rows((x) => (x.pelatihan = []));
    const l = list("pelatihan", none);
    const ppi = l.rows.filter((x) => x.kode_pelatihan === "PPI").map((x) => x.jenis_tenaga);
    expect(new Set(ppi)).toEqual(new Set(["DOKTER", "BIDAN", "PERAWAT"]));
    expect(ppi).toHaveLength(12);
    expect(l.rows.filter((x) => x.kode_pelatihan === "PENGELOLAAN_LIMBAH").map((x) => x.nama)).toEqual(["Bambang Sutrisno", "Rudi Hartono"]);
  });
});

describe("the order of a list", () => {
  const row = (batas: string, kode: string, nama: string | null, nik: string | null, kode_pelatihan: PelatihanRow["kode_pelatihan"] = "PPI"): PelatihanRow => ({
    kode_fasyankes: kode,
    nama_fasyankes: kode,
    nik,
    nama,
    jenis_tenaga: nik === null ? null : "PERAWAT",
    tindakan: "",
    batas,
    kode_pelatihan,
  });

  it("puts the earliest batas first, then facility, its people before its row without a person, name, NIK and training", () => {
    const rows = [
      row("2026-12-31", "P2", "Ani", "2"),
      row("2026-12-31", "P1", null, null, "K3_FASYANKES"),
      row("2026-12-31", "P1", "Budi", "1"),
      row("2026-11-30", "P9", "Zul", "9"),
      row("2026-12-31", "P1", "Ani", "3", "PPI"),
      row("2026-12-31", "P1", "Ani", "3", "PENGELOLAAN_LIMBAH"),
      row("2026-12-31", "P1", "Ani Sari", "0"),
      row("2026-12-31", "P1", "Ani", "21"),
    ];
    expect(byUrgency(rows).map((r) => [r.batas, r.kode_fasyankes, r.nama, r.nik, r.kode_pelatihan])).toEqual([
      ["2026-11-30", "P9", "Zul", "9", "PPI"],
      // "Ani" before "Ani Sari" (a name before a longer one it begins), then by NIK as text.
      ["2026-12-31", "P1", "Ani", "21", "PPI"],
      ["2026-12-31", "P1", "Ani", "3", "PENGELOLAAN_LIMBAH"],
      ["2026-12-31", "P1", "Ani", "3", "PPI"],
      ["2026-12-31", "P1", "Ani Sari", "0", "PPI"],
      ["2026-12-31", "P1", "Budi", "1", "PPI"],
      ["2026-12-31", "P1", null, null, "K3_FASYANKES"],
      ["2026-12-31", "P2", "Ani", "2", "PPI"],
    ]);
  });
});
