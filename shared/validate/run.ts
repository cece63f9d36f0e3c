import type { Lang } from "../schema/issue";
import { addDays, fromIso, yearOf } from "../normalize/calendar";
import type { ValidationContext } from "./types";

/** What every rule of one validation run needs to know, computed once. */
export interface Run {
  ctx: ValidationContext;
  lang: Lang;
  /** as_of, packed yyyymmdd (see normalize/calendar) and as ISO. */
  asOf: number;
  asOfIso: string;
  asOfYear: number;
  /** as_of + 90 days: a SIP ending on or before it is "expiring". */
  soon: number;
}

function todayUtc(): string {
  return new Date().toISOString().slice(0, 10);
}

/** The roster date: the context's, else the request's, else today (an unreadable one never throws). */
export function makeRun(ctx: ValidationContext, requestAsOf?: string): Run {
  let asOfIso = typeof ctx?.asOf === "string" ? ctx.asOf : "";
  let asOf = fromIso(asOfIso);
  if (asOf === 0 && typeof requestAsOf === "string") {
    asOfIso = requestAsOf;
    asOf = fromIso(asOfIso);
  }
  if (asOf === 0) {
    asOfIso = todayUtc();
    asOf = fromIso(asOfIso);
  }
  return { ctx, lang: ctx?.lang === "en" ? "en" : "id", asOf, asOfIso, asOfYear: yearOf(asOf), soon: addDays(asOf, 90) };
}
