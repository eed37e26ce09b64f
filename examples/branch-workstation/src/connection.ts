/**
 * The header's connection status: embedded, or in server mode online / offline
 * with the change feed's state, the outbox's counts and the switch that goes
 * offline in the page.
 */
import { html, nothing } from "lit";
import type { FeedStatus, OutboxStatus } from "@bankcrm/data";
import type { TextKey } from "./messages.js";

export interface ConnectionView {
  t: (key: TextKey, values?: Record<string, string | number>) => string;
  server: boolean;
  online: boolean;
  feed: FeedStatus | undefined;
  outbox: OutboxStatus;
  toggle: () => void;
}

export function connectionView(v: ConnectionView) {
  if (!v.server)
    return html`<span class="connection" data-testid="connection"><span class="dot"></span>${v.t("embedded")}</span>`;
  const s = v.outbox;
  return html`<span class="connection" data-testid="connection">
    <span class=${v.online ? "dot" : "dot off"}></span>
    <span role="status" data-testid="online">${v.t(v.online ? "online" : "offline")}</span>
    ${
      v.feed
        ? html`<span role="status" data-testid="feed" data-feed=${v.feed}
            >${v.t(v.feed === "live" ? "feedLive" : "feedConnecting")}</span
          >`
        : nothing
    }
    <span role="status" data-testid="outbox"
      >${v.t("outbox", { pending: s.pending, failed: s.failed, conflicts: s.conflicts })}</span
    >
    <button type="button" data-testid="toggle-online" @click=${v.toggle}>
      ${v.t(v.online ? "goOffline" : "goOnline")}
    </button>
  </span>`;
}
