/**
 * Head office's privacy officer (个人信息保护负责人, PIPL Art. 52) at work: the people's requests about their data —
 * personal-information cases, by the regulator's limit — and each one fulfilled here: the copy made (the readable
 * document shown as text, the package downloaded as JSON), a correction through the customer form (its history
 * kept), a deletion under legal holds (what it would do first, then done — held records restricted, the rest erased
 * or anonymised — with the answer giving the reasons for anything kept), and the case closed with the answer.
 * Server mode reads and writes where the data is (`/customers/{id}/personal-data`, `/customers/{id}/erasure`);
 * embedded, core makes the copy and the plan from this device's records, and deletion is left to the server.
 */
import { css, html, nothing } from "lit";
import { property, state } from "lit/decorators.js";
import {
  bankDay,
  COLLECTION_NAMES,
  describeError,
  labelIn,
  type Customer,
  type Locale,
  type ResolutionCode,
  type ServiceCase,
  type WriteResult,
} from "@bankcrm/core";
import {
  erasureAnswer,
  retentionPlan,
  subjectAccessDocument,
  subjectAccessPackage,
  type SubjectAccessPackage,
} from "@bankcrm/core/compliance";
import { privacyRightLabels, serviceCaseStatusLabels } from "@bankcrm/core/i18n";
import type { CrmClient, CrmStore, ErasureAnswer, HttpStore } from "@bankcrm/data";
import "@bankcrm/elements/customer-form.js";
import { SourcedPage } from "./sourced-page.js";
import { everyPage } from "../paging.js";
import { download } from "../download.js";
import { reportPageStyles } from "../panel-styles.js";

/** What the page reads and does, where the data is. */
export interface PrivacySource {
  /** The people's requests (personal-information cases) the officer sees, open first and by the regulator's limit. */
  requests(): Promise<ServiceCase[]>;
  /** The person's copy: the package, and the readable document in `locale`. */
  copy(customerId: string, locale: Locale): Promise<{ pkg: SubjectAccessPackage; document: string }>;
  /** What deleting their data would do (`fulfil` false) or did. */
  erasure(customerId: string, locale: Locale, fulfil: boolean): Promise<ErasureAnswer>;
  /** Whether deletion is fulfilled here (the server); on a device only the plan is shown. */
  fulfils: boolean;
}

/** The record a write saved (or queued), or the write's refusal thrown. */
function written<T>(result: WriteResult<T>): T {
  if (result.status === "failed" || result.status === "conflict") throw new Error(result.reason ?? result.status);
  return result.record;
}

const OPEN = new Set(["open", "in_progress", "pending_customer"]);
const byLimit = (a: ServiceCase, b: ServiceCase) =>
  Number(!OPEN.has(a.status)) - Number(!OPEN.has(b.status)) ||
  (a.regulatoryDueAt ?? a.openedAt).localeCompare(b.regulatoryDueAt ?? b.openedAt);

const requestsIn = async (store: CrmStore) =>
  (await everyPage((q) => store.records("serviceCases", q)))
    .filter((c) => c.type === "personal_information")
    .sort(byLimit);

/** Server mode: the server's copy and deletion (head office's privacy officer). */
export const privacySourceOf = (remote: HttpStore): PrivacySource => ({
  requests: () => requestsIn(remote),
  copy: async (id, locale) => {
    const [pkg, document] = await Promise.all([
      remote.personalData(id, locale),
      remote.personalDataDocument(id, locale),
    ]);
    return { pkg, document };
  },
  erasure: (id, locale, fulfil) => remote.erasure(id, { fulfil, locale }),
  fulfils: true,
});

