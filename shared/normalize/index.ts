export { cellText, cellDisplay, cleanCell, isPlaceholder } from "./cell";
export { readDate, normalizeDate, fromExcelSerial, from1904Serial, DATE1904_OFFSET, dateProblem, type DateOptions, type NormalizedDate } from "./dates";
export { readId, strDigitsLost, oddCharacter, ID_EMPTY, ID_FORMAT, ID_PRECISION_LOST } from "./ids";
export { readSex } from "./sex";
export { readFlag, readInteger } from "./flags";
export { readProfession, readStatus, readPendidikan, readTraining, readFacilityKind, readCategory, type ProfessionMatch } from "./codes";
export { toIso, fromIso, addDays, addYears, localDateOf } from "./calendar";
export { todayIn, localDateIn, provinceOffsetHours, DEFAULT_OFFSET_HOURS } from "./today";
