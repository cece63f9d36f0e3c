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

/**
 * Starts loading what Validasi needs — the "checker" and "result-view" chunks — from taskpane.html,
 * beside the first screen's own files instead of after them: on Slow 3G each request waits a 2 s round
 * trip, and main.tsx would only ask for them once its own code had arrived and run. The checker (zod,
 * shared/, the workbook code) needs nothing of the first screen's chunk, so it runs as soon as it
 * arrives; main.tsx's import() then finds it loaded. The first screen does not wait for either (bench/pane.ts prints their bytes apart from the
 * first-load JS).
 */
function loadValidasiBeside(): Plugin {
  return {
    name: "nakes-load-validasi-beside",
    apply: "build",
    transformIndexHtml: {
      order: "post",
      handler(html, ctx) {
        if (!ctx.bundle || !ctx.filename.endsWith("taskpane.html")) return html;
        const files = Object.values(ctx.bundle)
          .filter((c) => c.type === "chunk" && (c.name === "checker" || c.name === "result-view"))
          .map((c) => `./${c.fileName}`);
        if (files.length === 0) return html;
        // The first screen's code gets the link to itself for one round trip: this starts once the
        // first of its files (the tiny bundler runtime) has arrived. Chrome shares a throttled link
        // evenly between requests, so starting all at once delays the first screen by the checker's bytes.
        // `async`: runs as soon as that file is there, not after the page's other module scripts.
        // A failed load (offline before the files were cached) is tried again by main.tsx when needed.
        const runtime = Object.values(ctx.bundle).find((c) => c.type === "chunk" && c.name === "rolldown-runtime");
        const after = runtime ? `import ${JSON.stringify(`./${runtime.fileName}`)};` : "";
        const script = `<script type="module" async>${after}for(const f of ${JSON.stringify(files)})import(f).catch(()=>{});</script>`;
        return html.replace("</body>", `  ${script}\n  </body>`);
      },
    },
  };
}

/** The "checker" chunk: the roster checker (SPEC §5, with zod and the reference data) and the workbook code. */
const checkerModule = new RegExp(
  [String.raw`node_modules/zod/`, String.raw`/shared/`, String.raw`/addin/(excel/|actions/office\.)`, String.raw`/addin/roster/(engine|locate|to-request)\.`].join("|"),
);
/** shared/ parts only the API client and the other tabs use: they load with those, not before Validasi. */
const notForValidasi = /\/shared\/(api|coverage|tindak-lanjut)\//;
/** The "result-view" chunk: what a check shows (RosterBody) and the Fluent parts it alone uses. */
const resultViewModule = /\/addin\/roster\/RosterBody\.|node_modules\/@fluentui\/react-(badge|message-bar|field|progress|label|motion|link|icons)\//;

// The pane is static files: office.js comes from Microsoft's CDN (a plain script tag, never bundled).
export default defineConfig(({ command }) => ({
  root: here("."),
  base: "./",
  publicDir: false,
  // Only a build registers the service worker (sw.js exists only there); `vite` in development does not.
  define: { __PANE_SERVICE_WORKER__: JSON.stringify(command === "build") },
  plugins: [react(), manifestIcons(), customFunctionsMetadata(), paneServiceWorker(), loadValidasiBeside()],
  build: {
    outDir: here("../dist/addin"),
    emptyOutDir: true,
    target: "es2022",
    // The first screen loads ≤ 150 KB of gzipped JS (SPEC §8; bench/pane.ts measures it), in one chunk
    // of about 400 KB minified (React DOM and Fluent); the rest is split by dynamic import() (roster
    // checker, API client with zod, other tabs, dialog) and fetched beside or after the first screen.
    // File names carry a content hash, so they can be served with immutable caching.
    chunkSizeWarningLimit: 450,
    rollupOptions: {
      input: { taskpane: here("./taskpane.html"), help: here("./help.html") },
      output: {
        // Few files on the critical path: on HTTP/1.1 (npm start) a browser opens six connections per
        // host, and on a slow link every request past those waits a whole round trip more.
        codeSplitting: {
          groups: [
            // Everything the first screen runs (main.tsx's static imports): one file beside the entry.
            // Not the pages' own modules: help.html (no script) would then load the pane's code.
            { name: "pane", tags: ["$initial"], test: (id: string) => !/\/addin\/main\.tsx$|\.html($|\?)/.test(id), priority: 3 },
            // What Validasi needs after it, in two files that taskpane.html starts loading at once: the
            // checker (runs before the first screen's chunk arrives) and the result view (uses that chunk).
            { name: "checker", test: (id: string) => checkerModule.test(id) && !notForValidasi.test(id), priority: 2 },
            { name: "result-view", test: (id: string) => resultViewModule.test(id), priority: 2 },
          ],
        },
        entryFileNames: "assets/[name]-[hash].js",
        chunkFileNames: "assets/[name]-[hash].js",
        assetFileNames: "assets/[name]-[hash][extname]",
      },
    },
  },
}));
