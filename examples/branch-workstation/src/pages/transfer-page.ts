/**
 * Book transfer (客户经理制) in the workstation, the branch manager's: one customer or a relationship manager's whole
 * book to another RM of the branch, with a reason. Core's `planTransfer` says what moves — each customer's transfer
 * change (kept in their history), the giving RM's open tasks on them, a notice to both RMs, the running targets in
 * the share of the book moved — and the page previews it, then makes each write through the client (validated; in
 * the outbox offline; on a server each checked again there: only a branch manager transfers).
 */
import { css, html, LitElement, nothing } from "lit";
import { property, state } from "lit/decorators.js";
import { describeError, formatMoney, label, type Customer, type Locale, type SalesTarget } from "@bankcrm/core";
import { isCountMetric } from "@bankcrm/core/schemas";
import { planTransfer, type TransferPlan } from "@bankcrm/core/branch";
import type { CrmClient } from "@bankcrm/data";
import { text, type TextKey } from "../messages.js";
import { everyPage } from "../paging.js";
import { controlStyles, formTableStyles, pageHostStyles, panelStyles } from "../panel-styles.js";
import { relationshipManagersOf, STAFF_NAMES } from "../users.js";

/** What the preview read: the giving RM's book and the plan over it. */
interface Preview {
  book: Customer[];
  plan: TransferPlan;
}

export class TransferPage extends LitElement {
  static override styles = [
    pageHostStyles,
    panelStyles,
    controlStyles,
    formTableStyles,
    css`
      :host {
        display: grid;
        gap: 16px;
      }
      .wide {
        flex: 1 1 100%;
      }
      fieldset label {
        display: inline-flex;
        flex-direction: row;
        align-items: center;
        gap: 4px;
        margin-right: 12px;
      }
      input[name="reason"] {
        min-width: min(28rem, 100%);
      }
    `,
  ];

  @property({ attribute: false }) client: CrmClient | undefined;
  @property({ attribute: false }) locale: Locale = "zh-CN";
  @state() private from = "";
  @state() private to = "";
  @state() private scope: "book" | "customer" = "book";
  @state() private customerId = "";
  @state() private reason = "";
  /** The giving RM's customers, for the one-customer choice. */
  @state() private book: Customer[] = [];
  @state() private preview: Preview | undefined;
  @state() private said = "";
  @state() private busy = false;

  private t(key: TextKey, values: Record<string, string | number> = {}) {
    return text(key, this.locale, values);
  }

  private get rms() {
    const branchId = this.client?.user.branchId;
    return branchId ? relationshipManagersOf(branchId) : [];
  }

  override updated(changed: Map<string, unknown>) {
    if (changed.has("client") && this.client && !this.from) {
      const [first, second] = this.rms;
      this.from = first?.id ?? "";
      this.to = second?.id ?? "";
      void this.readBook();
    }
  }

  private async readBook() {
    const customers = this.client?.customers;
    const from = this.from;
    this.preview = undefined;
    if (!customers || !from) return;
    const book = await everyPage((q) => customers.list({ relationshipManagerId: from, ...q })).catch(() => []);
    if (from !== this.from) return;
    this.book = book;
    this.customerId = book[0]?.id ?? "";
  }

  /** Reads the book, its tasks and the targets, and plans the transfer. */
  private async plan(): Promise<Preview | undefined> {
    const client = this.client;
    if (!client) return undefined;
    if (this.reason.trim() === "") {
      this.said = this.t("transferReasonNeeded");
      return undefined;
    }
    const [tasks, targets] = await Promise.all([
      everyPage((q) => client.tasks.list(q)),
      everyPage((q) => client.salesTargets.list(q)),
    ]);
    this.targetsRead = new Map(targets.map((t) => [t.id, t]));
    const moving = this.scope === "book" ? this.book : this.book.filter((c) => c.id === this.customerId);
    const to = this.rms.find((s) => s.id === this.to);
    if (!to) return undefined;
    const plan = planTransfer({
      customers: moving,
      tasks,
      targets,
      bookSize: this.book.length,
      from: this.from,
      to: { staffId: to.id, branchId: to.branchId },
      reason: this.reason.trim(),
      at: new Date().toISOString(),
      newId: () => `TK-TR-${crypto.randomUUID()}`,
      locale: this.locale,
    });
    return { book: moving, plan };
  }

  private async onPreview(event: SubmitEvent) {
    event.preventDefault();
    this.said = "";
    try {
      this.preview = await this.plan();
    } catch (error) {
      this.said = this.t("transferFailed", { reason: describeError(error, this.locale) });
    }
  }

