/**
 * The branch manager's review of customers that may be one person (entity resolution): the pairs the server proposes
 * (`GET /resolution/review`, the manager's customers), one at a time in `<bankcrm-match-review>` with its two records
 * (read masked), and the decision sent — merge (with an undo right after) or keep apart for good. Embedded, the same
 * page over this device's resolution: the branch's customers resolved in a worker, merged in the embedded store.
 */
import { css, html, nothing } from "lit";
import { state } from "lit/decorators.js";
import { describeError, type Customer } from "@bankcrm/core";
import type { HttpStore, ManagerConflict, ResolutionPair } from "@bankcrm/data";
import "@bankcrm/elements/match-review.js";
import type { BankcrmMatchDecisionEvent } from "@bankcrm/elements";
import type { TextKey } from "../messages.js";
import { STAFF_NAMES } from "../users.js";
import { SourcedPage } from "./sourced-page.js";
import { controlStyles, pageHostStyles, panelStyles } from "../panel-styles.js";

/** What the page calls (server mode): each undefined where the server refused or is unreachable. */
export interface MergesSource {
  review(): Promise<ResolutionPair[] | undefined>;
  record(id: string): Promise<Customer | undefined>;
  merge(ids: readonly [string, string]): Promise<{ mergeId: number; goldenId: string; mergedId: string }>;
  apart(ids: readonly [string, string]): Promise<void>;
  undo(mergeId: number): Promise<void>;
  /** Merges in force whose two records had different relationship managers (undefined: not readable). */
  conflicts(): Promise<ManagerConflict[] | undefined>;
  /** The merge made last through this source and not undone: the page offers its undo again when opened again. */
  last?: { mergeId: number; goldenId: string; mergedId: string } | undefined;
}

/** Entity resolution's calls, as the server's endpoints (the HTTP store) and the client's embedded `resolution` name them. */
export type ResolutionCalls = Pick<
  HttpStore,
  "mergeCustomers" | "undoMerge" | "keepCustomersApart" | "relationshipManagerConflicts"
> & { resolutionReview(limit?: number): Promise<{ items: ResolutionPair[] }> };

/**
 * The page's source over entity resolution: the server's (`/resolution/*`, the HTTP store), or this device's
 * (`client.resolution`, embedded); `record` reads a customer as the page may show it (masked).
 */
export function mergesSourceOf(
  remote: ResolutionCalls,
  record: (id: string) => Promise<Customer | undefined>,
): MergesSource {
  const source: MergesSource = {
    review: () =>
      remote
        .resolutionReview(50)
        .then((r) => r.items)
        .catch(() => undefined),
    record,
    conflicts: () => remote.relationshipManagerConflicts(20).catch(() => undefined),
    merge: async (ids) => {
      const merged = await remote.mergeCustomers(ids);
      source.last = { mergeId: merged.mergeId, goldenId: merged.customer.id, mergedId: merged.mergedId };
      return source.last;
    },
    apart: async (ids) => {
      await remote.keepCustomersApart(ids);
      source.last = undefined;
    },
    undo: async (id) => {
      await remote.undoMerge(id);
      if (source.last?.mergeId === id) source.last = undefined;
    },
  };
  return source;
}

export class MergesPage extends SourcedPage<MergesSource> {
  static override styles = [
    pageHostStyles,
    controlStyles,
    panelStyles,
    css`
      ol {
        padding-inline-start: 1.25rem;
      }
      button[aria-current="true"] {
        font-weight: 600;
      }
    `,
  ];

  @state() private pairs: ResolutionPair[] | undefined;
  @state() private failed = false;
  @state() private chosen = 0;
  @state() private records: [Customer, Customer] | undefined;
  @state() private said = "";
  @state() private lastMerge: number | undefined;
  @state() private conflicts: ManagerConflict[] | undefined;

  protected override read(): void {
    // A merge made before the page was left can still be undone from it.
    const last = this.source?.last;
    this.lastMerge = last?.mergeId;
    this.said = last ? this.t("mergesMerged", { merged: last.mergedId, golden: last.goldenId }) : "";
    void this.load();
  }

