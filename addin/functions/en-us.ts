/**
 * English (en-US) names and descriptions of the functions. Excel localises custom functions with one
 * metadata file per language (the manifest points en-US at functions-en-us.json); the ids, types and
 * parameter order come from the Indonesian file generated from functions.ts, only these texts differ.
 */
export interface FunctionText {
  name: string;
  description: string;
  parameters: Record<string, { name: string; description: string }>;
}

export const EN_US: Record<string, FunctionText> = {
  CAKUPAN: {
    name: "COVERAGE",
    description: "One health-workforce coverage figure of a region, from the Nakes Roster API.",
    parameters: {
      wilayah: { name: "region", description: 'Region code: province (2 digits), regency/city (4), kecamatan (6) or a facility code, e.g. "1706".' },
      indikator: {
        name: "indicator",
        description: 'Indicator name, e.g. "nakes", "puskesmas_tanpa_dokter", "puskesmas_9_jenis_lengkap_pct", "kekurangan", "kepadatan_10k".',
      },
      jenis_tenaga: { name: "profession", description: 'Profession for a per-profession indicator, e.g. "BIDAN" (kekurangan + BIDAN = kekurangan.BIDAN).' },
      tanggal: { name: "date", description: 'Date of the data (a date cell or "2026-11-01"); blank = today.' },
    },
  },
  GAP: {
    name: "GAP",
    description: "Shortfall against the staffing standard: how many to recruit across the region.",
    parameters: {
      wilayah: { name: "region", description: 'Region code or facility code, e.g. "1706".' },
      jenis_tenaga: { name: "profession", description: 'Profession as the standard counts it, e.g. "DOKTER", "BIDAN", "KEFARMASIAN"; "SEMUA" = all.' },
      tanggal: { name: "date", description: 'Date of the data (a date cell or "2026-11-01"); blank = today.' },
    },
  },
  TABEL: {
    name: "TABLE",
    description: "A region's coverage table, one row per unit, spilled from this cell.",
    parameters: {
      wilayah: { name: "region", description: 'Region code, e.g. "17" (province) or "1706" (regency).' },
      level: { name: "level", description: 'Rows: "facility", "kecamatan", "regency", "province" or "national"; blank = one level below the region.' },
      tanggal: { name: "date", description: 'Date of the data (a date cell or "2026-11-01"); blank = today.' },
    },
  },
  TINDAKLANJUT: {
    name: "FOLLOWUP",
    description: "A region's follow-up list (SIP, STR, assignment, PONED, training), most urgent first; needs an uploader or admin token.",
    parameters: {
      wilayah: { name: "region", description: 'Region code (2, 4 or 6 digits) or a facility code, e.g. "1706".' },
      daftar: { name: "list", description: 'List name: "sip", "str", "penugasan", "poned" or "pelatihan".' },
      tanggal: { name: "date", description: 'Reference date (a date cell or "2026-11-01"); blank = today.' },
    },
  },
  PENEMPATAN: {
    name: "PLACEMENT",
    description: "Placement plan for new staff: which health centres receive them, with the gap before and after.",
    parameters: {
      wilayah: { name: "region", description: 'Region code: province (2 digits), regency/city (4) or kecamatan (6), e.g. "1706".' },
      jenis_tenaga: { name: "profession", description: 'Profession as the standard counts it, e.g. "DOKTER", "BIDAN", "KEFARMASIAN".' },
      jumlah: { name: "count", description: "Number of new staff (1 to 10,000)." },
      tanggal: { name: "date", description: 'Reference date (a date cell or "2026-11-01"); blank = today.' },
    },
  },
};
