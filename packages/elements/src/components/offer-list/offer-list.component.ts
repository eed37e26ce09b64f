import { html, nothing, type PropertyValues } from "lit";
import { property, state } from "lit/decorators.js";
import {
  DAY_MS,
  labelIn,
  type AssociationRule,
  type Customer,
  type Holding,
  type Interaction,
  type InteractionChannel,
  type Lead,
  type LeadPurpose,
  type Locale,
  type NextBestOffers,
  type Offer,
  type OfferDismissalReason,
  type OfferReason,
  type OfferableProduct,
  type Opportunity,
  type Task,
  type WriteResult,
} from "@bankcrm/core";
import { latestMarketingConsent, nextBestOffers, offerResponses } from "@bankcrm/core/analytics";
import { OFFER_DISMISSAL_REASONS } from "@bankcrm/core/vocabulary";
import {
  offerDismissalLabels,
  offerExclusionLabels,
  productRiskLevelLabels,
  productTypeLabels,
  riskToleranceLabels,
} from "@bankcrm/core/i18n";
import { say } from "../../i18n/offer-list-messages.js";
import { BankcrmOfferResponseEvent, type OfferResponseDetail } from "../../events/offer-list-events.js";
import { failure, listAll, writeOutcome } from "../../internal/records.js";
import { LEAD_FORM_FIELDS } from "../lead-form/lead-fields.js";
import { BankcrmContextElement } from "../base/context-element.js";
import { offerListStyles } from "./offer-list.styles.js";

/** What the list reads of one customer: enough to rank offers and to know what they said before. */
interface CustomerOffers {
  customer: Customer;
  offers: NextBestOffers;
}

/** The lead purpose a product type is asked about under (the lead form's own mapping), else "other". */
function purposeOf(type: string): LeadPurpose {
  const found = Object.entries(LEAD_FORM_FIELDS).find(([, f]) => (f.products as readonly string[]).includes(type));
  return (found?.[0] as LeadPurpose | undefined) ?? "other";
}

const percent = (x: number, l: Locale) =>
  new Intl.NumberFormat(l, { style: "percent", maximumFractionDigits: 0 }).format(x);

/**
 * A customer's next best offers (交叉销售) with their reasons in words, and the products left out with why
 * (held, unsuitable for their risk tolerance, no consent, turned down lately, already being worked). An offer
 * becomes a lead or a follow-up task for the relationship manager, or is turned down with a reason — each
 * written through the client (queued in the outbox offline). A turned-down product is left out for
 * `dismissed-for-days`; the answer teaches the ranking nothing else (core's `nextBestOffers`).
 *
 * @tagname bankcrm-offer-list
 * @summary A customer's suitable offers with their reasons; make a lead or a task, or record why one was turned down.
 *
 * @csspart base - The whole list.
 * @csspart offer - One offer.
 * @csspart reasons - An offer's reasons.
 * @csspart excluded - The products left out, with why.
 * @csspart status - The live region saying what a write did.
 *
 * @event bankcrm-offer-response - An offer became a lead or a task, or was turned down (`detail.action`, `detail.record`, `detail.status`).
 */
export class BankcrmOfferList extends BankcrmContextElement {
  static override styles = offerListStyles;

  /** The customer whose offers are shown. */
  @property({ attribute: "customer-id" }) customerId: string | undefined;

  /** The bank's products that may be offered, in the bank's own order (the general list's). */
  @property({ attribute: false }) catalog: readonly OfferableProduct[] = [];

  /** Association rules mined over the book's holdings (core's `mineAssociationRules`). */
  @property({ attribute: false }) rules: readonly AssociationRule[] = [];

  /** Offers shown at most. */
  @property({ type: Number }) limit = 3;

  /** Days a turned-down product stays left out. */
  @property({ type: Number, attribute: "dismissed-for-days" }) dismissedForDays = 90;

