import { html, nothing, type PropertyValues } from "lit";
import { property, state } from "lit/decorators.js";
import {
  BankcrmNotFoundError,
  canReveal,
  formatMoney,
  label,
  mask,
  message,
  type ContactPerson,
  type Locale,
  type Customer,
  type Money,
  type ValueScore,
} from "@bankcrm/core";
import type { RevealableField } from "../../context/contexts.js";
import { BankcrmContextElement } from "../base/context-element.js";
import { BankcrmRevealErrorEvent, BankcrmRevealEvent, BankcrmRevealedEvent } from "../../events/reveal-events.js";
import { customerCardStyles } from "./customer-card.styles.js";
import { cardMessage } from "../../i18n/card-messages.js";

/** Key figures shown on the card. */
export interface CustomerFigures {
  aum?: Money;
  contribution?: Money;
  productCount?: number;
  /** Owed on the customer's loans and cards: shown against a company's credit line (授信额度) as its use. */
  creditUsed?: Money;
  /**
   * The points balance the customer's ledger gives now (core's `pointsBalance`), shown instead of the record's
   * `loyaltyPoints` — the figure the core system last reported.
   */
  points?: number;
  /** The soonest points to lapse, shown beside the balance. */
  pointsExpiring?: { on: string; points: number };
}

/**
 * A customer at a glance: name, type, tier and value, masked mobile and ID with
 * a reveal control for permitted roles, relationship manager, branch, key
 * figures and tags. Identifiers are always shown masked — whatever the host
 * passes — until a reveal through the client succeeds (its audit first).
 *
 * @tagname bankcrm-customer-card
 * @summary A customer at a glance, masked by default, with audited reveal.
 *
 * @slot actions - Buttons of the host page (call, new lead…), in the footer.
 *
 * @csspart base - The card.
 * @csspart header - Name, type and badges.
 * @csspart name - The customer's name.
 * @csspart kind - Individual or corporate.
 * @csspart body - Identifiers and relationship.
 * @csspart value - A figure's value.
 * @csspart footer - The actions slot's container.
 *
 * @cssproperty --bankcrm-customer-card-background - Card background; defaults to the surface colour.
 * @cssproperty --bankcrm-customer-card-border-color - Card border.
 * @cssproperty --bankcrm-customer-card-radius - Corner radius.
 * @cssproperty --bankcrm-customer-card-padding - Inner spacing.
 *
 * @event bankcrm-reveal - Before a reveal; cancelable; `detail.reason` may be changed.
 * @event bankcrm-revealed - After a reveal succeeded (no value in the event).
 * @event bankcrm-reveal-error - A reveal failed; the field stays masked.
 */
export class BankcrmCustomerCard extends BankcrmContextElement {
  static override styles = customerCardStyles;

  /** The customer to show (masked or not — the card masks identifiers itself). */
  @property({ attribute: false }) customer: Customer | undefined;

  /** Fetches the customer through the provider's client instead. */
  @property({ attribute: "customer-id" }) customerId: string | undefined;

  /** Value score with factors, for the value badge. */
  @property({ attribute: false }) value: ValueScore | undefined;

  /** Key figures: AUM, contribution, products held. */
  @property({ attribute: false }) figures: CustomerFigures | undefined;

  /** Names to show for ids (relationship manager, branch). */
  @property({ attribute: false }) names: Record<string, string> = {};

  /** `full` (default) or `compact`. */
  @property({ reflect: true }) layout: "full" | "compact" = "full";

  /** Offline: reveals are disabled. */
  @property({ type: Boolean, reflect: true }) offline = false;

  /** Shows the loading state (also while fetching by `customer-id`). */
  @property({ type: Boolean, reflect: true }) loading = false;

  /** An error to show instead of the card. */
  @property() error: string | undefined;

  /** The reason recorded when the user reveals a field. Default: "viewing customer details". */
  @property({ attribute: "reveal-reason" }) revealReason: string | undefined;

  @state() private revealed: Partial<Record<RevealableField, string>> = {};
  @state() private revealError: string | undefined;

