/**
 * The desk's month (客户服务中心优化), from its own logs: inbound calls, handling time, first-contact resolution
 * and repeat callers against last month, why people called, and the cases opened on calls past their limit by
 * queue — core's `callCentreStatistics` over the interactions and cases the agent's store holds.
 */
import { html, nothing, type TemplateResult } from "lit";
import { label, type Interaction, type Locale, type ServiceCase } from "@bankcrm/core";
import { callCentreStatistics, type CallCentreStatistics } from "@bankcrm/core/service";
import type { CrmStore } from "@bankcrm/data";
import type { TextKey } from "./messages.js";

type Say = (key: TextKey, values?: Record<string, string | number>) => string;

export interface DeskFigures {
  month: CallCentreStatistics;
  previous: CallCentreStatistics;
}

const BEIJING = 8 * 3_600_000;
/** The first instant of the month `add` months from `at`'s, on the bank's calendar. */
const monthStart = (at: Date, add: number) => {
  const local = new Date(at.getTime() + BEIJING);
  return new Date(Date.UTC(local.getUTCFullYear(), local.getUTCMonth() + add, 1) - BEIJING).toISOString();
};

async function every<T>(store: CrmStore, collection: "interactions" | "serviceCases"): Promise<T[]> {
  const out: T[] = [];
  let after: string | undefined;
  do {
    const page = await store.records(collection, { limit: 1000, ...(after ? { after } : {}) });
    out.push(...(page.items as T[]));
    after = page.next;
  } while (after !== undefined);
  return out;
}

/** This month's figures (to `now`) and last month's, from the store's calls and cases. */
export async function deskFigures(store: CrmStore, now: Date): Promise<DeskFigures> {
  const [interactions, cases] = await Promise.all([
    every<Interaction>(store, "interactions"),
    every<ServiceCase>(store, "serviceCases"),
  ]);
  const to = new Date(now.getTime() + 1).toISOString();
  return {
    month: callCentreStatistics(interactions, cases, { from: monthStart(now, 0), to }),
    previous: callCentreStatistics(interactions, cases, { from: monthStart(now, -1), to: monthStart(now, 0) }),
  };
}

export function figuresView(f: DeskFigures | undefined, t: Say, l: Locale): TemplateResult | typeof nothing {
  if (!f) return nothing;
  const { month, previous } = f;
  const versus = t("figuresVersus");
  const tile = (key: TextKey, value: number | undefined, before: number | undefined, format: string, good: string) =>
    html`<bankcrm-kpi-tile
      label=${t(key)}
      format=${format}
      good=${good}
      versus=${versus}
      .value=${value}
      .previous=${before}
      locale=${l}
    ></bankcrm-kpi-tile>`;
  const minutes = (s: number | undefined) => (s === undefined ? undefined : s / 60);
  const reasons = Object.entries(month.byCategory).map(([category, calls]) => ({
    label: category === "uncategorized" ? t("figuresNoCase") : label("serviceCategory", category, l),
    value: calls ?? 0,
  }));
  const queues = Object.entries(month.breachesByQueue);
  return html`<section aria-labelledby="figures-h" data-testid="figures">
    <h2 id="figures-h">${t("figuresTitle")}</h2>
    <div class="tiles">
      ${tile("figuresCalls", month.calls, previous.calls, "number", "up")}
      ${tile("figuresHandling", minutes(month.meanHandlingSeconds), minutes(previous.meanHandlingSeconds), "number", "down")}
      ${tile("figuresFcr", month.calls ? month.firstContactResolution : undefined, previous.calls ? previous.firstContactResolution : undefined, "percent", "up")}
      ${tile("figuresRepeat", month.repeatCallers.length, previous.repeatCallers.length, "number", "down")}
    </div>
    ${reasons.length > 0 ? html`<bankcrm-chart label=${t("figuresReasons")} .data=${reasons} locale=${l}></bankcrm-chart>` : nothing}
    ${
      queues.length > 0
        ? html`<table data-testid="queues">
            <caption>
              ${t("figuresQueues")}
            </caption>
            <thead>
              <tr>
                <th scope="col">${t("figuresQueue")}</th>
                <th scope="col">${t("figuresCases")}</th>
                <th scope="col">${t("figuresBreached")}</th>
              </tr>
            </thead>
            <tbody>
              ${queues.map(
                ([queue, q]) =>
                  html`<tr data-queue=${queue}>
                    <th scope="row">${label("serviceCaseType", queue, l)}</th>
                    <td>${q.cases}</td>
                    <td>${q.breached}</td>
                  </tr>`,
              )}
            </tbody>
          </table>`
        : nothing
    }
  </section>`;
}
