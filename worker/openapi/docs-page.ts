/**
 * The human-readable API page (/docs), rendered on the server from the same OpenAPI document as
 * /openapi.json: plain HTML and CSS, no script and no CDN, so it opens on a slow or offline network.
 */

type Json = Record<string, unknown>;

const esc = (s: unknown): string =>
  String(s ?? "").replace(/[&<>"']/g, (ch) => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" })[ch]!);

const isObj = (v: unknown): v is Json => typeof v === "object" && v !== null && !Array.isArray(v);

function resolve(doc: Json, schema: unknown): Json {
  if (isObj(schema) && typeof schema["$ref"] === "string") {
    const path = (schema["$ref"] as string).replace(/^#\//, "").split("/");
    let node: unknown = doc;
    for (const p of path) node = isObj(node) ? node[p] : undefined;
    return isObj(node) ? node : {};
  }
  return isObj(schema) ? schema : {};
}

function typeOf(doc: Json, s: Json): string {
  if (Array.isArray(s["enum"])) return `one of ${(s["enum"] as unknown[]).map((v) => JSON.stringify(v)).join(", ")}`;
  if ("const" in s) return JSON.stringify(s["const"]);
  for (const k of ["anyOf", "oneOf"] as const) {
    if (Array.isArray(s[k])) return (s[k] as unknown[]).map((x) => typeOf(doc, resolve(doc, x))).join(" | ");
  }
  const t = s["type"];
  if (t === "array") return `array of ${typeOf(doc, resolve(doc, s["items"]))}`;
  const fmt = s["format"] ? ` (${String(s["format"])})` : "";
  const pattern = s["pattern"] ? ` matching ${String(s["pattern"])}` : "";
  return `${Array.isArray(t) ? t.join(" | ") : String(t ?? "any")}${fmt}${pattern}`;
}

function schemaHtml(doc: Json, schema: unknown, depth = 0): string {
  const s = resolve(doc, schema);
  if (depth > 6) return "…";
  if (s["type"] === "array") {
    const items = resolve(doc, s["items"]);
    return items["type"] === "object" ? `array of:${schemaHtml(doc, items, depth + 1)}` : esc(typeOf(doc, s));
  }
  const props = isObj(s["properties"]) ? (s["properties"] as Json) : null;
  if (!props) return esc(typeOf(doc, s));
  const required = new Set(Array.isArray(s["required"]) ? (s["required"] as string[]) : []);
  const rows = Object.entries(props)
    .map(([name, sub]) => {
      const r = resolve(doc, sub);
      const desc = r["description"] ? `<div class="d">${esc(r["description"])}</div>` : "";
      const inner = r["type"] === "object" || (r["type"] === "array" && resolve(doc, r["items"])["type"] === "object") ? schemaHtml(doc, r, depth + 1) : esc(typeOf(doc, r));
      return `<li><code>${esc(name)}</code>${required.has(name) ? "" : " <i>optional</i>"}: ${inner}${desc}</li>`;
    })
    .join("");
  return `<ul>${rows}</ul>`;
}

/**
 * The origin the page's curl lines call: the document's first server (openapi/document.ts names the
 * origin the page was served from), so a deployment's page shows its own address, not localhost.
 */
export function serverOrigin(doc: Json): string {
  const first = Array.isArray(doc["servers"]) ? (doc["servers"] as unknown[])[0] : undefined;
  const url = isObj(first) && typeof first["url"] === "string" ? first["url"] : "";
  try {
    return new URL(url).origin;
  } catch {
    return "http://localhost:8787";
  }
}

function curl(origin: string, method: string, path: string, op: Json): string {
  const url = `${origin}${path.replace(/{(\w+)}/g, (_, p: string) => (p === "kode_fasyankes" ? "P1706010101" : `<${p}>`))}`;
  const parts = [`curl -sS${method === "get" ? "" : ` -X ${method.toUpperCase()}`} ${url}`];
  if (op["security"]) parts.push(`-H "Authorization: Bearer $TOKEN"`);
  const body = isObj(op["requestBody"]) ? (op["requestBody"] as Json) : null;
  if (body) parts.push(`-H "Content-Type: application/json" --data-binary @body.json`);
  return parts.join(" \\\n  ");
}

/** The /docs HTML for an OpenAPI document (its curl lines call `servers[0]`, see serverOrigin). */
export function docsPage(doc: Json): string {
  const origin = serverOrigin(doc);
  const info = isObj(doc["info"]) ? (doc["info"] as Json) : {};
  const paths = isObj(doc["paths"]) ? (doc["paths"] as Json) : {};
  const sections: string[] = [];
  const toc: string[] = [];
  for (const [path, item] of Object.entries(paths)) {
    if (!isObj(item)) continue;
    for (const method of ["get", "post", "put", "delete"]) {
      const op = item[method];
      if (!isObj(op)) continue;
      const anchor = `${method}-${path.replace(/[^\w]+/g, "-")}`;
      toc.push(`<li><a href="#${anchor}"><b>${method.toUpperCase()}</b> ${esc(path)}</a> — ${esc(op["summary"])}</li>`);
      const params = Array.isArray(op["parameters"]) ? (op["parameters"] as Json[]) : [];
      const paramRows = params
        .map((p) => `<tr><td><code>${esc(p["name"])}</code></td><td>${esc(p["in"])}</td><td>${esc(typeOf(doc, resolve(doc, p["schema"])))}</td><td>${p["required"] ? "yes" : ""}</td><td>${esc(p["description"] ?? resolve(doc, p["schema"])["description"])}</td></tr>`)
        .join("");
      const body = isObj(op["requestBody"]) ? (op["requestBody"] as Json) : null;
      const bodyHtml = body
        ? `<h4>Request body</h4>${body["description"] ? `<p>${esc(body["description"])}</p>` : ""}${Object.entries((body["content"] as Json) ?? {})
            .map(([mt, c]) => `<details><summary><code>${esc(mt)}</code></summary>${schemaHtml(doc, isObj(c) ? c["schema"] : {})}</details>`)
            .join("")}`
        : "";
      const responses = Object.entries(isObj(op["responses"]) ? (op["responses"] as Json) : {})
        .map(([status, r]) => {
          const rr = resolve(doc, r);
          const content = isObj(rr["content"]) ? (rr["content"] as Json) : {};
          const schema = Object.values(content).map((c) => (isObj(c) ? c["schema"] : undefined))[0];
          const inner = schema && Number(status) < 400 ? `<details><summary>schema</summary>${schemaHtml(doc, schema)}</details>` : "";
          return `<li><b>${esc(status)}</b> ${esc(rr["description"])}${inner}</li>`;
        })
        .join("");
      sections.push(`<section id="${anchor}">
<h3><span class="m ${method}">${method.toUpperCase()}</span> <code>${esc(path)}</code></h3>
<p><b>${esc(op["summary"])}</b></p>${op["description"] ? `<p>${esc(op["description"])}</p>` : ""}
${paramRows ? `<h4>Parameters</h4><table><tr><th>name</th><th>in</th><th>type</th><th>required</th><th></th></tr>${paramRows}</table>` : ""}
${bodyHtml}
<h4>Responses</h4><ul>${responses}</ul>
<pre>${esc(curl(origin, method, path, op))}</pre>
</section>`);
    }
  }
  return `<!doctype html>
<html lang="id"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>${esc(info["title"])} — API</title>
<style>
body{font:15px/1.5 system-ui,sans-serif;max-width:980px;margin:0 auto;padding:1rem 1.5rem;color:#1b1b1b}
code,pre{font-family:ui-monospace,Consolas,monospace;font-size:13px}pre{background:#f4f4f4;padding:.6rem;overflow:auto}
section{border-top:1px solid #ddd;padding-top:.5rem;margin-top:1.5rem}
.m{display:inline-block;min-width:4.2em;text-align:center;border-radius:3px;color:#fff;font-size:12px;padding:1px 4px}
.get{background:#2b7a3d}.post{background:#1f5fa8}.put{background:#9a6a00}.delete{background:#a8321f}
table{border-collapse:collapse}td,th{border:1px solid #ddd;padding:2px 6px;text-align:left;vertical-align:top}
ul ul{border-left:2px solid #eee}.d{color:#555;font-size:13px}i{color:#777}
</style></head><body>
<h1>${esc(info["title"])} <small>${esc(info["version"])}</small></h1>
<p>${esc(info["description"])}</p>
<p>Dokumen mesin / machine-readable: <a href="/openapi.json">/openapi.json</a> (OpenAPI ${esc(doc["openapi"])}).
Semua endpoint kecuali /v1/health memerlukan <code>Authorization: Bearer &lt;token&gt;</code>; token lokal dicetak oleh <code>npm start</code> /
every endpoint but /v1/health needs a bearer token; <code>npm start</code> prints a local one.
Galat / errors: <code>{"error": {"code", "message", "issues"?, "request_id"}}</code>; pesan dalam bahasa Indonesia, atau Inggris dengan <code>Accept-Language: en</code>.</p>
<h2>Endpoints</h2><ul>${toc.join("")}</ul>
${sections.join("\n")}
</body></html>`;
}
