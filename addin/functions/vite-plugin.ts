import { readFileSync } from "node:fs";
import type { Plugin } from "vite";
import { EXPECTED_FILES, FUNCTIONS_SOURCE, generateMetadata, localise, toJson } from "./metadata.ts";

/**
 * Emits functions.json (Indonesian, the default locale) and functions-en-us.json next to the pane,
 * generated from the JSDoc of functions.ts at every build. Where the generator cannot run (its
 * TypeScript is missing) the build still ships the checked-in files, which the metadata test keeps
 * equal to the generator's output, and says so.
 */
export const FUNCTIONS_SCRIPT =
  "/* NAKES custom functions run in the shared runtime of taskpane.html (the manifest's <Page>), which associates them. */\n";

export function customFunctionsMetadata(): Plugin {
  return {
    name: "nakes-custom-functions-metadata",
    async generateBundle() {
      this.addWatchFile(FUNCTIONS_SOURCE);
      let files: { id: string; en: string };
      try {
        const metadata = await generateMetadata();
        files = { id: toJson(metadata), en: toJson(localise(metadata)) };
      } catch (e) {
        this.warn(`functions.json from the checked-in copy: ${e instanceof Error ? e.message : String(e)}`);
        files = { id: readFileSync(EXPECTED_FILES.id, "utf8"), en: readFileSync(EXPECTED_FILES.en, "utf8") };
      }
      this.emitFile({ type: "asset", fileName: "functions.json", source: files.id });
      this.emitFile({ type: "asset", fileName: "functions-en-us.json", source: files.en });
      // The manifest schema requires a <Script>; in the shared runtime Excel runs the <Page> instead.
      this.emitFile({ type: "asset", fileName: "functions.js", source: FUNCTIONS_SCRIPT });
    },
  };
}
