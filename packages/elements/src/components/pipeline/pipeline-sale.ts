/**
 * The won dialog's part for a sale checked at the win (适当性管理, 双录): the product's risk level, the dual
 * recording (or the one on file), and — when the refusal may be overridden by the one who tried — the override's
 * reason. The rule itself is core's (`saleRefusals`), applied by the client and again by the server.
 */
import { html, nothing } from "lit";
import { bankDay, bankTime, labelIn, type Locale, type Opportunity, type SaleDetails } from "@bankcrm/core";
import { SALE_CHECKED_PRODUCT_TYPES } from "@bankcrm/core/compliance";
import { productRiskLevelLabels } from "@bankcrm/core/i18n";
import { PRODUCT_RISK_LEVELS, type ProductRiskLevel } from "@bankcrm/core/vocabulary";
import { formText } from "../../internal/format.js";
import { say } from "../../i18n/pipeline-messages.js";

/** Whether winning this opportunity asks for the sale's risk level and recording. */
export const saleAsked = (o: Opportunity) => SALE_CHECKED_PRODUCT_TYPES.includes(o.productType);

/** The instant shown for a recording: its Beijing day and time. */
const bankMinute = (at: string) =>
  `${bankDay(at)} ${new Date(Date.parse(at) + 8 * 3_600_000).toISOString().slice(11, 16)}`;

export function renderSaleFields(o: Opportunity, l: Locale, override: boolean) {
  const r = o.dualRecording;
  return html`<fieldset part="sale">
    <legend>${say("saleLegend", l)}</legend>
    <label class="field"
      >${say("saleProductRisk", l)}
      <select name="productRisk">
        <option value="">${say("saleChooseRisk", l)}</option>
        ${PRODUCT_RISK_LEVELS.map(
          (risk) =>
            html`<option value=${risk} ?selected=${o.productRisk === risk}>
              ${labelIn(productRiskLevelLabels, risk, l)}
            </option>`,
        )}
      </select>
    </label>
    ${
      r
        ? html`<p class="muted" data-recording>
            ${say("saleRecordingOnFile", l, { id: r.recordingId, at: bankMinute(r.recordedAt), place: r.location })}
          </p>`
        : html`<label class="field"
              >${say("saleRecordingId", l)} <input name="recordingId" maxlength="64" autocomplete="off"
            /></label>
            <label class="field"
              >${say("saleRecordedAt", l)} <input name="recordedAt" type="datetime-local" autocomplete="off"
            /></label>
            <label class="field"
              >${say("saleRecordingPlace", l)} <input name="recordingPlace" maxlength="120" autocomplete="off"
            /></label>`
    }
    ${
      override
        ? html`<label class="field"
            >${say("saleOverrideReason", l)} <input name="overrideReason" maxlength="500" autocomplete="off"
          /></label>`
        : nothing
    }
  </fieldset>`;
}

/**
 * What the dialog's sale part says: the risk level and a whole recording (made by `staffId`; its time read as
 * Beijing time), or none — the rule then says what is missing. A recording given in part is an error here.
 */
export function saleAnswer(data: FormData, staffId: string, l: Locale): { error: string } | { sale: SaleDetails } {
  const risk = formText(data, "productRisk");
  const sale: SaleDetails = (PRODUCT_RISK_LEVELS as readonly string[]).includes(risk)
    ? { productRisk: risk as ProductRiskLevel }
    : {};
  const [recordingId, recordedAt, place] = ["recordingId", "recordedAt", "recordingPlace"].map((n) =>
    formText(data, n).trim(),
  ) as [string, string, string];
  const given = [recordingId, recordedAt, place].filter((v) => v !== "").length;
  if (given > 0 && given < 3) return { error: say("saleRecordingIncomplete", l) };
  if (given === 3) {
    const at = /^(\d{4}-\d{2}-\d{2})T(\d{2}:\d{2})/.exec(recordedAt);
    if (!at) return { error: say("saleRecordingIncomplete", l) };
    sale.dualRecording = { recordingId, recordedAt: bankTime(at[1]!, at[2]), staffId, location: place };
  }
  const overrideReason = formText(data, "overrideReason").trim();
  if (overrideReason !== "") sale.overrideReason = overrideReason;
  return { sale };
}
