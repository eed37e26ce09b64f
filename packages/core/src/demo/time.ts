/** Date helpers for the demo generator. All arithmetic is in UTC days. */
const DAY = 86_400_000;

export function parseDate(iso: string): Date {
  return new Date(`${iso.slice(0, 10)}T00:00:00.000Z`);
}
export function addDays(date: Date, days: number): Date {
  return new Date(date.getTime() + days * DAY);
}
export function isoDate(date: Date): string {
  return date.toISOString().slice(0, 10);
}
/** The date at a time of day given in seconds after midnight UTC. */
export function isoDateTime(date: Date, secondsOfDay: number): string {
  return new Date(Math.floor(date.getTime() / DAY) * DAY + secondsOfDay * 1000).toISOString();
}
export function daysBetween(from: Date, to: Date): number {
  return Math.round((to.getTime() - from.getTime()) / DAY);
}
