import type { Role } from "../../shared/reference/codes";

/** Who is calling: a token's public facts, never its secret or hash. */
export interface TokenInfo {
  id: string;
  role: Role;
  /** Region-code prefix (2/4/6 digits) or one facility's code (SPEC §7 Access). */
  scope: string;
  name: string;
}

/** Roles nest within a scope: an admin may do all an uploader may, an uploader all an analyst may. */
const RANK: Record<Role, number> = { analyst: 1, uploader: 2, admin: 3 };

export const roleAtLeast = (role: Role, needed: Role): boolean => RANK[role] >= RANK[needed];
