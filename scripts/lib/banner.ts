/**
 * The `--persist-to DIR` that `npm run token` needs to reach the same local database as the server
 * that printed it ("" for wrangler's default, .wrangler/state); quoted when the path has spaces.
 */
export function persistToArg(persistTo: string | undefined): string {
  if (!persistTo) return "";
  return ` --persist-to ${/[\s"'$`]/.test(persistTo) ? JSON.stringify(persistTo) : persistTo}`;
}

/**
 * What `npm start` prints once everything answers: the token and how to try the sample roster.
 * `persistTo`: the --persist-to given to npm start, if any, repeated in the token commands.
 */
export function startBanner(o: { apiUrl: string; token: string; scope: string; addinUrl: string | null; persistTo?: string }): string {
  const line = "─".repeat(78);
  const auth = `-H "Authorization: Bearer $TOKEN"`;
  const db = persistToArg(o.persistTo);
  return `
${line}
Nakes Roster API siap / ready: ${o.apiUrl}
  Dokumentasi / docs: ${o.apiUrl}/docs   OpenAPI: ${o.apiUrl}/openapi.json
${o.addinUrl ? `  Panel Excel / task pane: ${o.addinUrl}/taskpane.html\n` : ""}
Token admin lokal (cakupan / scope ${o.scope}${o.scope === "ID" ? ": seluruh Indonesia / the whole country" : ""}):

  ${o.token}

Coba / try:
  export TOKEN=${o.token}
  curl -s ${o.apiUrl}/v1/reference ${auth} | head -c 300
  curl -s -X POST ${o.apiUrl}/v1/rosters/validate ${auth} -H "Content-Type: application/json" --data-binary @samples/roster-mukomuko.json
  curl -s -X POST ${o.apiUrl}/v1/rosters ${auth} -H "Content-Type: application/json" -H "Idempotency-Key: $(node -p "crypto.randomUUID()")" --data-binary @samples/roster-mukomuko.json
  curl -s -X POST "${o.apiUrl}/v1/rosters/validate?as_of=2026-11-01" ${auth} -H "Content-Type: text/csv" --data-binary @samples/roster-mukomuko.csv
  curl -s ${o.apiUrl}/v1/rosters/P1706010101 ${auth}
  curl -s ${o.apiUrl}/v1/uploads ${auth}

Token lain / more tokens:  npm run token -- create --role uploader --scope 1706 --name "Dinkes Mukomuko"${db}
                           npm run token -- create --role analyst --scope 36 --name "Analis Dinkes Banten"${db}
Ctrl-C menghentikan semuanya / stops everything.
${line}`;
}
