/**
 * Build step (node only): functions.json from the JSDoc of functions.ts, through the installed
 * custom-functions-metadata, and its en-US twin. Called by addin/vite.config.ts and by the test that
 * compares both with the checked-in expected files.
 */
import Module, { createRequire } from "node:module";
import { sep } from "node:path";
import { fileURLToPath } from "node:url";
import { EN_US } from "./en-us.ts";

const require = createRequire(import.meta.url);
const here = (p: string) => fileURLToPath(new URL(p, import.meta.url));

export const FUNCTIONS_SOURCE = here("./functions.ts");
export const EXPECTED_FILES = { id: here("./functions.expected.json"), en: here("./functions-en-us.expected.json") } as const;

export interface Parameter {
  name: string;
  description?: string;
  type: string;
  optional?: boolean;
  dimensionality?: string;
}
export interface FunctionMetadata {
  id: string;
  name: string;
  description?: string;
  parameters: Parameter[];
  result?: { type?: string; dimensionality?: string };
  options?: Record<string, boolean>;
}
export interface Metadata {
  functions: FunctionMetadata[];
  [k: string]: unknown;
}

/**
 * custom-functions-metadata parses with the classic TypeScript compiler API (ts.createSourceFile),
 * which TypeScript 7 (the project's compiler, a native build) no longer ships. It is served a
 * TypeScript that has it: the `typescript-5` alias package, or the project's own if it still does.
 */
function classicTypescript(): string {
  for (const name of ["typescript-5", "typescript"]) {
    try {
      const path = require.resolve(name);
      if (typeof (require(path) as { createSourceFile?: unknown }).createSourceFile === "function") return path;
    } catch {
      // Not installed under that name: try the next.
    }
  }
  throw new Error(
    'custom-functions-metadata needs the classic TypeScript API, which TypeScript 7 lacks: add the devDependency "typescript-5": "npm:typescript@~5.9.3"',
  );
}

type Resolve = (request: string, parent: { filename?: string | null } | undefined, ...rest: unknown[]) => string;

function loadGenerator(): (input: string) => Promise<{ metadataJson: string; errors: string[] }> {
  const ts = classicTypescript();
  const mod = Module as unknown as { _resolveFilename: Resolve };
  const original = mod._resolveFilename;
  mod._resolveFilename = function (this: unknown, request, parent, ...rest) {
    if (request === "typescript" && parent?.filename?.includes(`${sep}custom-functions-metadata${sep}`)) return ts;
    return original.call(this, request, parent, ...rest);
  };
  try {
    return (require("custom-functions-metadata") as { generateCustomFunctionsMetadata: (input: string) => Promise<{ metadataJson: string; errors: string[] }> })
      .generateCustomFunctionsMetadata;
  } finally {
    mod._resolveFilename = original;
  }
}

/** The Indonesian metadata (the default locale's functions.json), as the generator writes it. */
export async function generateMetadata(source: string = FUNCTIONS_SOURCE): Promise<Metadata> {
  const result = await loadGenerator()(source);
  if (result.errors.length > 0) throw new Error(`custom-functions-metadata: ${result.errors.join("; ")}`);
  return JSON.parse(result.metadataJson) as Metadata;
}

/** The en-US file: the same functions with the English names and descriptions of en-us.ts. */
export function localise(metadata: Metadata, texts = EN_US): Metadata {
  return {
    ...metadata,
    functions: metadata.functions.map((f) => {
      const t = texts[f.id];
      if (!t) throw new Error(`no en-US text for ${f.id}`);
      return {
        ...f,
        name: t.name,
        description: t.description,
        parameters: f.parameters.map((p) => {
          const pt = t.parameters[p.name];
          if (!pt) throw new Error(`no en-US text for ${f.id}(${p.name})`);
          return { ...p, name: pt.name, description: pt.description };
        }),
      };
    }),
  };
}

export const toJson = (m: Metadata) => `${JSON.stringify(m, null, 2)}\n`;
