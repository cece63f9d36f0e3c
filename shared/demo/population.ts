import type { PendudukRecord } from "../schema/records";

/**
 * Demo population (SPEC §3.4) for the demo facilities, year 2025: Mukomuko's kecamatan add up to the
 * regency (about 196,000 people), with Bengkulu and Banten as provinces and the Banten regencies
 * that have demo puskesmas. Plausible orders of magnitude, not official figures.
 */
const YEAR = 2025;

const kecamatan: readonly [string, number][] = [
  ["170601", 27_850],
  ["170602", 16_420],
  ["170603", 10_310],
  ["170604", 15_780],
  ["170605", 9_640],
  ["170606", 13_920],
  ["170607", 8_730],
  ["170608", 11_260],
  ["170609", 21_540],
  ["170610", 10_870],
  ["170611", 12_150],
  ["170612", 9_980],
  ["170613", 13_470],
  ["170614", 11_020],
  ["170615", 13_110],
];

const regencyTotal = kecamatan.reduce((sum, [, n]) => sum + n, 0);

const rows: readonly [string, number][] = [
  ...kecamatan,
  ["1706", regencyTotal],
  ["17", 2_112_000],
  ["3601", 1_330_000],
  ["3602", 1_420_000],
  ["3604", 1_710_000],
  ["3671", 1_930_000],
  ["36", 12_430_000],
];

export const demoPopulation: readonly PendudukRecord[] = rows.map(([kode_wilayah, jumlah], row) => ({ row, kode_wilayah, tahun: YEAR, jumlah }));

/** The demo population in the table shape of PUT /v1/population. */
export function demoPopulationTable(list: readonly PendudukRecord[] = demoPopulation) {
  return { columns: ["kode_wilayah", "tahun", "jumlah"], rows: list.map((p) => [p.kode_wilayah, p.tahun, p.jumlah]) };
}
