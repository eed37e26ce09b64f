import { LitElement, html } from "lit";
import { property, state } from "lit/decorators.js";
import { consume } from "@lit/context";
import { label, resolveLocale, type Locale, type Tier } from "@bankcrm/core";
import { TIERS } from "@bankcrm/core/vocabulary";
import { localeContext } from "../../context/contexts.js";
import { tierBadgeStyles } from "./tier-badge.styles.js";
import { cardMessage } from "../../i18n/card-messages.js";

/**
 * A customer's tier (客户等级) as a compact, localized badge.
 *
 * @tagname bankcrm-tier-badge
 * @summary Shows a customer tier — standard, gold, platinum, diamond or private banking — in zh-CN or English.
 *
 * @csspart base - The badge box.
 * @csspart label - The tier's name.
 *
 * @cssproperty --bankcrm-tier-badge-radius - Corner radius; defaults to `--bankcrm-radius`.
 * @cssproperty --bankcrm-tier-badge-font-size - Font size of the label.
 * @cssproperty --bankcrm-tier-gold-color - Text colour of the gold tier (likewise `standard`, `platinum`, `diamond`, `private`, `unknown`).
 * @cssproperty --bankcrm-tier-gold-background - Background of the gold tier (likewise the other tiers).
 */
export class BankcrmTierBadge extends LitElement {
  static override styles = tierBadgeStyles;

  /** The tier to show: `standard`, `gold`, `platinum`, `diamond` or `private`. Anything else shows as unknown. */
  @property({ reflect: true }) tier: Tier | undefined;

  /** Locale of the label: `zh-CN` or `en` (other tags resolve as `resolveLocale` says). Default: the provider's, else zh-CN. */
  @property() locale: string | undefined;

  @consume({ context: localeContext, subscribe: true })
  @state()
  protected contextLocale: Locale | undefined;

  override render() {
    const locale = this.locale !== undefined ? resolveLocale(this.locale) : (this.contextLocale ?? "zh-CN");
    const known = this.tier !== undefined && (TIERS as readonly string[]).includes(this.tier);
    const text = known ? label("tier", this.tier!, locale) : cardMessage("tierUnknown", locale);
    return html`<span part="base" class=${known ? this.tier! : "unknown"}><span part="label">${text}</span></span>`;
  }
}
