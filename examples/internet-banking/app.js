// The portal's own script: plain JavaScript, no build. Embedded, it gives the
// form a client and listens to its events; the client keeps leads in this
// browser (IndexedDB) under a channel account. On the bank's server it is the
// signed-in customer's portal instead (portal.js: a token with role
// `customer`, the server's /me routes).
import "@bankcrm/elements/provider.js";
import "@bankcrm/elements/lead-form.js";
import { createCrmClient, createIndexedDbStore } from "@bankcrm/data";

const locale = new URLSearchParams(location.search).get("lang") === "en" ? "en" : "zh-CN";
document.documentElement.lang = locale;
if (locale === "en") {
  document.querySelector("#title").textContent = "Talk to a wealth adviser";
  document.querySelector("#intro").textContent = "Leave your details and your relationship manager will call you.";
}

// On the bank's server (serve.mjs with BANKCRM_API): the portal of a signed-in customer (portal.js). Without one,
// the lead form keeps its leads in this browser.
const config = await fetch("/bankcrm-config.json", { cache: "no-store" })
  .then((r) => (r.ok ? r.json() : {}))
  .catch(() => ({}));
if (config.api) {
  document.querySelector("#embedded").hidden = true;
  const root = document.querySelector("#portal");
  root.hidden = false;
  const { startPortal } = await import("./portal.js");
  startPortal(root, locale);
}

const store = await createIndexedDbStore({ name: "bankcrm-internet-banking", locale });
const provider = document.querySelector("bankcrm-provider");
provider.locale = locale;
provider.client = createCrmClient({
  store,
  locale,
  // The embedded demo's channel account (nothing leaves this browser); on a server, the customer signs in as
  // themselves (portal.js) and never holds a staff role.
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
