/**
 * One HTTP exchange, with upload progress where the platform can report it. fetch cannot: a streamed
 * request body (the only way to count what fetch has sent) needs `duplex: "half"` and HTTP/2 — Chromium
 * and Firefox refuse it over HTTP/1.1 and Safari's WebKit (Excel on Mac) has no streamed uploads at all.
 * XMLHttpRequest's `upload.onprogress` works in every Office webview (WebView2, WKWebView, the
 * browser of Excel on the web), so the pane sends with it; tests and hosts without XHR use fetch.
 */

export interface SendRequest {
  url: string;
  method: "GET" | "POST";
  headers: Record<string, string>;
  body?: string | Uint8Array;
  signal: AbortSignal;
  /** Bytes of the body handed to the network so far, of `total`. */
  onUploadProgress?: (sent: number, total: number) => void;
}

export interface SendResponse {
  status: number;
  ok: boolean;
  header(name: string): string | null;
  text: string;
}

/** Rejects with an AbortError when `signal` aborts, with a TypeError when the network fails. */
export type Transport = (req: SendRequest) => Promise<SendResponse>;

const bodySize = (body: string | Uint8Array | undefined) =>
  body === undefined ? 0 : typeof body === "string" ? new TextEncoder().encode(body).byteLength : body.byteLength;

/** fetch: progress only as "all sent" once the answer's headers arrive. */
export function fetchTransport(doFetch: typeof fetch): Transport {
  return async (req) => {
    const total = bodySize(req.body);
    const res = await doFetch(req.url, {
      method: req.method,
      headers: req.headers,
      body: req.body as BodyInit | undefined,
      signal: req.signal,
    });
    if (total > 0) req.onUploadProgress?.(total, total);
    const text = await res.text();
    return { status: res.status, ok: res.ok, header: (n) => res.headers.get(n), text };
  };
}

/** XMLHttpRequest: progress as the browser hands bytes to the network. */
export function xhrTransport(): Transport {
  return (req) =>
    new Promise<SendResponse>((resolve, reject) => {
      const xhr = new XMLHttpRequest();
      xhr.open(req.method, req.url);
      for (const [k, v] of Object.entries(req.headers)) xhr.setRequestHeader(k, v);
      const total = bodySize(req.body);
      if (total > 0 && req.onUploadProgress) {
        const report = req.onUploadProgress;
        xhr.upload.onprogress = (e) => report(e.loaded, e.lengthComputable ? e.total : total);
        xhr.upload.onload = () => report(total, total);
      }
      const onAbort = () => xhr.abort();
      req.signal.addEventListener("abort", onAbort, { once: true });
      const done = () => req.signal.removeEventListener("abort", onAbort);
      xhr.onload = () => {
        done();
        resolve({
          status: xhr.status,
          ok: xhr.status >= 200 && xhr.status < 300,
          header: (n) => xhr.getResponseHeader(n),
          text: typeof xhr.responseText === "string" ? xhr.responseText : "",
        });
      };
      xhr.onerror = () => {
        done();
        reject(new TypeError("Network request failed"));
      };
      xhr.onabort = () => {
        done();
        reject(new DOMException("Aborted", "AbortError"));
      };
      if (req.signal.aborted) {
        done();
        reject(new DOMException("Aborted", "AbortError"));
        return;
      }
      const body = req.body;
      // XHR takes a BufferSource; a view over part of a buffer must be copied to its own buffer.
      xhr.send(body === undefined ? null : typeof body === "string" ? body : body.slice().buffer);
    });
}

/** The transport a running pane uses: XHR when the page has it and no fetch was injected. */
export function defaultTransport(injectedFetch?: typeof fetch): Transport {
  if (injectedFetch) return fetchTransport(injectedFetch);
  if (typeof XMLHttpRequest !== "undefined") return xhrTransport();
  return fetchTransport((input, init) => globalThis.fetch(input, init));
}
