/** Every top-level record schema by name: for stores, docs and completeness tests. */
import { CampaignResponseSchema, CampaignSchema } from "./campaign.js";
import { CustomerChangeSchema } from "./customer-change.js";
import { CustomerSchema } from "./customer.js";
import { HoldingSchema } from "./holding.js";
import { InteractionSchema } from "./interaction.js";
import { LeadSchema } from "./lead.js";
import { OpportunitySchema } from "./opportunity.js";
import { RelationshipGroupSchema } from "./relationship-group.js";
import { SalesTargetSchema } from "./sales-target.js";
import { ServiceCaseSchema } from "./service-case.js";
import { StaffSchema } from "./staff.js";
import { TaskSchema } from "./task.js";
import { TransactionSchema } from "./transaction.js";

export const recordSchemas = {
  customer: CustomerSchema,
  holding: HoldingSchema,
  transaction: TransactionSchema,
  interaction: InteractionSchema,
  lead: LeadSchema,
  opportunity: OpportunitySchema,
  campaign: CampaignSchema,
  campaignResponse: CampaignResponseSchema,
  serviceCase: ServiceCaseSchema,
  task: TaskSchema,
  staff: StaffSchema,
  salesTarget: SalesTargetSchema,
  relationshipGroup: RelationshipGroupSchema,
  customerChange: CustomerChangeSchema,
} as const;
export type RecordName = keyof typeof recordSchemas;
