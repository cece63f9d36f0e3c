import type { Cell } from "../schema/cell";
import type { OddCharacter } from "../i18n/messages";
import type { JenisTenaga, Pendidikan, StatusKepegawaian } from "../reference/codes";
import { cellText } from "../normalize/cell";
import { readPendidikan, readProfession, readStatus } from "../normalize/codes";
import { isFacilityCode } from "../reference/facilities";
import { pendidikanList } from "../reference/pendidikan";
import { professionByCode } from "../reference/professions";
import { statuses } from "../reference/statuses";
import { columnRef } from "./labels";
import type { Run } from "./run";
import { inScope } from "./scope";
import type { Sink } from "./sink";

const STATUS_CODES = statuses.map((x) => x.code);
const PENDIDIKAN_CODES = pendidikanList.map((x) => x.code);

/** jenis_tenaga → code; an alias earns an info note (never mapped silently, SPEC §4.1). */
export function readJenisTenaga(v: Cell, present: boolean, s: Sink): JenisTenaga | null {
  const m = readProfession(v);
  if (m !== null) {
    if (m.alias) {
      const p = professionByCode.get(m.code)!;
      s.add("jenis_tenaga.normalized", "jenis_tenaga", { value: cellText(v) ?? "", code: m.code, label: p.label }, v);
    }
    return m.code;
  }
  const t = cellText(v);
  if (t === null) {
    if (present) s.add("required", "jenis_tenaga", columnRef("nakes", "jenis_tenaga"));
  } else s.add("jenis_tenaga.unknown", "jenis_tenaga", { value: t }, v);
  return null;
}

export function readStatusKepegawaian(v: Cell, present: boolean, s: Sink): StatusKepegawaian | null {
  const code = readStatus(v);
  if (code !== null) return code;
  const t = cellText(v);
  if (t === null) {
    if (present) s.add("required", "status_kepegawaian", columnRef("nakes", "status_kepegawaian"));
  } else s.add("status_kepegawaian.unknown", "status_kepegawaian", { value: t, accepted: STATUS_CODES }, v);
  return null;
}

/** pendidikan is optional: an unknown value is a warning and is not stored. */
export function readPendidikanCell(v: Cell, s: Sink): Pendidikan | null {
  const code = readPendidikan(v);
  if (code !== null) return code;
  const t = cellText(v);
  if (t !== null) s.add("pendidikan.unknown", "pendidikan", { value: t, accepted: PENDIDIKAN_CODES }, v);
  return null;
}

/**
 * kode_fasyankes, as `readFacilityCode` (normalize/codes) read it from the cell `v`: a code of no
 * facility shape (reference/facilities, SPEC §3.3) is `kode_fasyankes.unknown` everywhere, so the add-in
 * (no master) and the Worker agree; then the code is checked against the facility master and the
 * uploader's scope when the context has them (the Worker's checks; the add-in has neither and skips
 * both). Verdicts are cached per code: an upload names a handful of facilities across many rows.
 */
export class FacilityReader {
  private readonly verdicts = new Map<string, "ok" | "no_shape" | "unknown" | "out_of_scope">();
  private lastKode: string | null = null;
  private lastVerdict: "ok" | "no_shape" | "unknown" | "out_of_scope" | undefined;

  constructor(private readonly run: Run) {}

  read(kode: string | null, v: Cell, present: boolean, s: Sink): string | null {
    if (kode === null) {
      if (present) s.add("required", "kode_fasyankes", columnRef("nakes", "kode_fasyankes"));
      return null;
    }
    // Rows of one facility follow each other: the last code's verdict is kept beside the map.
    let verdict = kode === this.lastKode ? this.lastVerdict : this.verdicts.get(kode);
    if (verdict === undefined) {
      verdict = this.judge(kode);
      this.verdicts.set(kode, verdict);
    }
    this.lastKode = kode;
    this.lastVerdict = verdict;
    if (verdict === "no_shape") s.add("kode_fasyankes.unknown", "kode_fasyankes", { value: kode, shape: false, odd: oddCodeCharacter(kode) }, v);
    else if (verdict === "unknown") s.add("kode_fasyankes.unknown", "kode_fasyankes", { value: kode }, v);
    else if (verdict === "out_of_scope") s.add("kode_fasyankes.out_of_scope", "kode_fasyankes", { value: kode, scope: this.run.ctx.scope! }, v);
    return kode;
  }

  private judge(kode: string): "ok" | "no_shape" | "unknown" | "out_of_scope" {
    if (!isFacilityCode(kode)) return "no_shape";
    const { facilities, scope } = this.run.ctx;
    const fact = facilities?.get(kode);
    if (facilities && !fact) return "unknown";
    if (scope !== undefined && inScope(kode, scope, fact) === false) return "out_of_scope";
    return "ok";
  }
}

/**
 * The first character of a code that is no ASCII letter or digit, for the message (SPEC §3.1: name the
 * character rather than show a code that looks valid, such as a full-width "Ｐ"); undefined when none.
 */
function oddCodeCharacter(kode: string): OddCharacter | undefined {
  let position = 0;
  for (const ch of kode) {
    position++;
    const c = ch.codePointAt(0)!;
    if ((c >= 48 && c <= 57) || (c >= 65 && c <= 90)) continue;
    return { position, char: ch, fullWidth: c >= 0xff01 && c <= 0xff5e };
  }
  return undefined;
}
