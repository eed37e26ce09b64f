/**
 * One way for an element to say its words: its own table first, then any it
 * shares (work-messages.ts, picture-messages.ts), then core's messages (the
 * domain's shared words: required, choose, optional…). Each element has a
 * table of its own, so a page pays only for the words of the elements it embeds.
 */
import { fillLabel, message, type Label, type Locale, type MessageKey } from "@bankcrm/core";

type Table = Readonly<Record<string, Label>>;
/** Every key of any of the tables (a union, not the keys they share). */
type KeyOf<T extends readonly Table[]> = T[number] extends infer U
  ? U extends Table
    ? keyof U & string
    : never
  : never;

export function speaker<const T extends readonly Table[]>(
  ...tables: T
): (key: KeyOf<T> | MessageKey, locale: Locale, params?: Record<string, string | number>) => string {
  return (key, locale, params = {}) => {
    for (const table of tables) if (Object.hasOwn(table, key)) return fillLabel(table[key]!, locale, params);
    return message(key, locale, params);
  };
}
