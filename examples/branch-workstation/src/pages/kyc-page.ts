/**
 * KYC kept current, by branch (客户身份识别 / 持续尽职调查): per branch of the user's customers, identity documents
 * expired or about to, due-diligence reviews overdue or due by the AML rating's cycle, and the customers restricted
 * (no new investment or insurance sale) until it is refreshed. Head office sees every branch, a branch manager
 * theirs. Server mode reads `GET /kyc/branches` (one query where the data is); embedded, core's `kycByBranch` over
 * this device's customers — the same rule.
 */
import { css, html, nothing } from "lit";
import { bankDay, type Customer, type ServiceCase } from "@bankcrm/core";
import { kycByBranch, regulatoryBreaches, type BranchBreaches, type BranchKyc } from "@bankcrm/core/compliance";
import type { CrmStore, HttpStore } from "@bankcrm/data";
import { AnsweredPage } from "./sourced-page.js";
import { everyPage } from "../paging.js";
import { reportPageStyles } from "../panel-styles.js";
import { BRANCH_NAMES } from "../users.js";
import type { TextKey } from "../messages.js";

/**
 * What the page reads: KYC by branch and the bank's day it was judged on, and the breaches of the regulator's
 * limits by branch — or undefined when it could not.
 */
export type KycSource = () => Promise<{ asOf: string; items: BranchKyc[]; breaches: BranchBreaches[] } | undefined>;

/** Server mode: the server's two queries over the caller's customers. */
export const kycSourceOf =
  (remote: HttpStore): KycSource =>
  () =>
    Promise.all([remote.kycByBranch(), remote.regulatoryBreaches()])
      .then(([kyc, breaches]) => ({ ...kyc, breaches: breaches.items }))
      .catch(() => undefined);

/** Embedded: every customer on this device (of one branch, for a branch manager), judged today by core. */
export const localKycSourceOf =
  (store: CrmStore, branchId: string | undefined, now: () => Date): KycSource =>
  async () => {
    const customers: Customer[] = await everyPage((q) =>
      store.listCustomers({ ...(branchId ? { branchId } : {}), ...q }),
    );
    const cases = await everyPage((q) => store.records("serviceCases", q));
    const branchOf = new Map(customers.map((c) => [c.id, c.branchId]));
    const at = now();
    return {
      asOf: bankDay(at),
      items: kycByBranch(customers, at),
      breaches: regulatoryBreaches(cases as ServiceCase[], (id) => branchOf.get(id), at.toISOString()),
    };
  };

const BREACH_COLUMNS: readonly [TextKey, keyof BranchBreaches][] = [
  ["breachOpen", "open"],
  ["breachLate", "late"],
  ["breachComplaints", "complaints"],
  ["breachRequests", "personalInformation"],
];

const COLUMNS: readonly [TextKey, keyof BranchKyc][] = [
  ["kycCustomers", "customers"],
  ["kycDocumentsExpired", "documentsExpired"],
  ["kycDocumentsExpiring", "documentsExpiring"],
  ["kycReviewsOverdue", "reviewsOverdue"],
  ["kycReviewsDue", "reviewsDue"],
  ["kycRestricted", "restricted"],
];

export class KycPage extends AnsweredPage<{ asOf: string; items: BranchKyc[]; breaches: BranchBreaches[] }> {
  static override styles = [
    ...reportPageStyles,
    css`
      td.attention {
        color: var(--bankcrm-color-danger);
        font-weight: 600;
      }
      .wrap {
        overflow-x: auto;
      }
    `,
  ];

  /**
   * One row per branch and a figure per column; named by its caption or by a heading (`labelledBy`); a cell
   * `flagged` is shown as needing attention.
   */
  private branchTable<R extends { branchId: string }>(
    testid: string,
    name: { caption: string } | { labelledBy: string },
    columns: readonly (readonly [TextKey, keyof R])[],
    items: readonly R[],
    flagged: (row: R, field: keyof R) => boolean = () => false,
  ) {
    const n = (v: number) => v.toLocaleString(this.locale);
    return html`<div class="wrap">
      <table data-testid=${testid} aria-labelledby=${"labelledBy" in name ? name.labelledBy : nothing}>
        ${
          "caption" in name
            ? html`<caption class="visually-hidden">
                ${name.caption}
              </caption>`
            : nothing
        }
        <thead>
          <tr>
            <th scope="col">${this.t("kycBranch")}</th>
            ${columns.map(([key]) => html`<th scope="col">${this.t(key)}</th>`)}
          </tr>
        </thead>
        <tbody>
          ${items.map(
            (b) =>
              html`<tr data-branch=${b.branchId}>
                <th scope="row">${BRANCH_NAMES[b.branchId] ?? b.branchId}</th>
                ${columns.map(
                  ([, field]) =>
                    html`<td class=${flagged(b, field) ? "n attention" : "n"}>${n(b[field] as number)}</td>`,
                )}
              </tr>`,
          )}
        </tbody>
      </table>
    </div>`;
  }

  /** Breaches of the regulator's limits by branch: open past the limit, answered after it. */
  private renderBreaches(items: readonly BranchBreaches[]) {
    return html`<h3 id="breach-h">${this.t("breachTitle")}</h3>
      ${
        items.length === 0
          ? html`<p class="muted" data-testid="breaches-none">${this.t("breachNone")}</p>`
          : this.branchTable("breaches", { labelledBy: "breach-h" }, BREACH_COLUMNS, items)
      }`;
  }

  override render() {
    const a = this.answer;
    return html`<section class="panel" aria-labelledby="kyc-h">
      <h2 id="kyc-h">${this.t("kycTitle")}</h2>
      <p class="muted">${this.t("kycExplain")}</p>
      ${
        this.failed
          ? html`<p role="alert">${this.t("kycFailed")}</p>`
          : !a
            ? html`<p role="status" aria-busy="true">${this.t("kycLoading")}</p>`
            : a.items.length === 0
              ? html`<p class="muted">${this.t("kycNone")}</p>`
              : html`<p class="muted" data-testid="kyc-as-of">${this.t("kycAsOf", { date: a.asOf })}</p>
                  ${this.branchTable(
                    "kyc-branches",
                    { caption: this.t("kycTitle") },
                    COLUMNS,
                    a.items,
                    (b, field) => field === "restricted" && b.restricted > 0,
                  )}
                  ${this.renderBreaches(a.breaches)}`
      }
    </section>`;
  }
}

customElements.define("ws-kyc-page", KycPage);
