import { describe, expect, it } from "vitest";
import { check, codesOf, issuesOf } from "./support";

describe("the name", () => {
  it("may carry titles and punctuation", () => {
    expect(codesOf(check([{ nama: "dr. Siti Aminah, Sp.A" }]))).toEqual([]);
  });
  it("must not contain digits", () => {
    expect(issuesOf(check([{ nama: "Siti 2" }]), "nama.format")).toMatchObject([{ severity: "error", column: "nama" }]);
  });
  it("must not contain control characters such as a line break", () => {
    expect(codesOf(check([{ nama: "Siti\nAminah" }]))).toEqual(["nama.format"]);
  });
  it("must not be longer than 100 characters", () => {
    expect(codesOf(check([{ nama: "A".repeat(101) }]))).toEqual(["nama.format"]);
    expect(codesOf(check([{ nama: "A".repeat(100) }]))).toEqual([]);
  });
  it("is required", () => {
    expect(issuesOf(check([{ nama: null }]), "required")).toMatchObject([{ column: "nama", message: "Nama Lengkap wajib diisi." }]);
  });
});

describe("the sex", () => {
  it.each(["P", "p", "Perempuan", "WANITA", " perempuan "])("reads %j as P", (v) => {
    const r = check([{ jenis_kelamin: v }]);
    expect(r.issues).toEqual([]);
    expect(r.nakes[0]!.jenis_kelamin).toBe("P");
  });
  it.each(["L", "Laki-laki", "laki laki", "Pria"])("reads %j as L", (v) => {
    const r = check([{ nik: "1706011203850001", jenis_kelamin: v }]);
    expect(r.nakes[0]?.jenis_kelamin).toBe("L");
  });
  it("reports jenis_kelamin.invalid for another spelling", () => {
    expect(issuesOf(check([{ jenis_kelamin: "X" }]), "jenis_kelamin.invalid")).toMatchObject([{ severity: "error", value: "X" }]);
  });
});

describe("the date of birth", () => {
  it("is read from an Excel serial, day-first text and Indonesian month names", () => {
    for (const v of [31118, "12/03/1985", "12-03-1985", "12 Maret 1985", "12 Mar 1985"]) {
      const r = check([{ tanggal_lahir: v }]);
      expect(r.issues).toEqual([]);
      expect(r.nakes[0]!.tanggal_lahir).toBe("1985-03-12");
    }
  });
  it("is read from the date part of a TTL cell", () => {
    expect(check([{ tanggal_lahir: "Mukomuko, 12-03-1985" }]).nakes[0]!.tanggal_lahir).toBe("1985-03-12");
  });
  it("reports tanggal_lahir.invalid for an unreadable date", () => {
    expect(issuesOf(check([{ tanggal_lahir: "kemarin" }]), "tanggal_lahir.invalid")).toMatchObject([{ severity: "error", column: "tanggal_lahir" }]);
  });
  it("reports tanggal_lahir.invalid for a date in the future", () => {
    expect(codesOf(check([{ tanggal_lahir: "2027-01-01" }]))).toContain("tanggal_lahir.invalid");
  });
  it("reports an age under 17 or over 80 at as_of", () => {
    expect(codesOf(check([{ tanggal_lahir: "2010-01-01" }]))).toContain("tanggal_lahir.invalid");
    expect(codesOf(check([{ tanggal_lahir: "1945-10-31" }]))).toContain("tanggal_lahir.invalid");
  });
  it("accepts the ages 17 and 80 themselves", () => {
    const at17 = check([{ tanggal_lahir: "2009-11-01" }]);
    expect(codesOf(at17)).not.toContain("tanggal_lahir.invalid");
    const at80 = check([{ tanggal_lahir: "1946-11-01" }]);
    expect(codesOf(at80)).not.toContain("tanggal_lahir.invalid");
  });
  it("refuses a two-digit year instead of guessing its century", () => {
    const r = check([{ tanggal_lahir: "12/03/85" }]);
    expect(issuesOf(r, "tanggal_lahir.invalid")[0]!.message).toContain("dua digit");
  });
});
