import { formatBytes } from "../../shared/i18n/phrases";
import type { Bilingual } from "./errors";

/**
 * The Worker's own texts (issue 14 item 2: "the Worker's error texts in a catalog of their own"): every
 * sentence the API answers outside the rule registry (shared/rules/registry.ts holds the issues'),
 * Indonesian first, English second. A fixed text is an entry; a text with values is a function of them.
 * Routes and helpers use them by key and hold no literal `{ id, en }` (tests/worker/http/messages.test.ts).
 */
export const MESSAGES = {
  // Authentication and authorisation (auth/).
  tokenMissing: {
    id: "Token tidak ada atau tidak berlaku. Kirim header Authorization: Bearer <token>.",
    en: "Missing or invalid token. Send the header Authorization: Bearer <token>.",
  },
  roleTooLow: (have: string, need: string): Bilingual => ({
    id: `Peran token ini (${have}) tidak cukup: perlu ${need}.`,
    en: `This token's role (${have}) is not enough: ${need} needed.`,
  }),
  notMasterKeeper: (scope: string): Bilingual => ({
    id: `Data master (fasyankes, penduduk) dikelola dinas kesehatan provinsi atau kabupaten/kota; cakupan token ini ${scope} (kecamatan atau satu fasyankes) tidak boleh mengubahnya.`,
    en: `Master data (facilities, population) is kept by a province's or regency's health office; this token's scope ${scope} (a kecamatan or one facility) may not change it.`,
  }),
  rateLimited: (limit: number, perToken: boolean, retryAfter: number): Bilingual => ({
    id: `Terlalu banyak permintaan: paling banyak ${limit} per menit${perToken ? " per token" : " per alamat"}. Coba lagi dalam ${retryAfter} detik.`,
    en: `Too many requests: at most ${limit} per minute${perToken ? " per token" : " per address"}. Try again in ${retryAfter} seconds.`,
  }),
  regionOutsideScope: (region: string, scope: string): Bilingual => ({
    id: `Wilayah ${region} berada di luar cakupan token Anda (${scope}).`,
    en: `Region ${region} lies outside your token's scope (${scope}).`,
  }),
  scopeOutsideScope: (scope: string, own: string): Bilingual => ({
    id: `Cakupan ${scope} berada di luar cakupan token Anda (${own}).`,
    en: `Scope ${scope} lies outside your token's scope (${own}).`,
  }),
  facilityOutsideScope: (kode: string, scope: string): Bilingual => ({
    id: `Fasyankes ${kode} berada di luar wilayah token Anda (${scope}).`,
    en: `Facility ${kode} lies outside your token's region (${scope}).`,
  }),

  // Request bodies and headers (http/).
  bodyTooLarge: (maxBytes: number): Bilingual => ({
    id: `Isi permintaan melebihi batas ${formatBytes(maxBytes)}. Bagi roster menjadi beberapa unggahan (misalnya per kecamatan).`,
    en: `The request body exceeds the limit of ${formatBytes(maxBytes)}. Split the roster into several uploads (for example per kecamatan).`,
  }),
  unsupportedMediaType: (mediaType: string | undefined, list: string): Bilingual => ({
    id: `Jenis isi ${mediaType ? `"${mediaType}"` : "(kosong)"} tidak didukung. Gunakan Content-Type: ${list}.`,
    en: `Content type ${mediaType ? `"${mediaType}"` : "(none)"} is not supported. Use Content-Type: ${list}.`,
  }),
  bodyEmpty: { id: "Isi permintaan kosong.", en: "The request body is empty." },
  bodyUnreadable: { id: "Isi permintaan tidak dapat dibaca.", en: "The request body could not be read." },
  unsupportedEncoding: (encoding: string): Bilingual => ({
    id: `Content-Encoding "${encoding}" tidak didukung. Kirim tanpa kompresi atau dengan gzip.`,
    en: `Content-Encoding "${encoding}" is not supported. Send the body uncompressed or gzip-compressed.`,
  }),
  notGzip: { id: "Isi permintaan bukan data gzip yang sah (Content-Encoding: gzip).", en: "The request body is not valid gzip data (Content-Encoding: gzip)." },
  notUtf8: { id: "Isi permintaan bukan teks UTF-8 yang sah.", en: "The request body is not valid UTF-8 text." },
  notJson: (detail: string | undefined): Bilingual => ({
    id: `Isi permintaan bukan JSON yang sah${detail ? `: ${detail}` : "."}`,
    en: `The request body is not valid JSON${detail ? `: ${detail}` : "."}`,
  }),
  wrongShape: (what: Bilingual, detail: Bilingual): Bilingual => ({
    id: `${what.id} tidak sesuai bentuknya: ${detail.id}`,
    en: `${what.en} does not have the expected shape: ${detail.en}`,
  }),
  notIsoDate: (field: string, value: string): Bilingual => ({
    id: `${field} "${value}" bukan tanggal ISO (yyyy-mm-dd).`,
    en: `${field} "${value}" is not an ISO date (yyyy-mm-dd).`,
  }),
  dateInFuture: (field: string, date: string, today: string, latest: string): Bilingual => ({
    id: `${field} ${date} lebih dari satu hari setelah hari ini (${today}); data hanya untuk tanggal yang sudah terjadi (paling lambat ${latest}).`,
    en: `${field} ${date} is more than one day after today (${today}); data is for a date that has happened (${latest} at the latest).`,
  }),
  invalidParameters: (target: string, detail: Bilingual): Bilingual => ({
    id: `Parameter permintaan tidak sah (${target}): ${detail.id}`,
    en: `Invalid request parameters (${target}): ${detail.en}`,
  }),

  // What a value that breaks its schema lacks (http/body.ts describeZodError), when the schema says
  // nothing of its own: zod's own texts are English only.
  zodAt: (path: string, text: Bilingual): Bilingual => ({ id: `${path}: ${text.id}`, en: `${path}: ${text.en}` }),
  zodOneOf: (values: string): Bilingual => ({ id: `harus salah satu dari: ${values}`, en: `must be one of: ${values}` }),
  zodIsoDate: { id: "harus tanggal ISO (yyyy-mm-dd), misalnya 2026-11-01", en: "must be an ISO date (yyyy-mm-dd), e.g. 2026-11-01" },
  zodFormat: (format: string): Bilingual => ({ id: `tidak sesuai format (${format})`, en: `does not have the expected format (${format})` }),
  zodRequired: { id: "wajib diisi", en: "is required" },
  zodType: (expected: string): Bilingual => ({ id: `harus berupa ${expected}`, en: `must be of type ${expected}` }),
  zodWholeNumber: { id: "harus bilangan bulat", en: "must be a whole number" },
  /** `comparison`: the bound with its sign ("≥ 1", "< 100"). */
  zodBound: (comparison: string): Bilingual => ({ id: `harus ${comparison}`, en: `must be ${comparison}` }),
  zodLengthAtLeast: (n: string): Bilingual => ({ id: `panjangnya paling sedikit ${n}`, en: `must have a length of at least ${n}` }),
  zodLengthAtMost: (n: string): Bilingual => ({ id: `panjangnya paling banyak ${n}`, en: `must have a length of at most ${n}` }),
  zodUnknownKeys: (keys: string): Bilingual => ({ id: `kunci tidak dikenal: ${keys}`, en: `unknown key(s): ${keys}` }),
  zodInvalid: { id: "nilainya tidak sah", en: "is not a valid value" },
  zodTooManyWrong: (elements: string): Bilingual => ({
    id: `lebih dari ${elements} elemen sebuah larik berjenis salah`,
    en: `more than ${elements} elements of an array have the wrong type`,
  }),
  stageParameter: { id: 'Parameter stage harus "1" atau "0".', en: 'The stage parameter must be "1" or "0".' },
  beforeParameter: { id: "Parameter before tidak sah.", en: "Invalid before parameter." },

  // What a parsed part of a request is called in wrongShape.
  partBody: { id: "Isi permintaan", en: "The request body" },
  partRoster: { id: "Roster", en: "The roster" },
  partQuery: { id: "Parameter permintaan", en: "The query" },
  partFacilityMaster: { id: "Master fasyankes", en: "facility master" },
  partPopulation: { id: "Tabel penduduk", en: "population table" },

  // Idempotency-Key (http/idempotency.ts).
  idempotencyKeyFormat: {
    id: "Idempotency-Key harus 1–255 karakter ASCII yang terlihat (misalnya sebuah UUID).",
    en: "Idempotency-Key must be 1–255 visible ASCII characters (a UUID, for example).",
  },
  refusedBefore: (status: number): Bilingual => ({
    id: `Permintaan ini sudah ditolak sebelumnya (HTTP ${status}).`,
    en: `This request was refused before (HTTP ${status}).`,
  }),
  idempotencyKeyReused: {
    id: "Idempotency-Key ini sudah dipakai untuk isi permintaan yang lain. Buat kunci baru untuk unggahan baru.",
    en: "This Idempotency-Key was already used with a different request body. Use a new key for a new upload.",
  },
  idempotencyKeyRunning: {
    id: "Permintaan dengan Idempotency-Key ini masih diproses. Coba lagi sebentar lagi.",
    en: "A request with this Idempotency-Key is still being processed. Try again shortly.",
  },

  // Statuses Hono raises by itself, and the app's own (app.ts, http/errors.ts).
  badRequest: { id: "Permintaan tidak dapat dibaca.", en: "The request could not be read." },
  notFound: { id: "Alamat tidak ditemukan.", en: "Not found." },
  methodNotAllowed: { id: "Metode tidak diizinkan untuk alamat ini.", en: "Method not allowed here." },
  payloadTooLarge: { id: "Isi permintaan terlalu besar.", en: "Request body too large." },
  unsupportedJsonOnly: { id: "Jenis isi tidak didukung: kirim application/json.", en: "Unsupported content type: send application/json." },
  refused: (status: number): Bilingual => ({ id: `Permintaan ditolak (HTTP ${status}).`, en: `Request refused (HTTP ${status}).` }),
  valueTooLarge: {
    id: "Satu baris atau nilai terlalu besar untuk disimpan (paling banyak 1 MB per nilai).",
    en: "A row or value is too large to store (at most 1 MB per value).",
  },
  serverError: {
    id: "Terjadi kesalahan di server. Tidak ada yang disimpan sebagian; coba lagi nanti.",
    en: "Something went wrong on the server. Nothing was partly stored; try again later.",
  },

  // Rosters and uploads.
  stagedGone: {
    id: "Roster yang disiapkan tidak ditemukan atau sudah kedaluwarsa (24 jam). Kirim roster lengkap lagi.",
    en: "The staged roster is unknown or has expired (24 h). Send the whole roster again.",
  },
  rosterChanged: {
    id: "Roster fasyankes ini sudah berubah sejak validasi (ada unggahan lain). Validasi ulang, lalu kirim lagi.",
    en: "These facilities' rosters changed since the dry run (another upload landed). Validate again, then push.",
  },
  rosterHasErrors: (errors: number): Bilingual => ({
    id: `Roster berisi ${errors} kesalahan; tidak ada yang disimpan. Perbaiki lalu kirim lagi.`,
    en: `The roster has ${errors} error(s); nothing was stored. Fix them and push again.`,
  }),
  uploadNotFound: { id: "Unggahan tidak ditemukan.", en: "Upload not found." },
  uploadIdNotFound: (id: string): Bilingual => ({ id: `Unggahan ${id} tidak ditemukan.`, en: `Upload ${id} not found.` }),
  facilityNotInMaster: (kode: string): Bilingual => ({
    id: `Fasyankes ${kode} tidak ada dalam master fasyankes.`,
    en: `Facility ${kode} is not in the facility master.`,
  }),

  // Masters, standards and tokens.
  twoProvinces: (table: Bilingual, count: number, names: string): Bilingual => ({
    id: `${table.id} ini memuat ${count} provinsi (${names}); tidak ada yang disimpan. Satu kiriman hanya untuk satu provinsi: tiap provinsi dapat memiliki basis data sendiri, dan perubahan di dua basis data tidak dapat disimpan sekaligus. Kirim baris tiap provinsi secara terpisah.`,
    en: `This ${table.en} holds ${count} provinces (${names}); nothing was stored. One request is for one province: each province may have a database of its own, and a change to two databases cannot be stored all at once. Send each province's rows separately.`,
  }),
  facilityMasterHasErrors: (errors: number): Bilingual => ({
    id: `Master fasyankes berisi ${errors} kesalahan; tidak ada yang disimpan.`,
    en: `The facility master has ${errors} error(s); nothing was stored.`,
  }),
  populationHasErrors: (errors: number): Bilingual => ({
    id: `Data penduduk berisi ${errors} kesalahan; tidak ada yang disimpan.`,
    en: `The population table has ${errors} error(s); nothing was stored.`,
  }),
  standardsByProvinceAdmin: (scope: string): Bilingual => ({
    id: `Standar ketenagaan diubah oleh admin provinsi; cakupan token ini ${scope}.`,
    en: `Staffing standards are changed by a province's admin; this token's scope is ${scope}.`,
  }),
  standardSwitchNeedsAktif: { id: "Untuk berganti set, kirim aktif: true pada set yang ingin dipakai.", en: "To switch sets, send aktif: true for the set to use." },
  standardTableHasErrors: (errors: number): Bilingual => ({
    id: `Tabel standar berisi ${errors} kesalahan; tidak ada yang diubah.`,
    en: `The standard table has ${errors} error(s); nothing was changed.`,
  }),
  standardSetUnknown: (set: string): Bilingual => ({
    id: `Set standar ${set} belum ada: kirim tabel standar untuk membuatnya.`,
    en: `Standard set ${set} does not exist: send its standard table to create it.`,
  }),
  scopeUnknown: (scope: string): Bilingual => ({
    id: `Cakupan ${scope} bukan kode wilayah atau kode fasyankes yang dikenal.`,
    en: `Scope ${scope} is not a known region or facility code.`,
  }),
  tokenNotFound: (id: string): Bilingual => ({ id: `Token ${id} tidak ditemukan.`, en: `Token ${id} not found.` }),
} satisfies Record<string, Bilingual | ((...args: never[]) => Bilingual)>;
