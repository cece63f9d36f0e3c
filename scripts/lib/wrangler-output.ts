/**
 * Reading what wrangler prints, for the scripts that run it (npm start, preview, token, deploy): pure,
 * so tests/scripts/wrangler-output.test.ts holds it to wrangler 4.164's real texts without an account.
 */

/** ANSI escape sequences (colour, cursor): wrangler colours some lines even with FORCE_COLOR=0. */
const ANSI = /\u001b\[[0-9;?]*[ -/]*[@-~]|\u001b\][^\u0007\u001b]*(?:\u0007|\u001b\\)/g;

/** `text` without ANSI escape codes ("\u001b[31m✘\u001b[0m" → "✘"). */
export const stripAnsi = (text: string): string => text.replace(ANSI, "");

/**
 * wrangler's advice to rerun *wrangler* with an option (`--temporary`: "To continue without logging in,
 * rerun this command with `--temporary`"), which the project's scripts do not take: followed, it ends
 * in "Unknown option '--temporary'". Such sentences are dropped from what the scripts show.
 */
const WRANGLER_ONLY_HINT = /^.*(?:rerun this command with|run a command like `wrangler [^`]*`)[^\n]*$/gim;

/** wrangler's captured output as the scripts show it: no colour codes, no wrangler-only hints, the last `lines` lines. */
export function wranglerOutputForUser(output: string, lines = 15): string {
  const clean = stripAnsi(output).replace(WRANGLER_ONLY_HINT, "");
  return clean
    .split("\n")
    .filter((l, i, all) => l.trim() !== "" || (i > 0 && all[i - 1]!.trim() !== ""))
    .join("\n")
    .trim()
    .split("\n")
    .slice(-lines)
    .join("\n");
}

/**
 * Whether `wrangler whoami` found a login. It exits 0 either way (wrangler 4.164), so its text decides:
 * "You are logged in with an OAuth Token / API Token …" versus "You are not authenticated. Please run
 * `wrangler login`."
 */
export function whoamiLoggedIn(output: string): boolean {
  const text = stripAnsi(output);
  return /You are logged in\b/i.test(text) && !/not authenticated/i.test(text);
}

/** What a user does when wrangler has no login: the scripts' own words (Indonesian first). */
export const LOGIN_ADVICE =
  "Belum masuk ke Cloudflare / not logged in to Cloudflare: jalankan / run `npx wrangler login` (atau / or set CLOUDFLARE_API_TOKEN and CLOUDFLARE_ACCOUNT_ID), lalu / then run the command again.";

/** What a user does when the account has no workers.dev subdomain yet (wrangler only offers it interactively). */
export const SUBDOMAIN_ADVICE =
  "Akun belum punya subdomain workers.dev / the account has no workers.dev subdomain yet: buka / open dash.cloudflare.com › Workers & Pages, pilih / choose a subdomain (Overview › workers.dev subdomain › Change/Set up), lalu jalankan lagi / then run `npm run deploy` again (the database and migrations already done are kept).";

/**
 * The scripts' own advice for a wrangler failure they recognise from its output (no login, no
 * workers.dev subdomain), or null for any other failure (shown as wrangler printed it).
 */
export function adviceForFailure(output: string): string | null {
  const text = stripAnsi(output);
  if (/not authenticated|Not logged in|wrangler login|CLOUDFLARE_API_TOKEN environment variable/i.test(text)) return LOGIN_ADVICE;
  if (/register a workers\.dev subdomain/i.test(text)) return SUBDOMAIN_ADVICE;
  return null;
}
