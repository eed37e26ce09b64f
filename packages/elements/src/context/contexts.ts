/**
 * What `<bankcrm-provider>` hands to the elements inside it (Lit context).
 * Each element also takes the same things as properties, which win — so every
 * element works without a provider.
 */
import { createContext } from "@lit/context";
import type { Actor, Locale } from "@bankcrm/core";

/** The CrmClient from @bankcrm/data, typed loosely so elements do not depend on the data package. */
export interface ElementClient {
  readonly user: Actor;
}

export const clientContext = createContext<ElementClient | undefined>(Symbol.for("bankcrm.client"));
export const localeContext = createContext<Locale>(Symbol.for("bankcrm.locale"));
export const userContext = createContext<Actor | undefined>(Symbol.for("bankcrm.user"));
