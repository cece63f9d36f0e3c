import react from "@vitejs/plugin-react";
import { readdirSync, readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { defineConfig, type Plugin } from "vite";
import { customFunctionsMetadata } from "./functions/vite-plugin.ts";
import { paneServiceWorker } from "./sw-plugin.ts";

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
export default defineConfig(({ command }) => ({
  root: here("."),
  base: "./",
  publicDir: false,
  // Only a build registers the service worker (sw.js exists only there); `vite` in development does not.
  define: { __PANE_SERVICE_WORKER__: JSON.stringify(command === "build") },
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
        // What Validasi needs after the first screen — the checker (shared/, zod), the workbook code
        // (addin/excel, addin/actions/office) — in one file: on HTTP/1.1 (npm start) a browser opens six
        // connections per host, and a dozen small chunks would cost a second round trip on a slow link.
        manualChunks: (id: string) =>
          /node_modules\/zod\//.test(id) || /\/shared\//.test(id) || /\/addin\/(excel\/|actions\/office\.)/.test(id) || /\/addin\/roster\/(engine|locate|to-request)\./.test(id)
            ? "checker"
            : undefined,
        entryFileNames: "assets/[name]-[hash].js",
        chunkFileNames: "assets/[name]-[hash].js",
        assetFileNames: "assets/[name]-[hash][extname]",
      },
    },
  },
}));
