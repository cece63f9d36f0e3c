import type { Counts, Issue, Lang } from "../schema/issue";
import type { NakesRecord, PelatihanRecord } from "../schema/records";
import type { JenisFasyankes } from "../reference/codes";

/** What the server knows of a facility; the add-in may know nothing (then the rule is skipped). */
export interface FacilityFact {
  kode: string;
  jenis: JenisFasyankes;
  /** 4-digit regency code. */
  kode_wilayah: string;
  /** 6-digit kecamatan code, null where unknown. */
  kecamatan: string | null;
  aktif: boolean;
}

/**
 * Facts from outside the submitted rows. The add-in passes what it has (often only asOf); the
 * Worker fills every field from D1. Stored facts must exclude the facilities present in the upload,
 * since the upload replaces their rosters.
 */
export interface ValidationContext {
  /** Roster date, ISO yyyy-mm-dd (SPEC §5 as_of). */
  asOf: string;
  lang?: Lang;
  /** Facility master; absent → kode_fasyankes.unknown is not checked. */
  facilities?: ReadonlyMap<string, FacilityFact>;
  /** Uploader's scope: region-code prefix or a facility code; absent → out_of_scope is not checked. */
  scope?: string;
  /** NIKs stored in other facilities' current rosters (for pelatihan.nik_unknown). */
  storedNiks?: ReadonlySet<string>;
  /**
   * For each NIK, the other facilities whose current roster holds it (for nik.multi_facility); null
   * stands for a facility outside the caller's scope, whose code is never told and which does not
   * count toward "more than three": only that there is one is told (SPEC §7 Access).
   */
  storedFacilitiesByNik?: ReadonlyMap<string, readonly (string | null)[]>;
  /** NIP → NIK in other facilities' current rosters in the caller's scope (for nip.duplicate). */
  storedNipOwner?: ReadonlyMap<string, string>;
  /** STR number → NIK in other facilities' current rosters in the caller's scope (for str.duplicate). */
  storedStrOwner?: ReadonlyMap<string, string>;
  /**
   * NIPs and STR numbers (keys as in storedStrOwner) held only outside the caller's scope, without
   * their holder: told as "also recorded outside your area" (nip.elsewhere, str.duplicate) whatever NIK
   * the row has, so the answer never tests a NIK against another area's holder (SPEC §7 Access).
   */
  storedOutsideScope?: { nips: ReadonlySet<string>; strs: ReadonlySet<string> };
  /** The current instant (ms since the epoch) for a default as_of; absent → the clock (tests fix it). */
  now?: number;
  /** Upload limits the API enforces; absent → upload.too_large is not checked. */
  limits?: { maxRows: number };
}

export interface ValidationResult {
  ok: boolean;
  counts: Counts;
  /** Every issue, never capped, in table then row order. */
  issues: Issue[];
  /** Normalised rows that have no error (rows with an error are left out). */
  nakes: NakesRecord[];
  pelatihan: PelatihanRecord[];
}
