import type { JenisTenaga } from "../reference/codes";
import type { FasyankesRecord } from "../schema/records";

/** The facility-master attributes coverage reads (SPEC §3.3); inactive facilities are left out before. */
export type CoverageFacility = Omit<FasyankesRecord, "row" | "aktif">;

/** The PONED team of a puskesmas (SPEC §4.4): a doctor, a midwife and a nurse, each PONED-trained. */
export const PONED_TEAM: readonly JenisTenaga[] = ["DOKTER", "BIDAN", "PERAWAT"];
