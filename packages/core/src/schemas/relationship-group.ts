/** Households and corporate groups: customers linked by family or ownership. */
import * as z from "zod";
import { rejectC3 } from "../privacy/c3.js";
import { C1, defineRecord } from "../privacy/sensitivity.js";
import { IdSchema, text } from "./common.js";
import { RelationshipGroupKindSchema, RelationshipRoleSchema } from "./enums.js";
import { writeMetadataClasses, writeMetadataFields } from "./write-metadata.js";

export const GroupMemberFields = defineRecord(
  "GroupMember",
  {
    customerId: IdSchema,
    role: RelationshipRoleSchema,
    /** Shareholding as a fraction, for shareholders. */
    share: z.number().min(0).max(1).optional(),
  },
  { customerId: C1, role: C1, share: C1 },
);

export const RelationshipGroupFields = defineRecord(
  "RelationshipGroup",
  {
    id: IdSchema,
    kind: RelationshipGroupKindSchema,
    name: text(120),
    members: z.array(GroupMemberFields).min(2).max(500),
    createdBy: IdSchema.optional(),
    ...writeMetadataFields,
  },
  { id: C1, kind: C1, name: C1, members: C1, createdBy: C1, ...writeMetadataClasses },
  (ctx) => {
    const seen = new Set<string>();
    ctx.value.members.forEach((m, i) => {
      if (seen.has(m.customerId)) {
        ctx.issues.push({
          code: "custom",
          path: ["members", i, "customerId"],
          message: "a customer appears twice",
          params: { reason: "duplicateMember" },
          input: undefined,
        });
      }
      seen.add(m.customerId);
    });
  },
);
export const RelationshipGroupSchema = rejectC3(RelationshipGroupFields);
export type RelationshipGroup = z.infer<typeof RelationshipGroupSchema>;
export type GroupMember = z.infer<typeof GroupMemberFields>;
