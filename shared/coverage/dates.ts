/**
 * Coverage's names for the calendar on ISO dates (yyyy-mm-dd). The arithmetic is shared/normalize/
 * calendar.ts's, the one calendar of the project: a day its target month lacks is clamped to that
 * month's last day (2020-02-29 + 5 years = 2025-02-28, SPEC §5). The Worker's coverage SQL does no date
 * arithmetic of its own; it is given dates computed here (shared/coverage/windows.ts).
 */
export { addDaysIso as addDays, addMonthsIso as addMonths, addYearsIso as addYears, isoYear as yearOf } from "../normalize/calendar";
