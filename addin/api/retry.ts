import { isApiError, isTransient } from "./errors";

export interface RetryPolicy {
  /** Total tries, the first included. */
  attempts: number;
  baseDelayMs: number;
  maxDelayMs: number;
}

/** Five tries over about half a minute: enough for a mobile connection that drops for a moment. */
export const PUSH_RETRY: RetryPolicy = { attempts: 5, baseDelayMs: 1_000, maxDelayMs: 15_000 };

export interface RetryHooks {
  /** Called before each new try: `attempt` is the try about to start (2 … attempts). */
  onRetry?: (attempt: number, attempts: number, error: unknown) => void;
  sleep?: (ms: number) => Promise<void>;
  random?: () => number;
}

export const realSleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

/** Delay before try `attempt` (2 …): exponential, capped, with jitter so many clients do not retry in step. */
export function backoffDelay(policy: RetryPolicy, attempt: number, random: () => number = Math.random): number {
  const exp = Math.min(policy.maxDelayMs, policy.baseDelayMs * 2 ** (attempt - 2));
  return Math.round(exp * (0.5 + random() / 2));
}

/** Runs `run` until it succeeds, fails for good, or the tries are used up (then the last error). */
export async function withRetry<T>(run: (attempt: number) => Promise<T>, policy: RetryPolicy, hooks: RetryHooks = {}): Promise<T> {
  const sleep = hooks.sleep ?? realSleep;
  for (let attempt = 1; ; attempt++) {
    try {
      return await run(attempt);
    } catch (error) {
      if (attempt >= policy.attempts || !isTransient(error)) throw error;
      const wait = Math.max(backoffDelay(policy, attempt + 1, hooks.random), (isApiError(error) && error.retryAfterMs) || 0);
      hooks.onRetry?.(attempt + 1, policy.attempts, error);
      await sleep(wait);
    }
  }
}