  override willUpdate(changed: PropertyValues<this>) {
    if (changed.has("customer") || changed.has("customerId")) {
      this.revealed = {};
      this.revealError = undefined;
    }
  }

  override updated(changed: PropertyValues<this>) {
    if (
      (changed.has("customerId") || this.clientChanged(changed)) &&
      this.customerId &&
      this.customer?.id !== this.customerId
    )
      void this.fetch();
  }

  private async fetch() {
    const client = this.effectiveClient;
    const id = this.customerId;
    if (!client || !id) return;
    this.loading = true;
    this.error = undefined;
    try {
      const customer = await client.customers.get(id);
      if (this.customerId === id) this.customer = customer;
    } catch (error) {
      this.error = error instanceof Error ? error.message : String(error);
    } finally {
      this.loading = false;
    }
  }

  private async reveal(field: RevealableField) {
    const client = this.effectiveClient;
    const customer = this.customer;
    if (!client || !customer || this.offline) return;
    const locale = this.effectiveLocale;
    const before = new BankcrmRevealEvent({
      customerId: customer.id,
      field,
      reason: this.revealReason ?? message("revealReason", locale),
    });
    if (!this.dispatchEvent(before)) return;
    try {
      const value = await client.customers.reveal(customer.id, field, before.detail.reason);
      if (value === undefined) throw new BankcrmNotFoundError("customers", `${customer.id}#${field}`);
      this.revealed = { ...this.revealed, [field]: value };
      this.revealError = undefined;
      this.dispatchEvent(new BankcrmRevealedEvent({ customerId: customer.id, field }));
    } catch (error) {
      this.revealError = error instanceof Error ? error.message : String(error);
      this.dispatchEvent(new BankcrmRevealErrorEvent({ customerId: customer.id, field, error }));
    }
  }

  private identifier(field: RevealableField, value: string | undefined, kind: "mobile" | "idNumber", caption: string) {
    const locale = this.effectiveLocale;
    if (!value)
      return html`<dt>${caption}</dt>
        <dd>—</dd>`;
    const shown = this.revealed[field] ?? mask(value, kind);
    const user = this.effectiveUser;
    const mayReveal =
      !this.revealed[field] && this.effectiveClient !== undefined && user !== undefined && canReveal(user, "C2");
    return html`<dt>${caption}</dt>
      <dd>
        <span data-field=${field}>${shown}</span>
        ${
          mayReveal
            ? html`<button
                type="button"
                ?disabled=${this.offline}
                aria-label=${cardMessage("revealLabel", locale, { field: caption })}
                @click=${() => void this.reveal(field)}
              >
                ${message("reveal", locale)}
              </button>`
            : nothing
        }
      </dd>`;
  }

  /** A company's credit line (授信额度), and how much of it is used when the host says what is owed. */
  /** A company's contact persons: who each is to it, masked name and mobile, the one called first. */
  private contactPersons(people: readonly ContactPerson[], locale: Locale) {
    return html`<dt>${cardMessage("contactPersonsLabel", locale)}</dt>
      <dd data-field="contactPersons">
        <ul part="contacts">
          ${people.map((p) => {
            const parts = [label("contactPersonRole", p.role, locale), mask(p.name, "name")];
            if (p.mobile) parts.push(mask(p.mobile, "mobile"));
            if (p.primary) parts.push(cardMessage("primaryContact", locale));
            // Each part in an isolate of its own: a name from a source system cannot reorder the mobile after it.
            return html`<li>${parts.map((part, i) => html`${i > 0 ? " · " : ""}<bdi>${part}</bdi>`)}</li>`;
          })}
        </ul>
      </dd>`;
  }

  private creditLine(line: Money, used: Money | undefined) {
    const locale = this.effectiveLocale;
    const money = (m: Money) => formatMoney(m.amount, m.currency, locale, { compact: true });
    const share =
      used && used.currency === line.currency && line.amount > 0
        ? new Intl.NumberFormat(locale, { style: "percent", maximumFractionDigits: 0 }).format(
            used.amount / line.amount,
          )
        : undefined;
    return html`<dt>${cardMessage("creditLineLabel", locale)}</dt>
      <dd data-field="creditLine">
        ${money(line)}${used && share !== undefined ? ` · ${cardMessage("creditLineUsed", locale, { used: money(used), share })}` : ""}
      </dd>`;
  }

