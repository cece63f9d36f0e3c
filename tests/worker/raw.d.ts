/** Vite's `?raw` imports (a file's text), as the worker tests use them for wrangler.jsonc. */
declare module "*?raw" {
  const text: string;
  export default text;
}
