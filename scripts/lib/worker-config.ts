/**
 * worker/wrangler.jsonc as the scripts need it, read with wrangler's own parser (JSONC, as wrangler
 * reads it): the vars the Worker's config.ts turns into its Config, and the D1 binding.
 */
import { experimental_readRawConfig } from "wrangler";
import { configOf, type Config } from "../../worker/config";
import type { Bindings } from "../../worker/env";
import { wranglerConfig } from "./wrangler";

interface RawConfig {
  name?: string;
  vars?: Record<string, string>;
  d1_databases?: { binding: string; database_name: string; database_id?: string }[];
}

export function rawWorkerConfig(path = wranglerConfig): RawConfig {
  return experimental_readRawConfig({ config: path }).rawConfig as RawConfig;
}

/** The Config a deployed Worker computes from wrangler.jsonc's vars (worker/config.ts, one reader). */
export function workerConfig(path = wranglerConfig): Config {
  return configOf({ ...(rawWorkerConfig(path).vars ?? {}) } as unknown as Bindings);
}
