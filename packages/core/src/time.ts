/** Milliseconds in a day — the one constant every date computation in bankcrm uses. */
export const DAY_MS = 86_400_000;

/** The ISO date (`2026-11-30`) of an instant or of a date / date-time string: what "as of" options accept. */
export function isoDay(value: string | Date): string {
  return typeof value === "string" ? value.slice(0, 10) : value.toISOString().slice(0, 10);
}

/** Days since 1970-01-01 of a proleptic Gregorian date (H. Hinnant's days_from_civil). */
function daysFromCivil(y: number, m: number, d: number): number {
  const yy = m <= 2 ? y - 1 : y;
  const era = Math.floor(yy / 400);
  const yoe = yy - era * 400;
  const doy = Math.floor((153 * (m + (m > 2 ? -3 : 9)) + 2) / 5) + d - 1;
  const doe = yoe * 365 + Math.floor(yoe / 4) - Math.floor(yoe / 100) + doy;
  return era * 146_097 + doe - 719_468;
}

/**
 * `Date.parse` of an ISO instant, fast for the shape records carry —
 * `YYYY-MM-DDTHH:MM:SS[.fff](Z|±HH:MM)` — by arithmetic on its characters (a
 * book's million customers have tens of millions of transactions); anything
 * else, or a day past the 28th, goes to `Date.parse` itself. Same result
 * either way (a property test checks it).
 */
/** The digit at `i`, or NaN (which then poisons every sum it enters). */
function digitAt(s: string, i: number): number {
  const c = s.charCodeAt(i) - 48;
  return c >= 0 && c <= 9 ? c : NaN;
}

export function instantMs(s: string): number {
  const n = s.length;
  if (
    n < 20 ||
    s.charCodeAt(4) !== 45 ||
    s.charCodeAt(7) !== 45 ||
    s.charCodeAt(10) !== 84 ||
    s.charCodeAt(13) !== 58 ||
    s.charCodeAt(16) !== 58
  )
    return Date.parse(s);
  const y = digitAt(s, 0) * 1000 + digitAt(s, 1) * 100 + digitAt(s, 2) * 10 + digitAt(s, 3);
  const mo = digitAt(s, 5) * 10 + digitAt(s, 6);
  const d = digitAt(s, 8) * 10 + digitAt(s, 9);
  const h = digitAt(s, 11) * 10 + digitAt(s, 12);
  const mi = digitAt(s, 14) * 10 + digitAt(s, 15);
  const se = digitAt(s, 17) * 10 + digitAt(s, 18);
  let i = 19;
  let ms = 0;
  if (s.charCodeAt(i) === 46) {
    i++;
    const start = i;
    while (i < n && s.charCodeAt(i) >= 48 && s.charCodeAt(i) <= 57) {
      if (i - start < 3) ms = ms * 10 + (s.charCodeAt(i) - 48);
      i++;
    }
    if (i === start) return Date.parse(s);
    for (let k = i - start; k < 3; k++) ms *= 10;
  }
  let offsetMinutes: number;
  const sign = s.charCodeAt(i);
  if (sign === 90 && i === n - 1) offsetMinutes = 0;
  else if ((sign === 43 || sign === 45) && n - i === 6 && s.charCodeAt(i + 3) === 58) {
    const oh = digitAt(s, i + 1) * 10 + digitAt(s, i + 2);
    const om = digitAt(s, i + 4) * 10 + digitAt(s, i + 5);
    // NaN fails these tests too: anything not plainly valid is Date.parse's to judge.
    if (!(oh <= 23 && om <= 59)) return Date.parse(s);
    offsetMinutes = sign === 43 ? -(oh * 60 + om) : oh * 60 + om;
  } else return Date.parse(s);
  if (!(y >= 0 && mo >= 1 && mo <= 12 && d >= 1 && d <= 28 && h <= 23 && mi <= 59 && se <= 59)) return Date.parse(s);
  return daysFromCivil(y, mo, d) * DAY_MS + h * 3_600_000 + mi * 60_000 + se * 1000 + ms + offsetMinutes * 60_000;
}
