import { LitElement, css, html } from "lit";
import { property } from "lit/decorators.js";
import { provide } from "@lit/context";
import { resolveLocale, type Actor, type Locale } from "@bankcrm/core";
import { clientContext, localeContext, userContext, type ElementClient } from "../../context/contexts.js";
import { themeTokens } from "../../styles/themes.js";

/**
 * Supplies the client, locale, current user and theme to every bankcrm element inside it.
 *
 * @tagname bankcrm-provider
 * @summary Context for the elements inside: client, locale, user and theme.
 *
 * @slot - The host page's content that uses bankcrm elements.
 *
 * @cssproperty --bankcrm-color-text - Text colour of the theme.
 * @cssproperty --bankcrm-color-surface - Background of the theme.
 * @cssproperty --bankcrm-color-accent - Accent (links, focus) of the theme.
 */
export class BankcrmProvider extends LitElement {
  static override styles = [
    themeTokens,
    css`
      :host {
        display: contents;
        color: var(--bankcrm-color-text);
      }
    `,
  ];

  /** The CrmClient the elements read and write through (from @bankcrm/data). */
  @provide({ context: clientContext })
  @property({ attribute: false })
  client: ElementClient | undefined;

  /** The user the elements act for; defaults to the client's user (and follows a new client). */
  @property({ attribute: false })
  user: Actor | undefined;

  @provide({ context: userContext })
  protected resolvedUser: Actor | undefined;

  /** `zh-CN` (default) or `en`. */
  @property()
  locale = "zh-CN";

  @provide({ context: localeContext })
  protected resolvedLocale: Locale = "zh-CN";

  /** `light` (default) or `dark`. */
  @property({ reflect: true })
  theme: "light" | "dark" = "light";

  override willUpdate(changed: Map<string, unknown>) {
    if (changed.has("locale")) this.resolvedLocale = resolveLocale(this.locale);
    if (changed.has("client") || changed.has("user")) this.resolvedUser = this.user ?? this.client?.user;
  }

  override render() {
    return html`<slot></slot>`;
  }
}
