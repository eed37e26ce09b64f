/**
 * The record collections a CRM store keeps and an API serves, with the schema
 * that validates each at every boundary — one table for the stores, the
 * client, the reference server and the REST contract.
 */
import { CampaignResponseSchema, CampaignSchema } from "./campaign.js";
import { CustomerSchema } from "./customer.js";
import { HoldingSchema } from "./holding.js";
import { InteractionSchema } from "./interaction.js";
import { LeadSchema } from "./lead.js";
import { OpportunitySchema } from "./opportunity.js";
import { RelationshipGroupSchema } from "./relationship-group.js";
import { ServiceCaseSchema } from "./service-case.js";
import { TaskSchema } from "./task.js";
import { TransactionSchema } from "./transaction.js";

export const collectionSchemas = {
  customers: CustomerSchema,
  holdings: HoldingSchema,
  transactions: TransactionSchema,
  interactions: InteractionSchema,
  serviceCases: ServiceCaseSchema,
  campaignResponses: CampaignResponseSchema,
  leads: LeadSchema,
  opportunities: OpportunitySchema,
  campaigns: CampaignSchema,
  tasks: TaskSchema,
  relationshipGroups: RelationshipGroupSchema,
} as const;

export type CollectionName = keyof typeof collectionSchemas;
export const COLLECTION_NAMES = Object.keys(collectionSchemas) as CollectionName[];
