import { createApiClient, type ApiClient } from "../../../../addin/api/client";
import type { Strings } from "../../../../addin/i18n";
import { id } from "../../../../addin/i18n/id";
import type { TaskControl } from "../../../../addin/ui/useTask";
import type { FakeApi } from "../../support/fakes";

/** A task that records the phases it was shown, as the progress bar would. */
export function recordingTask(): TaskControl & { phases: string[] } {
  const phases: string[] = [];
  return { phases, phase: (text) => phases.push(text), progress: () => {} };
}

export const t: Strings = id;

/** The real API client over a FakeApi; retries wait no real time. */
export function clientOf(api: FakeApi): ApiClient {
  return createApiClient({ apiUrl: "https://api.test", token: "tok", lang: "id", fetch: api.fetch, hooks: { sleep: async () => {}, random: () => 0.5 } });
}
