/**
 * The record type of each collection, and the collections' names: types only,
 * so the client contract (contract/client-contract.ts) can name them without
 * loading the collection table, which sits above it.
 */
import type { CampaignResponse, Campaign } from "./campaign.js";
import type { CustomerChange } from "./customer-change.js";
import type { Customer } from "./customer.js";
import type { Holding } from "./holding.js";
import type { Interaction } from "./interaction.js";
import type { Lead } from "./lead.js";
import type { Opportunity } from "./opportunity.js";
import type { RelationshipGroup } from "./relationship-group.js";
import type { ServiceCase } from "./service-case.js";
import type { Task } from "./task.js";
import type { Transaction } from "./transaction.js";

/** The records of each collection. */
export interface CollectionRecords {
  customers: Customer;
  holdings: Holding;
  transactions: Transaction;
  interactions: Interaction;
  serviceCases: ServiceCase;
  campaignResponses: CampaignResponse;
  leads: Lead;
  opportunities: Opportunity;
  campaigns: Campaign;
  tasks: Task;
  relationshipGroups: RelationshipGroup;
  customerChanges: CustomerChange;
}
export type CollectionName = keyof CollectionRecords;
