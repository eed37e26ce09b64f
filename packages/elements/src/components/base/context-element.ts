import { LitElement, html, type TemplateResult } from "lit";
import { property, state } from "lit/decorators.js";
import { consume } from "@lit/context";
import { message, resolveLocale, type Actor, type Locale } from "@bankcrm/core";
import { clientContext, localeContext, userContext, type ElementClient } from "../../context/contexts.js";

/**
 * What every bankcrm element shares: the client, user and locale, taken from
 * its own properties first and else from the nearest `<bankcrm-provider>`.
 */
export class BankcrmContextElement extends LitElement {
  /** `zh-CN` or `en`. Default: the provider's, else zh-CN. */
  @property() locale: string | undefined;

  /** The client to read and write through; default: the provider's. */
  @property({ attribute: false }) client: ElementClient | undefined;

  /** The user acting; default: the provider's, else the client's. */
  @property({ attribute: false }) user: Actor | undefined;

  @consume({ context: clientContext, subscribe: true }) @state() protected contextClient: ElementClient | undefined;
  @consume({ context: userContext, subscribe: true }) @state() protected contextUser: Actor | undefined;
  @consume({ context: localeContext, subscribe: true }) @state() protected contextLocale: Locale | undefined;

  protected get effectiveLocale(): Locale {
    return this.locale !== undefined ? resolveLocale(this.locale) : (this.contextLocale ?? "zh-CN");
  }
  protected get effectiveClient(): ElementClient | undefined {
    return this.client ?? this.contextClient;
  }
  protected get effectiveUser(): Actor | undefined {
    return this.user ?? this.contextUser ?? this.effectiveClient?.user;
  }
  /** The loading and error states every data element shows in place of its content. */
  protected loadingOrError(loading: boolean, error: string | undefined): TemplateResult | undefined {
    const locale = this.effectiveLocale;
    if (loading) return html`<div part="base" role="status" aria-busy="true">${message("loading", locale)}</div>`;
    if (error !== undefined)
      return html`<div part="base" role="alert">${message("loadFailed", locale, { reason: error })}</div>`;
    return undefined;
  }

  /** Whether the client (own or provided) changed in this update. */
  protected clientChanged(changed: Map<PropertyKey, unknown>): boolean {
    return changed.has("client") || changed.has("contextClient");
  }
}
