import type { Context } from "hono";
import type { z } from "zod";
import { decodeCsvBytes } from "../../shared/table/csv";
import { configOf } from "../config";
import type { AppEnv } from "../env";
import { ApiError, type Bilingual } from "./errors";
import { MESSAGES } from "./messages";

export type BodyKind = "json" | "csv";

export interface RawBody {
  kind: BodyKind;
  /** The media type as sent, lower-cased, without parameters. */
  mediaType: string;
  bytes: Uint8Array;
  text: string;
}

const MEDIA: Record<BodyKind, RegExp> = {
  json: /^application\/(?:[\w.-]+\+)?json$/,
  csv: /^(?:text\/csv|application\/csv)$/,
};

export function tooLarge(maxBytes: number): ApiError {
  return new ApiError(413, "payload_too_large", MESSAGES.bodyTooLarge(maxBytes));
}

/**
 * The body of a POST/PUT: its media type must be one the route accepts (else 415), its size within the
 * configured limit after any gzip decompression (else 413; hono/body-limit has already refused bodies
 * announced or streamed over it), its text valid UTF-8; a CSV body is read by the one CSV decoder
 * (`decodeCsvBytes`: UTF-16 with a byte-order mark, UTF-8, else Windows-1252, SPEC §3.1).
 */
export async function readRawBody(c: Context<AppEnv>, accepted: readonly BodyKind[]): Promise<RawBody> {
  const header = c.req.header("Content-Type") ?? "";
  const mediaType = header.split(";")[0]!.trim().toLowerCase();
  const kind = accepted.find((k) => MEDIA[k].test(mediaType));
  if (!kind) {
    const list = accepted.map((k) => (k === "json" ? "application/json" : "text/csv")).join(", ");
    throw new ApiError(415, "unsupported_media_type", MESSAGES.unsupportedMediaType(mediaType, list));
  }
  const max = configOf(c.env).maxBodyBytes;
  const bytes = await readBytes(c, max);
  if (bytes.byteLength === 0) {
    throw new ApiError(400, "bad_request", MESSAGES.bodyEmpty);
  }
  return { kind, mediaType, bytes, text: decode(bytes, kind) };
}

const unreadable = () => new ApiError(400, "bad_request", MESSAGES.bodyUnreadable);

/**
 * The body's bytes, decompressed when sent with `Content-Encoding: gzip` (issue 13: a roster crosses
 * a slow link compressed). The size limit applies to what is read after decompression, while it is
 * read: a small body that inflates past it stops at the limit (413), never held whole. A body that is
 * not valid gzip is 400; another encoding is 415.
 */
async function readBytes(c: Context<AppEnv>, max: number): Promise<Uint8Array> {
  const encoding = (c.req.header("Content-Encoding") ?? "").trim().toLowerCase();
  const gzip = encoding === "gzip" || encoding === "x-gzip";
  if (!gzip && encoding !== "" && encoding !== "identity") {
    throw new ApiError(415, "unsupported_media_type", MESSAGES.unsupportedEncoding(encoding.slice(0, 40)));
  }
  // From the raw request, not c.req: Hono would keep a cached copy alive for the whole request.
  const body = c.req.raw.body;
  if (body === null) return new Uint8Array(0);
  const stream = gzip ? body.pipeThrough(new DecompressionStream("gzip")) : body;
  const reader = stream.getReader();
  const chunks: Uint8Array[] = [];
  let total = 0;
  for (;;) {
    let next: ReadableStreamReadResult<Uint8Array>;
    try {
      next = await reader.read();
    } catch {
      if (!gzip) throw unreadable();
      throw new ApiError(400, "bad_request", MESSAGES.notGzip);
    }
    if (next.done) break;
    total += next.value.byteLength;
    if (total > max) {
      await reader.cancel().catch(() => undefined);
      throw tooLarge(max);
    }
    chunks.push(next.value);
  }
  if (chunks.length === 1) return chunks[0]!;
  const bytes = new Uint8Array(total);
  let at = 0;
  for (const chunk of chunks) {
    bytes.set(chunk, at);
    at += chunk.byteLength;
  }
  return bytes;
}

function decode(bytes: Uint8Array, kind: BodyKind): string {
  if (kind === "csv") return decodeCsvBytes(bytes);
  try {
    return new TextDecoder("utf-8", { fatal: true, ignoreBOM: false }).decode(bytes);
  } catch {
    throw new ApiError(400, "bad_request", MESSAGES.notUtf8);
  }
}

export function parseJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch (e) {
    const detail = e instanceof SyntaxError ? e.message.slice(0, 200) : "";
    throw new ApiError(400, "bad_request", MESSAGES.notJson(detail));
  }
}

/** One broken rule of a schema, as zod reports it (zod 4's issue, read by its code). */
type ZodIssue = z.ZodError["issues"][number];

/**
 * Where a value broke its schema, readable, in both languages: "jumlah: harus bilangan bulat ≥ 1". At
 * most five. zod's own texts are English only ("Invalid option", "Too small"), so the text comes from
 * the issue's code and facts (the allowed values, the bound, the format) through the catalog; a
 * schema's own message is written "Indonesian / English" (shared/api, e.g. coverageRegionSchema) and is
 * split there.
 */
