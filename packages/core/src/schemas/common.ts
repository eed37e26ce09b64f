/** Building blocks shared by the record schemas. Dates are ISO-8601 strings at the boundary. */
import * as z from "zod";
import { hasUnpairedBidi } from "../text/bidi.js";
import { ID_PATTERN } from "../id-pattern.js";

/** Record identifiers: opaque, 1–64 URL-safe characters. */
export const IdSchema = z.string().regex(ID_PATTERN, { error: "id" });
/** A calendar date, YYYY-MM-DD. */
export const IsoDateSchema = z.iso.date();
/** An instant with an explicit offset, e.g. 2026-11-28T09:30:00Z or …+08:00. */
export const IsoDateTimeSchema = z.iso.datetime({ offset: true });
/**
 * Free text a person typed (or a source system sent): trimmed, no control
 * characters, no embedding / override / isolate left open to reorder what is
 * shown after it (text/bidi.ts), bounded.
 */
export function text(max: number) {
  return (
    z
      .string()
      .trim()
      .min(1)
      .max(max)
      // eslint-disable-next-line no-control-regex
      .regex(/^[^\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F]*$/, { error: "controlCharacters" })
      .refine((value) => !hasUnpairedBidi(value), { error: "bidiControls" })
  );
}
/** An annual rate as a fraction (0.0185 = 1.85 %). */
export const RateSchema = z.number().min(-1).max(10);
/** A short label attached to a record. */
export const TagSchema = text(32);
export const TagsSchema = z.array(TagSchema).max(50);
