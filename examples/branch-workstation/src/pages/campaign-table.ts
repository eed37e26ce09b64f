/**
 * The marketing page's campaigns: each with its segment (by the saved segment's name), channels and state, and what
 * the user may do with it — the branch manager approves a draft; marketing or the branch manager launches a scheduled
 * one; a launched one is measured from the records (the server's, or embedded this browser's), with its window, both
 * groups and, when other campaigns reached its members meanwhile, the overlap and the control group's contamination.
 * The demo's clock moves on four weeks, so a launch can be measured the day it is made.
 */
import { html, nothing } from "lit";
import type { Campaign, CampaignMeasurement, Locale, SegmentDefinition } from "@bankcrm/core";
import { campaignChannelLabels, campaignStatusLabels } from "@bankcrm/core/i18n";
import type { TextKey } from "../messages.js";
import { segmentLabel } from "../saved-segments.js";
import type { DemoRole } from "../users.js";

export interface CampaignTableView {
  locale: Locale;
  role: DemoRole;
  campaigns: readonly Campaign[];
  segments: readonly SegmentDefinition[];
  /** Campaigns whose effect can be shown now. */
  reported: ReadonlySet<string>;
  /** Each measured campaign's window and groups. */
  measured: Readonly<Record<string, CampaignMeasurement>>;
  busy: boolean;
  /** A launched campaign can be measured. */
  measures: boolean;
  /** On the demo bank: the clock can move on. */
  clock: boolean;
  t(key: TextKey, values?: Record<string, string | number>): string;
  approve(c: Campaign): void;
  launch(c: Campaign): void;
  show(c: Campaign): void;
  measure(c: Campaign): void;
  advanceClock(): void;
}

const day = (iso: string, locale: Locale) =>
  new Date(iso).toLocaleDateString(locale, { timeZone: "Asia/Shanghai", month: "short", day: "numeric" });

/** A measured campaign's window and groups, in a sentence. */
function measurementLine(v: CampaignTableView, m: CampaignMeasurement) {
  return html`<p class="muted" data-testid="measured">
    ${v.t(m.window.complete ? "measuredWindow" : "measuringWindow", {
      from: day(m.window.from, v.locale),
      to: day(m.window.to, v.locale),
      treated: m.treatment.size,
      treatedConverted: m.treatment.converted,
      held: m.control.size,
      heldConverted: m.control.converted,
    })}
    ${
      m.overlap && m.contamination && (m.overlap.treated > 0 || m.contamination.control > 0)
        ? html`<br /><span data-testid="cross-treated"
              >${v.t("crossTreated", {
                overlap: m.overlap.treated,
                campaigns: m.overlap.campaigns.join(", ") || "—",
                contaminated: m.contamination.control,
                share: new Intl.NumberFormat(v.locale, { style: "percent", maximumFractionDigits: 1 }).format(
                  m.contamination.share,
                ),
              })}</span
            >`
        : nothing
    }
  </p>`;
}

function actions(v: CampaignTableView, c: Campaign) {
  const launched = c.status === "active" || c.status === "completed";
  return html`${
    v.role === "branch_manager" && c.status === "draft"
      ? html`<button type="button" data-action="approve" @click=${() => v.approve(c)}>
          ${v.t("approveCampaign", { name: c.name })}
        </button>`
      : nothing
  }
  ${
    (v.role === "marketing" || v.role === "branch_manager") && c.status === "scheduled"
      ? html`<button type="button" data-action="launch" ?disabled=${v.busy} @click=${() => v.launch(c)}>
          ${v.t("launchCampaign", { name: c.name })}
        </button>`
      : nothing
  }
  ${
    v.measures && launched
      ? html`<button type="button" data-action="measure" @click=${() => v.measure(c)}>
          ${v.t("measureCampaign", { name: c.name })}
        </button>`
      : v.reported.has(c.id)
        ? html`<button type="button" data-action="report" @click=${() => v.show(c)}>
            ${v.t("showReport", { name: c.name })}
          </button>`
        : nothing
  }`;
}

export function campaignTable(v: CampaignTableView) {
  const l = v.locale;
  return html`<section aria-labelledby="campaigns-h">
    <h2 id="campaigns-h">${v.t("campaigns")}</h2>
    ${
      v.clock
        ? html`<p>
            <button type="button" data-testid="demo-clock" @click=${() => v.advanceClock()}>${v.t("demoClock")}</button>
          </p>`
        : nothing
    }
    ${
      v.campaigns.length === 0
        ? html`<p>${v.t("noCampaigns")}</p>`
        : html`<table data-testid="campaigns">
            <thead>
              <tr>
                <th scope="col">${v.t("campaignName")}</th>
                <th scope="col">${v.t("campaignSegment")}</th>
                <th scope="col">${v.t("campaignChannel")}</th>
                <th scope="col">${v.t("campaignStatus")}</th>
                <th scope="col"><span class="visually-hidden">${v.t("open")}</span></th>
              </tr>
            </thead>
            <tbody>
              ${v.campaigns.map((c) => {
                const segment = v.segments.find((s) => s.id === c.segmentId);
                return html`<tr data-campaign=${c.id} data-status=${c.status}>
                  <th scope="row">${c.name}</th>
                  <td>${segment ? segmentLabel(segment, l) : (c.segmentId ?? "—")}</td>
                  <td>${c.channels.map((ch) => campaignChannelLabels[ch][l]).join("、")}</td>
                  <td>${campaignStatusLabels[c.status][l]}</td>
                  <td>${actions(v, c)} ${v.measured[c.id] ? measurementLine(v, v.measured[c.id]!) : nothing}</td>
                </tr>`;
              })}
            </tbody>
          </table>`
    }
  </section>`;
}
