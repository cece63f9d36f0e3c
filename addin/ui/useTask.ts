import { useCallback, useRef, useState } from "react";
import type { ProgressFn } from "../excel/types";

export interface TaskProgress {
  phase: string;
  done: number;
  total: number;
}

export interface TaskControl {
  /** Shows a new phase (indeterminate until the next `progress`). */
  phase: (text: string) => void;
  progress: ProgressFn;
}

/**
 * One long action at a time, with its progress. Progress updates are throttled to animation
 * frames' worth (every 100 ms) so a 50,000-row read does not re-render 50,000 times.
 */
export function useTask() {
  const [running, setRunning] = useState<TaskProgress | null>(null);
  const last = useRef(0);
  const busy = useRef(false);

  const run = useCallback(async <T,>(firstPhase: string, body: (task: TaskControl) => Promise<T>): Promise<T | undefined> => {
    if (busy.current) return undefined;
    busy.current = true;
    setRunning({ phase: firstPhase, done: 0, total: 0 });
    const control: TaskControl = {
      phase: (text) => setRunning({ phase: text, done: 0, total: 0 }),
      progress: (done, total, phase) => {
        const now = Date.now();
        if (done < total && now - last.current < 100) return;
        last.current = now;
        setRunning({ phase, done, total });
      },
    };
    try {
      return await body(control);
    } finally {
      busy.current = false;
      setRunning(null);
    }
  }, []);

  return { running, run };
}
