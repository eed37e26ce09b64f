/**
 * What `<bankcrm-provider>` hands to the elements inside it (Lit context).
 * Each element also takes the same things as properties, which win — so every
 * element works without a provider.
 */
import { createContext } from "@lit/context";
import type { Actor, CampaignResponse, Customer, Interaction, Locale, ServiceCase, Transaction } from "@bankcrm/core";

/**
 * What elements need of the CrmClient from @bankcrm/data — declared here so the
 * elements do not depend on the data package (any object with these works).
 */
export interface ElementClient {
  readonly user: Actor;
  readonly customers: {
    get(id: string): Promise<Customer | undefined>;
    reveal(customerId: string, field: RevealableField, reason: string): Promise<string | undefined>;
  };
  /** Every touchpoint of a customer, newest first, a page at a time (for the timeline). */
  timeline?(customerId: string, query: { limit?: number; after?: string }): Promise<TimelinePage>;
  /** Creates a lead: saved at once online, queued in the outbox offline (for the lead form). */
  readonly leads?: {
    create(input: unknown): Promise<{ status: LeadWriteStatus; reason?: string; lead: { id: string } }>;
  };
}

/** What happened to a submitted lead: stored, waiting in the outbox, refused, or in conflict. */
export type LeadWriteStatus = "saved" | "queued" | "failed" | "conflict";

/** One touchpoint on a customer's timeline — the same shape as the data client's timeline entries. */
export type TimelineItem =
  | { kind: "interaction"; id: string; customerId: string; at: string; record: Interaction }
  | { kind: "transaction"; id: string; customerId: string; at: string; record: Transaction }
  | { kind: "case"; id: string; customerId: string; at: string; record: ServiceCase }
  | { kind: "campaign"; id: string; customerId: string; at: string; record: CampaignResponse };
export type TimelineKind = TimelineItem["kind"];

export interface TimelinePage {
  items: TimelineItem[];
  /** Cursor of the next page; absent on the last. */
  next?: string;
}

export type RevealableField =
  "name" | "idDocument.number" | "contact.mobile" | "contact.email" | "contact.address" | "legalRepresentative";

export const clientContext = createContext<ElementClient | undefined>(Symbol.for("bankcrm.client"));
export const localeContext = createContext<Locale>(Symbol.for("bankcrm.locale"));
export const userContext = createContext<Actor | undefined>(Symbol.for("bankcrm.user"));
