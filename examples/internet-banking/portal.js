// Internet banking for a signed-in customer, on the bank's server (the
// reference server's /me routes, through this page's /api proxy): their
// profile (masked), a request for their relationship manager to call, a
// complaint with its time limit, their cases, and their marketing consent.
// Plain JavaScript and DOM: every value is set as text, never as HTML.
import { labelIn } from "@bankcrm/core";
import { leadPurposeLabels, serviceCaseStatusLabels } from "@bankcrm/core/i18n";
import { LEAD_PURPOSES } from "@bankcrm/core/vocabulary";

const WORDS = {
  signInTitle: ["登录网上银行（演示）", "Sign in to internet banking (demo)"],
  customerNumber: ["客户号", "Customer number"],
  signIn: ["登录", "Sign in"],
  signInFailed: ["登录失败，请检查客户号", "Sign-in failed: check the customer number"],
  signInHint: ["演示：输入任一演示客户号，如 CU00000001", "Demo: any demo customer number, e.g. CU00000001"],
  hello: ["您好，{name}", "Hello, {name}"],
  mobile: ["预留手机：{mobile}", "Mobile on file: {mobile}"],
  leadTitle: ["请客户经理联系我", "Ask my relationship manager to call"],
  purpose: ["咨询事项", "About"],
  message: ["留言（选填）", "Message (optional)"],
  consent: ["同意客户经理就此事项致电联系我", "I agree to be called about this by my relationship manager"],
  send: ["提交", "Send"],
  leadSent: ["已提交，受理编号：{id}", "Sent. Reference: {id}"],
  complaintTitle: ["投诉与建议", "Complaints"],
  subject: ["主题", "Subject"],
  description: ["详细说明（选填）", "Details (optional)"],
  complaintSent: ["已受理，编号 {id}，将于 {due} 前答复", "Received as {id}; we will answer by {due}"],
  casesTitle: ["我的服务单", "My cases"],
  noCases: ["暂无服务单", "No cases"],
  consentTitle: ["营销授权", "Marketing consent"],
  withdraw: ["撤回营销授权", "Withdraw marketing consent"],
  withdrawn: ["已撤回营销授权，即时生效", "Marketing consent withdrawn, at once"],
  failed: ["提交失败，请稍后再试", "That did not go through: please try again"],
};

