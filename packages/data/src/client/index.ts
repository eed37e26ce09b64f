export {
  createCrmClient,
  defaultClientPolicy,
  REVEALABLE_FIELDS,
  type CrmClient,
  type CrmClientOptions,
  type ClientPolicy,
  type ChangeEvent,
  type InvalidRecordReport,
  type RevealableField,
  type UpsertResult,
  type WriteStatus,
  type LeadWriteResult,
} from "./crm-client.js";
