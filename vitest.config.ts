import { cloudflareTest, readD1Migrations } from "@cloudflare/vitest-plugin";
import react from "@vitejs/plugin-react";
import { fileURLToPath } from "node:url";
import { defineConfig } from "vitest/config";

const here = (p: string) => fileURLToPath(new URL(p, import.meta.url));

// One `vitest run` holds every world: the pure domain in node, the API in real workerd with real
// D1, the task pane's code in a DOM, and the browser scenarios driving Debian's Chromium.
export default defineConfig({
  test: {
    reporters: ["default", "./tests/support/summary-reporter.ts"],
    projects: [
      {
        test: {
          name: "shared",
          environment: "node",
          include: ["tests/shared/**/*.test.ts", "tests/fixtures/**/*.test.ts", "tests/scripts/**/*.test.ts", "tests/manifest/**/*.test.ts"],
          testTimeout: 60_000,
        },
      },
      {
        plugins: [
          cloudflareTest(async () => ({
            wrangler: { configPath: here("./worker/wrangler.jsonc") },
            miniflare: {
              bindings: {
                TEST_MIGRATIONS: await readD1Migrations(here("./worker/migrations")),
              },
              // Databases of their own for tests that need them (issue 15): a scratch database to
              // migrate old data through, and two province databases that tests bind as DB_17/DB_36.
              d1Databases: { DB: "nakes-roster", TEST_MIGRATION_DB: "test-migration", TEST_DB_17: "test-db-17", TEST_DB_36: "test-db-36" },
            },
          })),
        ],
        test: {
          name: "worker",
          include: ["tests/worker/**/*.test.ts"],
          setupFiles: ["./tests/worker/setup.ts"],
          testTimeout: 60_000,
        },
      },
      {
        plugins: [react()],
        test: {
          name: "addin",
          environment: "happy-dom",
          include: ["tests/addin/**/*.test.{ts,tsx}"],
          setupFiles: ["./tests/addin/setup.ts"],
          testTimeout: 120_000,
        },
      },
      {
        test: {
          name: "e2e",
          environment: "node",
          include: ["tests/e2e/**/*.test.ts"],
          testTimeout: 300_000,
          hookTimeout: 300_000,
          fileParallelism: false,
        },
      },
    ],
  },
});
