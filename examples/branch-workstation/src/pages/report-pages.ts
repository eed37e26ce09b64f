/**
 * The workstation's report pages — the branch manager's dashboard and duplicate review, the auditor's audit log, head
 * office's data quality, KYC by branch, the privacy officer's requests, the knowledge base, book transfers — each rendered only while it is the open page (unlike the working pages, which keep their state hidden).
 */
import { html, nothing } from "lit";
import type { Locale } from "@bankcrm/core";
import "./dashboard-page.js";
import "./audit-page.js";
import "./quality-page.js";
import "./kyc-page.js";
import "./service-page.js";
import "./knowledge-page.js";
import "./merges-page.js";
import "./privacy-page.js";
import "./transfer-page.js";
import type { WorkstationSession } from "../session.js";

/** The pages rendered only while open. */
export const REPORT_PAGES = [
  "dashboard",
  "service",
  "knowledge",
  "audit",
  "quality",
  "kyc",
  "merges",
  "transfer",
  "privacy",
] as const;
export type ReportPage = (typeof REPORT_PAGES)[number];

export function reportPages(
  s: WorkstationSession,
  locale: Locale,
  open: Record<ReportPage, boolean>,

  onValuesAction: (e: CustomEvent<{ action: "compute" | "again" | "cancel" }>) => void,
) {
  return html`${
    open.dashboard
      ? html`<ws-dashboard-page
          .rows=${s.rows}
          .values=${s.values}
          .valuesState=${s.valuesState}
          .locale=${locale}
          ?embedded=${s.embedded}
          @ws-values=${onValuesAction}
        ></ws-dashboard-page>`
      : nothing
  }
  ${
    open.service
      ? html`<ws-service-page active .source=${s.reports.service} ?embedded=${s.embedded} .locale=${locale}>
        </ws-service-page>`
      : nothing
  }
  ${open.knowledge ? html`<ws-knowledge-page .client=${s.client} .locale=${locale}></ws-knowledge-page>` : nothing}
  ${open.transfer ? html`<ws-transfer-page .client=${s.client} .locale=${locale}></ws-transfer-page>` : nothing}
  ${
    open.audit
      ? html`<ws-audit-page
          active
          .source=${s.reports.audit}
          ?embedded=${s.embedded}
          .locale=${locale}
        ></ws-audit-page>`
      : nothing
  }
  ${
    open.quality
      ? html`<ws-quality-page
          active
          .source=${s.reports.quality}
          ?embedded=${s.embedded}
          .locale=${locale}
        ></ws-quality-page>`
      : nothing
  }
  ${
    open.kyc
      ? html`<ws-kyc-page active .source=${s.reports.kyc} ?embedded=${s.embedded} .locale=${locale}></ws-kyc-page>`
      : nothing
  }
  ${
    open.merges
      ? html`<ws-merges-page
          active
          .source=${s.reports.merges}
          ?embedded=${s.embedded}
          .locale=${locale}
        ></ws-merges-page>`
      : nothing
  }
  ${
    open.privacy
      ? html`<ws-privacy-page
          active
          .source=${s.reports.privacy}
          .client=${s.client}
          ?embedded=${s.embedded}
          .locale=${locale}
        ></ws-privacy-page>`
      : nothing
  }`;
}
