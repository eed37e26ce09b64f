import { LitElement, html, nothing } from "lit";
import { property, state } from "lit/decorators.js";
import { consume } from "@lit/context";
import { label, message, resolveLocale, type Locale, type Tier, type ValueScore } from "@bankcrm/core";
import { localeContext } from "../../context/contexts.js";
import { valueBadgeStyles } from "./value-badge.styles.js";
import { cardMessage } from "../../i18n/card-messages.js";

let nextId = 0;

/**
 * A customer's tier and 0–100 value score, with an accessible explanation of the factors behind it.
 *
 * @tagname bankcrm-value-badge
 * @summary Tier and value score; a disclosure button reveals the per-factor breakdown.
 *
 * @csspart base - The whole badge.
 * @csspart score - The score text.
 * @csspart toggle - The button that shows or hides the explanation.
 * @csspart factors - The list of factors.
 * @csspart empty - Shown when there is no score.
 * @csspart error - Shown when loading failed.
 *
 * @cssproperty --bankcrm-value-badge-font-size - Font size.
 * @cssproperty --bankcrm-color-accent - Colour of the toggle.
 */
export class BankcrmValueBadge extends LitElement {
  static override styles = valueBadgeStyles;

  /** The customer's tier. */
  @property() tier: Tier | undefined;

  /** The value score with its factors, as `scoreCustomerValue` returns it. */
  @property({ attribute: false }) value: ValueScore | undefined;

  /** Shows the loading state. */
  @property({ type: Boolean, reflect: true }) loading = false;

  /** An error to show instead of the score (rendered as text). */
  @property() error: string | undefined;

  /** `zh-CN` or `en`. Default: the provider's, else zh-CN. */
  @property() locale: string | undefined;

  @consume({ context: localeContext, subscribe: true })
  @state()
  protected contextLocale: Locale | undefined;

  @state() private expanded = false;

  private readonly listId = `bankcrm-value-factors-${nextId++}`;

  private get effectiveLocale(): Locale {
    return this.locale !== undefined ? resolveLocale(this.locale) : (this.contextLocale ?? "zh-CN");
  }

  private toggle() {
    this.expanded = !this.expanded;
  }

  override render() {
    const locale = this.effectiveLocale;
    if (this.loading)
      return html`<span part="base" role="status" aria-busy="true" class="muted">${message("loading", locale)}</span>`;
    if (this.error !== undefined)
      return html`<span part="base error" role="alert">${message("loadFailed", locale, { reason: this.error })}</span>`;
    const tier = html`<bankcrm-tier-badge .tier=${this.tier} locale=${locale}></bankcrm-tier-badge>`;
    if (!this.value)
      return html`<span part="base">${tier}<span part="empty">${cardMessage("notScored", locale)}</span></span>`;
    const score = Math.round(this.value.score);
    return html`<span part="base">
      ${tier}
      <span part="score">${message("valueScore", locale, { score })}</span>
      <button
        part="toggle"
        type="button"
        aria-expanded=${this.expanded ? "true" : "false"}
        aria-controls=${this.listId}
        @click=${this.toggle}
      >
        ${cardMessage(this.expanded ? "hideExplanation" : "explainScore", locale)}
      </button>
      <ul part="factors" id=${this.listId} ?hidden=${!this.expanded}>
        ${this.value.factors.map(
          (f) =>
            html`<li>
              ${label("valueFactor", f.code, locale)}${locale === "zh-CN" ? "：" : ": "}${cardMessage("points", locale, { points: f.points.toFixed(1) })}
              ${f.missing ? html`<span class="muted">(${message("noData", locale)})</span>` : nothing}
            </li>`,
        )}
      </ul>
    </span>`;
  }
}
