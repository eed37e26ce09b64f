/** Milliseconds in a day — the one constant every date computation in bankcrm uses. */
export const DAY_MS = 86_400_000;

/** The ISO date (`2026-11-30`) of an instant or of a date / date-time string: what "as of" options accept. */
export function isoDay(value: string | Date): string {
  return typeof value === "string" ? value.slice(0, 10) : value.toISOString().slice(0, 10);
}
