import { kabupatenByKode, provinsiByKode } from "../../shared/reference/wilayah";

/** Region names for row labels, where the reference knows them (provinces; some regencies). */
export function regionName(code: string): string | null {
  if (code.length === 2) return provinsiByKode.get(code)?.nama ?? null;
  if (code.length === 4) return kabupatenByKode.get(code)?.nama ?? null;
  return null;
}
