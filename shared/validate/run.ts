import type { Lang } from "../schema/issue";
import { addDays, fromIso, yearOf } from "../normalize/calendar";
import { todayIn } from "../normalize/today";
import { SIP_EXPIRING_DAYS } from "../reference/licences";
import type { ValidationContext } from "./types";

/** What every rule of one validation run needs to know, computed once. */
export interface Run {
  ctx: ValidationContext;
  lang: Lang;
  /** as_of, packed yyyymmdd (see normalize/calendar) and as ISO. */
  asOf: number;
  asOfIso: string;
  asOfYear: number;
  /** as_of + SIP_EXPIRING_DAYS (90): a SIP ending on or before it is "expiring". */
  soon: number;
}

/**
 * The roster date: the context's, else the request's, else today where the upload's facilities are
 * (SPEC §4.5: `region` gives a facility or region code of the upload, WIB when none). An unreadable
 * one never throws.
 */
export function makeRun(ctx: ValidationContext, requestAsOf?: string, region?: () => string | null): Run {
  let asOfIso = typeof ctx?.asOf === "string" ? ctx.asOf : "";
  let asOf = fromIso(asOfIso);
  if (asOf === 0 && typeof requestAsOf === "string") {
    asOfIso = requestAsOf;
    asOf = fromIso(asOfIso);
  }
  if (asOf === 0) {
    asOfIso = todayIn(region?.(), ctx?.now);
    asOf = fromIso(asOfIso);
  }
  return { ctx, lang: ctx?.lang === "en" ? "en" : "id", asOf, asOfIso, asOfYear: yearOf(asOf), soon: addDays(asOf, SIP_EXPIRING_DAYS) };
}
