/**
 * Keeping a customer's households and company groups (家庭与集团客户维护) in the 360 view, for the relationship manager
 * and the branch manager: each group's members with their roles — a role changed, a member taken out or added by
 * customer number — and a new household with this customer at its head. Every change is the group written through
 * the client (validated: at least two members, none twice; on a server every member added or taken out must be a
 * customer the writer may see). The view reads its groups again after each write (`ws-groups-changed`).
 */
import { LitElement, css, html, nothing } from "lit";
import { property, state } from "lit/decorators.js";
import { canWrite, describeError, label, type Locale, type RelationshipGroup, type WriteResult } from "@bankcrm/core";
import { RELATIONSHIP_ROLES } from "@bankcrm/core/vocabulary";
import type { CrmClient } from "@bankcrm/data";
import { text, type TextKey } from "./messages.js";
import { controlStyles, formTableStyles } from "./panel-styles.js";

type Member = RelationshipGroup["members"][number];

export class GroupEditor extends LitElement {
  static override styles = [
    controlStyles,
    formTableStyles,
    css`
      :host {
        display: block;
        font-size: 0.8125rem;
      }
      details {
        margin-top: 8px;
      }
      ul {
        margin: 4px 0;
        padding-left: 1.2em;
      }
    `,
  ];

  @property({ attribute: false }) client: CrmClient | undefined;
  @property({ attribute: "customer-id" }) customerId: string | undefined;
  @property() locale: Locale = "zh-CN";
  @state() private groups: RelationshipGroup[] = [];
  @state() private said = "";

  private t(key: TextKey, values: Record<string, string | number> = {}) {
    return text(key, this.locale, values);
  }

  override updated(changed: Map<string, unknown>) {
    if (changed.has("customerId") || changed.has("client")) void this.read();
  }

  private async read() {
    const groups = this.client?.relationshipGroups;
    const customerId = this.customerId;
    if (!groups || !customerId) return;
    const page = await groups.list({ customerId, limit: 10 }).catch(() => ({ items: [] as RelationshipGroup[] }));
    if (customerId === this.customerId) this.groups = page.items;
  }

  private async written(write: () => Promise<WriteResult<RelationshipGroup>>) {
    try {
      const result = await write();
      this.said = result.status === "queued" ? this.t("groupsQueued") : this.t("groupsSaved");
      await this.read();
      this.dispatchEvent(new Event("ws-groups-changed", { bubbles: true, composed: true }));
      return true;
    } catch (error) {
      this.said = this.t("groupsFailed", { reason: describeError(error, this.locale) });
      return false;
    }
  }

  private save(group: RelationshipGroup, members: Member[]) {
    const groups = this.client?.relationshipGroups;
    if (!groups) return Promise.resolve(false);
    if (members.length < 2) {
      this.said = this.t("groupsTooSmall");
      return Promise.resolve(false);
    }
    return this.written(() => groups.update(group.id, { members }, { expectedVersion: group.version }));
  }

  private fields(event: SubmitEvent) {
    event.preventDefault();
    const data = new FormData(event.currentTarget as HTMLFormElement);
    return (name: string) => {
      const v = data.get(name);
      return typeof v === "string" ? v.trim() : "";
    };
  }

  private roleOf(value: string) {
    return RELATIONSHIP_ROLES.find((r) => r === value) ?? "sibling";
  }

  private async add(group: RelationshipGroup, event: SubmitEvent) {
    const field = this.fields(event);
    const form = event.currentTarget as HTMLFormElement;
    if (await this.save(group, [...group.members, { customerId: field("member"), role: this.roleOf(field("role")) }]))
      form.reset();
  }

  private async create(event: SubmitEvent) {
    const field = this.fields(event);
    const form = event.currentTarget as HTMLFormElement;
    const groups = this.client?.relationshipGroups;
    if (!groups || !this.customerId) return;
    const members: Member[] = [
      { customerId: this.customerId, role: "head" },
      { customerId: field("other"), role: this.roleOf(field("role")) },
    ];
    const ok = await this.written(() =>
      groups.create({ id: `HH-${crypto.randomUUID()}`, kind: "household", name: field("name"), members }),
    );
    if (ok) form.reset();
  }

  private roles(selected: string) {
    return RELATIONSHIP_ROLES.map(
      (r) => html`<option value=${r} ?selected=${r === selected}>${label("relationshipRole", r, this.locale)}</option>`,
    );
  }

  private editGroup(g: RelationshipGroup) {
    const setRole = (at: number, role: string) =>
      void this.save(
        g,
        g.members.map((m, i) => (i === at ? { ...m, role: this.roleOf(role) } : m)),
      );
    return html`<details data-group-id=${g.id}>
      <summary>${this.t("groupsEdit", { name: g.name })}</summary>
      <ul>
        ${g.members.map(
          (m, i) =>
            html`<li data-member=${m.customerId}>
              ${m.customerId}
              <select
                aria-label=${`${this.t("groupsRole")} ${m.customerId}`}
                @change=${(e: Event) => setRole(i, (e.target as HTMLSelectElement).value)}
              >
                ${this.roles(m.role)}
              </select>
              <button
                type="button"
                @click=${() =>
                  void this.save(
                    g,
                    g.members.filter((_, j) => j !== i),
                  )}
              >
                ${this.t("groupsRemove", { id: m.customerId })}
              </button>
            </li>`,
        )}
      </ul>
      <form @submit=${(e: SubmitEvent) => this.add(g, e)} aria-label=${this.t("groupsAddMember")}>
        <label>${this.t("groupsMember")} <input name="member" required maxlength="64" /></label>
        <label
          >${this.t("groupsRole")}
          <select name="role">
            ${this.roles("spouse")}
          </select></label
        >
        <button type="submit">${this.t("groupsAddMember")}</button>
      </form>
    </details>`;
  }

  override render() {
    if (!this.client || !canWrite("relationshipGroups", this.client.user, "update")) return nothing;
    return html`${this.groups.map((g) => this.editGroup(g))}
      <details data-testid="group-new">
        <summary>${this.t("groupsNew")}</summary>
        <form @submit=${this.create} aria-label=${this.t("groupsNew")}>
          <label>${this.t("groupsNewName")} <input name="name" required maxlength="120" /></label>
          <label>${this.t("groupsOther")} <input name="other" required maxlength="64" /></label>
          <label
            >${this.t("groupsOtherRole")}
            <select name="role">
              ${this.roles("spouse")}
            </select></label
          >
          <button type="submit">${this.t("groupsCreate")}</button>
        </form>
      </details>
      <p role="status">${this.said}</p>`;
  }
}

customElements.define("ws-group-editor", GroupEditor);
