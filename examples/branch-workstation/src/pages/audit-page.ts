/**
 * The auditor's page: the server's audit chain (`GET /audit`) — who revealed
 * or was refused which field of whose record, when and why; each caller
 * verification and lock — filtered by member of staff, customer and time, with
 * the chain's verification (`GET /audit/verify`) above it. Embedded, the same
 * over this device's trail: the IndexedDB store's sealed, hash-chained log.
 */
import { css, html, nothing } from "lit";
import { state } from "lit/decorators.js";

import type { AuditQuery, AuditRow, AuditVerification, HttpStore, LocalAuditLog } from "@bankcrm/data";
import type { TextKey } from "../messages.js";
import { SourcedPage } from "./sourced-page.js";
import { reportPageStyles } from "../panel-styles.js";
import { STAFF_NAMES } from "../users.js";

/** What the page asks the session for (server mode); undefined embedded or offline. */
export interface AuditSource {
  rows(query: AuditQuery): Promise<AuditRow[] | undefined>;
  verify(): Promise<AuditVerification | undefined>;
}

/** The audit page's source over the server's HTTP store: undefined where the server refused or could not be reached. */
export function auditSourceOf(remote: HttpStore): AuditSource {
  const orNothing = async <T>(read: () => Promise<T>): Promise<T | undefined> => {
    try {
      return await read();
    } catch {
      return undefined;
    }
  };
  return {
    rows: (query) => orNothing(async () => (await remote.audit(query)).items),
    verify: () => orNothing(() => remote.verifyAudit()),
  };
}

/**
 * The audit page's source over this device's trail (embedded mode): the IndexedDB store's sealed, hash-chained log of
 * every reveal, filtered here as the server filters its own.
 */
export function localAuditSourceOf(log: LocalAuditLog): AuditSource {
  return {
    async rows(query) {
      const rows: AuditRow[] = (await log.entries()).map(({ seq, event, prevHash, hash }) => ({
        seq,
        at: event.at,
        actorId: event.actorId,
        actorRole: event.actorRole,
        action: event.type,
        customerId: event.customerId,
        field: event.field,
        reason: event.reason,
        prevHash,
        hash,
      }));
      return rows
        .filter(
          (r) =>
            (!query.staffId || r.actorId === query.staffId) &&
            (!query.customerId || r.customerId === query.customerId) &&
            (!query.action || r.action === query.action) &&
            (!query.from || r.at >= query.from) &&
            (!query.to || r.at < query.to),
        )
        .slice(0, query.limit ?? rows.length);
    },
    async verify() {
      const v = await log.verify();
      return {
        ok: v.ok,
        rows: v.rows,
        ...(v.firstBroken ? { firstBroken: { seq: v.firstBroken, reason: "link" } } : {}),
      };
    },
  };
}

const ACTION_TEXT: Record<string, TextKey> = {
  reveal: "auditActionReveal",
  reveal_denied: "auditActionRefused",
  verify_caller: "auditActionVerify",
  verify_locked: "auditActionLocked",
};

export class AuditPage extends SourcedPage<AuditSource> {
  static override styles = [
    ...reportPageStyles,
    css`
      form {
        display: flex;
        flex-wrap: wrap;
        gap: 8px 12px;
        align-items: end;
        margin-bottom: 12px;
      }
      label {
        display: grid;
        gap: 2px;
        font-size: 0.875rem;
      }
      .broken {
        color: var(--bankcrm-color-danger, #b42318);
        font-weight: 600;
      }
    `,
  ];

  // `embedded`: the source is this device's trail, not the server's chain.
  @state() private rows: AuditRow[] | undefined;
  @state() private chain: AuditVerification | undefined;
  @state() private failed = false;

  protected override read(): void {
    void this.load({});
  }

  private async load(query: AuditQuery) {
    const source = this.source;
    if (!source) return;
    try {
      const [rows, chain] = await Promise.all([source.rows({ ...query, limit: 500 }), source.verify()]);
      this.rows = rows;
      this.chain = chain;
      this.failed = rows === undefined;
    } catch {
      this.failed = true;
    }
  }

