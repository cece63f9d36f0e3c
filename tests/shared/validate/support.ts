import type { Cell } from "../../../shared/schema/cell";
import type { Issue, IssueCode } from "../../../shared/schema/issue";
import type { RosterRequest } from "../../../shared/schema/roster";
import { validateRoster } from "../../../shared/validate/roster";
import type { ValidationContext, ValidationResult } from "../../../shared/validate/types";

export const AS_OF = "2026-11-01";

/** A valid Nakes row: a contract midwife born 12 March 1985 (NIK day 52 = 12 + 40, she is a woman). */
export const midwife = {
  nik: "1706015203850001",
  nip: null as Cell,
  nama: "Siti Rahmawati, A.Md.Keb",
  jenis_kelamin: "P" as Cell,
  tanggal_lahir: "1985-03-12" as Cell,
  jenis_tenaga: "BIDAN" as Cell,
  pendidikan: "D3" as Cell,
  status_kepegawaian: "KONTRAK_DAERAH" as Cell,
  kode_fasyankes: "P1706010101" as Cell,
  no_str: "3121100321057123" as Cell,
  str_berlaku_sampai: null as Cell,
  no_sip: "503/117/SIP-BDN/DPMPTSP/2024" as Cell,
  sip_berlaku_sampai: "2029-06-30" as Cell,
  tmt_penugasan: null as Cell,
  keterangan: null as Cell,
};
export type RowSpec = { [K in keyof typeof midwife]?: Cell };

/** A PNS nurse whose NIP agrees with her birth date and sex. */
export const pnsNurse: RowSpec = {
  nik: "1706014507900002",
  nip: "199007052015032001",
  nama: "Dewi Lestari, S.Kep., Ners",
  tanggal_lahir: "1990-07-05",
  jenis_tenaga: "PERAWAT",
  status_kepegawaian: "PNS",
  no_str: "3121100321057999",
};

export const KEYS = Object.keys(midwife) as (keyof typeof midwife)[];

export function nakesTable(rows: RowSpec[], keys: readonly string[] = KEYS) {
  return { columns: [...keys], rows: rows.map((r) => keys.map((k) => (k in r ? (r as Record<string, Cell>)[k]! : (midwife as Record<string, Cell>)[k] ?? null))) };
}

export function roster(rows: RowSpec[], extra: Partial<RosterRequest> = {}): RosterRequest {
  return { as_of: AS_OF, nakes: nakesTable(rows), ...extra };
}

export function check(rows: RowSpec[], ctx: Partial<ValidationContext> = {}, extra: Partial<RosterRequest> = {}): ValidationResult {
  return validateRoster(roster(rows, extra), { asOf: AS_OF, ...ctx });
}

export const codesOf = (r: ValidationResult): IssueCode[] => r.issues.map((i) => i.code);
export const issuesOf = (r: ValidationResult, code: IssueCode): Issue[] => r.issues.filter((i) => i.code === code);
