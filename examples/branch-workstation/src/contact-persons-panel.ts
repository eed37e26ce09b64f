/**
 * A company's contact persons in the 360 view (对公客户联系人): who each is to it, masked name and mobile, the one
 * called first; staff who change customers add one or take one off — the whole list changed through
 * `customers.change` (kind `contact_persons`, the list before kept in the history). On a server the persons shown
 * masked come back as they were shown, and the server keeps their stored values.
 */
import { LitElement, css, html, nothing } from "lit";
import { property, state } from "lit/decorators.js";
import {
  canWrite,
  describeError,
  label,
  mask,
  type ContactPerson,
  type CorporateCustomer,
  type Locale,
} from "@bankcrm/core";
import { CONTACT_PERSON_ROLES } from "@bankcrm/core/vocabulary";
import type { CrmClient } from "@bankcrm/data";
import { text, type TextKey } from "./messages.js";
import { controlStyles, formTableStyles, panelStyles } from "./panel-styles.js";

export class ContactPersonsPanel extends LitElement {
  static override styles = [
    panelStyles,
    controlStyles,
    formTableStyles,
    css`
      ul {
        margin: 0;
        padding-left: 1.2em;
        font-size: 0.8125rem;
      }
      li button {
        margin-left: 6px;
      }
    `,
  ];

  @property({ attribute: false }) client: CrmClient | undefined;
  @property({ attribute: false }) customer: CorporateCustomer | undefined;
  @property() locale: Locale = "zh-CN";
  @state() private said = "";

  private t(key: TextKey, values: Record<string, string | number> = {}) {
    return text(key, this.locale, values);
  }

  private get editor() {
    return this.client !== undefined && canWrite("customers", this.client.user, "change");
  }

  private async save(contactPersons: ContactPerson[]) {
    const client = this.client;
    const customer = this.customer;
    if (!client || !customer) return false;
    try {
      const result = await client.customers.change(
        customer.id,
        { kind: "contact_persons", contactPersons },
        { expectedVersion: customer.version },
      );
      this.said = result.status === "queued" ? this.t("contactsQueued") : this.t("contactsSaved");
      return true;
    } catch (error) {
      this.said = this.t("contactsFailed", { reason: describeError(error, this.locale) });
      return false;
    }
  }

  private async add(event: SubmitEvent) {
    event.preventDefault();
    const form = event.currentTarget as HTMLFormElement;
    const data = new FormData(form);
    const field = (name: string) => {
      const v = data.get(name);
      return typeof v === "string" ? v.trim() : "";
    };
    const role = CONTACT_PERSON_ROLES.find((r) => r === field("role")) ?? "other";
    const primary = data.get("primary") !== null;
    const person: ContactPerson = {
      name: field("name"),
      role,
      ...(field("mobile") ? { mobile: field("mobile") } : {}),
      ...(primary ? { primary } : {}),
    };
    // One person is called first: a new first choice takes the mark from the others.
    const others = (this.customer?.contactPersons ?? []).map(({ primary: first, ...p }) =>
      primary || first === undefined ? p : { ...p, primary: first },
    );
    if (await this.save([...others, person])) form.reset();
  }

  private drop(at: number) {
    void this.save((this.customer?.contactPersons ?? []).filter((_, i) => i !== at));
  }

  override render() {
    const l = this.locale;
    const people = this.customer?.contactPersons ?? [];
    return html`<section aria-labelledby="contacts-h" data-testid="contact-persons">
      <h2 id="contacts-h">${this.t("contactsTitle")}</h2>
      ${
        people.length === 0
          ? html`<p>${this.t("contactsNone")}</p>`
          : html`<ul>
              ${people.map((p, i) => {
                const parts = [label("contactPersonRole", p.role, l), mask(p.name, "name")];
                if (p.mobile) parts.push(mask(p.mobile, "mobile"));
                if (p.primary) parts.push(this.t("contactsPrimary"));
                return html`<li>
                  ${parts.map((part, j) => html`${j > 0 ? " · " : ""}<bdi>${part}</bdi>`)}
                  ${
                    this.editor
                      ? html`<button type="button" @click=${() => this.drop(i)}>
                          ${this.t("contactsRemove", { name: mask(p.name, "name") })}
                        </button>`
                      : nothing
                  }
                </li>`;
              })}
            </ul>`
      }
      ${
        this.editor
          ? html`<form @submit=${this.add} aria-label=${this.t("contactsAdd")}>
              <label>${this.t("contactsName")} <input name="name" maxlength="60" required /></label>
              <label
                >${this.t("contactsRole")}
                <select name="role">
                  ${CONTACT_PERSON_ROLES.map((r) => html`<option value=${r}>${label("contactPersonRole", r, l)}</option>`)}
                </select>
              </label>
              <label>${this.t("contactsMobile")} <input name="mobile" inputmode="numeric" maxlength="11" /></label>
              <label><input type="checkbox" name="primary" /> ${this.t("contactsPrimary")}</label>
              <button type="submit">${this.t("contactsAdd")}</button>
            </form>`
          : nothing
      }
      <p role="status">${this.said}</p>
    </section>`;
  }
}

customElements.define("ws-contact-persons", ContactPersonsPanel);
