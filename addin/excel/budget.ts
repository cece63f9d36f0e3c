/**
 * Keeping each `context.sync()` under Excel on the web's 5 MB request and response limit, with
 * as few syncs as that allows. Sizes are estimated from the JSON of the values, plus a fixed
 * allowance per command for office.js's own request envelope (object paths, action ids).
 */

/**
 * What one sync may carry by our estimate: under half of the 5 MB (5 × 1024 × 1024 bytes) that Excel
 * on the web refuses a request or a response above, since the estimate is rough (though on the
 * generous side).
 */
export const SYNC_BUDGET_BYTES = 2_500_000;

/** office.js's envelope around one command (its object path and action records). */
export const COMMAND_OVERHEAD_BYTES = 300;

/** JSON size of a value, in bytes (UTF-8), as it would travel in a request or response. */
export function jsonBytes(value: unknown): number {
  const s = JSON.stringify(value) ?? "";
  let bytes = s.length;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c > 0x7f) bytes += c > 0x7ff ? 2 : 1;
  }
  return bytes;
}

/** True for the errors Excel gives when one request or its answer is too big. */
export function isPayloadTooLarge(error: unknown): boolean {
  const code = (error as { code?: unknown } | null)?.code;
  return code === "RequestPayloadSizeLimitExceeded" || code === "ResponsePayloadSizeLimitExceeded";
}

/**
 * Queues commands into as few syncs as the budget allows: call `room(bytes)` before queuing a
 * command of that estimated size; it syncs first when the command would not fit.
 */
export class SyncBatch {
  private used = 0;

  constructor(
    private readonly context: Excel.RequestContext,
    private readonly budget: number = SYNC_BUDGET_BYTES,
  ) {}

  async room(bytes: number): Promise<void> {
    const size = bytes + COMMAND_OVERHEAD_BYTES;
    if (this.used > 0 && this.used + size > this.budget) await this.flush();
    this.used += size;
  }

  async flush(): Promise<void> {
    if (this.used === 0) return;
    this.used = 0;
    await this.context.sync();
  }
}
