import type { Severity } from "../schema/issue";
import { facilityCodeMessage } from "../reference/facilities";
import {
  d,
  dateHelpEn,
  dateHelpId,
  dateProblemEn,
  dateProblemId,
  formatBytes,
  oddCodeEn,
  oddCodeId,
  oddEn,
  oddId,
  q,
  say,
  skipReasonEn,
  skipReasonId,
  type ColumnRef,
  type DateProblem,
  type OddCharacter,
  type Say,
  type SkipReason,
} from "../i18n/phrases";
import type { IssueCode } from "./codes";

/**
 * One rule of SPEC §5 (and the masters' checks): its severity and its sentence. (No `table`: the table
 * of a finding is where its check ran, and several rules run on more than one table.)
 */
export interface Rule<P> {
  /** The rule's own severity, never the caller's (SPEC §5: an error blocks the upload, a warning is stored, info is shown). */
  severity: Severity;
  /** The sentence in Indonesian (the default) and English, from the facts it names. */
  message: Say<P>;
}

/**
 * Every rule, by code: the one place a rule is declared. The code enum (shared/schema/issue.ts), the
 * severity lookup (shared/rules/codes.ts, generated from this file so that the pane can count and
 * rank issues without loading these sentences) and the message catalog (shared/i18n/messages.ts) all
 * come from here. Adding a rule: an entry here, `npm run rules`, and its check.
 */
