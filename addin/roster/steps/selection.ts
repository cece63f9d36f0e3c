import type { WorkbookActions } from "../../actions/types";

/**
 * Calls `onSelect` with each cell the user selects until the returned stop is called; a stop that
 * comes before the watch is set up ends it as soon as it is. Without selection events (the host
 * refused) nothing is reported: the issue list still works, nothing to tell the user.
 */
export function followSelection(
  actions: Pick<WorkbookActions, "watchSelection">,
  onSelect: (cell: { sheetName: string; address: string }) => void,
): () => void {
  let stop: (() => void) | undefined;
  let stopped = false;
  actions
    .watchSelection((cell) => onSelect({ sheetName: cell.sheetName, address: cell.address }))
    .then((s) => (stopped ? s() : (stop = s)))
    .catch(() => {});
  return () => {
    stopped = true;
    stop?.();
  };
}
