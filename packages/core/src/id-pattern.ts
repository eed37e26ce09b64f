/** What a record id may be (letters, digits, `_ . : -`, 1–64 characters): `IdSchema`'s pattern, here without zod. */
export const ID_PATTERN = /^[A-Za-z0-9_.:-]{1,64}$/;
