/**
 * The knowledge base (营销知识管理) in the workstation: every member of staff searches the published scripts, FAQs
 * and objection answers (`<bankcrm-knowledge-search>`); head office marketing and branch managers also write drafts
 * and publish someone else's (four eyes: the client and the server refuse an author's own). Writes go through the
 * client: validated, in the outbox offline.
 */
import { css, html, LitElement, nothing } from "lit";
import { property, state } from "lit/decorators.js";
import { canWrite, describeError, labelIn, type KnowledgeArticle, type Locale, type WriteResult } from "@bankcrm/core";
import { knowledgeKindLabels, productTypeLabels } from "@bankcrm/core/i18n";
import { KNOWLEDGE_KINDS, PRODUCT_TYPES } from "@bankcrm/core/vocabulary";
import type { CrmClient } from "@bankcrm/data";
import "@bankcrm/elements/knowledge-search.js";
import { text, type TextKey } from "../messages.js";
import { everyPage } from "../paging.js";
import { controlStyles, formTableStyles, pageHostStyles, panelStyles } from "../panel-styles.js";
import { STAFF_NAMES } from "../users.js";

export class KnowledgePage extends LitElement {
  static override styles = [
    pageHostStyles,
    panelStyles,
    controlStyles,
    formTableStyles,
    css`
      :host {
        display: grid;
        gap: 16px;
      }
      textarea {
        font: inherit;
        min-width: min(40rem, 100%);
        min-height: 6rem;
      }
      .wide {
        flex: 1 1 100%;
      }
      li {
        padding: 4px 0;
        border-top: 1px solid var(--bankcrm-color-border);
      }
    `,
  ];

  @property({ attribute: false }) client: CrmClient | undefined;
  @property({ attribute: false }) locale: Locale = "zh-CN";
  @state() private drafts: KnowledgeArticle[] = [];
  @state() private published: KnowledgeArticle[] = [];
  /** The draft being changed in the form (else the form writes a new one). */
  @state() private editing: KnowledgeArticle | undefined;
  @state() private said = "";
  private readFor: CrmClient | undefined;

  private t(key: TextKey, values: Record<string, string | number> = {}) {
    return text(key, this.locale, values);
  }

  /** Who keeps the knowledge base: the roles core's table lets write it. */
  private get editor() {
    return this.client !== undefined && canWrite("knowledgeArticles", this.client.user, "create");
  }

  override updated() {
    if (this.editor && this.client && this.readFor !== this.client) {
      this.readFor = this.client;
      void this.readDrafts();
    }
  }

  private async readDrafts() {
    const articles = this.client?.knowledgeArticles;
    if (!articles) return;
    const all = await everyPage((q) => articles.list(q)).catch(() => [] as KnowledgeArticle[]);
    this.drafts = all.filter((a) => a.status === "draft");
    this.published = all.filter((a) => a.status === "published");
  }

  private async written<T>(write: Promise<WriteResult<T>>, saved: string): Promise<boolean> {
    try {
      const result = await write;
      this.said = result.status === "queued" ? this.t("knowledgeQueued") : saved;
      await this.readDrafts();
      return true;
    } catch (error) {
      this.said = this.t("knowledgeFailed", { reason: describeError(error, this.locale) });
      return false;
    }
  }

  private async publish(a: KnowledgeArticle) {
    const articles = this.client?.knowledgeArticles;
    if (!articles) return;
    await this.written(
      articles.transition(a.id, "publish", { expectedVersion: a.version }),
      this.t("knowledgePublished", { title: a.title }),
    );
  }

  /** Takes a published article back to a draft (to change it) or out of use: the machine wants a reason. */
  private async change(a: KnowledgeArticle, event: "revise" | "retire") {
    const articles = this.client?.knowledgeArticles;
    const reason = this.renderRoot.querySelector<HTMLInputElement>("#change-reason")?.value.trim() ?? "";
    if (!articles) return;
    await this.written(
      articles.transition(a.id, event, { expectedVersion: a.version, ...(reason ? { reason } : {}) }),
      this.t(event === "revise" ? "knowledgeRevised" : "knowledgeRetired", { title: a.title }),
    );
  }

  private async save(e: SubmitEvent) {
    e.preventDefault();
    const form = e.target as HTMLFormElement;
    const articles = this.client?.knowledgeArticles;
    if (!articles) return;
    const data = new FormData(form);
    const value = (name: string) => {
      const raw = data.get(name);
      return typeof raw === "string" ? raw.trim() : "";
    };
    const tags = value("tags").split(/\s+/).filter(Boolean);
    const fields = {
      kind: value("kind"),
      locale: value("locale"),
      title: value("title"),
      body: value("body"),
      // Undefined, not left out: a product or tags taken off a draft being changed are taken off the record.
      productTypes: value("product") ? [value("product")] : undefined,
      tags: tags.length > 0 ? tags : undefined,
    };
    const editing = this.editing;
    const write = editing
      ? articles.update(editing.id, fields, { expectedVersion: editing.version })
      : articles.create({ id: `KB-${crypto.randomUUID()}`, status: "draft", ...fields });
    if (await this.written(write, this.t("knowledgeSaved"))) {
      this.editing = undefined;
      form.reset();
    }
  }

