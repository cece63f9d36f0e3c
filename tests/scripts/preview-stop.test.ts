import { spawn } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { createServer } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { root } from "../../scripts/lib/wrangler";

const dir = mkdtempSync(join(tmpdir(), "nakes-preview-stop-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const freePort = () =>
  new Promise<number>((resolve) => {
    const s = createServer().listen(0, "127.0.0.1", () => {
      const port = (s.address() as { port: number }).port;
      s.close(() => resolve(port));
    });
  });

describe("npm run preview", () => {
  it.runIf(process.platform !== "win32")(
    "prints the token command for its own database, and stops on Ctrl-C as a normal stop (exit 0, no crash message)",
    async () => {
      const port = await freePort();
      const persistTo = join(dir, "db");
      // Its own process group, as a terminal's foreground job: Ctrl-C is SIGINT to the whole group.
      const child = spawn(join(root, "node_modules", ".bin", "tsx"), ["scripts/preview.ts", "--port", String(port), "--persist-to", persistTo], {
        cwd: root,
        detached: true,
        env: { ...process.env, WRANGLER_SEND_METRICS: "false", CLOUDFLARE_CF_FETCH_ENABLED: "false" },
        stdio: ["ignore", "pipe", "pipe"],
      });
      let output = "";
      child.stdout.on("data", (d: Buffer) => (output += d.toString()));
      child.stderr.on("data", (d: Buffer) => (output += d.toString()));
      const exited = new Promise<number | null>((resolve) => child.on("exit", (code) => resolve(code)));
      try {
        const deadline = Date.now() + 240_000;
        while (!output.includes("Ctrl-C") && child.exitCode === null && Date.now() < deadline) await new Promise((r) => setTimeout(r, 300));
        expect(output, output).toContain("Ctrl-C");
        expect(output).toContain(`npm run token -- create --role uploader --scope 1706 --name "Dinkes Mukomuko" --persist-to ${persistTo}`);
      } finally {
        if (child.exitCode === null) process.kill(-child.pid!, "SIGINT");
      }
      const code = await exited;
      expect(code, output).toBe(0);
      expect(output).toContain("Berhenti / stopping");
      expect(output).not.toMatch(/exited|tak terduga|\(143\)/);
    },
    300_000,
  );
});
