import type { Context } from "hono";
import { addDays, fromIso, toIso } from "../../shared/normalize/calendar";
import { todayIn } from "../../shared/normalize/today";
import { configOf } from "../config";
import type { AppEnv } from "../env";
import { ApiError } from "./errors";
import { MESSAGES } from "./messages";

/**
 * A date a request names for the state it describes (a roster's `as_of`, a master's
 * `berlaku_mulai`), or `today` when it names none. SPEC §6: a date more than one day after today
 * (§4.5, where the data lies; the day of grace covers an office east of the reader) is refused, 400,
 * since no data describes a state that has not happened.
 * @param date yyyy-mm-dd, already checked as an ISO date; undefined: today
 * @param today yyyy-mm-dd (shared/normalize/today.ts todayIn)
 * @param field the field's name, for the message
 * @throws ApiError 400 bad_request
 */
export function notAfterTomorrow(date: string | undefined, today: string, field = "berlaku_mulai"): string {
  if (date === undefined) return today;
  const latest = toIso(addDays(fromIso(today), 1));
  if (date <= latest) return date;
  throw new ApiError(400, "bad_request", MESSAGES.dateInFuture(field, date, today, latest));
}

/**
 * The `as_of` a read names (coverage, the action lists, the placement plan), or today in `place`'s zone
 * (SPEC §4.5) when it names none; refused as uploads refuse it (notAfterTomorrow, SPEC §6) when it lies
 * more than a day after that today.
 * @param asOf yyyy-mm-dd, already checked as an ISO date; undefined: today
 * @param place the region or facility asked for; null: the whole country
 * @throws ApiError 400 bad_request
 */
export function asOfAsked(c: Context<AppEnv>, asOf: string | undefined, place: string | null): string {
  return notAfterTomorrow(asOf, todayIn(place, configOf(c.env).now), "as_of");
}
