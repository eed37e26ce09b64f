import { html, nothing, type PropertyValues } from "lit";
import { property, state } from "lit/decorators.js";
import type { Customer, Locale } from "@bankcrm/core";
import type { Evidence } from "@bankcrm/core/resolution";
import { BankcrmMatchDecisionEvent } from "../../events/match-review-events.js";
import { MATCH_REVIEW_MESSAGES, sayMatch, type MatchReviewMessageKey } from "../../i18n/match-review-messages.js";
import { BankcrmContextElement } from "../base/context-element.js";
import { matchReviewStyles } from "./match-review.styles.js";

/** A pair of records that may be one person (what `GET /resolution/review` gives, or core's `resolve`). */
export interface MatchPair {
  ids: readonly [string, string];
  probability: number;
  /** The match weight: the prior's and every field's, in bits. */
  weight: number;
  evidence: readonly Evidence[];
  rule?: "residentId" | "document" | "uscc" | undefined;
}

const capital = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);
const FIELDS: Record<Customer["kind"], readonly [MatchReviewMessageKey, (c: Customer) => string | undefined][]> = {
  individual: [
    ["fieldName", (c) => c.name],
    ["fieldBirthDate", (c) => (c.kind === "individual" ? c.birthDate : undefined)],
    ["fieldIdNumber", (c) => (c.kind === "individual" ? c.idDocument.number : undefined)],
    ["fieldMobile", (c) => c.contact.mobile],
    ["fieldEmail", (c) => c.contact.email],
    ["fieldAddress", (c) => c.contact.address],
    ["fieldBranch", (c) => c.branchId],
  ],
  corporate: [
    ["fieldName", (c) => c.name],
    ["fieldUscc", (c) => (c.kind === "corporate" ? c.uscc : undefined)],
    ["fieldRegistrationNumber", (c) => (c.kind === "corporate" ? c.registrationNumber : undefined)],
    ["fieldLegalRepresentative", (c) => (c.kind === "corporate" ? c.legalRepresentative : undefined)],
    ["fieldMobile", (c) => c.contact.mobile],
    ["fieldAddress", (c) => c.contact.address],
    ["fieldBranch", (c) => c.branchId],
  ],
};

/**
 * One pair of customer records that may be one person, for a person to decide (entity resolution's review queue):
 * the two records side by side, the evidence per field — what each comparison found and its weight, the prior and
 * the total, the match probability — and "same person — merge" or "not the same — keep apart". The element decides
 * nothing itself: it says the decision (`bankcrm-match-decision`) and the host sends it (the HTTP store's
 * `mergeCustomers` / `keepCustomersApart`). Values are shown as the host read them (masked by the server), as text.
 *
 * @tagname bankcrm-match-review
 * @summary Two customer records side by side with the match evidence; merge or keep apart.
 *
 * @csspart base - The whole review.
 * @csspart records - The two records' table.
 * @csspart evidence - The evidence table.
 * @csspart actions - The two decisions.
 * @csspart status - Loading, empty, offline, error or what was sent.
 *
 * @event bankcrm-match-decision - A person decided the pair (cancelable).
 */
export class BankcrmMatchReview extends BankcrmContextElement {
  static override styles = matchReviewStyles;

  /** The pair to decide. Without one, the element says there is nothing to review. */
  @property({ attribute: false }) pair: MatchPair | undefined;

  /** The two records, in the pair's order (as the host read them: masked). Without them, the evidence only. */
  @property({ attribute: false }) records: readonly [Customer, Customer] | undefined;

  /** Shows the loading state. */
  @property({ type: Boolean, reflect: true }) loading = false;

  /** Offline: the decisions wait (merging needs the server). */
  @property({ type: Boolean, reflect: true }) offline = false;

  /** An error to show instead (rendered as text). */
  @property() error: string | undefined;

  @state() private sent: "merge" | "apart" | undefined;

  override willUpdate(changed: PropertyValues<this>) {
    // Another pair: nothing of it sent yet.
    if (changed.has("pair")) this.sent = undefined;
  }

  private decide(decision: "merge" | "apart") {
    const pair = this.pair;
    if (!pair || this.offline || this.sent) return;
    const event = new BankcrmMatchDecisionEvent({ ids: pair.ids, decision });
    if (!this.dispatchEvent(event)) return;
    this.sent = decision;
  }

  private weight(w: number, l: Locale) {
    const text = new Intl.NumberFormat(l, { minimumFractionDigits: 1, maximumFractionDigits: 1 }).format(Math.abs(w));
    return `${w < 0 ? "−" : "+"}${text}`;
  }

