import type { Context } from "hono";
import type { z } from "zod";
import { configOf, formatBytes } from "../config";
import type { AppEnv } from "../env";
import { ApiError } from "./errors";

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
  return new ApiError(413, "payload_too_large", {
    id: `Isi permintaan melebihi batas ${formatBytes(maxBytes)}. Bagi roster menjadi beberapa unggahan (misalnya per kecamatan).`,
    en: `The request body exceeds the limit of ${formatBytes(maxBytes)}. Split the roster into several uploads (for example per kecamatan).`,
  });
}

/**
 * The body of a POST/PUT: its media type must be one the route accepts (else 415), its size within the
 * configured limit (else 413; hono/body-limit has already refused bodies announced or streamed over
 * it), its text valid UTF-8 (CSV saved by Windows Excel as Windows-1252 is read as such).
 */
export async function readRawBody(c: Context<AppEnv>, accepted: readonly BodyKind[]): Promise<RawBody> {
  const header = c.req.header("Content-Type") ?? "";
  const mediaType = header.split(";")[0]!.trim().toLowerCase();
  const kind = accepted.find((k) => MEDIA[k].test(mediaType));
  if (!kind) {
    const list = accepted.map((k) => (k === "json" ? "application/json" : "text/csv")).join(", ");
    throw new ApiError(415, "unsupported_media_type", {
      id: `Jenis isi ${mediaType ? `"${mediaType}"` : "(kosong)"} tidak didukung. Gunakan Content-Type: ${list}.`,
      en: `Content type ${mediaType ? `"${mediaType}"` : "(none)"} is not supported. Use Content-Type: ${list}.`,
    });
  }
  const max = configOf(c.env).maxBodyBytes;
  let bytes: Uint8Array;
  try {
    // From the raw request, not c.req: Hono would keep a cached copy alive for the whole request.
    bytes = new Uint8Array(await c.req.raw.arrayBuffer());
  } catch {
    throw new ApiError(400, "bad_request", { id: "Isi permintaan tidak dapat dibaca.", en: "The request body could not be read." });
  }
  if (bytes.byteLength > max) throw tooLarge(max);
  if (bytes.byteLength === 0) {
    throw new ApiError(400, "bad_request", { id: "Isi permintaan kosong.", en: "The request body is empty." });
  }
  return { kind, mediaType, bytes, text: decode(bytes, kind) };
}

function decode(bytes: Uint8Array, kind: BodyKind): string {
  try {
    return new TextDecoder("utf-8", { fatal: true, ignoreBOM: false }).decode(bytes);
  } catch {
    if (kind === "csv") return new TextDecoder("windows-1252").decode(bytes);
    throw new ApiError(400, "bad_request", { id: "Isi permintaan bukan teks UTF-8 yang sah.", en: "The request body is not valid UTF-8 text." });
  }
}

export function parseJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch (e) {
    const detail = e instanceof SyntaxError ? e.message.slice(0, 200) : "";
    throw new ApiError(400, "bad_request", {
      id: `Isi permintaan bukan JSON yang sah${detail ? `: ${detail}` : "."}`,
      en: `The request body is not valid JSON${detail ? `: ${detail}` : "."}`,
    });
  }
}

/** Where a value broke its schema, readable: "nakes.rows[3][2]: expected string". At most five. */
export function describeZodError(error: z.ZodError): string {
  return error.issues
    .slice(0, 5)
    .map((i) => {
      const path = i.path.reduce<string>((s, p) => (typeof p === "number" ? `${s}[${p}]` : s ? `${s}.${String(p)}` : String(p)), "");
      return `${path || "(body)"}: ${i.message}`;
    })
    .join("; ");
}

/** Parses a value with a schema; a mismatch is a malformed request (400), not a validation finding. */
export function parseWith<S extends z.ZodType>(schema: S, value: unknown, what: { id: string; en: string }): z.infer<S> {
  const r = schema.safeParse(value);
  if (!r.success) {
    const detail = describeZodError(r.error);
    throw new ApiError(400, "bad_request", {
      id: `${what.id} tidak sesuai bentuknya: ${detail}`,
      en: `${what.en} does not have the expected shape: ${detail}`,
    });
  }
  return r.data;
}

/** A JSON body parsed with its schema (415, 413, 400 as above). */
export async function readJson<S extends z.ZodType>(c: Context<AppEnv>, schema: S): Promise<z.infer<S>> {
  const raw = await readRawBody(c, ["json"]);
  return parseWith(schema, parseJson(raw.text), { id: "Isi permintaan", en: "The request body" });
}
