import type { Lang } from "../../../shared/schema/issue";
import type { Engine } from "../load-engine";
import type { MappedRoster } from "../to-request";
import type { Findings } from "./findings";

/** One macrotask: lets the pane paint the "Memeriksa roster…" phase before the validator holds the thread. */
const yieldToUi = () => new Promise<void>((resolve) => setTimeout(resolve, 0));

/**
 * The validator of SPEC §5 run in the pane, at the request's own as_of (the date the server will
 * check it at), messages in `lang`. Never stages and has no diff: only the server knows what is stored.
 */
export async function checkLocally(engine: Pick<Engine, "validateRoster">, mapped: MappedRoster, lang: Lang): Promise<Findings> {
  await yieldToUi();
  const local = engine.validateRoster(mapped.request, { asOf: mapped.request.as_of, lang });
  return { source: "local", ok: local.ok, counts: local.counts, issues: local.issues, diff: null, base: null, staged: null };
}
