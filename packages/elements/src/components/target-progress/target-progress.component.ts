import { html, nothing } from "lit";
import { property } from "lit/decorators.js";
import { isCountMetric, labelIn, type Achievement, type Locale, type SalesMetric } from "@bankcrm/core";
import { salesMetricLabels } from "@bankcrm/core/i18n";
import { say } from "../../i18n/target-progress-messages.js";
import { compactMoney } from "../../internal/format.js";
import { BankcrmContextElement } from "../base/context-element.js";
import { targetProgressStyles } from "./target-progress.styles.js";

const ownerKey = ({ owner }: Achievement) =>
  "staffId" in owner ? owner.staffId : "teamId" in owner ? owner.teamId : owner.branchId;
const percent = (ratio: number, l: Locale) =>
  new Intl.NumberFormat(l, { style: "percent", maximumFractionDigits: 0 }).format(ratio);

/** One person's standing in a team ranking. */
export interface TeamStanding {
  ownerId: string;
  /** Mean of the targets' achievement ratios, each capped at 150% so one windfall does not hide the rest. */
  score: number;
  /** Targets behind an even pace. */
  behind: number;
  achievements: Achievement[];
}

/** Ranks owners by their mean capped achievement ratio (ties by fewer targets behind, then id). */
export function rankTeam(achievements: readonly Achievement[]): TeamStanding[] {
  const by = new Map<string, Achievement[]>();
  for (const a of achievements) {
    const key = ownerKey(a);
    by.set(key, [...(by.get(key) ?? []), a]);
  }
  return [...by.entries()]
    .map(([ownerId, list]) => ({
      ownerId,
      score: list.reduce((s, a) => s + Math.min(a.ratio, 1.5), 0) / list.length,
      behind: list.filter((a) => a.pace < 0).length,
      achievements: list,
    }))
    .sort((a, b) => b.score - a.score || a.behind - b.behind || (a.ownerId < b.ownerId ? -1 : 1));
}

/**
 * Sales targets against achievement (销售目标设定与跟踪, 客户经理考核), from
 * core's `computeAchievement`: each target's progress with its pace — what an
 * even pace would have reached by today against what was reached. With
 * `mode="team"` (a branch manager), the team ranked by mean achievement, with
 * each person's figures in a table.
 *
 * @tagname bankcrm-target-progress
 * @summary Targets against achievement with pace; a team ranked for a branch manager.
 *
 * @csspart base - The whole element.
 * @csspart target - One target's progress.
 * @csspart bar - The progress bar.
 * @csspart ranking - The team table.
 */
export class BankcrmTargetProgress extends BankcrmContextElement {
  static override styles = targetProgressStyles;

  /** The achievements to show (core `computeAchievement`). */
  @property({ attribute: false }) achievements: readonly Achievement[] = [];

  /** `self` (one person's targets, default) or `team` (ranked). */
  @property() mode: "self" | "team" = "self";

  /** Names by staff or branch id. */
  @property({ attribute: false }) names: Readonly<Record<string, string>> = {};

  /** Currency of the money targets. */
  @property() currency = "CNY";

  private amount(value: number, metric: SalesMetric, l: Locale): string {
    return isCountMetric(metric) ? value.toLocaleString(l) : compactMoney(value, this.currency, l);
  }

  private renderTarget(a: Achievement, l: Locale) {
    const metric = labelIn(salesMetricLabels, a.metric, l);
    const id = `t-${a.targetId}`;
    const ahead = a.pace >= 0;
    return html`<li part="target" class="row" data-target-id=${a.targetId} data-pace=${ahead ? "ahead" : "behind"}>
      <span class="grow">
        <strong id=${id}>${metric}</strong>
        <span>
          ${say("targetAchieved", l, {
            achieved: this.amount(a.achieved, a.metric, l),
            target: this.amount(a.target, a.metric, l),
            ratio: percent(a.ratio, l),
          })}</span
        >
        <progress part="bar" aria-labelledby=${id} max="1" .value=${Math.min(1, Math.max(0, a.ratio))}></progress>
        <span class=${ahead ? "muted" : "late"}>
          ${say(ahead ? "targetAhead" : "targetBehind", l, {
            expected: this.amount(a.expected, a.metric, l),
            gap: this.amount(Math.abs(a.pace), a.metric, l),
          })}
        </span>
      </span>
    </li>`;
  }

  private renderTeam(l: Locale) {
    const ranking = rankTeam(this.achievements);
    const metrics = [...new Set(this.achievements.map((a) => a.metric))];
    return html`<table part="ranking">
      <caption>
        ${say("targetRanking", l)}
      </caption>
      <thead>
        <tr>
          <th scope="col">${say("targetRank", l)}</th>
          <th scope="col">${say("targetStaff", l)}</th>
          ${metrics.map((m) => html`<th scope="col">${labelIn(salesMetricLabels, m, l)}</th>`)}
          <th scope="col">${say("targetScore", l)}</th>
        </tr>
      </thead>
      <tbody>
        ${ranking.map(
          (s, i) =>
            html`<tr data-owner=${s.ownerId}>
              <td>${i + 1}</td>
              <th scope="row">${this.names[s.ownerId] ?? s.ownerId}</th>
              ${metrics.map((m) => {
                const a = s.achievements.find((x) => x.metric === m);
                return html`<td class=${a && a.pace < 0 ? "late" : ""}>
                  ${a ? `${percent(a.ratio, l)}${a.pace < 0 ? ` ${say("targetBehindShort", l)}` : ""}` : "—"}
                </td>`;
              })}
              <td>${percent(s.score, l)}</td>
            </tr>`,
        )}
      </tbody>
    </table>`;
  }

  override render() {
    const l = this.effectiveLocale;
    const first = this.achievements[0];
    const elapsed = first ? percent(first.elapsed, l) : undefined;
    return html`<section part="base" aria-labelledby="title">
      <h2 id="title">${say(this.mode === "team" ? "targetTeamTitle" : "targetTitle", l)}</h2>
      ${elapsed ? html`<p class="muted">${say("targetElapsed", l, { elapsed })}</p>` : nothing}
      ${
        this.achievements.length === 0
          ? html`<p class="muted" data-empty>${say("targetNone", l)}</p>`
          : this.mode === "team"
            ? this.renderTeam(l)
            : html`<ul>
                ${this.achievements.map((a) => this.renderTarget(a, l))}
              </ul>`
      }
    </section>`;
  }
}
