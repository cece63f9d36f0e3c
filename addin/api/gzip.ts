/**
 * Request bodies travel gzip-compressed (`Content-Encoding: gzip`, SPEC §7): a roster's JSON shrinks
 * about tenfold, which is most of a Kirim's time on a slow link. CompressionStream is in every
 * current Office webview (Chromium 80+, Safari 16.4+); where it is missing the body goes as it is.
 */

/** Bodies smaller than this go uncompressed: the gzip header would outweigh the saving. */
export const GZIP_MIN_BYTES = 1024;

/** The gzip bytes of `text`, or null when the platform cannot compress or the text is small. */
export async function gzipText(text: string): Promise<Uint8Array | null> {
  if (typeof CompressionStream === "undefined" || text.length < GZIP_MIN_BYTES) return null;
  const stream = new Blob([text]).stream().pipeThrough(new CompressionStream("gzip"));
  return new Uint8Array(await new Response(stream).arrayBuffer());
}