  /** The channel a turned-down offer is recorded on (`branch` in a branch, `call_center_inbound` at the desk…). */
  @property() channel: InteractionChannel = "branch";

  /** Days a follow-up task is due in. */
  @property({ type: Number, attribute: "task-due-days" }) taskDueDays = 3;

  /** The moment offers are judged at (risk assessments' age, dismissals' age); default the clock. */
  @property({ attribute: false }) now: Date | undefined;

  @state() private data: CustomerOffers | undefined;
  @state() private loading = false;
  @state() private error: string | undefined;
  @state() private statusText = "";
  @state() private busy = false;
  private seq = 0;
  private unsubscribe: (() => void) | undefined;
  private followed: unknown;

  override willUpdate(changed: PropertyValues<this>) {
    const typed = changed as Map<PropertyKey, unknown>;
    if (this.effectiveClient !== this.followed) {
      this.unsubscribe?.();
      this.followed = this.effectiveClient;
      const watched = new Set(["interactions", "leads", "opportunities", "holdings", "customers"]);
      this.unsubscribe = this.effectiveClient?.on?.("change", (e) => {
        if (watched.has(e.collection)) void this.load();
      });
      void this.load();
    } else if (["customerId", "catalog", "rules", "limit", "dismissedForDays", "now"].some((k) => typed.has(k)))
      void this.load();
  }

  /** Back in the document: the next update follows the client's changes again (and reads). */
  override connectedCallback() {
    super.connectedCallback();
    if (this.followed === undefined && this.hasUpdated) this.requestUpdate();
  }

  override disconnectedCallback() {
    super.disconnectedCallback();
    this.unsubscribe?.();
    this.unsubscribe = undefined;
    this.followed = undefined;
  }

  private get clock(): Date {
    return this.now ?? new Date();
  }

  /** Reads the customer, their holdings and their earlier answers again, and ranks the offers. */
  async load(): Promise<void> {
    const client = this.effectiveClient;
    const id = this.customerId;
    const seq = ++this.seq;
    if (!client || !id) {
      this.data = undefined;
      return;
    }
    this.loading = this.data === undefined;
    try {
      const mine = { customerId: id };
      const [customer, holdings, interactions, leads, opportunities] = await Promise.all([
        client.customers.get(id),
        client.holdings?.list(id) ?? Promise.resolve([] as Holding[]),
        client.interactions ? listAll((q) => client.interactions!.list(q), mine) : [],
        client.leads ? listAll((q) => client.leads!.list(q), mine) : [],
        client.opportunities ? listAll((q) => client.opportunities!.list(q), mine) : [],
      ]);
      if (seq !== this.seq) return;
      this.error = undefined;
      this.data = customer && {
        customer,
        offers: nextBestOffers(customer, holdings, this.rules, this.catalog, {
          limit: this.limit,
          now: this.clock,
          dismissedForDays: this.dismissedForDays,
          responses: offerResponses({
            interactions: interactions.filter((i: Interaction) => i.customerId === id),
            leads: leads.filter((l: Lead) => l.customerId === id),
            opportunities: opportunities.filter((o: Opportunity) => o.customerId === id),
          }),
        }),
      };
    } catch (error) {
      if (seq === this.seq) this.error = failure(error, this.effectiveLocale);
    } finally {
      if (seq === this.seq) this.loading = false;
    }
  }

  private async respond<T>(
    action: OfferResponseDetail["action"],
    product: OfferableProduct,
    saved: "offerLeadSaved" | "offerTaskSaved" | "offerDismissSaved",
    run: () => Promise<WriteResult<T>> | undefined,
  ): Promise<void> {
    if (this.busy) return;
    const l = this.effectiveLocale;
    this.busy = true;
    this.statusText = "";
    try {
      const result = run();
      if (!result) throw new Error(say("noClient", l));
      const written = await result;
      this.statusText = writeOutcome(written, say(saved, l), l);
      if (written.status === "saved" || written.status === "queued")
        this.dispatchEvent(
          new BankcrmOfferResponseEvent({
            action,
            product,
            status: written.status,
            record: written.record,
          } as OfferResponseDetail),
        );
      await this.load();
    } catch (error) {
      this.statusText = failure(error, l);
    } finally {
      this.busy = false;
    }
  }

