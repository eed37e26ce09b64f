/**
 * What the report pages that read one source share (the audit log, the data quality, the duplicate review): the
 * source, whether it is the embedded store's, the locale, whether the page is open — and a read each time the page
 * is open on a source it has not read yet.
 */
import { LitElement } from "lit";
import { property, state } from "lit/decorators.js";
import type { Locale } from "@bankcrm/core";
import { text, type TextKey } from "../messages.js";

export abstract class SourcedPage<S> extends LitElement {
  @property({ attribute: false }) source: S | undefined;
  /** Whether the session is embedded (the page says what it shows there, or reads the device's own source). */
  @property({ type: Boolean }) embedded = false;
  @property({ attribute: false }) locale: Locale = "zh-CN";
  @property({ type: Boolean }) active = false;
  private readFrom: S | undefined;

  protected t(key: TextKey, values: Record<string, string | number> = {}) {
    return text(key, this.locale, values);
  }

  /** Reads `this.source` (the page is open, on a source it had not read). */
  protected abstract read(): void;

  override updated(): void {
    if (this.active && this.source && this.readFrom !== this.source) {
      this.readFrom = this.source;
      this.read();
    }
  }
}

/** A sourced page whose source answers each read at once: its answer, or undefined when it could not. */
export abstract class AnsweredPage<A> extends SourcedPage<() => Promise<A | undefined>> {
  @state() protected answer: A | undefined;
  @state() protected failed = false;

  protected override read(): void {
    void this.source!()
      .then((answer) => {
        this.answer = answer;
        this.failed = answer === undefined;
      })
      .catch(() => (this.failed = true));
  }
}