  override render() {
    const locale = this.effectiveLocale;
    const state = this.loadingOrError(this.loading, this.error);
    if (state) return state;
    const c = this.customer;
    if (!c) return html`<div part="base" class="muted">${cardMessage("noCustomer", locale)}</div>`;
    const name = this.revealed.name ?? (c.kind === "individual" ? mask(c.name, "name") : c.name);
    const f = this.figures;
    const money = (m: Money | undefined) => (m ? formatMoney(m.amount, m.currency, locale, { compact: true }) : "—");
    return html`<article part="base" aria-label=${name}>
      <header part="header">
        <h3 part="name">${name}</h3>
        <span part="kind">${label("customerKind", c.kind, locale)}</span>
        <bankcrm-value-badge .tier=${c.tier} .value=${this.value} locale=${locale}></bankcrm-value-badge>
      </header>
      <dl part="body">
        ${this.identifier("contact.mobile", c.contact.mobile, "mobile", cardMessage("mobileLabel", locale))}
        ${
          c.kind === "individual"
            ? this.identifier("idDocument.number", c.idDocument.number, "idNumber", cardMessage("idLabel", locale))
            : html`<dt>${cardMessage("usccLabel", locale)}</dt>
                <dd>${c.uscc}</dd>`
        }
        <dt>${cardMessage("relationshipManager", locale)}</dt>
        <dd>${c.relationshipManagerId ? (this.names[c.relationshipManagerId] ?? c.relationshipManagerId) : "—"}</dd>
        <dt>${cardMessage("branchLabel", locale)}</dt>
        <dd>${this.names[c.branchId] ?? c.branchId}</dd>
        ${c.kind === "corporate" && c.creditLine ? this.creditLine(c.creditLine, f?.creditUsed) : nothing}
        ${c.kind === "corporate" && c.contactPersons?.length ? this.contactPersons(c.contactPersons, locale) : nothing}
        <dt>${cardMessage("loyaltyPointsLabel", locale)}</dt>
        <dd data-field="loyaltyPoints">${new Intl.NumberFormat(locale).format(f?.points ?? c.loyaltyPoints)}</dd>
        ${
          f?.pointsExpiring
            ? html`<dd class="muted" data-field="pointsExpiring">
                ${cardMessage("pointsExpiring", locale, {
                  points: new Intl.NumberFormat(locale).format(f.pointsExpiring.points),
                  date: f.pointsExpiring.on,
                })}
              </dd>`
            : nothing
        }
      </dl>
      ${this.offline ? html`<p class="muted">${cardMessage("offlineNoReveal", locale)}</p>` : nothing}
      ${this.revealError !== undefined ? html`<p role="alert">${cardMessage("revealFailed", locale, { reason: this.revealError })}</p>` : nothing}
      ${
        f
          ? html`<div class="figures">
              <div class="figure">
                <span class="muted">${cardMessage("aumLabel", locale)}</span><span part="value">${money(f.aum)}</span>
              </div>
              <div class="figure">
                <span class="muted">${cardMessage("contributionLabel", locale)}</span
                ><span part="value">${money(f.contribution)}</span>
              </div>
              <div class="figure">
                <span class="muted">${cardMessage("productCountLabel", locale)}</span
                ><span part="value">${f.productCount ?? "—"}</span>
              </div>
            </div>`
          : nothing
      }
      ${
        c.tags.length > 0
          ? html`<ul class="tags" aria-label=${cardMessage("tagsLabel", locale)}>
              ${c.tags.map((t) => html`<li>${t}</li>`)}
            </ul>`
          : nothing
      }
      <footer part="footer"><slot name="actions"></slot></footer>
    </article>`;
  }
}