  /** Makes every write of the plan through the client: customers first, then tasks, targets and the notices. */
  private async confirm() {
    const client = this.client;
    const plan = this.preview?.plan;
    if (!client || !plan || this.busy) return;
    this.busy = true;
    const total = plan.changes.length + plan.tasks.length + plan.targets.length + plan.notices.length;
    let done = 0;
    let queued = false;
    const step = async (write: Promise<{ status: string }>) => {
      queued = (await write).status === "queued" || queued;
      this.said = this.t("transferProgress", { done: ++done, total });
    };
    try {
      for (const c of plan.changes) await step(client.customers.change(c.customerId, c.input));
      for (const task of plan.tasks) await step(client.tasks.update(task.id, { assigneeId: task.assigneeId }));
      for (const target of plan.targets) await step(client.salesTargets.update(target.id, { target: target.target }));
      for (const notice of plan.notices) await step(client.tasks.create(notice));
      const counts = { customers: plan.changes.length, tasks: plan.tasks.length };
      this.said = queued ? this.t("transferQueued", counts) : this.t("transferDone", counts);
      this.preview = undefined;
      await this.readBook();
    } catch (error) {
      this.said = this.t("transferFailed", { reason: describeError(error, this.locale) });
    } finally {
      this.busy = false;
    }
  }

  private figure(metric: SalesTarget["metric"], value: number) {
    return isCountMetric(metric)
      ? new Intl.NumberFormat(this.locale).format(value)
      : formatMoney(value, "CNY", this.locale, { compact: true });
  }

  private renderPreview(p: Preview) {
    const { plan } = p;
    const pct = new Intl.NumberFormat(this.locale, { style: "percent", maximumFractionDigits: 1 }).format(plan.share);
    return html`<section aria-labelledby="transfer-plan-h" data-testid="transfer-plan">
      <h2 id="transfer-plan-h">${this.t("transferPreview")}</h2>
      <p>
        ${this.t("transferPlan", {
          customers: plan.changes.length,
          share: pct,
          tasks: plan.tasks.length,
          targets: plan.targets.length,
        })}
      </p>
      ${
        plan.targets.length > 0
          ? html`<ul>
              ${plan.targets.map((t) => {
                const { metric, staffId = "" } = this.targetsRead.get(t.id)!; // the plan's targets are those read
                return html`<li>
                  ${this.t("transferTarget", {
                    owner: STAFF_NAMES[staffId] ?? staffId,
                    metric: label("salesMetric", metric, this.locale),
                    was: this.figure(metric, t.was),
                    now: this.figure(metric, t.target),
                  })}
                </li>`;
              })}
            </ul>`
          : nothing
      }
      <button type="button" ?disabled=${this.busy || plan.changes.length === 0} @click=${this.confirm}>
        ${this.t("transferConfirm")}
      </button>
    </section>`;
  }

  /** The targets the preview read, by id (for their metric and owner in the list). */
  private targetsRead = new Map<string, SalesTarget>();

  override render() {
    const rms = this.rms;
    const name = (id: string) => STAFF_NAMES[id] ?? id;
    return html`<section aria-labelledby="transfer-h">
        <h1 id="transfer-h">${this.t("transferTitle")}</h1>
        <p class="muted">${this.t("transferIntro")}</p>
        <form @submit=${this.onPreview}>
          <label
            >${this.t("transferFrom")}
            <select
              name="from"
              .value=${this.from}
              @change=${(e: Event) => {
                this.from = (e.target as HTMLSelectElement).value;
                void this.readBook();
              }}
            >
              ${rms.map((s) => html`<option value=${s.id} ?selected=${s.id === this.from}>${name(s.id)}</option>`)}
            </select>
          </label>
          <label
            >${this.t("transferTo")}
            <select name="to" @change=${(e: Event) => (this.to = (e.target as HTMLSelectElement).value)}>
              ${rms
                .filter((s) => s.id !== this.from)
                .map((s) => html`<option value=${s.id} ?selected=${s.id === this.to}>${name(s.id)}</option>`)}
            </select>
          </label>
          <fieldset>
            <legend>${this.t("transferScope")}</legend>
            <label
              ><input
                type="radio"
                name="scope"
                value="book"
                .checked=${this.scope === "book"}
                @change=${() => (this.scope = "book")}
              />${this.t("transferWholeBook")}</label
            >
            <label
              ><input
                type="radio"
                name="scope"
                value="customer"
                .checked=${this.scope === "customer"}
                @change=${() => (this.scope = "customer")}
              />${this.t("transferOneCustomer")}</label
            >
          </fieldset>
          ${
            this.scope === "customer"
              ? html`<label
                  >${this.t("transferCustomer")}
                  <select
                    name="customer"
                    @change=${(e: Event) => (this.customerId = (e.target as HTMLSelectElement).value)}
                  >
                    ${this.book.map((c) => html`<option value=${c.id}>${c.name} · ${c.id}</option>`)}
                  </select>
                </label>`
              : nothing
          }
          <label class="wide"
            >${this.t("transferReason")}
            <input
              name="reason"
              maxlength="200"
              required
              .value=${this.reason}
              @input=${(e: Event) => (this.reason = (e.target as HTMLInputElement).value)}
            />
          </label>
          <button type="submit" ?disabled=${this.book.length === 0}>${this.t("transferPreview")}</button>
        </form>
        ${this.book.length === 0 ? html`<p class="muted">${this.t("transferNothing")}</p>` : nothing}
        <p role="status">${this.said}</p>
      </section>
      ${this.preview ? this.renderPreview(this.preview) : nothing}`;
  }
}

customElements.define("ws-transfer-page", TransferPage);
