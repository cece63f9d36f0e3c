/**
 * The form in which names are compared: lower case, letters and digits only. "No. STR", "no_str" and
 * "NO STR" all fold to "nostr"; "L/P" to "lp". Used for headers and for coded values alike.
 */
export function fold(text: string): string {
  let out = "";
  for (let i = 0; i < text.length; i++) {
    let c = text.charCodeAt(i);
    if (c >= 65 && c <= 90) c += 32;
    if ((c >= 97 && c <= 122) || (c >= 48 && c <= 57)) out += String.fromCharCode(c);
    else if (c > 127) {
      const ch = text[i]!.toLowerCase();
      // Other letters (é, ñ) count; spaces, dashes, quotes and other marks do not.
      if (/\p{L}|\p{N}/u.test(ch)) out += ch;
    }
  }
  return out;
}