  private onFilter = (e: SubmitEvent) => {
    e.preventDefault();
    const data = new FormData(e.currentTarget as HTMLFormElement);
    const get = (k: string) => {
      const v = data.get(k);
      return typeof v === "string" && v.trim() !== "" ? v.trim() : undefined;
    };
    const day = (k: string, end = false) => {
      const d = get(k);
      // A day of the bank's clock (Beijing): from its start; "to" includes the whole day.
      return d ? new Date(Date.parse(`${d}T00:00:00+08:00`) + (end ? 86_400_000 : 0)).toISOString() : undefined;
    };
    const query: AuditQuery = {};
    const staffId = get("staff");
    const customerId = get("customer");
    const from = day("from");
    const to = day("to", true);
    if (staffId) query.staffId = staffId;
    if (customerId) query.customerId = customerId;
    if (from) query.from = from;
    if (to) query.to = to;
    void this.load(query);
  };

  private renderChain() {
    const c = this.chain;
    if (!c) return nothing;
    return c.ok
      ? html`<p role="status" data-testid="chain">${this.t("auditChainOk", { rows: c.rows })}</p>`
      : html`<p role="alert" class="broken" data-testid="chain">
          ${this.t("auditChainBroken", { seq: c.firstBroken?.seq ?? "?", rows: c.rows })}
        </p>`;
  }

  private renderRows(rows: AuditRow[]) {
    if (rows.length === 0) return html`<p role="status">${this.t("auditNone")}</p>`;
    const action = (a: string) => (ACTION_TEXT[a] ? this.t(ACTION_TEXT[a]) : a);
    return html`<table data-testid="audit-rows">
      <caption class="visually-hidden">
        ${this.t("navAudit")}
      </caption>
      <thead>
        <tr>
          ${(["auditAt", "auditStaff", "auditAction", "auditCustomer", "auditField", "auditReason"] as const).map(
            (k) => html`<th scope="col">${this.t(k)}</th>`,
          )}
        </tr>
      </thead>
      <tbody>
        ${rows.map(
          (r) =>
            html`<tr data-seq=${r.seq}>
              <td>${new Date(r.at).toLocaleString(this.locale, { timeZone: "Asia/Shanghai" })}</td>
              <td>${STAFF_NAMES[r.actorId] ?? r.actorId} (${r.actorId})</td>
              <td>${action(r.action)}</td>
              <td>${r.customerId ?? ""}</td>
              <td>${r.field ?? ""}</td>
              <td>${r.refusal ? `${r.refusal}${r.reason ? ` — ${r.reason}` : ""}` : (r.reason ?? "")}</td>
            </tr>`,
        )}
      </tbody>
    </table>`;
  }

  override render() {
    return html`<section aria-labelledby="audit-h">
      <h2 id="audit-h">${this.t("navAudit")}</h2>
      ${this.embedded ? html`<p data-testid="audit-embedded">${this.t("auditEmbedded")}</p>` : nothing}
      <form @submit=${this.onFilter} data-testid="audit-filter">
        <label>${this.t("auditStaff")}<input name="staff" autocomplete="off" /></label>
        <label>${this.t("auditCustomer")}<input name="customer" autocomplete="off" /></label>
        <label>${this.t("auditFrom")}<input name="from" type="date" /></label>
        <label>${this.t("auditTo")}<input name="to" type="date" /></label>
        <button type="submit">${this.t("auditFilter")}</button>
      </form>
      ${this.renderChain()} ${this.failed ? html`<p role="alert">${this.t("auditFailed")}</p>` : nothing}
      ${this.rows ? this.renderRows(this.rows) : html`<p role="status">${this.t("auditLoading")}</p>`}
    </section>`;
  }
}

customElements.define("ws-audit-page", AuditPage);
