import { z } from "zod";
import { standardRuleSchema, type StandardsResponse } from "../api/coverage";

/**
 * Minimum staff per puskesmas (SPEC §4.3), the project's own copy of the handout standar-puskesmas.csv.
 * Source: Lampiran Permenkes 75/2014 (Standar Ketenagaan Puskesmas). Notes that came with the table:
 * - Permenkes 43/2019 replaced that regulation; its own Lampiran was not at hand, so verify against it
 *   before treating these as current.
 * - Column totals 22/31/19/27/19/27 (NRI/RI for perkotaan, pedesaan, terpencil) match the printed totals of the 75/2014 Lampiran.
 * - kategori: PERKOTAAN, PEDESAAN, TERPENCIL (also used for SANGAT_TERPENCIL); rawat_inap: Y/N.
 * - jenis: the profession codes of SPEC 4.1; KEFARMASIAN counts APOTEKER + TTK; ADMINISTRASI and PEKARYA are non-health staff.
 *
 * It is the seed of the named standard set `PMK75_2014`; the province may replace or switch sets
 * (PUT /v1/standards), so coverage reads the stored copy, not this file.
 */
export const standardSetSchema = z.object({
  set: z.string(),
  source: z.string(),
  notes: z.array(z.string()),
  rules: z.array(standardRuleSchema),
});
export type StandardSet = z.infer<typeof standardSetSchema>;
export type StandardRuleRow = StandardsResponse["standar"][number];

export const DEFAULT_STANDARD_SET = "PMK75_2014";

const rows: readonly (readonly [StandardRuleRow["kategori"], "Y" | "N", StandardRuleRow["jenis"], number])[] = [
  ["PERKOTAAN", "N", "DOKTER", 1],
  ["PERKOTAAN", "N", "DOKTER_GIGI", 1],
  ["PERKOTAAN", "N", "PERAWAT", 5],
  ["PERKOTAAN", "N", "BIDAN", 4],
  ["PERKOTAAN", "N", "PROMKES", 2],
  ["PERKOTAAN", "N", "SANITARIAN", 1],
  ["PERKOTAAN", "N", "ATLM", 1],
  ["PERKOTAAN", "N", "NUTRISIONIS", 1],
  ["PERKOTAAN", "N", "KEFARMASIAN", 1],
  ["PERKOTAAN", "N", "ADMINISTRASI", 3],
  ["PERKOTAAN", "N", "PEKARYA", 2],
  ["PERKOTAAN", "Y", "DOKTER", 2],
  ["PERKOTAAN", "Y", "DOKTER_GIGI", 1],
  ["PERKOTAAN", "Y", "PERAWAT", 8],
  ["PERKOTAAN", "Y", "BIDAN", 7],
  ["PERKOTAAN", "Y", "PROMKES", 2],
  ["PERKOTAAN", "Y", "SANITARIAN", 1],
  ["PERKOTAAN", "Y", "ATLM", 1],
  ["PERKOTAAN", "Y", "NUTRISIONIS", 2],
  ["PERKOTAAN", "Y", "KEFARMASIAN", 2],
  ["PERKOTAAN", "Y", "ADMINISTRASI", 3],
  ["PERKOTAAN", "Y", "PEKARYA", 2],
  ["PEDESAAN", "N", "DOKTER", 1],
  ["PEDESAAN", "N", "DOKTER_GIGI", 1],
  ["PEDESAAN", "N", "PERAWAT", 5],
  ["PEDESAAN", "N", "BIDAN", 4],
  ["PEDESAAN", "N", "PROMKES", 1],
  ["PEDESAAN", "N", "SANITARIAN", 1],
  ["PEDESAAN", "N", "ATLM", 1],
  ["PEDESAAN", "N", "NUTRISIONIS", 1],
  ["PEDESAAN", "N", "KEFARMASIAN", 1],
  ["PEDESAAN", "N", "ADMINISTRASI", 2],
  ["PEDESAAN", "N", "PEKARYA", 1],
  ["PEDESAAN", "Y", "DOKTER", 2],
  ["PEDESAAN", "Y", "DOKTER_GIGI", 1],
  ["PEDESAAN", "Y", "PERAWAT", 8],
  ["PEDESAAN", "Y", "BIDAN", 7],
  ["PEDESAAN", "Y", "PROMKES", 1],
  ["PEDESAAN", "Y", "SANITARIAN", 1],
  ["PEDESAAN", "Y", "ATLM", 1],
  ["PEDESAAN", "Y", "NUTRISIONIS", 2],
  ["PEDESAAN", "Y", "KEFARMASIAN", 1],
  ["PEDESAAN", "Y", "ADMINISTRASI", 2],
  ["PEDESAAN", "Y", "PEKARYA", 1],
  ["TERPENCIL", "N", "DOKTER", 1],
  ["TERPENCIL", "N", "DOKTER_GIGI", 1],
  ["TERPENCIL", "N", "PERAWAT", 5],
  ["TERPENCIL", "N", "BIDAN", 4],
  ["TERPENCIL", "N", "PROMKES", 1],
  ["TERPENCIL", "N", "SANITARIAN", 1],
  ["TERPENCIL", "N", "ATLM", 1],
  ["TERPENCIL", "N", "NUTRISIONIS", 1],
  ["TERPENCIL", "N", "KEFARMASIAN", 1],
  ["TERPENCIL", "N", "ADMINISTRASI", 2],
  ["TERPENCIL", "N", "PEKARYA", 1],
  ["TERPENCIL", "Y", "DOKTER", 2],
  ["TERPENCIL", "Y", "DOKTER_GIGI", 1],
  ["TERPENCIL", "Y", "PERAWAT", 8],
  ["TERPENCIL", "Y", "BIDAN", 7],
  ["TERPENCIL", "Y", "PROMKES", 1],
  ["TERPENCIL", "Y", "SANITARIAN", 1],
  ["TERPENCIL", "Y", "ATLM", 1],
  ["TERPENCIL", "Y", "NUTRISIONIS", 2],
  ["TERPENCIL", "Y", "KEFARMASIAN", 1],
  ["TERPENCIL", "Y", "ADMINISTRASI", 2],
  ["TERPENCIL", "Y", "PEKARYA", 1],
];

export const PMK75_2014: StandardSet = {
  set: DEFAULT_STANDARD_SET,
  source: "Lampiran Permenkes 75/2014, Standar Ketenagaan Puskesmas",
  notes: [
    "Permenkes 43/2019 replaced Permenkes 75/2014; its own Lampiran was not at hand, so verify against it before treating these as current.",
    "Column totals 22/31/19/27/19/27 (NRI/RI for perkotaan, pedesaan, terpencil) match the printed totals of the 75/2014 Lampiran.",
    "SANGAT_TERPENCIL puskesmas use the TERPENCIL rows (the Lampiran has one column for both).",
    "Known variants: Kemenkes' DREAMS dashboard asks only 1 promkes for some urban puskesmas and 1 kefarmasian for urban inpatient ones; the RPJMN 2025–2029 indicator asks inpatient urban puskesmas for 3 doctors, 3 nurses and 3 midwives.",
    "KEFARMASIAN counts APOTEKER and TTK together; ADMINISTRASI and PEKARYA are non-health staff.",
  ],
  rules: rows.map(([kategori, ri, jenis, minimum]) => ({ kategori, rawat_inap: ri === "Y", jenis, minimum })),
};
