import { describe, expect, it } from "vitest";
import { fromIso } from "../../../shared/normalize/calendar";
import { fromExcelSerial, normalizeDate, toExcelSerial } from "../../../shared/normalize/dates";

const ok = (date: string | null) => ({ ok: true, date, lifetime: false });
const bad = (problem: string) => ({ ok: false, problem });

describe("normalizeDate", () => {
  it.each([
    ["2026-11-01", "2026-11-01"],
    ["01/11/2026", "2026-11-01"],
    ["01-11-2026", "2026-11-01"],
    ["1/11/2026", "2026-11-01"],
    ["01.11.2026", "2026-11-01"],
    ["2026/11/01", "2026-11-01"],
    ["1 November 2026", "2026-11-01"],
    ["1 Nov 2026", "2026-11-01"],
    ["1 nopember 2026", "2026-11-01"],
    ["01-Nov-2026", "2026-11-01"],
    [" 17 Agustus 1945 ", "1945-08-17"],
    ["17 Agu 1945", "1945-08-17"],
    ["17 Ags 1945", "1945-08-17"],
    ["1 Mei 2026", "2026-05-01"],
    ["25 Desember 2026", "2026-12-25"],
    ["25 Des 2026", "2026-12-25"],
    ["2 Oktober 2026", "2026-10-02"],
    ["2 Okt 2026", "2026-10-02"],
    ["29 Februari 2024", "2024-02-29"],
    ["3 Feb 2026", "2026-02-03"],
    ["4 Juni 2026", "2026-06-04"],
    ["4 Jun 2026", "2026-06-04"],
    ["5 Juli 2026", "2026-07-05"],
    ["5 Jul 2026", "2026-07-05"],
    ["6 Maret 2026", "2026-03-06"],
    ["6 Mar 2026", "2026-03-06"],
    ["7 April 2026", "2026-04-07"],
    ["7 Apr 2026", "2026-04-07"],
    ["8 Januari 2026", "2026-01-08"],
    ["8 Jan 2026", "2026-01-08"],
    ["9 September 2026", "2026-09-09"],
    ["9 Sep 2026", "2026-09-09"],
    ["2026-11-01T00:00:00.000Z", "2026-11-01"],
    ["01/11/2026 00:00", "2026-11-01"],
  ])("reads %j as %s", (text, iso) => {
    expect(normalizeDate(text)).toEqual(ok(iso));
  });

  it("reads Excel serial numbers of the 1900 system", () => {
    expect(normalizeDate(46327)).toEqual(ok("2026-11-01"));
    expect(normalizeDate(45658)).toEqual(ok("2025-01-01"));
    expect(normalizeDate(46327.75)).toEqual(ok("2026-11-01"));
    expect(normalizeDate("46327")).toEqual(ok("2026-11-01"));
  });

  it("follows Excel's 1900 leap-year bug around its fictional 29 February 1900", () => {
    expect(normalizeDate(1)).toEqual(ok("1900-01-01"));
    expect(normalizeDate(59)).toEqual(ok("1900-02-28"));
    expect(normalizeDate(60)).toEqual(bad("no_such_day"));
    expect(normalizeDate(61)).toEqual(ok("1900-03-01"));
  });

  it("turns a date into the serial Excel stores and back", () => {
    for (const iso of ["1900-01-01", "1900-02-28", "1900-03-01", "1985-03-12", "2026-11-01", "2099-12-31"]) {
      expect(normalizeDate(toExcelSerial(fromIso(iso)))).toEqual(ok(iso));
    }
  });

  it("refuses two-digit years instead of guessing the century", () => {
    expect(normalizeDate("01/11/26")).toEqual(bad("two_digit_year"));
    expect(normalizeDate("1 Nov 26")).toEqual(bad("two_digit_year"));
  });

  it("refuses days the calendar does not have", () => {
    expect(normalizeDate("31/02/2026")).toEqual(bad("no_such_day"));
    expect(normalizeDate("29/02/2026")).toEqual(bad("no_such_day"));
    expect(normalizeDate("2026-13-01")).toEqual(bad("no_such_day"));
    expect(normalizeDate("01/13/2026")).toEqual(bad("no_such_day"));
    expect(normalizeDate("0/11/2026")).toEqual(bad("no_such_day"));
  });

  it("refuses text it cannot read", () => {
    for (const v of ["kemarin", "11/2026", "1 Brumaire 2026", "2026-11-01-02", "01112026", "1 11 2026 x", "-5", "?"]) {
      expect(normalizeDate(v)).toMatchObject({ ok: false });
    }
    expect(normalizeDate(true)).toEqual(bad("not_a_date"));
    expect(normalizeDate(-3)).toEqual(bad("unreadable"));
    expect(normalizeDate(3_000_000)).toEqual(bad("unreadable"));
  });

  it("refuses a year alone, which is no day", () => {
    expect(normalizeDate(2026)).toEqual(bad("year_only"));
    expect(normalizeDate("2026")).toEqual(bad("year_only"));
  });

  it("reads SEUMUR HIDUP as lifetime only where that is allowed", () => {
    expect(normalizeDate("SEUMUR HIDUP", { lifetime: true })).toEqual({ ok: true, date: null, lifetime: true });
    expect(normalizeDate("seumur-hidup", { lifetime: true })).toEqual({ ok: true, date: null, lifetime: true });
    expect(normalizeDate("SEUMUR HIDUP")).toMatchObject({ ok: false });
  });

  it("reads lifetime and month words in any case and split, and nothing that only resembles them", () => {
    for (const t of ["SeumurHidup", "seumur HIDUP", "seum urhidup", "Lifetime", "LIFE TIME"]) {
      expect(normalizeDate(t, { lifetime: true })).toEqual({ ok: true, date: null, lifetime: true });
    }
    for (const t of ["seumur", "seumur hidupp", "lifetimes", "hidup seumur"]) expect(normalizeDate(t, { lifetime: true })).toMatchObject({ ok: false });
    expect(normalizeDate("1 NOPEMBER 2026")).toEqual(ok("2026-11-01"));
    expect(normalizeDate("1 nOv 2026")).toEqual(ok("2026-11-01"));
    expect(normalizeDate("Pebruari 3 2026")).toEqual(ok("2026-02-03"));
    expect(normalizeDate("1 Novem 2026")).toMatchObject({ ok: false });
    expect(normalizeDate("1 Märt 2026")).toMatchObject({ ok: false });
  });

  it("reads the date part of a place-and-date cell only where asked", () => {
    expect(normalizeDate("Mukomuko, 12 Maret 1985", { place: true })).toEqual(ok("1985-03-12"));
    expect(normalizeDate("Mukomuko, 12 Maret 1985")).toMatchObject({ ok: false });
  });

  it("reads empty cells as no date", () => {
    expect(normalizeDate(null)).toEqual(ok(null));
    expect(normalizeDate("   ")).toEqual(ok(null));
  });

  it("maps serials to the same dates as the calendar does", () => {
    expect(fromExcelSerial(25569)).toBe(fromIso("1970-01-01"));
  });
});
