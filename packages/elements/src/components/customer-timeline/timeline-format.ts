/**
 * How one timeline entry reads: its kind, channel, title, detail and times, in
 * a locale. Pure functions, so the element's render stays small and the text
 * can be tested without a DOM.
 */
import { formatMoney, labelIn, type Label, type Locale, DAY_MS } from "@bankcrm/core";
import {
  campaignChannelLabels,
  campaignResponseTypeLabels,
  interactionChannelLabels,
  interactionOutcomeLabels,
  interactionTypeLabels,
  leadPurposeLabels,
  leadSourceLabels,
  leadStatusLabels,
  opportunityStageLabels,
  priorityLabels,
  productTypeLabels,
  serviceCaseStatusLabels,
  serviceCaseTypeLabels,
  transactionCategoryLabels,
  transactionChannelLabels,
} from "@bankcrm/core/i18n";
import type { TimelineItem, TimelineKind } from "../../context/contexts.js";
import { cached } from "../../internal/format.js";
import { timelineMessage, type TimelineMessageKey } from "../../i18n/timeline-messages.js";

export { absoluteTime, relativeTime } from "../../internal/format.js";

export const TIMELINE_KINDS: readonly TimelineKind[] = [
  "interaction",
  "transaction",
  "case",
  "campaign",
  "lead",
  "opportunity",
];

const KIND_MESSAGE: Record<TimelineKind, TimelineMessageKey> = {
  interaction: "kindInteraction",
  transaction: "kindTransaction",
  case: "kindCase",
  campaign: "kindCampaign",
  lead: "kindLead",
  opportunity: "kindOpportunity",
};

export function kindLabel(kind: TimelineKind, locale: Locale): string {
  return timelineMessage(KIND_MESSAGE[kind], locale);
}

/** The channel an entry came through (leads: their source; opportunities have none). */
export function channelOf(item: TimelineItem): string | undefined {
  if (item.kind === "lead") return item.record.source;
  return (item.record as { channel?: string }).channel;
}

/** A channel's label, from whichever channel vocabulary knows it. */
export function channelLabel(channel: string, locale: Locale): string {
  for (const table of [interactionChannelLabels, transactionChannelLabels, campaignChannelLabels, leadSourceLabels]) {
    const text = labelIn(table, channel, locale);
    if (text !== channel) return text;
  }
  return channel;
}

/** The case machine's events as a person reads them on the timeline. */
const CASE_EVENTS: Readonly<Record<string, Label>> = {
  start: { "zh-CN": "开始处理", en: "started" },
  await_customer: { "zh-CN": "等待客户", en: "waiting for the customer" },
  resume: { "zh-CN": "继续处理", en: "resumed" },
  escalate: { "zh-CN": "升级", en: "escalated" },
  resolve: { "zh-CN": "办结", en: "resolved" },
  close: { "zh-CN": "关闭", en: "closed" },
  reopen: { "zh-CN": "重新打开", en: "reopened" },
};

/** Every state a record went through, from its history: "新线索 → 已联系 → 已确认" (empty without history). */
function statePath(
  history: readonly { from: string; to: string }[] | undefined,
  table: Readonly<Record<string, Label>>,
  locale: Locale,
): string {
  if (!history || history.length === 0) return "";
  const states = [history[0]!.from, ...history.map((h) => h.to)].filter((s, i, all) => i === 0 || s !== all[i - 1]);
  return states.length > 1 ? states.map((s) => labelIn(table, s, locale)).join(" → ") : "";
}

/** The entry's headline and a line of detail — plain strings, rendered as text. */
export function describe(item: TimelineItem, locale: Locale): { title: string; detail: string } {
  switch (item.kind) {
    case "interaction": {
      const r = item.record;
      const outcome = r.outcome ? ` · ${labelIn(interactionOutcomeLabels, r.outcome, locale)}` : "";
      return { title: `${labelIn(interactionTypeLabels, r.type, locale)}${outcome}`, detail: r.summary ?? "" };
    }
    case "transaction": {
      const r = item.record;
      const sign = r.direction === "debit" ? "−" : r.direction === "credit" ? "+" : "";
      const amount = r.amount ? `${sign}${formatMoney(r.amount.amount, r.amount.currency, locale)}` : "";
      const category = r.category
        ? labelIn(transactionCategoryLabels, r.category, locale)
        : kindLabel("transaction", locale);
      return {
        title: amount ? `${category} ${amount}` : `${category} · ${timelineMessage("amountHidden", locale)}`,
        detail: [r.counterparty, r.description].filter(Boolean).join(" · "),
      };
    }
    case "case": {
      const r = item.record;
      return {
        title: r.subject,
        detail: [
          labelIn(serviceCaseTypeLabels, r.type, locale),
          labelIn(serviceCaseStatusLabels, r.status, locale),
          labelIn(priorityLabels, r.priority, locale),
          // Every step of the case, escalations included (they do not change its state).
          r.history && r.history.length > 0
            ? r.history.map((h) => labelIn(CASE_EVENTS, h.event, locale)).join(" → ")
            : "",
        ]
          .filter(Boolean)
          .join(" · "),
      };
    }
    case "campaign": {
      const r = item.record;
      return { title: labelIn(campaignResponseTypeLabels, r.type, locale), detail: r.campaignId };
    }
    case "lead": {
      const r = item.record;
      return {
        title: `${labelIn(leadPurposeLabels, r.purpose, locale)} · ${labelIn(leadStatusLabels, r.status, locale)}`,
        detail: [statePath(r.history, leadStatusLabels, locale), r.disqualifiedReason ?? r.notes]
          .filter(Boolean)
          .join(" · "),
      };
    }
    case "opportunity": {
      const r = item.record;
      const amount = r.amount ? ` ${formatMoney(r.amount.amount, r.amount.currency, locale)}` : "";
      return {
        title: `${r.title} · ${labelIn(opportunityStageLabels, r.stage, locale)}`,
        detail: [
          `${labelIn(productTypeLabels, r.productType, locale)}${amount}`,
          statePath(r.history, opportunityStageLabels, locale),
          r.lostReason,
        ]
          .filter(Boolean)
          .join(" · "),
      };
    }
  }
}

/** A local calendar day as a sortable key. */
export function dayKey(at: Date): number {
  return at.getFullYear() * 10_000 + (at.getMonth() + 1) * 100 + at.getDate();
}

/** "今天", "昨天", else the date with its weekday. */
export function dayLabel(at: Date, now: Date, locale: Locale): string {
  const startOf = (d: Date) => new Date(d.getFullYear(), d.getMonth(), d.getDate()).getTime();
  const days = Math.round((startOf(at) - startOf(now)) / DAY_MS);
  if (days === 0 || days === -1) {
    const rtf = cached(`rt|${locale}`, () => new Intl.RelativeTimeFormat(locale, { numeric: "auto" }));
    return rtf.format(days, "day");
  }
  return cached(
    `day|${locale}`,
    () => new Intl.DateTimeFormat(locale, { year: "numeric", month: "long", day: "numeric", weekday: "short" }),
  ).format(at);
}
