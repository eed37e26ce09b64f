import { html, nothing } from "lit";
import { property } from "lit/decorators.js";
import { label, mask, type GroupSummary, type Locale } from "@bankcrm/core";
import { valueMessage } from "../../i18n/relationship-group-messages.js";
import { compactMoney, formatFigure } from "../../internal/format.js";
import { BankcrmContextElement } from "../base/context-element.js";
import { relationshipGroupStyles } from "./relationship-group.styles.js";

/**
 * A household or a corporate group as one relationship (家庭 / 集团客户): its
 * members with their roles (and shareholdings), and the combined AUM, credit
 * exposure and annual contribution — what to weigh before pricing one member's
 * loan or serving the family as one. Give it core's `summarizeGroup(group,
 * records)`. Individuals' names are masked; members outside the viewer's book
 * are counted, not shown; amounts hidden for roles that may not see them.
 *
 * @tagname bankcrm-relationship-group
 * @summary A household or corporate group: members, roles and combined figures.
 *
 * @csspart base - The section.
 * @csspart header - The group's name and kind.
 * @csspart totals - The combined figures.
 * @csspart members - The members' table.
 * @csspart status - Loading, empty, masked, missing-members or error text.
 *
 * @cssproperty --bankcrm-color-accent - The current customer's row marker.
 */
export class BankcrmRelationshipGroup extends BankcrmContextElement {
  static override styles = relationshipGroupStyles;

  /** `summarizeGroup`'s result; unset with `loading` unset: "not part of a group". */
  @property({ attribute: false }) summary: GroupSummary | undefined;

  /** The customer whose view this is: their row is marked. */
  @property({ attribute: "customer-id" }) customerId: string | undefined;

  /** Shows the loading state. */
  @property({ type: Boolean, reflect: true }) loading = false;

  /** The viewer's role may not see financial amounts. */
  @property({ type: Boolean, reflect: true }) masked = false;

  /** An error to show instead (rendered as text). */
  @property() error: string | undefined;

  private money(x: number | undefined, l: Locale) {
    if (this.masked || x === undefined) return "—";
    return compactMoney(x, this.summary?.currency ?? "CNY", l);
  }

  override render() {
    const l = this.effectiveLocale;
    const status = (text: string, role: "status" | "alert" = "status") =>
      html`<p part="status" role=${role}>${text}</p>`;
    if (this.error) return html`<section part="base">${status(this.error, "alert")}</section>`;
    if (this.loading)
      return html`<section part="base" aria-busy="true">${status(valueMessage("groupLoading", l))}</section>`;
    const s = this.summary;
    if (!s) return html`<section part="base">${status(valueMessage("groupEmpty", l))}</section>`;
    // A household is named after a person: masked as a name is.
    const name = s.kind === "household" ? mask(s.name, "name") : s.name;
    return html`<section part="base" aria-labelledby="name">
      <header part="header">
        <h3 id="name">${name}</h3>
        <span class="kind">${label("relationshipGroupKind", s.kind, l)}</span>
      </header>
      <dl part="totals">
        <div>
          <dt>${valueMessage("groupAum", l)}</dt>
          <dd data-total="aum">${this.money(s.aum, l)}</dd>
        </div>
        <div>
          <dt>${valueMessage("groupExposure", l)}</dt>
          <dd data-total="creditExposure">${this.money(s.creditExposure, l)}</dd>
        </div>
        <div>
          <dt>${valueMessage("groupContribution", l)}</dt>
          <dd data-total="contribution">${this.money(s.contribution, l)}</dd>
        </div>
      </dl>
      ${this.masked ? status(valueMessage("groupMasked", l)) : nothing}
      <table part="members">
        <caption>
          ${valueMessage("groupMembers", l)}
        </caption>
        <thead>
          <tr>
            <th scope="col">${valueMessage("groupMember", l)}</th>
            <th scope="col">${valueMessage("groupRole", l)}</th>
            <th scope="col">${valueMessage("groupAum", l)}</th>
            <th scope="col">${valueMessage("groupExposure", l)}</th>
            <th scope="col">${valueMessage("groupContribution", l)}</th>
          </tr>
        </thead>
        <tbody>
          ${s.members.map(
            (m) =>
              html`<tr
                data-customer-id=${m.customerId}
                aria-current=${m.customerId === this.customerId ? "true" : nothing}
              >
                <th scope="row">
                  ${m.kind === "individual" ? mask(m.name, "name") : m.name}
                  ${m.tier ? html`<span class="tier">${label("tier", m.tier, l)}</span>` : nothing}
                </th>
                <td>
                  ${label("relationshipRole", m.role, l)}${
                    m.share !== undefined
                      ? html` <span class="share"
                          >${valueMessage("groupShare", l, { share: formatFigure(m.share, "percent", "CNY", l) })}</span
                        >`
                      : nothing
                  }
                </td>
                <td class="num">${this.money(m.aum, l)}</td>
                <td class="num">${this.money(m.creditExposure, l)}</td>
                <td class="num">${this.money(m.contribution, l)}</td>
              </tr>`,
          )}
        </tbody>
      </table>
      ${s.missing.length > 0 ? status(valueMessage("groupMissing", l, { count: s.missing.length })) : nothing}
    </section>`;
  }
}
