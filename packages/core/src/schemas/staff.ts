/** Bank staff: relationship managers, tellers, branch managers and the rest. */
import * as z from "zod";
import { MobileSchema } from "../identifiers/mobile.js";
import { rejectC3 } from "../privacy/c3.js";
import { C1, c2, defineRecord } from "../privacy/sensitivity.js";
import { IdSchema, text } from "./common.js";
import { StaffRoleSchema } from "./enums.js";

export const StaffFields = defineRecord(
  "Staff",
  {
    id: IdSchema,
    name: text(60),
    role: StaffRoleSchema,
    branchId: IdSchema,
    /** The team within the branch (a team lead's targets and ranking), when the branch has teams. */
    teamId: IdSchema.optional(),
    /** Work phone, shown to customers of the relationship manager. */
    workMobile: MobileSchema.optional(),
    active: z.boolean(),
  },
  { id: C1, name: C1, role: C1, branchId: C1, teamId: C1, workMobile: c2("mobile"), active: C1 },
);
export const StaffSchema = rejectC3(StaffFields);
export type Staff = z.infer<typeof StaffSchema>;
