import type { Counts, Issue } from "../schema/issue";

/**
 * Issues per severity (the summary of SPEC §7). Reads only each issue's own severity, so it loads no
 * rule text: the pane's first screen counts with it too.
 */
export function countIssues(issues: readonly Pick<Issue, "severity">[]): Counts {
  const counts: Counts = { error: 0, warning: 0, info: 0 };
  for (const i of issues) counts[i.severity]++;
  return counts;
}