  private recordsTable(l: Locale) {
    const [a, b] = this.records!;
    const rows = FIELDS[a.kind].map(([key, read]) => [sayMatch(key, l), read(a), read(b)] as const);
    return html`<table part="records">
      <caption>
        ${sayMatch("matchRecords", l)}
      </caption>
      <thead>
        <tr>
          <th scope="col">${sayMatch("matchField", l)}</th>
          <th scope="col">${sayMatch("matchRecord", l, { n: 1 })} <bdi>${a.id}</bdi></th>
          <th scope="col">${sayMatch("matchRecord", l, { n: 2 })} <bdi>${b.id}</bdi></th>
        </tr>
      </thead>
      <tbody>
        ${rows.map(
          ([name, x, y]) =>
            html`<tr class=${x === y ? "same" : "differs"}>
              <th scope="row">${name}</th>
              <td><bdi>${x ?? "—"}</bdi></td>
              <td><bdi>${y ?? "—"}</bdi></td>
            </tr>`,
        )}
      </tbody>
    </table>`;
  }

  private evidenceTable(pair: MatchPair, l: Locale) {
    const sum = pair.evidence.reduce((w, e) => w + e.weight, 0);
    const say = (prefix: "compare" | "level", code: string) => {
      // A comparison or level this version has no words for (a newer server's) is shown by its code.
      const key = `${prefix}${capital(code)}`;
      return Object.hasOwn(MATCH_REVIEW_MESSAGES, key) ? sayMatch(key as MatchReviewMessageKey, l) : code;
    };
    return html`<table part="evidence">
      <caption>
        ${sayMatch("matchEvidence", l)}
      </caption>
      <thead>
        <tr>
          <th scope="col">${sayMatch("matchField", l)}</th>
          <th scope="col">${sayMatch("matchLevel", l)}</th>
          <th scope="col">${sayMatch("matchWeight", l)}</th>
        </tr>
      </thead>
      <tbody>
        <tr>
          <th scope="row">${sayMatch("matchPrior", l)}</th>
          <td></td>
          <td class="weight">${this.weight(pair.weight - sum, l)}</td>
        </tr>
        ${pair.evidence.map(
          (e) =>
            html`<tr class=${e.weight > 0 ? "for" : e.weight < 0 ? "against" : "neutral"}>
              <th scope="row">${say("compare", e.comparison)}</th>
              <td>${say("level", e.level)}</td>
              <td class="weight">${this.weight(e.weight, l)}</td>
            </tr>`,
        )}
      </tbody>
      <tfoot>
        <tr>
          <th scope="row">${sayMatch("matchTotal", l)}</th>
          <td></td>
          <td class="weight">${this.weight(pair.weight, l)}</td>
        </tr>
      </tfoot>
    </table>`;
  }

  override render() {
    const l = this.effectiveLocale;
    const pair = this.pair;
    const status = (text: string, role: "status" | "alert" = "status") =>
      html`<p part="status" role=${role}>${text}</p>`;
    let body;
    if (this.error) body = status(this.error, "alert");
    else if (this.loading) body = status(sayMatch("matchLoading", l));
    else if (!pair) body = status(sayMatch("matchEmpty", l));
    else {
      const percent = new Intl.NumberFormat(l, { style: "percent", maximumFractionDigits: 3 }).format(pair.probability);
      const rule = pair.rule ? sayMatch(`rule${capital(pair.rule)}` as MatchReviewMessageKey, l) : undefined;
      body = html`<p class="score">
          ${sayMatch("matchProbability", l, { probability: percent, weight: this.weight(pair.weight, l) })}
          ${rule ? html`<span class="rule">${sayMatch("matchRule", l, { rule })}</span>` : nothing}
        </p>
        ${this.records ? this.recordsTable(l) : nothing} ${this.evidenceTable(pair, l)}
        <div part="actions" class="row">
          <button
            type="button"
            class="primary"
            data-decision="merge"
            ?disabled=${this.offline || this.sent !== undefined}
            @click=${() => this.decide("merge")}
          >
            ${sayMatch("matchMerge", l)}
          </button>
          <button
            type="button"
            data-decision="apart"
            ?disabled=${this.offline || this.sent !== undefined}
            @click=${() => this.decide("apart")}
          >
            ${sayMatch("matchApart", l)}
          </button>
        </div>
        ${this.offline ? status(sayMatch("matchOffline", l)) : nothing}
        <p part="status" role="status" class="sent">
          ${this.sent ? sayMatch(this.sent === "merge" ? "matchMerged" : "matchKeptApart", l) : ""}
        </p>`;
    }
    return html`<section part="base" aria-labelledby="title" aria-busy=${this.loading ? "true" : nothing}>
      <h2 id="title">${sayMatch("matchTitle", l)}</h2>
      ${body}
    </section>`;
  }
}
