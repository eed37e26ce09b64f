/**
 * What every writable record carries about its writes: a version the stores
 * compare before they replace it (optimistic concurrency; a missing version
 * reads as 0), who created and last changed it and when, and — for records
 * with a state machine — the history of every transition, appended, never
 * rewritten.
 */
import * as z from "zod";
import { C1, defineRecord } from "../privacy/sensitivity.js";
import { IdSchema, IsoDateTimeSchema, text } from "./common.js";

/** One applied transition: which event moved the record from which state to which, by whom, when and why. */
export const TransitionRecordFields = defineRecord(
  "TransitionRecord",
  {
    event: z.string().regex(/^[a-z][a-z_]{0,39}$/, { error: "id" }),
    from: z.string().regex(/^[a-z][a-z_]{0,39}$/, { error: "id" }),
    to: z.string().regex(/^[a-z][a-z_]{0,39}$/, { error: "id" }),
    by: IdSchema,
    at: IsoDateTimeSchema,
    /** A business reason (never personal data): why lost, why disqualified, why reopened. */
    reason: text(500).optional(),
  },
  { event: C1, from: C1, to: C1, by: C1, at: C1, reason: C1 },
);
export type TransitionRecord = z.infer<typeof TransitionRecordFields>;

/** The record's version: 1 when created, one more on every write. */
export const VersionSchema = z.int().min(1).max(Number.MAX_SAFE_INTEGER);

/** Fields every writable record has; spread into its shape (with `writeMetadataClasses`). */
export const writeMetadataFields = {
  version: VersionSchema.optional(),
  updatedAt: IsoDateTimeSchema.optional(),
  updatedBy: IdSchema.optional(),
};
export const writeMetadataClasses = { version: C1, updatedAt: C1, updatedBy: C1 } as const;

/** The transition history of a record with a state machine, oldest first. */
export const historyFields = {
  history: z.array(TransitionRecordFields).max(1000).optional(),
};
export const historyClasses = { history: C1 } as const;
