export { cellText, cellDisplay, isEmptyCell } from "./cell";
export { readDate, normalizeDate, fromExcelSerial, dateProblem, type DateOptions, type NormalizedDate } from "./dates";
export { readId, ID_EMPTY, ID_FORMAT, ID_PRECISION_LOST } from "./ids";
export { readSex } from "./sex";
export { readFlag, readInteger } from "./flags";
export { readProfession, readStatus, readPendidikan, readTraining, readFacilityKind, readCategory, type ProfessionMatch } from "./codes";
export { toIso, fromIso, addDays, addYears } from "./calendar";
