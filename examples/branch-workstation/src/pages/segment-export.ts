/**
 * A segment's list exported for its purpose (server mode: `POST /segments/export`): only the customers whose
 * consent for it is in force, masked, audited — downloaded as CSV, with how many it held. Embedded, or without a
 * purpose, it says why there is none.
 */
import { LitElement, css, html } from "lit";
import { property, state } from "lit/decorators.js";
import { describeError, type Locale, type SegmentDefinition, type SegmentPurpose } from "@bankcrm/core";
import { consentPurposeLabels } from "@bankcrm/core/i18n";
import { download } from "../download.js";
import { text, type TextKey } from "../messages.js";

export type SegmentExporter = (definition: SegmentDefinition, purpose: SegmentPurpose) => Promise<string>;

export class SegmentExport extends LitElement {
  static override styles = css`
    .muted {
      color: var(--bankcrm-color-text-muted, #5c6370);
    }
  `;

  @property({ attribute: false }) definition: SegmentDefinition | undefined;
  /** Whether the definition is valid (an invalid one is not exported). */
  @property({ type: Boolean }) valid = false;
  @property({ attribute: false }) exporter: SegmentExporter | undefined;
  @property() locale: Locale = "zh-CN";
  @state() private status = "";

  private t(key: TextKey, values: Record<string, string | number> = {}) {
    return text(key, this.locale, values);
  }

  private async exportList(definition: SegmentDefinition, purpose: SegmentPurpose) {
    if (!this.valid || !this.exporter) return void (this.status = this.t("segmentInvalid"));
    try {
      const csv = await this.exporter(definition, purpose);
      download(`segment-${definition.id}-${purpose}.csv`, csv, "text/csv;charset=utf-8");
      const count = csv.trim().split("\r\n").length - 1;
      this.status = this.t("exported", { count, purpose: consentPurposeLabels[purpose][this.locale] });
    } catch (error) {
      this.status = this.t("campaignFailed", { reason: describeError(error, this.locale) });
    }
  }

  override render() {
    const d = this.definition;
    const purpose = d?.purpose;
    if (!this.exporter) return html`<span class="muted">${this.t("exportEmbedded")}</span>`;
    if (!d || !purpose)
      return html`<span class="muted" data-testid="export-needs-purpose">${this.t("exportNeedsPurpose")}</span>`;
    return html`<button type="button" data-testid="export-segment" @click=${() => void this.exportList(d, purpose)}>
        ${this.t("exportSegment")}
      </button>
      <span role="status">${this.status}</span>`;
  }
}

customElements.define("ws-segment-export", SegmentExport);