  private async load() {
    void this.source!.conflicts().then((c) => (this.conflicts = c));
    try {
      this.pairs = await this.source!.review();
      this.failed = this.pairs === undefined;
      await this.choose(0);
    } catch {
      this.failed = true;
    }
  }

  private async choose(i: number) {
    this.chosen = i;
    this.records = undefined;
    const pair = this.pairs?.[i];
    if (!pair) return;
    const [a, b] = await Promise.all(pair.ids.map((id) => this.source!.record(id)));
    if (a && b && this.pairs?.[this.chosen] === pair) this.records = [a, b];
  }

  private async decided(e: BankcrmMatchDecisionEvent) {
    const { ids, decision } = e.detail;
    try {
      if (decision === "merge") {
        const merged = await this.source!.merge(ids);
        this.lastMerge = merged.mergeId;
        this.said = this.t("mergesMerged", { merged: merged.mergedId, golden: merged.goldenId });
      } else {
        await this.source!.apart(ids);
        this.lastMerge = undefined;
        this.said = this.t("mergesApart");
      }
      await this.load();
    } catch (error) {
      this.said = this.t("mergesFailedDecision", { reason: describeError(error, this.locale) });
    }
  }

  private async undo() {
    const id = this.lastMerge;
    if (id === undefined) return;
    try {
      await this.source!.undo(id);
      this.lastMerge = undefined;
      this.said = this.t("mergesUndone");
      await this.load();
    } catch (error) {
      this.said = this.t("mergesFailedDecision", { reason: describeError(error, this.locale) });
    }
  }

  override render() {
    const status = (key: TextKey, role: "status" | "alert" = "status") => html`<p role=${role}>${this.t(key)}</p>`;
    let body;
    if (!this.source) body = status("mergesEmbedded");
    else if (this.failed) body = status("mergesFailed", "alert");
    else if (!this.pairs) body = status("mergesLoading");
    else {
      const pairs = this.pairs;
      body = html`<p role="status">${this.t("mergesCount", { n: pairs.length })}</p>
        ${
          pairs.length > 1
            ? html`<ol data-testid="merge-pairs">
                ${pairs.map(
                  (p, i) =>
                    html`<li>
                      <button
                        type="button"
                        aria-current=${i === this.chosen ? "true" : "false"}
                        @click=${() => void this.choose(i)}
                      >
                        ${p.ids[0]} · ${p.ids[1]} (${Math.round(p.probability * 1000) / 10}%)
                      </button>
                    </li>`,
                )}
              </ol>`
            : nothing
        }
        <bankcrm-match-review
          .pair=${pairs[this.chosen]}
          .records=${this.records}
          .locale=${this.locale}
          @bankcrm-match-decision=${(e: BankcrmMatchDecisionEvent) => void this.decided(e)}
        ></bankcrm-match-review>`;
    }
    return html`<section aria-labelledby="merges-title">
      <h2 id="merges-title">${this.t("navMerges")}</h2>
      ${body}
      <p role="status" data-testid="merges-said">${this.said}</p>
      ${
        this.lastMerge !== undefined
          ? html`<button type="button" data-testid="merges-undo" @click=${() => void this.undo()}>
              ${this.t("mergesUndo")}
            </button>`
          : nothing
      }
      ${this.renderConflicts()}
    </section>`;
  }

  /** The merges whose two records had different relationship managers: the rule's choice, for the manager to check. */
  private renderConflicts() {
    if (!this.conflicts) return nothing;
    const name = (id: string | undefined) => (id ? (STAFF_NAMES[id] ?? id) : "—");
    return html`<h3>${this.t("mergesConflicts")}</h3>
      ${
        this.conflicts.length === 0
          ? html`<p>${this.t("mergesConflictsNone")}</p>`
          : html`<ul data-testid="merges-conflicts">
              ${this.conflicts.map(
                (c) =>
                  html`<li>
                    ${this.t("mergesConflict", {
                      merged: c.mergedId,
                      golden: c.goldenId,
                      kept: name(c.kept),
                      other: name(c.other),
                    })}
                  </li>`,
              )}
            </ul>`
      }`;
  }
}

customElements.define("ws-merges-page", MergesPage);

declare global {
  interface HTMLElementTagNameMap {
    "ws-merges-page": MergesPage;
  }
}
