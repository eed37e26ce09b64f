/** A walk-in lead with a mobile and a consent, as staff capture one: the one lead fixture the write tests and benches share. */
import type { Lead } from "@bankcrm/core";

export const newLead = (id: string, customerId?: string): Lead => ({
  id,
  ...(customerId !== undefined ? { customerId } : {}),
  name: "王小明",
  mobile: "13812345678",
  purpose: "mortgage",
  source: "branch_walk_in",
  status: "new",
  consent: {
    purpose: "marketing",
    channel: "phone",
    granted: true,
    textVersion: "2026-03",
    recordedAt: "2026-11-01T00:00:00Z",
  },
  createdAt: "2026-11-01T00:00:00Z",
});
