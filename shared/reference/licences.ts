/**
 * Windows of the licence rules, as reference data (SPEC §5 `sip.expiring`, §6 licence health, §9 the
 * `sip` list): the validator, coverage and the tindak-lanjut lists all read this one value.
 */

/** A SIP is "expiring" when it ends on or within this many days after as_of (SPEC §5 sip.expiring). */
export const SIP_EXPIRING_DAYS = 90;
