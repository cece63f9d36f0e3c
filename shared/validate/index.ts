export { validateRoster } from "./roster";
export { validateFacilities, validatePopulation, type MasterContext, type MasterResult } from "./masters";
export { makeIssue, type Where } from "./issues";
export { inScope, regionOf, regionInScope } from "./scope";
export type { ValidationContext, ValidationResult, FacilityFact } from "./types";
export { message, formatDate, type MessageParams } from "../i18n";
