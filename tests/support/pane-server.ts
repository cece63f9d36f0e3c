/**
 * The built task pane (dist/addin) over plain HTTP on a free loopback port, for browser tests:
 * Office needs HTTPS, a test browser does not. Serving is scripts/serve-addin.ts's, which builds the
 * pane first when dist/addin is missing or older than its sources (`npm test` builds it beforehand).
 */
import { serveAddin } from "../../scripts/serve-addin";

export interface PaneServer {
  /** Origin of the pane, e.g. http://127.0.0.1:41234 (what the API must allow by CORS). */
  origin: string;
  /** The task pane page. */
  url: string;
  close(): Promise<void>;
}

/**
 * `apiUrl` is what the pane's /config.json suggests as the default API address; a test that types
 * its own address in Pengaturan does not depend on it.
 */
export async function startPane(options: { apiUrl?: string } = {}): Promise<PaneServer> {
  const served = await serveAddin({ http: true, port: 0, host: "127.0.0.1", apiUrl: options.apiUrl, log: () => {} });
  const { port } = served.server.address() as { port: number };
  const origin = `http://127.0.0.1:${port}`;
  return { origin, url: `${origin}/taskpane.html`, close: served.close };
}
