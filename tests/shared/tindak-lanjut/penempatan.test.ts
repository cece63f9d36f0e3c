import { describe, expect, it } from "vitest";
import type { JenisStandar } from "../../../shared/reference/codes";
import { PMK75_2014 } from "../../../shared/reference/standar-puskesmas";
import { planPlacement, type PlacementFacility } from "../../../shared/tindak-lanjut/penempatan";
import { termEnd } from "../../../shared/tindak-lanjut/lists";
import { AS_OF, FACILITIES, rosterRows } from "./fixture";

/** The puskesmas of regency 1706 in the fixture, with staff and terms as the route gathers them. */
function region1706(): PlacementFacility[] {
  const { nakes } = rosterRows();
  return FACILITIES.filter((f) => f.kode_wilayah === "1706").map((f) => {
    const mine = nakes.filter((n) => n.kode_fasyankes === f.kode);
    const staff: PlacementFacility["staff"] = {};
    for (const n of mine) staff[n.jenis_tenaga] = (staff[n.jenis_tenaga] ?? 0) + 1;
    const terms = mine.flatMap((n) => {
      const end = termEnd(n);
      return end ? [{ jenis: n.jenis_tenaga, status: n.status_kepegawaian, end }] : [];
    });
    return { kode: f.kode, nama: f.nama, kategori: f.kategori, rawat_inap: f.rawat_inap, staff, terms };
  });
}

const plan = (jenis: JenisStandar, jumlah: number, facilities = region1706(), lang: "id" | "en" = "id") =>
  planPlacement({ region: "1706", jenis, jumlah, asOf: AS_OF, facilities, rules: PMK75_2014.rules }, lang);

describe("the placement plan", () => {
  it("fills puskesmas without the profession first, the very remote before the remote, equal ones by code", () => {
    // Without a doctor within the horizon: Beta (PK ends March 2027, TERPENCIL), Gamma and Epsilon (SANGAT_TERPENCIL).
    const p = plan("DOKTER", 3);
    expect(p.rows.map((r) => [r.urutan, r.kode_fasyankes, r.tambahan, r.sebelum, r.sesudah])).toEqual([
      [1, "P1706020201", 1, 1, 0],
      [2, "P1706020203", 1, 1, 0],
      [3, "P1706010202", 1, 1, 0],
    ]);
  });

  it("then ranks by the gap, remoteness and code again: the fourth doctor goes to the very remote Gamma", () => {
    // All five have at least one doctor now; Alpha, Beta, Gamma and Epsilon are at the standard (gap 0), Delta above it.
    const p = plan("DOKTER", 4);
    expect(p.rows.map((r) => [r.kode_fasyankes, r.tambahan, r.sesudah])).toEqual([
      ["P1706020201", 2, 0],
      ["P1706020203", 1, 0],
      ["P1706010202", 1, 0],
    ]);
  });

  it("gives the same plan whatever order the facilities come in", () => {
    expect(plan("DOKTER", 7, region1706().reverse())).toEqual(plan("DOKTER", 7));
  });

  it("explains each row: none, the gap, the term that ends, remoteness", () => {
    const p = plan("DOKTER", 3);
    expect(p.rows.map((r) => r.alasan)).toEqual([
      "tanpa dokter; puskesmas sangat terpencil",
      "tanpa dokter; puskesmas sangat terpencil",
      "tanpa dokter; dokter PK berakhir Maret 2027; puskesmas terpencil",
    ]);
    expect(plan("DOKTER", 3, region1706(), "en").rows[2]!.alasan).toBe("no doctor; doctor special-assignment term ends March 2027; remote puskesmas");
  });

  it("counts a gap larger than one as a shortfall against the standard", () => {
    // Midwives (PEDESAAN/TERPENCIL/PERKOTAAN ask 4): Epsilon and Delta have none, Gamma's only one has left.
    const p = plan("BIDAN", 1);
    expect(p.rows[0]).toMatchObject({
      kode_fasyankes: "P1706020201",
      sebelum: 4,
      sesudah: 3,
      alasan: "tanpa bidan; kurang 4 bidan dari standar; bidan PK berakhir Oktober 2026; puskesmas sangat terpencil",
    });
  });

  it("reports the region's indicators before and after", () => {
    const p = plan("DOKTER", 3);
    expect(p.indikator.sebelum).toEqual({ puskesmas: 5, tanpa_dokter: 3, sembilan_jenis_lengkap: 0, kekurangan: 3 });
    expect(p.indikator.sesudah).toEqual({ puskesmas: 5, tanpa_dokter: 0, sembilan_jenis_lengkap: 0, kekurangan: 0 });
    expect(p.cakrawala).toBe("2027-11-01");
  });

  it("counts a term ending after the 12-month horizon as still there", () => {
    const later = region1706().map((f) => ({ ...f, terms: f.terms.map((t) => ({ ...t, end: "2027-11-02" })) }));
    const p = plan("DOKTER", 1, later);
    expect(p.indikator.sebelum.tanpa_dokter).toBe(2);
    expect(p.rows[0]!.kode_fasyankes).toBe("P1706020201");
  });

  it("counts KEFARMASIAN as apoteker and TTK together", () => {
    const facilities = region1706().map((f) => (f.kode === "P1706020201" ? { ...f, staff: { ...f.staff, TTK: 1 } } : f));
    const p = plan("KEFARMASIAN", 1, facilities);
    expect(p.rows[0]!.kode_fasyankes).toBe("P1706020203");
  });
});
