export * from "./enums.js";
export { IdSchema, IsoDateSchema, IsoDateTimeSchema, RateSchema, TagSchema, TagsSchema, text } from "./common.js";
export * from "./customer.js";
export * from "./holding.js";
export * from "./transaction.js";
export * from "./interaction.js";
export * from "./lead.js";
export * from "./opportunity.js";
export * from "./campaign.js";
export * from "./service-case.js";
export * from "./task.js";
export * from "./staff.js";
export * from "./sales-target.js";
export * from "./relationship-group.js";
export { recordSchemas } from "./records.js";
export { matchesCustomerSearch } from "./customer-search.js";
export { recordJsonSchemas } from "./json-schema.js";
export {
  collections,
  collectionSpec,
  collectionSchemas,
  COLLECTION_NAMES,
  WRITABLE_COLLECTIONS,
  MACHINE_COLLECTIONS,
  WRITER_ROLES,
  isCollectionName,
  timelineAt,
  belongsTo,
  type CollectionName,
  type CollectionRecords,
  type CollectionSpec,
  type CollectionWrites,
} from "./collections.js";
export * from "./customer-change.js";
export * from "./write-metadata.js";