export function describeZodError(error: z.ZodError): Bilingual {
  const parts = error.issues.slice(0, 5).map((i) => {
    const path = i.path.reduce<string>((s, p) => (typeof p === "number" ? `${s}[${p}]` : s ? `${s}.${String(p)}` : String(p)), "");
    return MESSAGES.zodAt(path || "(body)", issueText(i));
  });
  return { id: parts.map((p) => p.id).join("; "), en: parts.map((p) => p.en).join("; ") };
}

/** The separator of a schema's own bilingual message ("region harus … / region must be …"). */
const OWN_MESSAGE = " / ";

/** What a type is called in a message (zod's `expected`). */
const TYPE_NAMES: Record<string, string> = { string: "teks (string)", number: "angka (number)", boolean: "boolean", array: "larik (array)", object: "objek (object)" };

function issueText(i: ZodIssue): Bilingual {
  const own = i.message.indexOf(OWN_MESSAGE);
  if (own > 0) return { id: i.message.slice(0, own), en: i.message.slice(own + OWN_MESSAGE.length) };
  switch (i.code) {
    case "invalid_value":
      return MESSAGES.zodOneOf(i.values.map(String).join(", "));
    case "invalid_union": {
      // An enum joined with a literal (jenisStandarSchema): the allowed values of every alternative.
      const values = i.errors.flat().flatMap((e) => (e.code === "invalid_value" ? e.values.map(String) : []));
      return values.length > 0 ? MESSAGES.zodOneOf([...new Set(values)].join(", ")) : MESSAGES.zodInvalid;
    }
    case "invalid_format":
      return i.format === "date" ? MESSAGES.zodIsoDate : MESSAGES.zodFormat(i.format);
    case "invalid_type":
      // zod keeps no input on the issue; its message says what was received.
      if (/received undefined/.test(i.message)) return MESSAGES.zodRequired;
      return i.expected === "int" ? MESSAGES.zodWholeNumber : MESSAGES.zodType(TYPE_NAMES[i.expected] ?? i.expected);
    case "too_small":
    case "too_big": {
      const bound = String(i.code === "too_small" ? i.minimum : i.maximum);
      if (i.origin === "number" || i.origin === "bigint" || i.origin === "date") {
        const strict = !(i.inclusive ?? true);
        const text = `${i.code === "too_small" ? (strict ? ">" : "≥") : strict ? "<" : "≤"} ${bound}`;
        return MESSAGES.zodBound(text);
      }
      return i.code === "too_small" ? MESSAGES.zodLengthAtLeast(bound) : MESSAGES.zodLengthAtMost(bound);
    }
    case "unrecognized_keys":
      return MESSAGES.zodUnknownKeys(i.keys.join(", "));
    default:
      return MESSAGES.zodInvalid;
  }
}

/** How many elements of each array the probe of parseWith keeps. */
const PROBE_ELEMENTS = 1000;
/** Nesting the probe copies; deeper values are kept as they are (every schema of the API is shallower). */
const PROBE_DEPTH = 8;

/** The value with every array cut to its first `PROBE_ELEMENTS` elements, to a bounded depth. */
function probeOf(value: unknown, depth = 0): unknown {
  if (depth >= PROBE_DEPTH || value === null || typeof value !== "object") return value;
  if (Array.isArray(value)) return value.slice(0, PROBE_ELEMENTS).map((v) => probeOf(v, depth + 1));
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(value)) out[k] = probeOf(v, depth + 1);
  return out;
}

/**
 * Checks a value against a schema with bounded cost on failure. A schema mismatch collects one issue
 * per wrong element, and zod merges them by spreading the list into a call: 150,000 wrong rows overflow
 * the stack (issue 10, item 6). So the first `PROBE_ELEMENTS` of every array are checked first (a wrong
 * shape nearly always shows there, with its real path); only a value whose probe passes is checked
 * whole, and an overflow there is still a mismatch. Returns the parsed data, or where the shape broke.
 */
function mismatch<S extends z.ZodType>(schema: S, value: unknown): { detail: Bilingual } | { data: z.infer<S> } {
  const probe = schema.safeParse(probeOf(value));
  if (!probe.success) return { detail: describeZodError(probe.error) };
  try {
    const r = schema.safeParse(value);
    return r.success ? { data: r.data } : { detail: describeZodError(r.error) };
  } catch (e) {
    if (!(e instanceof RangeError)) throw e;
    return { detail: MESSAGES.zodTooManyWrong(String(PROBE_ELEMENTS)) };
  }
}

/**
 * Parses a value with a schema; a mismatch is a malformed request (400), not a validation finding.
 * Every JSON body of the API passes here, so its error path is bounded for any size (see mismatch).
 */
export function parseWith<S extends z.ZodType>(schema: S, value: unknown, what: { id: string; en: string }): z.infer<S> {
  const r = mismatch(schema, value);
  if ("detail" in r) {
    const detail = r.detail;
    throw new ApiError(400, "bad_request", MESSAGES.wrongShape(what, detail));
  }
  return r.data;
}

/** A JSON body parsed with its schema (415, 413, 400 as above). */
export async function readJson<S extends z.ZodType>(c: Context<AppEnv>, schema: S): Promise<z.infer<S>> {
  const raw = await readRawBody(c, ["json"]);
  return parseWith(schema, parseJson(raw.text), MESSAGES.partBody);
}
