import type { TemplateOutcome, WorkbookActions } from "../../actions/types";
import type { ApiClient } from "../../api/client";
import { facilityMaster } from "../../api/facility-master";
import type { Strings } from "../../i18n";
import type { TaskControl } from "../../ui/useTask";

export interface TemplateSources {
  actions: Pick<WorkbookActions, "insertTemplate" | "offerFacilities">;
  /** null offline: the template then uses the cached or built-in reference and no facility dropdown. */
  client: ApiClient | null;
  storage: Storage | undefined;
  t: Strings;
  task: TaskControl;
}

/**
 * Sisipkan template: the Nakes and Pelatihan sheets with the dropdowns of the best reference data
 * at hand (server, else cache, else built in), and the kode_fasyankes column offering the master's
 * facilities by name (GET /v1/facilities) when the server answers. Rejects with what the workbook threw.
 */
export async function insertTemplate({ actions, client, storage, t, task }: TemplateSources): Promise<TemplateOutcome> {
  const { bestReference } = await import("../../api/reference-cache");
  const reference = await bestReference(client, storage);
  task.phase(t.progress.template);
  const outcome = await actions.insertTemplate(reference.data, task.progress);
  if (client && actions.offerFacilities) {
    // Offline or refused, the template works without that dropdown.
    const facilities = await facilityMaster(client).catch(() => null);
    if (facilities?.length) await actions.offerFacilities(facilities, task.progress);
  }
  return outcome;
}
