import { describe, expect, it } from "vitest";
import { stringsFor } from "../../../addin/i18n";
import { regionChoices } from "../../../addin/tindak-lanjut/regions";
import { kabupatenList } from "../../../shared/reference";
import { facilities } from "./fixtures";

const t = stringsFor("id");
const lebak = { ...facilities[0]!, kode: "P3602010101", nama: "Puskesmas Malingping", kode_wilayah: "3602", kecamatan: "360201" };
const all = [...facilities, lebak];
const codes = (c: ReturnType<typeof regionChoices>) => [...c.kabupaten, ...c.kecamatan, ...c.fasyankes].map((x) => x.kode);

describe("regionChoices", () => {
  it("offers a national token every region of the master, regencies by their names", () => {
    const c = regionChoices(all, kabupatenList, t, null);
    expect(c.kabupaten.map((k) => k.label)).toEqual(["Kabupaten Lebak", "Kabupaten Mukomuko"]);
    expect(codes(c)).toContain("P3602010101");
  });

  it("offers a facility-scoped token only its own facility, with its kecamatan and regency", () => {
    expect(codes(regionChoices(all, kabupatenList, t, "P1706020101"))).toEqual(["1706", "170602", "P1706020101"]);
  });

  it("leaves out retired facilities and names a kecamatan after its puskesmas, not a hospital in it", () => {
    const retired = { ...facilities[1]!, aktif: false };
    const c = regionChoices([facilities[2]!, facilities[0]!, retired], kabupatenList, t, "1706");
    expect(c.kecamatan.map((k) => k.label)).toEqual(["Kecamatan 170601 (Puskesmas Lubuk Pinang)"]);
    expect(c.fasyankes.map((f) => f.kode)).toEqual(["P1706010101", "1706011"]);
  });

  it("shows a regency the reference does not name by its code", () => {
    expect(regionChoices(all, [], t, "36").kabupaten).toEqual([{ kind: "kabupaten", kode: "3602", label: "3602" }]);
  });
});
