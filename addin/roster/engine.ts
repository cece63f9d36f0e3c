import type { Lang } from "../../shared/schema/issue";
import { validateRoster } from "../../shared/validate/roster";
import type { RosterOnSheet } from "../excel/types";
import { locateIssues } from "./locate";
import { toRosterRequest, type MappedRoster } from "./to-request";

/**
 * The roster checker the pane loads after its first screen (issue 13 item 1): header matching,
 * the validator of SPEC §5 and the reference data it reads. useRosterFlow imports this module
 * dynamically; main.tsx starts the import once the first screen is painted.
 */
export { locateIssues, toRosterRequest, validateRoster };
export type { MappedRoster, RosterOnSheet, Lang };

