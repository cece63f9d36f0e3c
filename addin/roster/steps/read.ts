import type { WorkbookActions } from "../../actions/types";
import type { Strings } from "../../i18n";
import type { TaskControl } from "../../ui/useTask";
import type { Check, Intent } from "../flow";
import { loadEngine, type Engine } from "../load-engine";
import type { MappedRoster } from "../to-request";

/** The workbook's roster as a request, with the checker that read it. */
export interface ReadRoster {
  engine: Engine;
  mapped: MappedRoster;
  /** The request as JSON: a later push reuses a dry run only while the sheet still says the same. */
  fingerprint: string;
}

/**
 * Reads the roster sheets (progress on `task`), loads the checker (engine.ts, lazily) and maps the
 * sheets to the request of SPEC §7. Null when the workbook has no Nakes table. Rejects with what
 * the workbook or the chunk load threw.
 */
export async function readRoster(actions: Pick<WorkbookActions, "readRoster">, task: TaskControl, t: Strings): Promise<ReadRoster | null> {
  task.phase(t.progress.reading);
  const roster = await actions.readRoster(task.progress);
  task.phase(t.progress.loading);
  const engine = await loadEngine();
  const mapped = engine.toRosterRequest(roster);
  return mapped ? { engine, mapped, fingerprint: JSON.stringify(mapped.request) } : null;
}

/**
 * The server check Kirim may reuse instead of checking again: the last one, when it came from the
 * server for the same request and still holds a base to send against. Null for Validasi, which
 * always checks afresh.
 */
export function reusableCheck(prior: Check | null, intent: Intent, fingerprint: string): Check | null {
  if (intent !== "push" || !prior) return null;
  return prior.source === "server" && prior.fingerprint === fingerprint && prior.base ? prior : null;
}
