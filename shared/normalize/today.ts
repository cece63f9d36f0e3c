import { provinsiByKode } from "../reference/wilayah";
import { localDateOf, toIso } from "./calendar";

/** WIB: the zone of an upload with no known facility, and of national requests (SPEC §4.5). */
export const DEFAULT_OFFSET_HOURS = 7;

/**
 * Hours east of UTC where a region lies (SPEC §4.5, fixed offsets: WIB 7, WITA 8, WIT 9). `region` is
 * any code whose first two digits name the province: "17", "1706", "170601", a puskesmas code
 * "P1706010101", a hospital code "1706015", a clinic or laboratory code "K1706001". Anything else
 * (null, national, an unknown province) is WIB.
 */
export function provinceOffsetHours(region?: string | null): 7 | 8 | 9 {
  if (typeof region !== "string" || region.length < 2) return DEFAULT_OFFSET_HOURS;
  const c0 = region.charCodeAt(0);
  const start = c0 >= 48 && c0 <= 57 ? 0 : 1;
  const a = region.charCodeAt(start) - 48;
  const b = region.charCodeAt(start + 1) - 48;
  if (!(a >= 0 && a <= 9 && b >= 0 && b <= 9)) return DEFAULT_OFFSET_HOURS;
  return (OFFSETS[a * 10 + b] || DEFAULT_OFFSET_HOURS) as 7 | 8 | 9;
}

/** Offset by province number (11…96), 0 where no province: read per row, so no string is built. */
const OFFSETS = new Uint8Array(100);
for (const p of provinsiByKode.values()) OFFSETS[Number(p.kode)] = p.utc_offset;

/**
 * Today, ISO yyyy-mm-dd, where `region` lies (see provinceOffsetHours). The one "today" of the
 * project: the Worker's default as_of (with its NOW var as `nowMs`), the validator's, the add-in's and
 * the custom functions'. Between 17:00 and 24:00 UTC it is already tomorrow in WIB: a SIP that ended
 * yesterday there is expired, whatever the UTC date says.
 * @param nowMs the current instant in ms since the epoch (default Date.now()).
 */
export function todayIn(region?: string | null, nowMs: number = Date.now()): string {
  return toIso(localDateOf(nowMs, provinceOffsetHours(region)));
}

/** The ISO date an instant (ms since the epoch) has where `region` lies. */
export function localDateIn(epochMs: number, region?: string | null): string {
  return toIso(localDateOf(epochMs, provinceOffsetHours(region)));
}
