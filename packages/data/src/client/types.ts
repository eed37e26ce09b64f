/** What a host gives the client and gets back from it: options, policy, change events, write options and results. */
import {
  CONFIDENTIAL_READER_ROLES,
  defaultAccessPolicy,
  FINANCIAL_READER_ROLES,
  type AccessPolicy,
  type Actor,
  type Customer,
  type FieldError,
  type FreeTextPolicy,
  type Locale,
  type RevealAuditEvent,
  type SalePolicy,
  type StaffRole,
  type WriteStatus,
} from "@bankcrm/core";
import type { Outbox } from "../outbox/outbox.js";
import type { LocalMergeOptions } from "../resolution/local-merges.js";
import type { CollectionName, CrmStore } from "../stores/store.js";

export interface ClientPolicy extends AccessPolicy {
  /** Roles that see balances and amounts (identifiers stay masked for all). */
  financialRoles: readonly StaffRole[];
  /** Roles that may read confidential interactions. */
  confidentialRoles: readonly StaffRole[];
}

export const defaultClientPolicy: ClientPolicy = {
  ...defaultAccessPolicy,
  financialRoles: FINANCIAL_READER_ROLES,
  confidentialRoles: CONFIDENTIAL_READER_ROLES,
};

export interface ChangeEvent {
  collection: CollectionName;
  ids: string[];
  /** `removed`: the records left the user's sight (a change feed's `leave`). */
  action: "created" | "updated" | "removed";
  /** `remote`: made elsewhere and heard through the server's change feed (`CrmClient.announce`); absent: this client's own write. */
  origin?: "remote";
  /** The state machine's event, when a transition made the change. */
  event?: string;
  /** Whether the write reached its store ("saved") or waits in the outbox ("queued"). */
  status?: WriteStatus;
}

export interface InvalidRecordReport {
  collection: CollectionName;
  id?: string;
  errors: FieldError[];
}

export interface CrmClientOptions {
  store: CrmStore;
  user: Actor;
  locale?: Locale;
  /** Records each reveal; awaited before the value is returned. A throw reveals nothing. */
  onAudit: (event: RevealAuditEvent) => void | Promise<void>;
  /** Told about records a store returned that fail the schemas (they are left out). */
  onInvalidRecord?: (report: InvalidRecordReport) => void;
  policy?: ClientPolicy;
  now?: () => Date;
  /**
   * Where writes for the server wait when it cannot be reached. With an outbox,
   * a new lead is committed to it first and sent from there (see outbox.ts).
   */
  outbox?: Outbox;
  /**
   * What a write does when its free text (a title, a summary, notes) carries the customer's name, ID number,
   * mobile, e-mail or account number: `"mask"` them there (default) or `"refuse"` the write with a field error.
   * Against a server that masks identifiers (the reference server), the server applies its own setting.
   */
  freeTextIdentifiers?: FreeTextPolicy;
  /**
   * What a sale of an investment or insurance product must satisfy to be won (default `DEFAULT_SALE_POLICY`): give
   * the bank's own, as its server has it. The client checks what it can read; the server checks the stored customer.
   */
  salePolicy?: SalePolicy;
  /** Survivorship of merges made on this device (source priority, per-field rule order, whose RM is kept). */
  resolution?: Omit<LocalMergeOptions, "now">;
}

export type { WriteStatus, WriteResult } from "@bankcrm/core";

export interface TransitionInput {
  /** Why (required by some events: lose, disqualify, cancel, reopen, escalate). */
  reason?: string;
  /** The version the user saw; default the latest this client can read. A different stored version is a conflict. */
  expectedVersion?: number;
  /** The event's details: `amount`, `stage`, `until`, `resolution`, `opportunityId`… */
  [detail: string]: unknown;
}

export interface UpdateOptions {
  /** The version the user saw; default the latest this client can read. */
  expectedVersion?: number;
}

export interface UpsertResult {
  customer: Customer;
  created: boolean;
}
