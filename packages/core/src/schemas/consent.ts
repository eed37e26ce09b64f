/** A consent given or withdrawn — its own module so a lead form need not load the customer schema. */
import * as z from "zod";
import { C1, defineRecord } from "../privacy/sensitivity.js";
import { IsoDateTimeSchema, text } from "./common.js";
import { ConsentChannelSchema, ConsentPurposeSchema } from "./enums.js";

/** A consent given or withdrawn, per purpose and channel, with the text version shown. */
export const ConsentFields = defineRecord(
  "Consent",
  {
    purpose: ConsentPurposeSchema,
    channel: ConsentChannelSchema,
    granted: z.boolean(),
    /** Version of the consent text the customer saw, e.g. "2026-03". */
    textVersion: text(32),
    recordedAt: IsoDateTimeSchema,
  },
  { purpose: C1, channel: C1, granted: C1, textVersion: C1, recordedAt: C1 },
);
export type Consent = z.infer<typeof ConsentFields>;
