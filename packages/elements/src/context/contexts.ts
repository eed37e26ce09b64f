/**
 * What `<bankcrm-provider>` hands to the elements inside it (Lit context).
 * Each element also takes the same things as properties, which win — so every
 * element works without a provider.
 */
import { createContext } from "@lit/context";
import type { Actor, Customer, Locale } from "@bankcrm/core";

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
}

export type RevealableField =
  "name" | "idDocument.number" | "contact.mobile" | "contact.email" | "contact.address" | "legalRepresentative";

export const clientContext = createContext<ElementClient | undefined>(Symbol.for("bankcrm.client"));
export const localeContext = createContext<Locale>(Symbol.for("bankcrm.locale"));
export const userContext = createContext<Actor | undefined>(Symbol.for("bankcrm.user"));