/** Embedded: core's copy and plan over this device's records of the customer; deletion is the server's. */
export const localPrivacySourceOf = (store: CrmStore, now: () => Date): PrivacySource => {
  const theirs = async (customerId: string) => {
    const records: Record<string, unknown[]> = { customers: [await store.getCustomer(customerId)].filter(Boolean) };
    for (const c of COLLECTION_NAMES)
      if (c !== "customers") records[c] = await everyPage((q) => store.records(c, { customerId, ...q }));
    return records;
  };
  return {
    requests: () => requestsIn(store),
    copy: async (id, locale) => {
      const pkg = subjectAccessPackage(id, await theirs(id), now().toISOString());
      return { pkg, document: subjectAccessDocument(pkg, locale) };
    },
    erasure: async (id, locale, fulfil) => {
      if (fulfil) throw new Error("deletion is done on the server");
      const records = await theirs(id);
      const customer = records.customers![0] as Customer | undefined;
      if (!customer) throw new Error(`no customer ${id}`);
      const plan = retentionPlan(customer, records, { at: now().toISOString(), trigger: "request" });
      return { plan, answer: erasureAnswer(plan, locale) };
    },
    fulfils: false,
  };
};

export class PrivacyPage extends SourcedPage<PrivacySource> {
  static override styles = [
    ...reportPageStyles,
    css`
      .wrap {
        overflow-x: auto;
      }
      pre {
        white-space: pre-wrap;
        max-height: 24rem;
        overflow: auto;
        border: 1px solid var(--bankcrm-color-border, #ccc);
        padding: var(--bankcrm-space-3, 0.75rem);
      }
      .actions {
        display: flex;
        flex-wrap: wrap;
        gap: var(--bankcrm-space-2, 0.5rem);
      }
    `,
  ];

  /** The signed-in officer's client: the customer form's writes and the case's transitions. */
  @property({ attribute: false }) client: CrmClient | undefined;
  @state() private items: ServiceCase[] | undefined;
  @state() private failed = false;
  @state() private open: ServiceCase | undefined;
  @state() private shown: { kind: "copy" | "erasure"; text: string; pkg?: SubjectAccessPackage } | undefined;
  @state() private status = "";
  @state() private busy = false;
  private done: string | undefined;

  protected override read(): void {
    void this.source!.requests()
      .then((items) => ((this.items = items), (this.failed = false)))
      .catch(() => (this.failed = true));
  }

  private async run(work: () => Promise<void>) {
    this.busy = true;
    this.status = this.t("privacyWorking");
    try {
      await work();
    } catch (error) {
      this.status = this.t("privacyError", { reason: describeError(error, this.locale) });
    } finally {
      this.busy = false;
    }
  }

  private handle(c: ServiceCase) {
    this.open = c;
    this.shown = undefined;
    this.status = "";
    this.done = undefined;
  }

  private copy = () =>
    this.run(async () => {
      const { pkg, document } = await this.source!.copy(this.open!.customerId, this.locale);
      this.shown = { kind: "copy", text: document, pkg };
      this.done = this.t("privacyCopy");
      this.status = "";
    });

  private erasure = (fulfil: boolean) =>
    this.run(async () => {
      const id = this.open!.customerId;
      const answer = await this.source!.erasure(id, this.locale, fulfil);
      this.shown = { kind: "erasure", text: answer.answer };
      this.status = answer.applied ? this.t("privacyErased", answer.applied) : "";
      if (answer.applied) this.done = this.status;
    });

  private downloadCopy = () => {
    const pkg = this.shown?.pkg;
    if (!pkg) return;
    download(`personal-data-${pkg.customerId}.json`, JSON.stringify(pkg, null, 2), "application/json");
  };

  /** Starts the case if it is waiting, then resolves it with what was done. */
  private resolve = () =>
    this.run(async () => {
      const cases = this.client?.serviceCases;
      let c = this.open!;
      if (!cases) throw new Error("no client");
      if (c.status === "open") c = written(await cases.transition(c.id, "start", { expectedVersion: c.version ?? 0 }));
      const code: ResolutionCode = c.privacyRight === "correction" ? "corrected" : "explained";
      const resolution = (this.done ?? this.t("privacyResolved")).slice(0, 1000);
      written(await cases.transition(c.id, "resolve", { resolution, code, expectedVersion: c.version ?? 0 }));
      this.status = this.t("privacyResolved");
      this.open = undefined;
      this.read();
    });

