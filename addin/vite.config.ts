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
 * Starts fetching what Validasi needs (the "validasi" chunk) as soon as taskpane.html's skeleton is
 * painted, beside the first screen's own files instead of after them: on Slow 3G each request waits a
 * 2 s round trip, and main.tsx would only ask for the chunk once its own code has arrived and run.
 * A modulepreload fetches and compiles without running; main.tsx's import() then takes it from there.
 * The first screen does not wait for it (bench/pane.ts counts it apart from the first-load JS).
 */
function preloadValidasi(): Plugin {
  return {
    name: "nakes-preload-validasi",
    apply: "build",
    transformIndexHtml: {
      order: "post",
      handler(html, ctx) {
        if (!ctx.bundle || !ctx.filename.endsWith("taskpane.html")) return html;
        const chunk = Object.values(ctx.bundle).find((c) => c.type === "chunk" && c.name === "validasi");
        if (!chunk) return html;
        const href = JSON.stringify(`./${chunk.fileName}`);
        const script = `<script>requestAnimationFrame(function(){setTimeout(function(){var l=document.createElement("link");l.rel="modulepreload";l.crossOrigin="";l.href=${href};document.head.appendChild(l)})})</script>`;
        return html.replace("</body>", `    ${script}\n  </body>`);
      },
    },
  };
}

/** Modules of the "validasi" chunk (see rollupOptions.output.codeSplitting below). */
const validasiModule = new RegExp(
  [
    String.raw`node_modules/zod/`,
    String.raw`/shared/`,
    String.raw`/addin/(excel/|actions/office\.)`,
    String.raw`/addin/roster/(engine|locate|to-request|RosterBody)\.`,
    String.raw`node_modules/@fluentui/react-(badge|message-bar|field|progress|label|motion|link|icons)/`,
  ].join("|"),
);

// The pane is static files: office.js comes from Microsoft's CDN (a plain script tag, never bundled).
export default defineConfig(({ command }) => ({
  root: here("."),
  base: "./",
  publicDir: false,
  // Only a build registers the service worker (sw.js exists only there); `vite` in development does not.
  define: { __PANE_SERVICE_WORKER__: JSON.stringify(command === "build") },
  plugins: [react(), manifestIcons(), customFunctionsMetadata(), paneServiceWorker(), preloadValidasi()],
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
            { name: "pane", tags: ["$initial"], test: (id: string) => !/\/addin\/main\.tsx$/.test(id), priority: 3 },
            // Everything Validasi needs after it — the checker (shared/, zod), the workbook code
            // (addin/excel, addin/actions/office) and the result view (RosterBody and its Fluent parts) —
            // in one file, which taskpane.html starts fetching as soon as the skeleton is painted.
            { name: "validasi", test: (id: string) => validasiModule.test(id), priority: 2 },
          ],
        },
        entryFileNames: "assets/[name]-[hash].js",
        chunkFileNames: "assets/[name]-[hash].js",
        assetFileNames: "assets/[name]-[hash][extname]",
      },
    },
  },
}));
