import type { Lang } from "../schema/issue";
import type { IssueCode } from "../rules/codes";
import { rules, type MessageParams } from "../rules/registry";
import type { Say } from "./phrases";

/**
 * The wording of every issue, Indonesian and English (SPEC §5): each rule's sentence, as the rule
 * registry (shared/rules/registry.ts) declares it. Each code takes the facts its sentence needs.
 */
export type { MessageParams };
export type { ColumnRef, DateProblem, OddCharacter, SkipReason } from "./phrases";

/** The sentences by code, read from the registry. */
export const catalog: { readonly [C in IssueCode]: (typeof rules)[C]["message"] } = Object.fromEntries(
  Object.entries(rules).map(([code, rule]) => [code, rule.message]),
) as never;

/** The sentence for one issue, in the user's language. */
export function message<C extends IssueCode>(code: C, params: MessageParams<C>, lang: Lang = "id"): string {
  const entry = rules[code].message as Say<MessageParams<C>>;
  return entry[lang](params);
}