  private renderTable(items: readonly ServiceCase[]) {
    const day = (at: string | undefined) => (at ? bankDay(at) : "—");
    return html`<div class="wrap">
      <table data-testid="privacy-requests">
        <caption class="visually-hidden">
          ${this.t("privacyTitle")}
        </caption>
        <thead>
          <tr>
            ${(["privacyCustomer", "privacyRight", "privacyReceived", "privacyDue", "privacyStatus"] as const).map(
              (k) => html`<th scope="col">${this.t(k)}</th>`,
            )}
            <th scope="col"><span class="visually-hidden">${this.t("privacyHandle")}</span></th>
          </tr>
        </thead>
        <tbody>
          ${items.map(
            (c) =>
              html`<tr data-case=${c.id}>
                <th scope="row">${c.customerId}</th>
                <td>${c.privacyRight ? labelIn(privacyRightLabels, c.privacyRight, this.locale) : "—"}</td>
                <td>${day(c.openedAt)}</td>
                <td>${day(c.regulatoryDueAt)}</td>
                <td>${labelIn(serviceCaseStatusLabels, c.status, this.locale)}</td>
                <td>
                  ${
                    OPEN.has(c.status)
                      ? html`<button
                          type="button"
                          @click=${() => this.handle(c)}
                          aria-label=${`${this.t("privacyHandle")} ${c.id}`}
                        >
                          ${this.t("privacyHandle")}
                        </button>`
                      : nothing
                  }
                </td>
              </tr>`,
          )}
        </tbody>
      </table>
    </div>`;
  }

  private renderHandling(c: ServiceCase) {
    const right = c.privacyRight;
    return html`<section aria-labelledby="privacy-handling-h" data-testid="privacy-handling">
      <h3 id="privacy-handling-h">${this.t("privacyHandling", { id: c.id, customer: c.customerId })}</h3>
      <div class="actions">
        ${
          right === "access" || right === "copy" || right === undefined
            ? html`<button type="button" ?disabled=${this.busy} @click=${this.copy}>${this.t("privacyCopy")}</button> ${
                  this.shown?.pkg
                    ? html`<button type="button" class="quiet" @click=${this.downloadCopy}>
                        ${this.t("privacyDownload")}
                      </button>`
                    : nothing
                }`
            : nothing
        }
        ${
          right === "deletion"
            ? html`<button type="button" ?disabled=${this.busy} @click=${() => this.erasure(false)}>
                  ${this.t("privacyPreview")}
                </button>
                ${
                  !this.source!.fulfils
                    ? html`<p class="muted">${this.t("privacyEmbeddedErase")}</p>`
                    : this.shown?.kind === "erasure" && !this.done
                      ? // Only once the plan is on screen: what it keeps and why is read before anything is deleted.
                        html`<button
                          type="button"
                          class="danger"
                          ?disabled=${this.busy}
                          @click=${() => this.erasure(true)}
                        >
                          ${this.t("privacyErase")}
                        </button>`
                      : nothing
                }`
            : nothing
        }
        <button type="button" ?disabled=${this.busy} @click=${this.resolve}>${this.t("privacyResolve")}</button>
      </div>
      ${
        right === "correction"
          ? html`<p class="muted">${this.t("privacyCorrect")}</p>
              <bankcrm-customer-form
                .client=${this.client}
                customer-id=${c.customerId}
                locale=${this.locale}
              ></bankcrm-customer-form>`
          : nothing
      }
      ${this.shown ? html`<pre tabindex="0" data-testid=${`privacy-${this.shown.kind}`}>${this.shown.text}</pre>` : nothing}
    </section>`;
  }

  override render() {
    const items = this.items;
    return html`<section class="panel" aria-labelledby="privacy-h">
      <h2 id="privacy-h">${this.t("privacyTitle")}</h2>
      <p class="muted">${this.t("privacyExplain")}</p>
      <p role="status" data-testid="privacy-status">${this.status}</p>
      ${
        this.failed
          ? html`<p role="alert">${this.t("privacyFailed")}</p>`
          : !items
            ? html`<p role="status" aria-busy="true">${this.t("kycLoading")}</p>`
            : items.length === 0
              ? html`<p class="muted">${this.t("privacyNone")}</p>`
              : this.renderTable(items)
      }
      ${this.open ? this.renderHandling(this.open) : nothing}
    </section>`;
  }
}

customElements.define("ws-privacy-page", PrivacyPage);
