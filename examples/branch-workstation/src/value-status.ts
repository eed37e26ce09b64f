/**
 * The line saying where the book's value metrics are — computing with
 * progress, computed when, not yet, failed — with the buttons that start or
 * stop the worker. Shared by the value page and the branch dashboard.
 */
import { html, nothing } from "lit";
import type { Locale } from "@bankcrm/core";
import { text } from "./messages.js";
import type { ValuesState } from "./session.js";

/** Asks the shell to compute the values (again) or to stop. */
export class ValuesActionEvent extends CustomEvent<{ action: "compute" | "again" | "cancel" }> {
  constructor(action: "compute" | "again" | "cancel") {
    super("ws-values", { bubbles: true, composed: true, detail: { action } });
  }
}

export function renderValuesStatus(host: HTMLElement, state: ValuesState, locale: Locale, embedded: boolean) {
  const send = (action: "compute" | "again" | "cancel") => host.dispatchEvent(new ValuesActionEvent(action));
  const fmt = (n: number) => n.toLocaleString(locale);
  switch (state.state) {
    case "computing":
      return html`<div class="values-status">
        <p role="status" id="values-progress" data-testid="values-status">
          ${text("valuesComputing", locale, { pass: state.pass, done: fmt(state.done), total: fmt(state.total) })}
        </p>
        <progress aria-labelledby="values-progress" max=${state.total} .value=${state.done}></progress>
        <button type="button" @click=${() => send("cancel")}>${text("cancelValues", locale)}</button>
      </div>`;
    case "ready":
      return html`<div class="values-status">
        <p role="status" data-testid="values-status" data-state="ready">
          ${text("valuesReady", locale, {
            at: new Date(state.computedAt).toLocaleString(locale, { timeZone: "Asia/Shanghai" }),
          })}
        </p>
        ${embedded ? html`<button type="button" @click=${() => send("again")}>${text("recomputeValues", locale)}</button>` : nothing}
      </div>`;
    case "error":
      return html`<div class="values-status">
        <p role="alert" data-testid="values-status">${text("valuesFailed", locale, { message: state.message })}</p>
        <button type="button" @click=${() => send("compute")}>${text("computeValues", locale)}</button>
      </div>`;
    default:
      return html`<div class="values-status">
        <p role="status" data-testid="values-status">${text("valuesNone", locale)}</p>
        ${embedded ? html`<button type="button" @click=${() => send("compute")}>${text("computeValues", locale)}</button>` : nothing}
      </div>`;
  }
}

declare global {
  interface HTMLElementEventMap {
    "ws-values": ValuesActionEvent;
  }
}