  private renderDrafts() {
    const me = this.client?.user.id;
    return html`<section aria-labelledby="drafts" data-testid="knowledge-drafts">
      <h2 id="drafts">${this.t("knowledgeDrafts")}</h2>
      ${
        this.drafts.length === 0
          ? html`<p>${this.t("knowledgeNoDrafts")}</p>`
          : html`<ul>
              ${this.drafts.map(
                (a) =>
                  html`<li data-id=${a.id}>
                    <bdi>${a.title}</bdi> · ${labelIn(knowledgeKindLabels, a.kind, this.locale)} ·
                    ${this.t("knowledgeBy", { author: STAFF_NAMES[a.createdBy ?? ""] ?? a.createdBy ?? "" })}
                    <button type="button" data-action="edit" @click=${() => (this.editing = a)}>
                      ${this.t("knowledgeEdit")}
                    </button>
                    ${
                      a.createdBy === me || a.updatedBy === me
                        ? html`<span>${this.t("knowledgeOwnDraft")}</span>`
                        : html`<button type="button" data-action="publish" @click=${() => void this.publish(a)}>
                            ${this.t("knowledgePublish")}
                          </button>`
                    }
                  </li>`,
              )}
            </ul>`
      }
    </section>`;
  }

  private renderPublished() {
    return html`<section aria-labelledby="published" data-testid="knowledge-published">
      <h2 id="published">${this.t("knowledgePublishedList")}</h2>
      <label>${this.t("knowledgeReason")} <input id="change-reason" maxlength="500" /></label>
      <ul>
        ${this.published.map(
          (a) =>
            html`<li data-id=${a.id}>
              <bdi>${a.title}</bdi> · ${labelIn(knowledgeKindLabels, a.kind, this.locale)}
              <button type="button" data-action="revise" @click=${() => void this.change(a, "revise")}>
                ${this.t("knowledgeRevise")}
              </button>
              <button type="button" data-action="retire" @click=${() => void this.change(a, "retire")}>
                ${this.t("knowledgeRetire")}
              </button>
            </li>`,
        )}
      </ul>
    </section>`;
  }

  private renderForm() {
    const l = this.locale;
    const a = this.editing;
    return html`<section aria-labelledby="new-article">
      <h2 id="new-article">${a ? this.t("knowledgeEditing", { title: a.title }) : this.t("knowledgeNew")}</h2>
      <form data-testid="knowledge-form" @submit=${(e: SubmitEvent) => void this.save(e)}>
        <label
          >${this.t("knowledgeKindField")}
          <select name="kind" .value=${a?.kind ?? KNOWLEDGE_KINDS[0]}>
            ${KNOWLEDGE_KINDS.map((k) => html`<option value=${k} ?selected=${a?.kind === k}>${labelIn(knowledgeKindLabels, k, l)}</option>`)}
          </select>
        </label>
        <label
          >${this.t("knowledgeLocaleField")}
          <select name="locale">
            <option value="zh-CN" ?selected=${a?.locale !== "en"}>中文</option>
            <option value="en" ?selected=${a?.locale === "en"}>English</option>
          </select>
        </label>
        <label
          >${this.t("knowledgeProductField")}
          <select name="product">
            <option value="">${this.t("knowledgeNoProduct")}</option>
            ${PRODUCT_TYPES.map((p) => html`<option value=${p} ?selected=${a?.productTypes?.[0] === p}>${labelIn(productTypeLabels, p, l)}</option>`)}
          </select>
        </label>
        <label class="wide"
          >${this.t("knowledgeTitleField")} <input name="title" maxlength="200" .value=${a?.title ?? ""}
        /></label>
        <label class="wide"
          >${this.t("knowledgeBodyField")} <textarea name="body" maxlength="8000" .value=${a?.body ?? ""}></textarea>
        </label>
        <label class="wide"
          >${this.t("knowledgeTagsField")} <input name="tags" .value=${(a?.tags ?? []).join(" ")}
        /></label>
        <button type="submit">${this.t("knowledgeSave")}</button>
        ${a ? html`<button type="button" @click=${() => (this.editing = undefined)}>${this.t("knowledgeCancelEdit")}</button>` : nothing}
      </form>
    </section>`;
  }

  override render() {
    return html`<section aria-labelledby="knowledge-title">
        <h2 id="knowledge-title">${this.t("knowledgePageTitle")}</h2>
        <bankcrm-knowledge-search .client=${this.client} .locale=${this.locale}></bankcrm-knowledge-search>
      </section>
      ${this.editor ? html`${this.renderDrafts()} ${this.renderForm()} ${this.renderPublished()}` : nothing}
      <p role="status" data-testid="knowledge-status">${this.said}</p>`;
  }
}

customElements.define("ws-knowledge-page", KnowledgePage);
