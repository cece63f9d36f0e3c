import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { runWrangler, WranglerError, wranglerEntry } from "../../scripts/lib/wrangler";
import { adviceForFailure, LOGIN_ADVICE, stripAnsi, SUBDOMAIN_ADVICE, whoamiLoggedIn, wranglerOutputForUser } from "../../scripts/lib/wrangler-output";

/** A home with no wrangler login and no API token: what a new machine has before `wrangler login`. */
const home = mkdtempSync(join(tmpdir(), "nakes-no-login-"));
afterAll(() => rmSync(home, { recursive: true, force: true }));
const loggedOut = { HOME: home, USERPROFILE: home, XDG_CONFIG_HOME: home, CLOUDFLARE_API_TOKEN: "", CLOUDFLARE_ACCOUNT_ID: "" };

/** wrangler 4.164's `d1 create` without a login, as captured (colour codes included). */
const D1_CREATE_LOGGED_OUT = [
  "\u001b[31m✘ \u001b[41;31m[\u001b[41;97mERROR\u001b[41;31m]\u001b[0m \u001b[1mIn a non-interactive environment, it's necessary to set a CLOUDFLARE_API_TOKEN environment variable for wrangler to work.\u001b[0m",
  "",
  "  To continue without logging in, rerun this command with `--temporary`. Wrangler will use a temporary account and print a claim URL.",
].join("\n");

describe("reading what wrangler prints", () => {
  it("strips ANSI colour codes", () => {
    expect(stripAnsi(D1_CREATE_LOGGED_OUT)).not.toMatch(/\u001b|\[31m|\[0m/);
    expect(stripAnsi(D1_CREATE_LOGGED_OUT)).toContain("✘ [ERROR] In a non-interactive environment");
  });

  it("drops wrangler's advice to rerun wrangler with options the project's scripts refuse", () => {
    const shown = wranglerOutputForUser(D1_CREATE_LOGGED_OUT);
    expect(shown).not.toContain("--temporary");
    expect(shown).not.toMatch(/\u001b/);
    expect(shown).toContain("CLOUDFLARE_API_TOKEN");
    expect(wranglerOutputForUser("To deploy without logging in, run a command like `wrangler deploy --temporary` to use a temporary preview account.\nok")).toBe("ok");
  });

  it("tells a login from its absence by whoami's text, since whoami exits 0 either way", () => {
    expect(whoamiLoggedIn("Getting User settings...\nYou are not authenticated. Please run `wrangler login`.")).toBe(false);
    expect(whoamiLoggedIn("You are logged in with an OAuth Token, associated with the email it@dinkes.example.go.id.")).toBe(true);
    expect(whoamiLoggedIn("You are logged in with an API Token, associated with the account Dinkes Bengkulu.")).toBe(true);
  });

  it("turns no login and no workers.dev subdomain into the scripts' own advice", () => {
    expect(adviceForFailure(D1_CREATE_LOGGED_OUT)).toBe(LOGIN_ADVICE);
    expect(LOGIN_ADVICE).toContain("npx wrangler login");
    expect(LOGIN_ADVICE).not.toContain("--temporary");
    expect(adviceForFailure("✘ [ERROR] You need to register a workers.dev subdomain before publishing to workers.dev")).toBe(SUBDOMAIN_ADVICE);
    expect(SUBDOMAIN_ADVICE).toMatch(/Workers & Pages/);
    expect(adviceForFailure("✘ [ERROR] Received a malformed response from the API")).toBeNull();
  });
});

describe("running wrangler from the scripts", () => {
  it("starts wrangler's JS entry with this Node, no .cmd shim (Windows refuses those without a shell)", async () => {
    expect(wranglerEntry()).toMatch(/wrangler[\\/]bin[\\/]wrangler\.js$/);
    expect(await runWrangler(["--version"], { quiet: true })).toMatch(/4\.164\./);
  }, 60_000);

  it("finds no login on a machine that has none, from whoami's text", async () => {
    const out = await runWrangler(["whoami"], { quiet: true, env: loggedOut });
    expect(whoamiLoggedIn(out)).toBe(false);
  }, 60_000);

  it("fails a command that needs an account with the login advice, no colour codes and no wrangler-only option", async () => {
    const failure = await runWrangler(["d1", "create", "nakes-roster-test-no-login"], { quiet: true, env: loggedOut }).then(
      () => null,
      (e: unknown) => e,
    );
    expect(failure).toBeInstanceOf(WranglerError);
    const message = (failure as WranglerError).message;
    expect(message).toContain(LOGIN_ADVICE);
    expect(message).not.toMatch(/\u001b|--temporary/);
  }, 60_000);
});
