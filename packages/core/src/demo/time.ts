/** Date helpers for the demo generator. All arithmetic is in UTC days. */
import { DAY_MS } from "../time.js";

export function parseDate(iso: string): Date {
  return new Date(`${iso.slice(0, 10)}T00:00:00.000Z`);
}
export function addDays(date: Date, days: number): Date {
  return new Date(date.getTime() + days * DAY_MS);
}
export function isoDate(date: Date): string {
  return date.toISOString().slice(0, 10);
}
/** The date at a time of day given in seconds after midnight UTC. */
export function isoDateTime(date: Date, secondsOfDay: number): string {
  return new Date(Math.floor(date.getTime() / DAY_MS) * DAY_MS + secondsOfDay * 1000).toISOString();
}
export function daysBetween(from: Date, to: Date): number {
  return Math.round((to.getTime() - from.getTime()) / DAY_MS);
}
