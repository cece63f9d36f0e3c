import type { D1Migration } from "@cloudflare/vitest-plugin";

declare global {
  namespace Cloudflare {
    interface Env {
      DB: D1Database;
      TEST_MIGRATIONS: D1Migration[];
      TEST_MIGRATION_DB: D1Database;
      TEST_DB_17: D1Database;
      TEST_DB_36: D1Database;
      CORS_ORIGINS: string;
    }
    interface GlobalProps {
      mainModule: typeof import("../../worker/index");
    }
  }
}
export {};
