/**
 * The header of an STR or SIP validity date, matched by its words rather than a list of spellings
 * (SPEC §3.1 "Headers as people write them"; variant finding 3): offices write `Tanggal Berlaku SIP`,
 * `SIP Tgl. Berlaku`, `Masa Berlaku SIP s/d`, `Berlaku SIP s.d.`, or `STR` over `Tgl Akhir` in a two-row
 * header, in any order. The rule: the words name exactly one licence (STR; SIP, SIPP or SIPB) and at
 * least one date word (tgl, tanggal, berlaku, masa, s.d./s/d, sampai, dengan, hingga, akhir, berakhir,
 * habis), and nothing else, so `No. SIP`, `Tanggal Terbit STR` (the date of issue) and `Masa Kerja`
 * are never read as a validity date.
 */

export type LicenceDateKey = "str_berlaku_sampai" | "sip_berlaku_sampai";

const LICENCE: ReadonlyMap<string, LicenceDateKey> = new Map([
  ["str", "str_berlaku_sampai"],
  ["sip", "sip_berlaku_sampai"],
  ["sipp", "sip_berlaku_sampai"],
  ["sipb", "sip_berlaku_sampai"],
]);

const DATE_WORDS: ReadonlySet<string> = new Set(["tgl", "tanggal", "berlaku", "masa", "sd", "sampai", "dengan", "hingga", "akhir", "berakhir", "habis"]);

/** "s.d.", "s/d", "s.d", "s / d" (sampai dengan) as one word. */
const SAMPAI_DENGAN = /(?<![\p{L}\p{N}])s\s*[./]\s*d(?![\p{L}\p{N}])\.?/giu;
const NOT_WORD = /[^\p{L}\p{N}]+/u;

/**
 * The validity-date column a header names by its words, or null.
 * @param header a header without its hints (see defOfHeader in ./headers), at most MAX_HEADER_CHARS long.
 */
export function licenceDateKey(header: string): LicenceDateKey | null {
  let key: LicenceDateKey | null = null;
  let dateWords = 0;
  for (const word of header.replace(SAMPAI_DENGAN, " sd ").toLowerCase().split(NOT_WORD)) {
    if (word === "") continue;
    const licence = LICENCE.get(word);
    if (licence !== undefined) {
      if (key !== null && key !== licence) return null;
      key = licence;
    } else if (DATE_WORDS.has(word)) dateWords++;
    else return null;
  }
  return dateWords > 0 ? key : null;
}
