import { createContext, useContext, type ReactNode } from "react";
import type { WorkbookActions } from "./types";

const WorkbookActionsContext = createContext<WorkbookActions | null>(null);

export function WorkbookActionsProvider({ actions, children }: { actions: WorkbookActions; children: ReactNode }) {
  return <WorkbookActionsContext.Provider value={actions}>{children}</WorkbookActionsContext.Provider>;
}

export function useWorkbookActions(): WorkbookActions {
  const actions = useContext(WorkbookActionsContext);
  if (!actions) throw new Error("WorkbookActionsProvider is missing above this component");
  return actions;
}
