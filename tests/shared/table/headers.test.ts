import { describe, expect, it } from "vitest";
import { tableColumns, type TableKind } from "../../../shared/table/columns";
import { fold } from "../../../shared/table/fold";
import { keyOfHeader, matchHeaders } from "../../../shared/table/headers";

describe("matchHeaders", () => {
  it("matches the SPEC §3 headers and aliases regardless of case, spaces and punctuation", () => {
    const { keys, issues } = matchHeaders(["no ktp", "NIP/NI PPPK", "NAMA  LENGKAP", "l / p", "Tgl. Lahir", "Jabatan Fungsional", "Status Pegawai", "Kode RS", "Nomor STR", "SIPP"], "nakes");
    expect(keys).toEqual(["nik", "nip", "nama", "jenis_kelamin", "tanggal_lahir", "jenis_tenaga", "status_kepegawaian", "kode_fasyankes", "no_str", "no_sip"]);
    expect(issues).toEqual([]);
  });

  it("matches canonical keys to themselves, as the JSON API sends them", () => {
    const keys = tableColumns.nakes.map((c) => c.key);
    expect(matchHeaders(keys, "nakes")).toEqual({ keys, issues: [] });
  });

  it("reports header.missing for each required column, listing its accepted headers", () => {
    const { issues } = matchHeaders(["NIK", "Nama"], "nakes");
    expect(issues.map((i) => i.column)).toEqual(["jenis_kelamin", "tanggal_lahir", "jenis_tenaga", "status_kepegawaian", "kode_fasyankes"]);
    expect(issues[0]).toMatchObject({ code: "header.missing", severity: "error", row: null, table: "nakes" });
    expect(issues[0]!.message).toBe("Kolom wajib “Jenis Kelamin” tidak ditemukan. Judul kolom yang diterima: Jenis Kelamin, L/P, JK, Sex.");
  });

  it("reports header.duplicate when two headers mean one column, keeping the first", () => {
    const { keys, issues } = matchHeaders(["NIK", "No. KTP"], "pelatihan");
    expect(keys).toEqual(["nik", null]);
    expect(issues[0]).toMatchObject({ code: "header.duplicate", severity: "error", row: null, column: "No. KTP" });
  });

  it("reports header.unknown and ignores the column", () => {
    const { keys, issues } = matchHeaders(["NIK", "Golongan", "Pelatihan", "Tahun"], "pelatihan", "en");
    expect(keys).toEqual(["nik", null, "kode_pelatihan", "tahun"]);
    expect(issues).toEqual([{ severity: "warning", code: "header.unknown", table: "pelatihan", row: null, column: "Golongan", message: "The header “Golongan” is not known; the column is ignored." }]);
  });

  it("ignores blank headers silently", () => {
    expect(matchHeaders(["kode_wilayah", "", "  ", "tahun", "jumlah"], "penduduk")).toEqual({ keys: ["kode_wilayah", null, null, "tahun", "jumlah"], issues: [] });
  });

  it("knows the facility and population tables", () => {
    expect(matchHeaders(["Kode Puskesmas", "Nama Puskesmas", "Jenis", "Kode Kabupaten", "Rawat Inap"], "fasyankes").keys).toEqual(["kode", "nama", "jenis", "kode_wilayah", "rawat_inap"]);
    expect(keyOfHeader("Jumlah Penduduk", "penduduk")).toBe("jumlah");
  });

  it.each(Object.keys(tableColumns) as TableKind[])("gives every name in the %s table one column only", (table) => {
    const seen = new Map<string, string>();
    for (const def of tableColumns[table]) {
      for (const name of [def.key, def.header, ...def.aliases]) {
        const f = fold(name);
        expect(seen.get(f) ?? def.key, `${name} of ${def.key}`).toBe(def.key);
        seen.set(f, def.key);
      }
    }
  });
});