export const rules = {
  "header.missing": { severity: "error", message: say<{ header: string; header_en: string; accepted: readonly string[] }>(
    (p) => `Kolom wajib ${q(p.header)} tidak ditemukan. Judul kolom yang diterima: ${p.accepted.join(", ")}.`,
    (p) => `The required column ${q(p.header_en)} is missing. Accepted headers: ${p.accepted.join(", ")}.`,
  ) },
  "header.duplicate": { severity: "error", message: say<{ header: string; first: string }>(
    (p) => `Judul kolom ${q(p.header)} berarti sama dengan kolom ${q(p.first)}; hapus atau ganti nama salah satunya.`,
    (p) => `The header ${q(p.header)} means the same as the column ${q(p.first)}; remove or rename one of them.`,
  ) },
  "header.unknown": { severity: "warning", message: say<{ header: string }>(
    (p) => `Judul kolom ${q(p.header)} tidak dikenal; kolom ini diabaikan.`,
    (p) => `The header ${q(p.header)} is not known; the column is ignored.`,
  ) },
  "header.too_many": { severity: "error", message: say<{ limit: number; actual: number }>(
    (p) => `Tabel ini punya ${p.actual.toLocaleString("id-ID")} kolom; paling banyak ${p.limit} kolom. Hapus kolom yang tidak dipakai; kolom sesudah kolom ke-${p.limit} diabaikan.`,
    (p) => `This table has ${p.actual.toLocaleString("en-US")} columns; at most ${p.limit} are allowed. Delete the columns not in use; columns after column ${p.limit} are ignored.`,
  ) },
  required: { severity: "error", message: say<ColumnRef & { merged?: boolean }>(
    (p) =>
      p.merged
        ? `${p.label.id} wajib diisi. Sel ini tampak tergabung (merge) dengan sel di atasnya: nilainya hanya tersimpan di baris pertama. Batalkan penggabungan lalu isi nilainya ke bawah (Fill Down).`
        : `${p.label.id} wajib diisi.`,
    (p) =>
      p.merged
        ? `${p.label.en} is required. The cell looks merged with the one above it: only the first row holds the value. Unmerge the cells and fill the value down (Fill Down).`
        : `${p.label.en} is required.`,
  ) },
  "nik.format": { severity: "error", message: say<{ value: string; odd?: OddCharacter }>(
    (p) => `NIK ${q(p.value)} harus 16 digit angka (spasi dan titik boleh).${oddId(p.odd)}`,
    (p) => `NIK ${q(p.value)} must be 16 digits (spaces and dots are allowed).${oddEn(p.odd)}`,
  ) },
  "nik.precision_lost": { severity: "error", message: say<{ value: string }>(
    (p) => `NIK ${q(p.value)} tersimpan sebagai angka, sehingga digit terakhirnya sudah hilang (Excel hanya menyimpan 15 digit). Format kolom NIK sebagai Teks lalu ketik ulang NIK-nya.`,
    (p) => `NIK ${q(p.value)} is stored as a number, so its last digit is already lost (Excel keeps 15 digits). Format the NIK column as Text and retype the NIK.`,
  ) },
  "nip.precision_lost": { severity: "error", message: say<{ value: string }>(
    (p) => `NIP/NI PPPK ${q(p.value)} tersimpan sebagai angka, sehingga digit terakhirnya sudah hilang (Excel hanya menyimpan 15 digit). Format kolom NIP sebagai Teks lalu ketik ulang NIP-nya.`,
    (p) => `NIP/NI PPPK ${q(p.value)} is stored as a number, so its last digits are already lost (Excel keeps 15 digits). Format the NIP column as Text and retype the NIP.`,
  ) },
  "str.precision_lost": { severity: "error", message: say<{ value: string }>(
    (p) => `No. STR ${q(p.value)} tersimpan sebagai angka, sehingga digit terakhirnya sudah hilang (Excel hanya menyimpan 15 digit). Format kolom No. STR sebagai Teks lalu ketik ulang nomornya.`,
    (p) => `STR number ${q(p.value)} is stored as a number, so its last digits are already lost (Excel keeps 15 digits). Format the STR column as Text and retype the number.`,
  ) },
  "row.skipped": { severity: "info", message: say<{ count: number; reason: SkipReason }>(
    (p) => `${p.count} baris dilewati karena bukan data orang (${skipReasonId[p.reason]}).`,
    (p) => `${p.count} ${p.count === 1 ? "row was" : "rows were"} skipped as they hold no person (${skipReasonEn[p.reason]}).`,
  ) },
  "pelatihan.duplicate": { severity: "info", message: say<{ first: number }>(
    (p) => `Pelatihan yang sama (NIK, kode dan tahun sama) sudah ada di baris data ke-${p.first + 1}; disimpan sekali saja.`,
    (p) => `The same training (same NIK, code and year) is already in data row ${p.first + 1}; it is stored once.`,
  ) },
  "nik.region": { severity: "error", message: say<{ prefix: string }>(
    (p) => `Dua digit pertama NIK (${p.prefix}) bukan kode provinsi.`,
    (p) => `The first two digits of the NIK (${p.prefix}) are not a province code.`,
  ) },
  "nik.birthdate_mismatch": { severity: "warning", message: say<{ digits: string; date: string }>(
    (p) => `Digit 7–12 NIK (${p.digits}) tidak cocok dengan tanggal lahir ${d(p.date, "id")} (untuk perempuan tanggalnya ditambah 40).`,
    (p) => `Digits 7–12 of the NIK (${p.digits}) do not match the date of birth ${d(p.date, "en")} (for women the day is increased by 40).`,
  ) },
  "nik.sex_mismatch": { severity: "warning", message: say<{ nik_sex: "L" | "P"; sex: "L" | "P" }>(
    (p) => `NIK menunjukkan ${p.nik_sex === "P" ? "perempuan (tanggal lahir ditambah 40)" : "laki-laki"}, tetapi jenis kelamin tertulis ${p.sex}.`,
    (p) => `The NIK indicates ${p.nik_sex === "P" ? "a woman (day of birth plus 40)" : "a man"}, but the sex given is ${p.sex}.`,
  ) },
  "nik.duplicate": { severity: "error", message: say<{ kode_fasyankes: string; count: number }>(
    (p) => `NIK yang sama tercatat ${p.count} kali di fasyankes ${p.kode_fasyankes}; satu orang cukup satu baris per fasyankes.`,
    (p) => `The same NIK appears ${p.count} times at facility ${p.kode_fasyankes}; one person needs one row per facility.`,
  ) },
  // outside: the NIK is also held outside the caller's scope; then neither those facilities nor any
  // count is told, only the facilities in its area (SPEC §7 Access; attack findings 2 and 3).
  "nik.multi_facility": { severity: "warning", message: say<{ count: number; facilities: readonly string[]; outside?: boolean }>(
    (p) =>
      `${p.outside ? `NIK ini tercatat di lebih dari tiga fasyankes, sebagian di luar wilayah Anda (di wilayah Anda: ${p.facilities.join(", ")})` : `NIK ini tercatat di ${p.count} fasyankes (${p.facilities.join(", ")})`}. SIP berlaku per tempat praktik, dan dokter serta dokter gigi paling banyak di tiga tempat (PP 28/2024 pasal 682).`,
    (p) =>
      `${p.outside ? `This NIK is listed at more than three facilities, some outside your area (in your area: ${p.facilities.join(", ")})` : `This NIK is listed at ${p.count} facilities (${p.facilities.join(", ")})`}. A SIP is per practice place, and doctors and dentists may practise at three places at most (PP 28/2024 art. 682).`,
  ) },
  "nip.format": { severity: "error", message: say<{ value: string; odd?: OddCharacter }>(
    (p) => `NIP/NI PPPK ${q(p.value)} harus 18 digit angka.${oddId(p.odd)}`,
    (p) => `NIP/NI PPPK ${q(p.value)} must be 18 digits.${oddEn(p.odd)}`,
  ) },
  "nip.required": { severity: "error", message: say<{ status: string }>(
    (p) => `Pegawai berstatus ${p.status} wajib punya NIP/NI PPPK (18 digit).`,
    (p) => `Staff with status ${p.status} must have a NIP/NI PPPK (18 digits).`,
  ) },
  "nip.birthdate_mismatch": { severity: "warning", message: say<{ digits: string; date: string }>(
    (p) => `Digit 1–8 NIP (${p.digits}) tidak cocok dengan tanggal lahir ${d(p.date, "id")}.`,
    (p) => `Digits 1–8 of the NIP (${p.digits}) do not match the date of birth ${d(p.date, "en")}.`,
  ) },
  "nip.sex_mismatch": { severity: "warning", message: say<{ digit: string; sex: "L" | "P" }>(
    (p) => `Digit ke-15 NIP (${p.digit}; 1 = laki-laki, 2 = perempuan) tidak cocok dengan jenis kelamin ${p.sex}.`,
    (p) => `Digit 15 of the NIP (${p.digit}; 1 = male, 2 = female) does not match the sex ${p.sex}.`,
  ) },
  "nip.duplicate": { severity: "error", message: say<{ stored: boolean }>(
    (p) => (p.stored ? "NIP ini sudah tercatat untuk NIK lain di roster fasyankes lain." : "NIP yang sama dipakai oleh NIK lain dalam unggahan ini."),
    (p) => (p.stored ? "This NIP is already recorded for another NIK in another facility's roster." : "The same NIP is used by another NIK in this upload."),
  ) },
  // Said the same whatever NIK the row has: the holder outside the caller's scope is not compared (SPEC §7 Access).
  // A warning: the holder outside the caller's scope may be this very person, and may not be compared (SPEC §7 Access).
  "nip.elsewhere": { severity: "warning", message: say<Record<string, never>>(
    () => "NIP ini juga tercatat di fasyankes di luar wilayah Anda (pemegangnya tidak ditampilkan). Pastikan NIP ini milik orang ini.",
    () => "This NIP is also recorded at a facility outside your area (its holder is not shown). Make sure it belongs to this person.",
  ) },
  "nama.format": { severity: "error", message: say<{ problem: "digits" | "control" | "too_long" | "too_short" | "formula" | "not_letter" }>(
    (p) =>
      ({
        formula: "Nama tidak boleh diawali =, +, - atau @ (Excel membacanya sebagai rumus); ketik nama tanpa tanda itu.",
        not_letter: "Nama harus diawali huruf.",
        digits: "Nama tidak boleh mengandung angka.",
        control: "Nama mengandung karakter kontrol (misalnya ganti baris); ketik ulang namanya.",
        too_long: "Nama lebih dari 100 karakter.",
        too_short: "Nama minimal 2 huruf.",
      })[p.problem],
    (p) =>
      ({
        formula: "A name must not begin with =, +, - or @ (Excel reads it as a formula); type the name without it.",
        not_letter: "A name must begin with a letter.",
        digits: "A name must not contain digits.",
        control: "The name contains control characters (such as a line break); retype it.",
        too_long: "The name is longer than 100 characters.",
        too_short: "A name needs at least 2 letters.",
      })[p.problem],
  ) },
  "jenis_kelamin.invalid": { severity: "error", message: say<{ value: string }>(
    (p) => `Jenis kelamin ${q(p.value)} tidak dikenal; isi L (laki-laki) atau P (perempuan).`,
    (p) => `Sex ${q(p.value)} is not known; enter L (male) or P (female).`,
  ) },
  "tanggal_lahir.invalid": { severity: "error", message: say<{ value: string; problem: DateProblem | "too_young" | "too_old"; age?: number; as_of: string }>(
    (p) =>
      p.problem === "too_young" || p.problem === "too_old"
        ? `Tanggal lahir ${q(p.value)} berarti umur ${p.age} tahun pada ${d(p.as_of, "id")}; umur harus 17–80 tahun.`
        : `Tanggal lahir ${q(p.value)} ${dateProblemId(p.problem)}. ${dateHelpId}`,
    (p) =>
      p.problem === "too_young" || p.problem === "too_old"
        ? `Date of birth ${q(p.value)} means an age of ${p.age} on ${d(p.as_of, "en")}; the age must be 17–80.`
        : `Date of birth ${q(p.value)} ${dateProblemEn(p.problem)}. ${dateHelpEn}`,
  ) },
  "jenis_tenaga.unknown": { severity: "error", message: say<{ value: string }>(
    (p) => `Jenis tenaga ${q(p.value)} tidak dikenal; pilih dari daftar (misalnya DOKTER, BIDAN, PERAWAT).`,
    (p) => `Profession ${q(p.value)} is not known; pick one from the list (e.g. DOKTER, BIDAN, PERAWAT).`,
  ) },
  "jenis_tenaga.normalized": { severity: "info", message: say<{ value: string; code: string; label: { id: string; en: string } }>(
    (p) => `Jenis tenaga ${q(p.value)} dibaca sebagai ${p.code} (${p.label.id}).`,
    (p) => `Profession ${q(p.value)} was read as ${p.code} (${p.label.en}).`,
  ) },
  "status_kepegawaian.unknown": { severity: "error", message: say<{ value: string; accepted: readonly string[] }>(
    (p) => `Status kepegawaian ${q(p.value)} tidak dikenal; pilih salah satu: ${p.accepted.join(", ")}.`,
    (p) => `Employment status ${q(p.value)} is not known; pick one of: ${p.accepted.join(", ")}.`,
  ) },
  // shape false: the code has the shape of no facility code (found offline too), so say the shapes and
  // name the character that spoils it (`odd`: the first that is no ASCII letter or digit).
  "kode_fasyankes.unknown": { severity: "error", message: say<{ value: string; shape?: boolean; odd?: OddCharacter }>(
    (p) => (p.shape === false ? facilityCodeMessage(p.value, "", "id") + oddCodeId(p.odd) : `Kode fasyankes ${q(p.value)} tidak ada di daftar fasyankes.`),
    (p) => (p.shape === false ? facilityCodeMessage(p.value, "", "en") + oddCodeEn(p.odd) : `Facility code ${q(p.value)} is not in the facility master.`),
  ) },
  "kode_fasyankes.out_of_scope": { severity: "error", message: say<{ value: string; scope: string }>(
    (p) => `Fasyankes ${q(p.value)} berada di luar wilayah token Anda (${p.scope}).`,
    (p) => `Facility ${q(p.value)} lies outside your token's region (${p.scope}).`,
  ) },
  "str.required": { severity: "error", message: say<{ profession: { id: string; en: string } }>(
    (p) => `${p.profession.id} wajib punya No. STR.`,
    (p) => `An STR number is required for this profession (${p.profession.en}).`,
  ) },
  "str.format": { severity: "error", message: say<Record<string, never>>(
    () => "Nomor STR tidak boleh diawali =, +, - atau @ (Excel membacanya sebagai rumus); ketik nomornya seperti tertulis di STR.",
    () => "An STR number must not begin with =, +, - or @ (Excel reads it as a formula); type the number as the STR shows it.",
  ) },
  "str.expired": { severity: "warning", message: say<{ date: string }>(
    (p) => `STR tercatat berlaku sampai ${d(p.date, "id")}. Sejak UU 17/2023 STR berlaku seumur hidup: perbarui datanya (isi SEUMUR HIDUP).`,
    (p) => `The STR is recorded as valid until ${d(p.date, "en")}. Since UU 17/2023 an STR is valid for life: update it (enter SEUMUR HIDUP).`,
  ) },
  // outside: held outside the caller's scope, told the same whatever NIK the row has (SPEC §7 Access).
  "str.duplicate": { severity: "warning", message: say<{ stored: boolean; outside?: boolean }>(
    (p) => (p.outside ? "Nomor STR ini juga tercatat di fasyankes di luar wilayah Anda (pemegangnya tidak ditampilkan). Pastikan nomor ini milik orang ini." : p.stored ? "Nomor STR ini sudah tercatat untuk NIK lain di roster fasyankes lain." : "Nomor STR yang sama dipakai oleh NIK lain dalam unggahan ini."),
    (p) => (p.outside ? "This STR number is also recorded at a facility outside your area (its holder is not shown). Make sure it belongs to this person." : p.stored ? "This STR number is already recorded for another NIK in another facility's roster." : "The same STR number is used by another NIK in this upload."),
  ) },
  "sip.required": { severity: "warning", message: say<{ profession: { id: string; en: string } }>(
    (p) => `${p.profession.id} perlu SIP untuk praktik; No. SIP belum diisi.`,
    (p) => `This profession (${p.profession.en}) needs a SIP to practise; the SIP number is empty.`,
  ) },
  "sip.format": { severity: "error", message: say<Record<string, never>>(
    () => "Nomor SIP tidak boleh diawali =, +, - atau @ (Excel membacanya sebagai rumus); ketik nomornya seperti tertulis di SIP.",
    () => "A SIP number must not begin with =, +, - or @ (Excel reads it as a formula); type the number as the SIP shows it.",
  ) },
  "sip.expired": { severity: "error", message: say<{ date: string }>(
    (p) => `SIP sudah tidak berlaku sejak ${d(p.date, "id")}`,
    (p) => `The SIP expired on ${d(p.date, "en")}`,
  ) },
  "sip.expiring": { severity: "warning", message: say<{ date: string; days: number }>(
    (p) => `SIP berakhir ${d(p.date, "id")} (${p.days} hari lagi); segera perpanjang.`,
    (p) => `The SIP ends on ${d(p.date, "en")} (in ${p.days} days); renew it soon.`,
  ) },
  "penugasan.tmt_required": { severity: "error", message: say<{ status: string }>(
    (p) => `Status ${p.status} wajib mengisi TMT Penugasan.`,
    (p) => `${p.status}: the assignment start date (TMT Penugasan) is required.`,
  ) },
  "penugasan.ended": { severity: "warning", message: say<{ tmt: string; end: string }>(
    (p) => `Penugasan khusus lima tahun sejak ${d(p.tmt, "id")} sudah berakhir pada ${d(p.end, "id")}.`,
    (p) => `The five-year special assignment from ${d(p.tmt, "en")} ended on ${d(p.end, "en")}.`,
  ) },
  "date.invalid": { severity: "error", message: say<ColumnRef & { value: string; problem: DateProblem }>(
    (p) => `${p.label.id} ${q(p.value)} ${dateProblemId(p.problem)}.${p.problem === "future" ? "" : ` ${dateHelpId}`}`,
    (p) => `${p.label.en} ${q(p.value)} ${dateProblemEn(p.problem)}.${p.problem === "future" ? "" : ` ${dateHelpEn}`}`,
  ) },
  "pelatihan.nik_unknown": { severity: "error", message: say<{ value: string }>(
    (p) => `NIK ${q(p.value)} tidak ada di tabel Nakes unggahan ini maupun di roster yang tersimpan.`,
    (p) => `NIK ${q(p.value)} is neither in this upload's Nakes table nor in a stored roster.`,
  ) },
  "pelatihan.kode_unknown": { severity: "error", message: say<{ value: string; accepted: readonly string[] }>(
    (p) => `Pelatihan ${q(p.value)} tidak dikenal; pilih salah satu: ${p.accepted.join(", ")}.`,
    (p) => `Training ${q(p.value)} is not known; pick one of: ${p.accepted.join(", ")}.`,
  ) },
  "pelatihan.tahun": { severity: "error", message: say<{ value: string; max: number }>(
    (p) => `Tahun ${q(p.value)} harus tahun antara 1990 dan ${p.max}.`,
    (p) => `Year ${q(p.value)} must be a year from 1990 to ${p.max}.`,
  ) },
  "upload.multi_province": { severity: "error", message: say<{ provinces: string[]; province: string }>(
    (p) =>
      `Unggahan ini memuat fasyankes dari ${p.provinces.length} provinsi (${p.provinces.join(", ")}); satu unggahan hanya untuk satu provinsi (satu basis data per provinsi). Kirim baris fasyankes provinsi ${p.province} dalam unggahan tersendiri.`,
    (p) =>
      `This upload holds facilities of ${p.provinces.length} provinces (${p.provinces.join(", ")}); one upload is for one province (one database per province). Send the rows of province ${p.province}'s facilities in an upload of their own.`,
  ) },
  "upload.empty": { severity: "error", message: say<{ table: string }>(
    (p) => `Tabel ${p.table} tidak berisi data.`,
    (p) => `The ${p.table} table holds no data.`,
  ) },
  "upload.too_large": { severity: "error", message: say<{ limit: number; actual?: number; unit: "rows" | "bytes" }>(
    (p) =>
      p.unit === "rows"
        ? `Unggahan terlalu besar${p.actual !== undefined ? ` (${p.actual.toLocaleString("id-ID")} baris)` : ""}: paling banyak ${p.limit.toLocaleString("id-ID")} baris per unggahan. Bagi per fasyankes atau per kecamatan.`
        : `Unggahan terlalu besar${p.actual !== undefined ? ` (${formatBytes(p.actual)})` : ""}: paling banyak ${formatBytes(p.limit)} per unggahan. Bagi per fasyankes atau per kecamatan.`,
    (p) =>
      p.unit === "rows"
        ? `The upload is too large${p.actual !== undefined ? ` (${p.actual.toLocaleString("en-US")} rows)` : ""}: at most ${p.limit.toLocaleString("en-US")} rows per upload. Split it by facility or district.`
        : `The upload is too large${p.actual !== undefined ? ` (${formatBytes(p.actual)})` : ""}: at most ${formatBytes(p.limit)} per upload. Split it by facility or district.`,
  ) },
  // Beyond SPEC §5: an optional column with a value no list knows, and the checks of the masters the
  // province keeps (SPEC §3.3, §3.4), which PUT /v1/facilities and PUT /v1/population run.
  // An optional value nobody can read is dropped, not a reason to refuse the whole row.
  "pendidikan.unknown": { severity: "warning", message: say<{ value: string; accepted: readonly string[] }>(
    (p) => `Pendidikan ${q(p.value)} tidak dikenal dan tidak disimpan; pilih salah satu: ${p.accepted.join(", ")}.`,
    (p) => `Education ${q(p.value)} is not known and is not stored; pick one of: ${p.accepted.join(", ")}.`,
  ) },
  "fasyankes.kode_format": { severity: "error", message: say<{ value: string; jenis: string }>(
    (p) => facilityCodeMessage(p.value, p.jenis, "id"),
    (p) => facilityCodeMessage(p.value, p.jenis, "en"),
  ) },
  "fasyankes.wilayah_mismatch": { severity: "error", message: say<ColumnRef & { value: string; expected: string }>(
    (p) => `${p.label.id} ${q(p.value)} tidak cocok dengan kode fasyankes, yang menunjuk ke ${p.expected}.`,
    (p) => `${p.label.en} ${q(p.value)} does not match the facility code, which points to ${p.expected}.`,
  ) },
  "fasyankes.invalid": { severity: "error", message: say<ColumnRef & { value: string; expected: string; expected_en: string }>(
    (p) => `${p.label.id} ${q(p.value)} tidak sah: ${p.expected}.`,
    (p) => `${p.label.en} ${q(p.value)} is not valid: ${p.expected_en}.`,
  ) },
  "fasyankes.duplicate": { severity: "error", message: say<{ value: string }>(
    (p) => `Kode fasyankes ${q(p.value)} tercatat lebih dari sekali.`,
    (p) => `Facility code ${q(p.value)} appears more than once.`,
  ) },
  "penduduk.invalid": { severity: "error", message: say<ColumnRef & { value: string; expected: string; expected_en: string }>(
    (p) => `${p.label.id} ${q(p.value)} tidak sah: ${p.expected}.`,
    (p) => `${p.label.en} ${q(p.value)} is not valid: ${p.expected_en}.`,
  ) },
  "penduduk.duplicate": { severity: "error", message: say<{ kode_wilayah: string; tahun: number }>(
    (p) => `Jumlah penduduk wilayah ${p.kode_wilayah} tahun ${p.tahun} tercatat lebih dari sekali.`,
    (p) => `The population of region ${p.kode_wilayah} for ${p.tahun} appears more than once.`,
  ) },
  "penduduk.out_of_scope": { severity: "error", message: say<{ value: string; scope: string }>(
    (p) => `Wilayah ${q(p.value)} berada di luar wilayah token Anda (${p.scope}).`,
    (p) => `Region ${q(p.value)} lies outside your token's region (${p.scope}).`,
  ) },
  // PUT /v1/standards: the finding's words come from the table's parser (shared/coverage/standard-table.ts).
  "standar.header": { severity: "error", message: say<{ detail: { id: string; en: string } }>(
    (p) => `Tabel standar: ${p.detail.id}.`,
    (p) => `Standard table: ${p.detail.en}.`,
  ) },
  "standar.empty": { severity: "error", message: say<{ detail: { id: string; en: string } }>(
    (p) => `Tabel standar: ${p.detail.id}.`,
    (p) => `Standard table: ${p.detail.en}.`,
  ) },
  "standar.invalid": { severity: "error", message: say<{ detail: { id: string; en: string } }>(
    (p) => `Standar: ${p.detail.id}.`,
    (p) => `Standard: ${p.detail.en}.`,
  ) },
  "standar.duplicate": { severity: "error", message: say<{ detail: { id: string; en: string } }>(
    (p) => `Standar: ${p.detail.id}; setiap kategori, rawat inap dan jenis hanya sekali.`,
    (p) => `Standard: ${p.detail.en}; each category, inpatient flag and jenis once only.`,
  ) },
} satisfies { [C in IssueCode]: Rule<never> };

export type Rules = typeof rules;
/** The facts the sentence of rule `C` takes. */
export type MessageParams<C extends IssueCode> = Parameters<Rules[C]["message"]["id"]>[0];
