/**
 * Moved to store/standards.ts (SQL lives in store/, issue 14 item 4). Kept for the importers outside
 * this change (routes/tindak-lanjut.ts, routes/penempatan.ts); import store/standards.ts instead.
 */
export * from "../store/standards";
