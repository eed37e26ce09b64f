/** Milliseconds in a day — the one constant every date computation in bankcrm uses. */
export const DAY_MS = 86_400_000;
