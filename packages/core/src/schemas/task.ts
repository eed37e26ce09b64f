/** A to-do for a member of staff, usually about a customer. */
import type * as z from "zod";
import { rejectC3 } from "../privacy/c3.js";
import { C1, defineRecord } from "../privacy/sensitivity.js";
import { IdSchema, IsoDateTimeSchema, text } from "./common.js";
import { CareReasonSchema, PrioritySchema, TaskStatusSchema, TaskTypeSchema } from "./enums.js";
import { historyClasses, historyFields, writeMetadataClasses, writeMetadataFields } from "./write-metadata.js";

export const TaskFields = defineRecord(
  "Task",
  {
    id: IdSchema,
    assigneeId: IdSchema,
    customerId: IdSchema.optional(),
    opportunityId: IdSchema.optional(),
    caseId: IdSchema.optional(),
    type: TaskTypeSchema,
    title: text(120),
    priority: PrioritySchema,
    status: TaskStatusSchema,
    dueAt: IsoDateTimeSchema,
    completedAt: IsoDateTimeSchema.optional(),
    /** Why the task exists, e.g. a care reminder's reason. */
    notes: text(500).optional(),
    /** Set when the task was made from a care event (`careTask`): why to call. */
    careReason: CareReasonSchema.optional(),
    createdBy: IdSchema.optional(),
    ...writeMetadataFields,
    ...historyFields,
  },
  {
    id: C1,
    assigneeId: C1,
    customerId: C1,
    opportunityId: C1,
    caseId: C1,
    type: C1,
    title: C1,
    priority: C1,
    status: C1,
    dueAt: C1,
    completedAt: C1,
    notes: C1,
    careReason: C1,
    createdBy: C1,
    ...writeMetadataClasses,
    ...historyClasses,
  },
);
export const TaskSchema = rejectC3(TaskFields);
export type Task = z.infer<typeof TaskSchema>;
