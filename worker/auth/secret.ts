/**
 * Token secrets: 32 random bytes, base64url, with a recognisable prefix so a leaked one can be found
 * by secret scanners. Only the SHA-256 (hex) is stored.
 */
const PREFIX = "nkr_";

function base64url(bytes: Uint8Array): string {
  let s = "";
  for (const b of bytes) s += String.fromCharCode(b);
  return btoa(s).replace(/\+/g, "-").replace(/\//g, "_").replace(/=+$/, "");
}

export function newSecret(): string {
  return PREFIX + base64url(crypto.getRandomValues(new Uint8Array(32)));
}

export async function sha256Hex(data: string | ArrayBuffer | Uint8Array): Promise<string> {
  const bytes = typeof data === "string" ? new TextEncoder().encode(data) : data;
  // The cast: DOM and Workers typings disagree on Uint8Array's buffer type; both accept the value.
  const digest = await crypto.subtle.digest("SHA-256", bytes as BufferSource);
  return [...new Uint8Array(digest)].map((b) => b.toString(16).padStart(2, "0")).join("");
}

export const hashSecret = (secret: string): Promise<string> => sha256Hex(secret);

/** Plausible secret shape, checked before any database read. */
export const looksLikeSecret = (s: string): boolean => /^nkr_[A-Za-z0-9_-]{43}$/.test(s);