/** Starts the portal in `root`; the demo's sign-in asks for a customer number (`?customer=` fills it). */
export function startPortal(root, locale) {
  const t = (key, values = {}) =>
    WORDS[key][locale === "en" ? 1 : 0].replace(/\{(\w+)\}/g, (_, k) => String(values[k] ?? ""));
  const el = (tag, props = {}, ...children) => {
    const node = Object.assign(document.createElement(tag), props);
    for (const child of children) node.append(child);
    return node;
  };
  const field = (labelText, control) => el("label", {}, labelText, control);
  let token;

  const api = async (method, path, body, headers = {}) => {
    const response = await fetch(`/api/${path}`, {
      method,
      headers: {
        Authorization: `Bearer ${token}`,
        ...(body !== undefined ? { "Content-Type": "application/json", "Idempotency-Key": crypto.randomUUID() } : {}),
        ...headers,
      },
      ...(body !== undefined ? { body: JSON.stringify(body) } : {}),
    });
    const answer = response.status === 204 ? {} : await response.json();
    return { ok: response.ok, etag: response.headers.get("ETag"), answer };
  };
  const newId = (prefix) => `${prefix}-WEB-${Date.now().toString(36).toUpperCase()}`;

  const signIn = () => {
    // The demo's customers are numbered from CU00000001: any of them signs in.
    const input = el("input", { name: "customer", autocomplete: "off", required: true, placeholder: "CU00000001" });
    input.value = new URLSearchParams(location.search).get("customer") ?? "";
    const status = el("p", { role: "status" });
    const form = el("form", { ariaLabel: t("signInTitle") }, el("h1", {}, t("signInTitle")));
    const hint = el("p", { className: "hint" }, t("signInHint"));
    form.append(field(t("customerNumber"), input), hint, el("button", { type: "submit" }, t("signIn")), status);
    form.addEventListener("submit", async (e) => {
      e.preventDefault();
      const r = await fetch(`/bankcrm-token?customer=${encodeURIComponent(input.value.trim())}`);
      token = r.ok ? (await r.json()).token : undefined;
      const me = token ? await api("GET", "me") : { ok: false };
      if (!me.ok) status.textContent = t("signInFailed");
      else home(me.answer);
    });
    root.replaceChildren(form);
  };

  const leadForm = () => {
    const purpose = el("select", { name: "purpose" });
    for (const p of LEAD_PURPOSES) purpose.append(el("option", { value: p }, labelIn(leadPurposeLabels, p, locale)));
    const message = el("textarea", { name: "message", maxLength: 500, rows: 2 });
    const consent = el("input", { type: "checkbox", name: "consent", required: true });
    const status = el("p", { role: "status", className: "result" });
    const form = el("form", {}, el("h2", { id: "lead-h" }, t("leadTitle")));
    form.setAttribute("aria-labelledby", "lead-h");
    form.dataset.testid = "portal-lead";
    form.append(
      field(t("purpose"), purpose),
      field(t("message"), message),
      el("label", { className: "choice" }, consent, t("consent")),
      el("button", { type: "submit" }, t("send")),
      status,
    );
    form.addEventListener("submit", async (e) => {
      e.preventDefault();
      const id = newId("LD");
      const r = await api("POST", "me/leads", {
        id,
        purpose: purpose.value,
        ...(message.value.trim() ? { message: message.value.trim() } : {}),
        consentTextVersion: "2026-11",
      });
      status.textContent = r.ok ? t("leadSent", { id }) : t("failed");
      if (r.ok) form.reset();
    });
    return form;
  };

  const complaintForm = (cases) => {
    const subject = el("input", { name: "subject", maxLength: 120, required: true });
    const description = el("textarea", { name: "description", maxLength: 2000, rows: 3 });
    const status = el("p", { role: "status", className: "result" });
    const form = el("form", {}, el("h2", { id: "complaint-h" }, t("complaintTitle")));
    form.setAttribute("aria-labelledby", "complaint-h");
    form.dataset.testid = "portal-complaint";
    form.append(field(t("subject"), subject), field(t("description"), description));
    form.append(el("button", { type: "submit" }, t("send")), status);
    form.addEventListener("submit", async (e) => {
      e.preventDefault();
      const id = newId("SC");
      const r = await api("POST", "me/cases", {
        id,
        type: "complaint",
        subject: subject.value.trim(),
        ...(description.value.trim() ? { description: description.value.trim() } : {}),
      });
      const due = r.ok ? new Date(r.answer.slaDueAt).toLocaleDateString(locale, { timeZone: "Asia/Shanghai" }) : "";
      status.textContent = r.ok ? t("complaintSent", { id, due }) : t("failed");
      if (r.ok) {
        form.reset();
        await cases.refresh();
      }
    });
    return form;
  };

  const caseList = () => {
    const list = el("ul", {});
    list.dataset.testid = "portal-cases";
    const section = el("section", {}, el("h2", { id: "cases-h" }, t("casesTitle")), list);
    section.setAttribute("aria-labelledby", "cases-h");
    section.refresh = async () => {
      const r = await api("GET", "me/cases");
      const items = r.ok ? r.answer.items : [];
      list.replaceChildren(
        ...(items.length === 0
          ? [el("li", {}, t("noCases"))]
          : items.map((c) => el("li", {}, `${c.subject} · ${labelIn(serviceCaseStatusLabels, c.status, locale)}`))),
      );
    };
    return section;
  };

  const consentSection = () => {
    const status = el("p", { role: "status", className: "result" });
    const button = el("button", { type: "button" }, t("withdraw"));
    button.dataset.testid = "withdraw-consent";
    button.addEventListener("click", async () => {
      const me = await api("GET", "me");
      const at = new Date().toISOString();
      const r = await api(
        "POST",
        "me/changes",
        {
          id: newId("CH"),
          input: {
            kind: "consent",
            consent: { purpose: "marketing", channel: "all", granted: false, textVersion: "2026-11", recordedAt: at },
          },
        },
        { "If-Match": me.etag ?? "" },
      );
      status.textContent = r.ok ? t("withdrawn") : t("failed");
    });
    const section = el("section", {}, el("h2", { id: "consent-h" }, t("consentTitle")), button, status);
    section.setAttribute("aria-labelledby", "consent-h");
    return section;
  };

  const home = (me) => {
    const cases = caseList();
    root.replaceChildren(
      el("h1", {}, t("hello", { name: me.name })),
      el("p", {}, t("mobile", { mobile: me.contact?.mobile ?? "—" })),
      leadForm(),
      complaintForm(cases),
      cases,
      consentSection(),
    );
    void cases.refresh();
  };

  signIn();
}
