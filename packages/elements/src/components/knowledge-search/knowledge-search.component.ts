import { html, nothing, type PropertyValues } from "lit";
import { property, state } from "lit/decorators.js";
import { labelIn, type KnowledgeArticle, type KnowledgeKind, type Locale, type ProductType } from "@bankcrm/core";
import { KNOWLEDGE_KINDS } from "@bankcrm/core/vocabulary";
import { knowledgeKindLabels, productTypeLabels } from "@bankcrm/core/i18n";
import { highlightParts } from "@bankcrm/core/text";
import { say } from "../../i18n/knowledge-search-messages.js";
import { BankcrmKnowledgeOpenEvent } from "../../events/knowledge-search-events.js";
import { failure, listAll } from "../../internal/records.js";
import { BankcrmContextElement } from "../base/context-element.js";
import { knowledgeSearchStyles } from "./knowledge-search.styles.js";

/** Waits this long after the last keystroke before searching (a search per word, not per letter). */
const SETTLE_MS = 200;

/**
 * The knowledge base (营销知识管理) where staff work: product scripts, questions customers ask and how to answer
 * objections, searched on the words people type — Chinese without spaces (提前还款, 还款, 贷) and English words as
 * they are being typed (mortg…). Only published articles; each opens to its text, the words searched for marked.
 * With `product-type` and no words, the product's articles. Nothing here is generated: the articles are what
 * marketing wrote and a second person published.
 *
 * @tagname bankcrm-knowledge-search
 * @summary Search the bank's scripts, FAQs and objection answers while serving a customer.
 *
 * @csspart base - The whole search.
 * @csspart input - The search box.
 * @csspart article - One article.
 * @csspart body - An article's text.
 * @csspart status - The live region saying how many were found.
 *
 * @event bankcrm-knowledge-open - An article was opened (`detail.article`, `detail.query`).
 */
export class BankcrmKnowledgeSearch extends BankcrmContextElement {
  static override styles = knowledgeSearchStyles;

  /** What is searched for (the box's text). */
  @property() query = "";

  /** One kind only (`script`, `faq`, `objection`); empty for all. */
  @property() kind: KnowledgeKind | "" = "";

  /** The product being talked about: with no words typed, its articles are listed. */
  @property({ attribute: "product-type" }) productType: ProductType | undefined;

  /** Articles shown at most. */
  @property({ type: Number }) limit = 10;

  @state() private found: KnowledgeArticle[] | undefined;
  @state() private loading = false;
  @state() private error: string | undefined;
  private seq = 0;
  private timer: ReturnType<typeof setTimeout> | undefined;
  private composing = false;

  override willUpdate(changed: PropertyValues<this>) {
    const typed = changed as Map<PropertyKey, unknown>;
    if (this.clientChanged(typed) || ["query", "kind", "productType", "limit"].some((k) => typed.has(k)))
      void this.search();
  }

  override disconnectedCallback() {
    super.disconnectedCallback();
    clearTimeout(this.timer);
  }

  /** Searches now for `query` (published articles of `kind`), or lists the product's articles when it is empty. */
  async search(): Promise<void> {
    const client = this.effectiveClient;
    const words = this.query.trim();
    const seq = ++this.seq;
    const articles = client?.knowledgeArticles;
    if (!articles || (words === "" && !this.productType)) {
      // A search still in flight is dropped (its seq is old): nothing is loading any more.
      this.found = undefined;
      this.error = undefined;
      this.loading = false;
      return;
    }
    this.loading = this.found === undefined;
    try {
      const page =
        words === ""
          ? (await listAll((q) => articles.list(q))).filter((a) => a.productTypes?.includes(this.productType!))
          : (await articles.list({ search: words, limit: 100 })).items;
      if (seq !== this.seq) return;
      this.error = undefined;
      this.found = page
        .filter((a) => a.status === "published" && (this.kind === "" || a.kind === this.kind))
        .slice(0, this.limit);
    } catch (error) {
      if (seq === this.seq) this.error = failure(error, this.effectiveLocale);
    } finally {
      if (seq === this.seq) this.loading = false;
    }
  }

  private typed(value: string) {
    clearTimeout(this.timer);
    this.timer = setTimeout(() => (this.query = value), SETTLE_MS);
  }

