/**
 * A Vue 3 host, render functions only (no template compiler, so the page keeps
 * its strict CSP): objects bind as properties, `bankcrm-*` events arrive
 * through `on` + the event name, and Vue state follows them.
 */
import { createApp, defineComponent, h, ref } from "vue";
import "@bankcrm/elements/provider.js";
import "@bankcrm/elements/lead-form.js";
import "@bankcrm/elements/tier-badge.js";
import type { BankcrmLeadSavedEvent } from "@bankcrm/elements";
import { createCrmClient, createMemoryStore } from "@bankcrm/data";

const client = createCrmClient({
  store: createMemoryStore(),
  user: { id: "ST-RM-VUE", role: "relationship_manager", branchId: "BR-BJ-CY" },
  onAudit: () => {},
});

const App = defineComponent(() => {
  const saved = ref<string[]>([]);
  return () =>
    h("bankcrm-provider", { client, locale: "zh-CN" }, [
      h("h1", ["Vue 主机 ", h("bankcrm-tier-badge", { tier: "platinum" })]),
      h("bankcrm-lead-form", {
        purpose: "mortgage",
        audience: "staff",
        "consent-version": "2026-11",
        "onBankcrm-lead-saved": (e: BankcrmLeadSavedEvent) => {
          saved.value = [...saved.value, `${e.detail.lead.id} (${e.detail.status})`];
        },
      }),
      h("h2", "已保存的线索"),
      h(
        "ul",
        { "data-testid": "saved" },
        saved.value.map((id) => h("li", { key: id }, id)),
      ),
    ]);
});

createApp(App).mount("#app");
