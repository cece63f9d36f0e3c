import react from "@vitejs/plugin-react";
import { readdirSync, readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { defineConfig, type Plugin } from "vite";
import { customFunctionsMetadata } from "./functions/vite-plugin";
import { paneServiceWorker } from "./sw-plugin";

const here = (p: string) => fileURLToPath(new URL(p, import.meta.url));

/** Copies the manifest's icons (addin/assets/*.png) to dist/addin/assets/, where the manifest points. */
function manifestIcons(): Plugin {
  return {
    name: "nakes-manifest-icons",
    generateBundle() {
      for (const file of readdirSync(here("./assets")).filter((f) => f.endsWith(".png"))) {
        this.emitFile({ type: "asset", fileName: `assets/${file}`, source: readFileSync(here(`./assets/${file}`)) });
      }
    },
  };
}

// The pane is static files: office.js comes from Microsoft's CDN (a plain script tag, never bundled).
export default defineConfig(({ command, mode }) => ({
  root: here("."),
  base: "./",
  publicDir: false,
  // A production build is one whatever NODE_ENV the calling process has: vitest sets "test", and a
  // pane built from a test run (scripts/serve-addin.ts) would otherwise ship React's development build
  // and no service worker.
  define:
    command === "build" && mode === "production"
      ? { "process.env.NODE_ENV": JSON.stringify("production"), "import.meta.env.PROD": "true", "import.meta.env.DEV": "false" }
      : {},
  plugins: [react(), manifestIcons(), customFunctionsMetadata(), paneServiceWorker()],
  build: {
    outDir: here("../dist/addin"),
    emptyOutDir: true,
    target: "es2022",
    // The first screen loads ≤ 150 KB of gzipped JS (SPEC §8); the rest is split by dynamic import()
    // (roster checker, API client with zod, other tabs, dialog) and preloaded after the first paint.
    // File names carry a content hash, so they can be served with immutable caching.
    chunkSizeWarningLimit: 400,
    rollupOptions: {
      input: { taskpane: here("./taskpane.html"), help: here("./help.html") },
      output: {
        entryFileNames: "assets/[name]-[hash].js",
        chunkFileNames: "assets/[name]-[hash].js",
        assetFileNames: "assets/[name]-[hash][extname]",
      },
    },
  },
}));
