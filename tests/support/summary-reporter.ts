import type { Reporter, TestModule } from "vitest/node";

/**
 * CI reads one plain line, "N passed, N failed", not vitest's own summary. Failed modules that
 * never got to run their tests (a syntax error, a crashed pool) count as one failure each, so a
 * broken file can never pass as "0 failed".
 */
export default class SummaryReporter implements Reporter {
  onTestRunEnd(testModules: ReadonlyArray<TestModule>, unhandledErrors: ReadonlyArray<unknown>): void {
    let passed = 0;
    let failed = 0;
    let skipped = 0;
    for (const mod of testModules) {
      let seen = 0;
      for (const test of mod.children.allTests()) {
        seen++;
        const state = test.result().state;
        if (state === "passed") passed++;
        else if (state === "failed") failed++;
        else skipped++;
      }
      if (seen === 0 || mod.state() === "failed") {
        if (!mod.ok()) failed += seen === 0 ? 1 : 0;
      }
    }
    failed += unhandledErrors.length;
    const tail = skipped > 0 ? `, ${skipped} skipped` : "";
    process.stdout.write(`\n${passed} passed, ${failed} failed${tail}\n`);
  }
}