  /** Makes the offer a new lead for this customer, assigned to the user (the lead queue's to work). */
  makeLead(product: OfferableProduct): Promise<void> {
    const client = this.effectiveClient;
    return this.respond("lead", product, "offerLeadSaved", () => {
      const customer = this.data?.customer;
      const consent = customer && latestMarketingConsent(customer);
      if (!client?.leads || !customer || !consent) return undefined;
      const lead: Lead = {
        id: `LD-${crypto.randomUUID()}`,
        customerId: customer.id,
        purpose: purposeOf(product.type),
        productInterest: product.type,
        source: "rm_outreach",
        status: "new",
        ...(customer.branchId ? { branchId: customer.branchId } : {}),
        assignedTo: client.user.id,
        consent,
        // The product's code and name are the bank's, not the person's: safe in free text.
        notes: `${product.code} ${product.name}`.slice(0, 500),
        createdAt: this.clock.toISOString(),
      };
      return client.leads.create(lead);
    });
  }

  /** Adds a follow-up task about the offer for the user, due in `task-due-days`. */
  makeTask(product: OfferableProduct): Promise<void> {
    const client = this.effectiveClient;
    const l = this.effectiveLocale;
    return this.respond("task", product, "offerTaskSaved", () => {
      const customer = this.data?.customer;
      if (!client?.tasks || !customer) return undefined;
      const task: Task = {
        id: `TK-${crypto.randomUUID()}`,
        customerId: customer.id,
        assigneeId: client.user.id,
        type: "call",
        title: say("offerTaskTitle", l, { product: product.name }).slice(0, 120),
        priority: "medium",
        status: "open",
        dueAt: new Date(this.clock.getTime() + this.taskDueDays * DAY_MS).toISOString(),
      };
      return client.tasks.create(task);
    });
  }

  /** Records that the customer turned the offer down, and why: an interaction carrying the offer. */
  dismiss(product: OfferableProduct, reason: OfferDismissalReason): Promise<void> {
    const client = this.effectiveClient;
    const l = this.effectiveLocale;
    return this.respond("dismiss", product, "offerDismissSaved", () => {
      const customer = this.data?.customer;
      if (!client?.interactions || !customer) return undefined;
      const interaction: Interaction = {
        id: `IN-${crypto.randomUUID()}`,
        customerId: customer.id,
        at: this.clock.toISOString(),
        channel: this.channel,
        type: "note",
        outcome: "declined",
        summary: `${say("offerDismiss", l)}: ${product.name} · ${labelIn(offerDismissalLabels, reason, l)}`.slice(
          0,
          500,
        ),
        staffId: client.user.id,
        confidential: false,
        offer: { productCode: product.code, reason },
      };
      return client.interactions.create(interaction);
    });
  }

  private reasonText(reason: OfferReason, product: OfferableProduct, l: Locale): string {
    const type = (t: string) => labelIn(productTypeLabels, t, l);
    if (reason.code === "rule") {
      const values = {
        antecedent: (reason.antecedent ?? []).map(type).join(l === "en" ? ", " : "、"),
        confidence: percent(reason.confidence ?? 0, l),
        lift: (reason.lift ?? 0).toFixed(1),
        product: type(product.type),
      };
      return say(values.antecedent ? "offerRule" : "offerRuleAlone", l, values);
    }
    if (reason.code === "suitable")
      return say("offerSuitable", l, {
        risk: labelIn(productRiskLevelLabels, reason.riskLevel ?? "", l),
        tolerance: labelIn(riskToleranceLabels, reason.tolerance ?? "", l),
      });
    return say("offerFeatured", l);
  }

