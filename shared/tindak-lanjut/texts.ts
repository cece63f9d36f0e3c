import { formatDate, formatMonth } from "../i18n/dates";
import type { JenisStandar, KategoriPuskesmas, KodePelatihan, StatusKepegawaian } from "../reference/codes";
import { professionByCode, sembilanJenis } from "../reference/professions";
import { statusByCode } from "../reference/statuses";
import { trainings } from "../reference/trainings";
import type { Lang } from "../schema/issue";

/**
 * Every text a user reads in the tindak-lanjut lists and the placement plan (SPEC §9), Indonesian
 * first, English with Accept-Language: en. Names of professions, statuses and trainings come from
 * shared/reference.
 */

const NINE = new Map(sembilanJenis.map((s) => [s.jenis, s.label]));

/** A profession as it reads inside a sentence: "bidan", "dokter gigi", "kefarmasian (apoteker/TTK)". */
export function professionWord(j: JenisStandar, lang: Lang): string {
  const label = NINE.get(j) ?? (j === "KEFARMASIAN" ? undefined : professionByCode.get(j)?.label);
  return label ? label[lang].toLowerCase() : j;
}

/** Short name of a status in a sentence: PK for Penugasan Khusus, as the offices write it. */
function statusWord(s: StatusKepegawaian, lang: Lang): string {
  if (s === "PENUGASAN_KHUSUS") return lang === "en" ? "special-assignment" : "PK";
  return statusByCode.get(s)?.label[lang] ?? s;
}

function trainingName(k: KodePelatihan, lang: Lang): string {
  return trainings.find((t) => t.code === k)?.label[lang] ?? k;
}

const d = formatDate;

export const listText = {
  sipEnded: (end: string, lang: Lang) =>
    lang === "en"
      ? `SIP ended on ${d(end, "en")}: stop practising until a new SIP is issued; renew it now`
      : `SIP berakhir ${d(end)}: hentikan praktik sampai SIP baru terbit; urus perpanjangan sekarang`,
  sipExpiring: (end: string, days: number, lang: Lang) =>
    lang === "en"
      ? `Renew the SIP before ${d(end, "en")} (${days} days left)`
      : `Perpanjang SIP sebelum ${d(end)} (sisa ${days} hari)`,
  strMissing: (lang: Lang) =>
    lang === "en" ? "No STR recorded: enter the STR number, or have one issued" : "STR belum tercatat: isi nomor STR, atau urus penerbitannya",
  strDated: (end: string, lang: Lang) =>
    lang === "en"
      ? `STR dated ${d(end, "en")}: update it to a lifetime STR (UU 17/2023)`
      : `STR bertanggal ${d(end)}: perbarui menjadi STR seumur hidup (UU 17/2023)`,
  termEnded: (status: StatusKepegawaian, end: string, lang: Lang) =>
    lang === "en"
      ? `The ${statusWord(status, lang)} term ended on ${d(end, "en")}: end the assignment or change the status, and place a replacement`
      : `Masa ${statusWord(status, lang)} berakhir ${d(end)}: akhiri penugasan atau ubah status, dan tempatkan pengganti`,
  termEnding: (status: StatusKepegawaian, end: string, lang: Lang) =>
    lang === "en"
      ? `The ${statusWord(status, lang)} term ends on ${d(end, "en")}: prepare a replacement or an extension before then`
      : `Masa ${statusWord(status, lang)} berakhir ${d(end)}: siapkan pengganti atau perpanjangan sebelum itu`,
  ponedTrain: (j: JenisStandar, lang: Lang) =>
    lang === "en"
      ? `Send to PONED training: the PONED team has no trained ${professionWord(j, lang)}`
      : `Kirim ke pelatihan PONED: tim PONED belum punya ${professionWord(j, lang)} terlatih`,
  ponedNobody: (j: JenisStandar, lang: Lang) =>
    lang === "en"
      ? `No ${professionWord(j, lang)} here to train: place a PONED-trained ${professionWord(j, lang)}`
      : `Tidak ada ${professionWord(j, lang)} untuk dilatih: tempatkan ${professionWord(j, lang)} terlatih PONED`,
  facilityTraining: (k: KodePelatihan, lang: Lang) =>
    lang === "en"
      ? `No one here is trained in ${trainingName(k, lang)}: send at least one person to the training`
      : `Belum ada tenaga terlatih ${trainingName(k, lang)} di sini: kirim sedikitnya satu orang ke pelatihan`,
  training: (k: KodePelatihan, lang: Lang) =>
    lang === "en" ? `Enrol in training: ${trainingName(k, lang)}` : `Ikutkan pelatihan ${trainingName(k, lang)}`,
};

const REMOTE: Partial<Record<KategoriPuskesmas, { id: string; en: string }>> = {
  SANGAT_TERPENCIL: { id: "puskesmas sangat terpencil", en: "very remote puskesmas" },
  TERPENCIL: { id: "puskesmas terpencil", en: "remote puskesmas" },
};

export const placementText = {
  none: (j: JenisStandar, lang: Lang) => (lang === "en" ? `no ${professionWord(j, lang)}` : `tanpa ${professionWord(j, lang)}`),
  short: (n: number, j: JenisStandar, lang: Lang) =>
    lang === "en" ? `${n} ${professionWord(j, lang)} short of the standard` : `kurang ${n} ${professionWord(j, lang)} dari standar`,
  leaving: (n: number, j: JenisStandar, status: StatusKepegawaian, end: string, lang: Lang) => {
    const who = `${n > 1 ? `${n} ` : ""}${professionWord(j, lang)}`;
    return lang === "en"
      ? `${who} ${statusWord(status, lang)} term ends ${formatMonth(end, lang)}`
      : `${who} ${statusWord(status, lang)} berakhir ${formatMonth(end, lang)}`;
  },
  remote: (k: KategoriPuskesmas, lang: Lang) => REMOTE[k]?.[lang] ?? null,
  meetsStandard: (j: JenisStandar, lang: Lang) =>
    lang === "en" ? `${professionWord(j, lang)} standard already met` : `standar ${professionWord(j, lang)} sudah terpenuhi`,
  join: (parts: readonly string[], _lang: Lang) => parts.join("; "),
};
