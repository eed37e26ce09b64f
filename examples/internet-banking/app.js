// The portal's own script: plain JavaScript, no build. It gives the form a
// client and listens to its events. Here the client keeps leads in this
// browser (IndexedDB); a real portal gives it an HTTP store and the outbox
// pointed at the bank's API instead (see docs/getting-started.md).
import "@bankcrm/elements/provider.js";
import "@bankcrm/elements/lead-form.js";
import { createCrmClient, createIndexedDbStore } from "@bankcrm/data";

const locale = new URLSearchParams(location.search).get("lang") === "en" ? "en" : "zh-CN";
document.documentElement.lang = locale;
if (locale === "en") {
  document.querySelector("#title").textContent = "Talk to a wealth adviser";
  document.querySelector("#intro").textContent = "Leave your details and your relationship manager will call you.";
}

const store = await createIndexedDbStore({ name: "bankcrm-internet-banking", locale });
const provider = document.querySelector("bankcrm-provider");
provider.locale = locale;
provider.client = createCrmClient({
  store,
  locale,
  // The portal's channel account; the customer is not a member of staff.
  user: { id: "CHANNEL-INTERNET-BANKING", role: "service_agent" },
  onAudit: () => {},
});

const result = document.querySelector("#result");
const form = document.querySelector("bankcrm-lead-form");
form.addEventListener("bankcrm-lead-saved", (event) => {
  result.textContent = locale === "en" ? `Reference: ${event.detail.lead.id}` : `受理编号：${event.detail.lead.id}`;
});
form.addEventListener("bankcrm-lead-error", () => {
  result.textContent = "";
});