  private actionButton(action: string, text: string, run: () => Promise<void>) {
    return html`<button type="button" data-action=${action} ?disabled=${this.busy} @click=${() => void run()}>
      ${text}
    </button>`;
  }

  private renderOffer(offer: Offer, l: Locale) {
    const { product } = offer;
    const client = this.effectiveClient;
    const reasonId = `why-${product.code}`;
    return html`<li part="offer" class="row" data-product-code=${product.code}>
      <span class="grow">
        <strong><bdi>${product.name}</bdi></strong>
        <span class="muted">${labelIn(productTypeLabels, product.type, l)}</span>
        <ul part="reasons">
          ${offer.reasons.map((r) => html`<li data-reason=${r.code}>${this.reasonText(r, product, l)}</li>`)}
        </ul>
      </span>
      <span class="actions" role="group" aria-label=${say("offerActions", l, { product: product.name })}>
        ${client?.leads ? this.actionButton("lead", say("offerToLead", l), () => this.makeLead(product)) : nothing}
        ${client?.tasks ? this.actionButton("task", say("offerToTask", l), () => this.makeTask(product)) : nothing}
        ${
          client?.interactions
            ? html`<label class="visually-hidden" for=${reasonId}>${say("offerDismissReason", l)}</label>
                <select id=${reasonId}>
                  ${OFFER_DISMISSAL_REASONS.map(
                    (r) => html`<option value=${r}>${labelIn(offerDismissalLabels, r, l)}</option>`,
                  )}
                </select>
                <button
                  type="button"
                  data-action="dismiss"
                  ?disabled=${this.busy}
                  @click=${() => {
                    const select = this.renderRoot.querySelector<HTMLSelectElement>(`#${CSS.escape(reasonId)}`);
                    void this.dismiss(product, (select?.value ?? "other") as OfferDismissalReason);
                  }}
                >
                  ${say("offerDismiss", l)}
                </button>`
            : nothing
        }
      </span>
    </li>`;
  }

  private renderExcluded(offers: NextBestOffers, l: Locale) {
    const left = offers.excluded.filter((e) => e.product !== undefined);
    if (left.length === 0) return nothing;
    return html`<details part="excluded">
      <summary>${say("offerExcluded", l, { count: left.length })}</summary>
      <ul>
        ${left.map(
          (e) =>
            html`<li data-product-code=${e.product!.code} data-code=${e.code}>
              <bdi>${e.product!.name}</bdi> · ${labelIn(offerExclusionLabels, e.code, l)}
            </li>`,
        )}
      </ul>
    </details>`;
  }

  override render() {
    const l = this.effectiveLocale;
    const waiting = this.loadingOrError(this.loading, this.error);
    if (waiting) return waiting;
    if (!this.effectiveClient) return html`<div part="base" role="status">${say("noClient", l)}</div>`;
    const offers = this.data?.offers;
    const noConsent = offers?.excluded.some((e) => e.code === "noMarketingConsent") ?? false;
    return html`<section part="base" aria-labelledby="title">
      <h2 id="title">${say("offerListTitle", l)}</h2>
      ${
        offers && !offers.personalised && !noConsent
          ? html`<p class="muted" data-general>${say("offerGeneral", l)}</p>`
          : nothing
      }
      ${
        noConsent
          ? html`<p class="muted" data-empty>${say("offerNoConsent", l)}</p>`
          : !offers || offers.offers.length === 0
            ? html`<p class="muted" data-empty>${say("offerListEmpty", l)}</p>`
            : html`<ol>
                ${offers.offers.map((o) => this.renderOffer(o, l))}
              </ol>`
      }
      ${offers ? this.renderExcluded(offers, l) : nothing}
      <p part="status" role="status">${this.statusText}</p>
    </section>`;
  }
}
