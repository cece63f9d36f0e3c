import type { Role } from "../../shared/reference/codes";
import type { TokenRow } from "../store/tokens";

/** Who is calling: a token's public facts as stored (store/tokens.ts), never its secret or hash. */
export type TokenInfo = TokenRow;

/** Roles nest within a scope: an admin may do all an uploader may, an uploader all an analyst may. */
const RANK: Record<Role, number> = { analyst: 1, uploader: 2, admin: 3 };

export const roleAtLeast = (role: Role, needed: Role): boolean => RANK[role] >= RANK[needed];