  private onInput(e: InputEvent) {
    // A Chinese input method's letters (ti'qian) are not what the person means: wait for the characters.
    if (this.composing || e.isComposing) return;
    this.typed((e.target as HTMLInputElement).value);
  }

  private onCompositionEnd(e: CompositionEvent) {
    this.composing = false;
    this.typed((e.target as HTMLInputElement).value);
  }

  private onToggle(e: Event, article: KnowledgeArticle) {
    if ((e.target as HTMLDetailsElement).open)
      this.dispatchEvent(new BankcrmKnowledgeOpenEvent({ article, query: this.query.trim() }));
  }

  /**
   * Supplied text with the searched words marked: each part rendered as text (never as HTML) in an isolate of its
   * own, so nothing in it reorders what is around it.
   */
  private marked(text: string) {
    return highlightParts(text, this.query).map((p) =>
      p.hit ? html`<mark><bdi>${p.text}</bdi></mark>` : html`<bdi>${p.text}</bdi>`,
    );
  }

  private renderArticle(a: KnowledgeArticle, l: Locale) {
    const products = (a.productTypes ?? []).map((t) => labelIn(productTypeLabels, t, l));
    return html`<li part="article" data-id=${a.id} data-kind=${a.kind}>
      <details @toggle=${(e: Event) => this.onToggle(e, a)}>
        <summary>
          <span class="badge" data-kind=${a.kind}>${labelIn(knowledgeKindLabels, a.kind, l)}</span>
          <span class="title">${this.marked(a.title)}</span>
        </summary>
        <div part="body" class="body" lang=${a.locale}>${this.marked(a.body)}</div>
        ${
          products.length > 0
            ? html`<p class="muted">${say("knowledgeProducts", l)}: ${products.join(l === "en" ? ", " : "、")}</p>`
            : nothing
        }
      </details>
    </li>`;
  }

  private renderFound(l: Locale) {
    const words = this.query.trim();
    if (this.found === undefined) return html`<p class="muted" data-prompt>${say("knowledgePrompt", l)}</p>`;
    if (this.found.length === 0)
      return words === ""
        ? html`<p class="muted" data-empty>${say("knowledgePrompt", l)}</p>`
        : html`<p class="muted" data-empty>${say("knowledgeNone", l, { query: words })}</p>`;
    return html`${
        words === "" && this.productType
          ? html`<h3>
              ${say("knowledgeForProduct", l, { product: labelIn(productTypeLabels, this.productType, l) })}
            </h3>`
          : nothing
      }
      <ul>
        ${this.found.map((a) => this.renderArticle(a, l))}
      </ul>`;
  }

  override render() {
    const l = this.effectiveLocale;
    if (!this.effectiveClient) return html`<div part="base" role="status">${say("noClient", l)}</div>`;
    const waiting = this.loadingOrError(this.loading, this.error);
    return html`<section part="base" aria-labelledby="title">
      <h2 id="title">${say("knowledgeTitle", l)}</h2>
      <div class="controls" role="search">
        <label class="grow">
          <span class="visually-hidden">${say("knowledgeSearch", l)}</span>
          <input
            part="input"
            type="search"
            .value=${this.query}
            placeholder=${say("knowledgeSearch", l)}
            maxlength="200"
            @input=${(e: InputEvent) => this.onInput(e)}
            @compositionstart=${() => (this.composing = true)}
            @compositionend=${(e: CompositionEvent) => this.onCompositionEnd(e)}
            @keydown=${(e: KeyboardEvent) => {
              if (e.key === "Enter" && !e.isComposing) this.query = (e.target as HTMLInputElement).value;
            }}
          />
        </label>
        <label>
          <span class="visually-hidden">${say("knowledgeKind", l)}</span>
          <select @change=${(e: Event) => (this.kind = (e.target as HTMLSelectElement).value as KnowledgeKind | "")}>
            <option value="" ?selected=${this.kind === ""}>${say("knowledgeAllKinds", l)}</option>
            ${KNOWLEDGE_KINDS.map(
              (k) =>
                html`<option value=${k} ?selected=${this.kind === k}>${labelIn(knowledgeKindLabels, k, l)}</option>`,
            )}
          </select>
        </label>
      </div>
      ${waiting ?? this.renderFound(l)}
      <p part="status" role="status" class="visually-hidden">
        ${this.found && this.found.length > 0 ? say("knowledgeFound", l, { count: this.found.length }) : ""}
      </p>
    </section>`;
  }
}
