/**
 * Example: a regency's staffing coverage by facility. Aggregates only, so an analyst token is enough
 * (uploader and admin tokens work too); the region must lie in the token's scope.
 *
 *   NAKES_API=https://nakes-roster.dinkes.workers.dev NAKES_TOKEN=<analyst token> [NAKES_REGION=1706] npm run coverage -w examples
 */
import { describeError, nakesClient } from "./client.ts";

const api = nakesClient(process.env["NAKES_API"] ?? "http://localhost:8787", process.env["NAKES_TOKEN"] ?? "");
const region = process.env["NAKES_REGION"] ?? "1706";

const coverage = await api.GET("/v1/coverage", { params: { query: { region, level: "facility" } } });
if (coverage.error) {
  console.error(describeError(coverage.response.status, coverage.error));
  process.exit(1);
}
const { query, tables, figures } = coverage.data;
console.log(`Cakupan ${query.region ?? "nasional"} per ${query.as_of} (${tables.wilayah.rows.length} fasyankes)`);
const withoutDoctor: number | null | undefined = figures["puskesmas_tanpa_dokter"];
console.log(`Puskesmas tanpa dokter: ${withoutDoctor ?? "–"}`);
const header = tables.wilayah.columns.map((c) => c.label.id);
for (const row of tables.wilayah.rows.slice(0, 5)) console.log(Object.fromEntries(row.map((v, i) => [header[i], v])));
