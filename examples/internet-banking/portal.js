// Internet banking for a signed-in customer, on the bank's server (the
// reference server's /me routes, through /api/): their profile (masked), their
// holdings, a request for their relationship manager to call, a complaint with
// its time limit, their cases (rated once resolved), their contact details and
// their consents, their points and their tier's benefits — kept current by following their own records on the change
// feed (a case the call centre resolves shows at once). Plain JavaScript and
// DOM: every value is set as text, never as HTML.
import { consentInForce, formatMoney, labelIn } from "@bankcrm/core";
import {
  consentPurposeLabels,
  holdingStatusLabels,
  privacyRightLabels,
  leadPurposeLabels,
  benefitLabels,
  loyaltyEntryKindLabels,
  rewardLabels,
  tierLabels,
  productTypeLabels,
  serviceCaseStatusLabels,
} from "@bankcrm/core/i18n";
import { CONSENT_PURPOSES, LEAD_PURPOSES, PRIVACY_RIGHTS } from "@bankcrm/core/vocabulary";
import { followChanges } from "@bankcrm/data";

const WORDS = {
  signInTitle: ["登录网上银行（演示）", "Sign in to internet banking (demo)"],
  customerNumber: ["客户号", "Customer number"],
  signIn: ["登录", "Sign in"],
  signInFailed: ["登录失败，请检查客户号", "Sign-in failed: check the customer number"],
  signInHint: ["演示：输入任一演示客户号，或选择下列客户", "Demo: any demo customer number, or choose one below"],
  signInAs: ["以 {name}（{id}）登录", "Sign in as {name} ({id})"],
  hello: ["您好，{name}", "Hello, {name}"],
  mobile: ["预留手机：{mobile}", "Mobile on file: {mobile}"],
  holdingsTitle: ["我的资产", "My accounts and holdings"],
  pointsTitle: ["我的积分与会员权益", "My points and benefits"],
  pointsBalance: ["可用积分：{points}", "Points to spend: {points}"],
  pointsExpiring: ["{points} 分将于 {date} 到期", "{points} expire on {date}"],
  pointsBenefits: ["{tier}会员权益", "{tier} benefits"],
  pointsHistory: ["最近积分明细", "Latest points"],
  noPoints: ["暂无积分记录", "No points recorded yet"],
  noHoldings: ["暂无持有产品", "No accounts or holdings"],
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
  rating: ["满意度（1–5）", "Satisfaction (1–5)"],
  rate: ["评价", "Rate"],
  rated: ["已评价：{n} 分", "Rated {n} of 5"],
  contactTitle: ["联系方式", "Contact details"],
  newMobile: ["新手机号（选填）", "New mobile number (optional)"],
  newEmail: ["新电子邮箱（选填）", "New email (optional)"],
  contactSaved: ["联系方式已更新", "Contact details updated"],
  contactEmpty: ["请填写新手机号或新邮箱", "Enter a new mobile number or email"],
  contactInvalid: ["手机号或邮箱格式不正确", "That mobile number or email is not valid"],
  consentTitle: ["授权管理", "Consents"],
  consentGiven: ["已授权（{date}）", "Given ({date})"],
  consentWithdrawn: ["已撤回（{date}）", "Withdrawn ({date})"],
  consentNone: ["未授权", "Not given"],
  give: ["授权", "Give"],
  withdraw: ["撤回", "Withdraw"],
  consentSaved: ["已更新，即时生效", "Updated, in force at once"],
  failed: ["提交失败，请稍后再试", "That did not go through: please try again"],
  myDataTitle: ["我的个人信息", "My personal information"],
  myDataHint: [
    "依《个人信息保护法》，您可以查阅、复制、更正、删除本行持有的您的个人信息。联系方式可在上方直接更正；其他请求可在此提交，也可致电客服或到网点办理，我们将在 30 日内答复。",
    "Under PIPL you may see, copy, correct and delete the personal information the bank holds about you. Correct your contact details above; file any other request here, by phone or at a branch: we answer within 30 days.",
  ],
  requestRight: ["请求", "Request"],
  requestSend: ["提交请求", "Send the request"],
  requestSubject: ["个人信息请求：{right}", "Personal information request: {right}"],
  requestSent: ["已受理，编号 {id}，将于 {due} 前答复", "Received as {id}; we will answer by {due}"],
  erasureShow: ["查看删除答复", "Show the answer to my deletion request"],
  erasureNone: ["您的删除请求尚未办结。", "Your deletion request has not been answered yet."],
  myDataShow: ["查看副本", "Show my copy"],
  myDataDownload: ["下载（JSON）", "Download (JSON)"],
};

/** Starts the portal in `root`; the demo's sign-in takes a customer number (`?customer=` fills it) or a choice. */
export function startPortal(root, locale) {
  const t = (key, values = {}) =>
    WORDS[key][locale === "en" ? 1 : 0].replace(/\{(\w+)\}/g, (_, k) => String(values[k] ?? ""));
  const el = (tag, props = {}, ...children) => {
    const node = Object.assign(document.createElement(tag), props);
    for (const child of children) node.append(child);
    return node;
  };
  const field = (labelText, control) => el("label", {}, labelText, control);
  /** A section or form headed by `title`, named by its heading and found by tests as `data-testid`. */
  const part = (tag, id, title, testid) => {
    const node = el(tag, {}, el("h2", { id: `${id}-h` }, title));
    node.setAttribute("aria-labelledby", `${id}-h`);
    node.dataset.testid = testid;
    return node;
  };
  const day = (iso) => new Date(iso).toLocaleDateString(locale, { timeZone: "Asia/Shanghai" });
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
    return { ok: response.ok, status: response.status, etag: response.headers.get("ETag"), answer };
  };
  const newId = (prefix) => `${prefix}-WEB-${Date.now().toString(36).toUpperCase()}`;
  /** A change to the customer's own record (contact, consent), made on the profile as it is now. */
  const changeSelf = async (input) => {
    const me = await api("GET", "me");
    return api("POST", "me/changes", { id: newId("CH"), input }, { "If-Match": me.etag ?? "" });
  };

  const signIn = async () => {
    const input = el("input", { name: "customer", autocomplete: "off", required: true, placeholder: "CU00000001" });
    input.value = new URLSearchParams(location.search).get("customer") ?? "";
    const status = el("p", { role: "status" });
    const form = el("form", { ariaLabel: t("signInTitle") }, el("h1", {}, t("signInTitle")));
    const hint = el("p", { className: "hint" }, t("signInHint"));
    const enter = async (id) => {
      const r = await fetch(`/bankcrm-token?customer=${encodeURIComponent(id)}`);
      token = r.ok ? (await r.json()).token : undefined;
      const me = token ? await api("GET", "me") : { ok: false };
      if (!me.ok) status.textContent = t("signInFailed");
      else home(me.answer);
    };
    const choices = el("ul", { className: "choices" });
    choices.dataset.testid = "portal-choices";
    form.append(
      field(t("customerNumber"), input),
      el("button", { type: "submit" }, t("signIn")),
      hint,
      choices,
      status,
    );
    form.addEventListener("submit", (e) => {
      e.preventDefault();
      void enter(input.value.trim());
    });
    root.replaceChildren(form);
    // The demo's chooser: a few customers of the bank, by number and masked name.
    const listed = await fetch("/bankcrm-token/customers")
      .then((r) => (r.ok ? r.json() : { items: [] }))
      .catch(() => ({ items: [] }));
    for (const c of listed.items) {
      const button = el("button", { type: "button", className: "quiet" }, t("signInAs", c));
      button.addEventListener("click", () => void enter(c.id));
      choices.append(el("li", {}, button));
    }
  };

  /** A section listing the customer's records at `path` (read again by `refresh`), each as `item` makes it. */
  const listSection = (id, title, testid, path, empty, item) => {
    const list = el("ul", {});
    const section = part("section", id, title, testid);
    section.append(list);
    section.refresh = async () => {
      const r = await api("GET", path);
      const items = r.ok ? r.answer.items : [];
      list.replaceChildren(...(items.length === 0 ? [el("li", {}, empty)] : items.map((x) => item(x, section))));
    };
    return section;
  };

  const holdingList = () =>
    listSection("holdings", t("holdingsTitle"), "portal-holdings", "me/holdings", t("noHoldings"), (h) =>
      el(
        "li",
        {},
        `${h.productName ?? labelIn(productTypeLabels, h.productType, locale)} · ${h.accountNumber} · ` +
          `${formatMoney(h.balance.amount, h.balance.currency, locale)} · ${labelIn(holdingStatusLabels, h.status, locale)}`,
      ),
    );

  /** Their points: the balance the server's ledger gives now, what lapses soonest, their tier's benefits, the latest. */
  const pointsSection = () => {
    const section = part("section", "points", t("pointsTitle"), "portal-points");
    const count = (n) => new Intl.NumberFormat(locale).format(n);
    section.refresh = async () => {
      const r = await api("GET", "me/loyalty");
      if (!r.ok) return section.replaceChildren(section.firstChild, el("p", {}, t("failed")));
      const { balance, tier, benefits, items } = r.answer;
      const soonest = balance.expiring[0];
      const balanceLine = el("p", { className: "points" }, t("pointsBalance", { points: count(balance.balance) }));
      balanceLine.dataset.testid = "portal-points-balance";
      const latest = el("ul", {});
      latest.append(
        ...(items.length === 0
          ? [el("li", {}, t("noPoints"))]
          : items.slice(0, 5).map((e) => {
              const what = e.rewardCode ? (rewardLabels[e.rewardCode]?.[locale] ?? e.rewardCode) : (e.reason ?? "");
              const kind = labelIn(loyaltyEntryKindLabels, e.kind, locale);
              return el(
                "li",
                {},
                `${day(e.at)} · ${kind}${what ? ` · ${what}` : ""} · ${e.points > 0 ? "+" : ""}${count(e.points)}`,
              );
            })),
      );
      section.replaceChildren(
        section.firstChild,
        balanceLine,
        ...(soonest
          ? [el("p", { className: "hint" }, t("pointsExpiring", { points: count(soonest.points), date: soonest.on }))]
          : []),
        el("h3", {}, t("pointsBenefits", { tier: labelIn(tierLabels, tier, locale) })),
        el("ul", {}, ...benefits.map((b) => el("li", {}, benefitLabels[b]?.[locale] ?? b))),
        el("h3", {}, t("pointsHistory")),
        latest,
      );
    };
    return section;
  };

  const leadForm = () => {
    const purpose = el("select", { name: "purpose" });
    for (const p of LEAD_PURPOSES) purpose.append(el("option", { value: p }, labelIn(leadPurposeLabels, p, locale)));
    const message = el("textarea", { name: "message", maxLength: 500, rows: 2 });
    const consent = el("input", { type: "checkbox", name: "consent", required: true });
    const status = el("p", { role: "status", className: "result" });
    const form = part("form", "lead", t("leadTitle"), "portal-lead");
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
    const form = part("form", "complaint", t("complaintTitle"), "portal-complaint");
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
      status.textContent = r.ok ? t("complaintSent", { id, due: day(r.answer.slaDueAt) }) : t("failed");
      if (r.ok) {
        form.reset();
        await cases.refresh();
      }
    });
    return form;
  };

  /** A resolved case's rating: the score once given, else a 1–5 choice and its button. */
  const ratingOf = (c, refresh) => {
    if (c.satisfaction !== undefined) return el("span", {}, ` · ${t("rated", { n: c.satisfaction })}`);
    if (c.status !== "resolved" && c.status !== "closed") return "";
    const score = el("select", { name: "satisfaction" });
    score.setAttribute("aria-label", `${t("rating")} · ${c.subject}`);
    for (const n of [5, 4, 3, 2, 1]) score.append(el("option", { value: String(n) }, String(n)));
    const button = el("button", { type: "button", className: "quiet" }, t("rate"));
    const status = el("span", { role: "status" });
    button.addEventListener("click", async () => {
      const r = await api("POST", `me/cases/${encodeURIComponent(c.id)}/rating`, { satisfaction: Number(score.value) });
      if (r.ok) await refresh();
      else status.textContent = t("failed");
    });
    return el("span", { className: "rating" }, score, button, status);
  };

  const caseList = () =>
    listSection("cases", t("casesTitle"), "portal-cases", "me/cases", t("noCases"), (c, section) =>
      el(
        "li",
        {},
        `${c.subject} · ${labelIn(serviceCaseStatusLabels, c.status, locale)}`,
        ratingOf(c, section.refresh),
      ),
    );

  const contactForm = (profile) => {
    const mobile = el("input", {
      name: "mobile",
      type: "tel",
      inputMode: "numeric",
      pattern: "1\\d{10}",
      maxLength: 11,
    });
    const email = el("input", { name: "email", type: "email", maxLength: 254 });
    const status = el("p", { role: "status", className: "result" });
    const form = part("form", "contact", t("contactTitle"), "portal-contact");
    form.append(field(t("newMobile"), mobile), field(t("newEmail"), email));
    form.append(el("button", { type: "submit" }, t("send")), status);
    form.addEventListener("submit", async (e) => {
      e.preventDefault();
      const contact = {
        ...(mobile.value.trim() ? { mobile: mobile.value.trim() } : {}),
        ...(email.value.trim() ? { email: email.value.trim() } : {}),
      };
      if (Object.keys(contact).length === 0) return void (status.textContent = t("contactEmpty"));
      const r = await changeSelf({ kind: "contact", contact });
      status.textContent = r.ok ? t("contactSaved") : r.status === 400 ? t("contactInvalid") : t("failed");
      if (r.ok) {
        form.reset();
        profile.show(r.answer);
      }
    });
    return form;
  };

  const consentList = () => {
    const list = el("ul", {});
    const status = el("p", { role: "status", className: "result" });
    const section = part("section", "consents", t("consentTitle"), "portal-consents");
    section.append(list, status);
    section.show = (me) => {
      list.replaceChildren(
        ...CONSENT_PURPOSES.map((purpose) => {
          const now = consentInForce(me.consents ?? [], purpose, "all");
          const label = labelIn(consentPurposeLabels, purpose, locale);
          const state = !now
            ? t("consentNone")
            : t(now.granted ? "consentGiven" : "consentWithdrawn", { date: day(now.recordedAt) });
          const button = el("button", { type: "button", className: "quiet" }, t(now?.granted ? "withdraw" : "give"));
          button.setAttribute("aria-label", `${t(now?.granted ? "withdraw" : "give")} · ${label}`);
          button.dataset.purpose = purpose;
          button.addEventListener("click", async () => {
            const consent = { purpose, channel: "all", granted: !now?.granted, textVersion: "2026-11" };
            const r = await changeSelf({
              kind: "consent",
              consent: { ...consent, recordedAt: new Date().toISOString() },
            });
            status.textContent = r.ok ? t("consentSaved") : t("failed");
            if (r.ok) section.show(r.answer);
          });
          return el("li", {}, `${label} · ${state} `, button);
        }),
      );
    };
    return section;
  };

  /**
   * The customer's copy of what the bank holds about them (PIPL Arts. 44–45): shown as text, or downloaded as JSON; a
   * request under any of their rights filed as a case (Arts. 44–47), and the answer to a fulfilled deletion request.
   */
  const myData = (cases) => {
    const section = part("section", "my-data", t("myDataTitle"), "portal-my-data");
    const copy = el("pre", { className: "copy", tabIndex: 0 });
    copy.hidden = true;
    const status = el("p", { role: "status", className: "result" });
    const show = el("button", { type: "button", className: "quiet" }, t("myDataShow"));
    show.addEventListener("click", async () => {
      const r = await fetch(`/api/me/personal-data?format=text&locale=${locale}`, {
        headers: { Authorization: `Bearer ${token}` },
      });
      status.textContent = r.ok ? "" : t("failed");
      // The document is text and stays text: never parsed as markup.
      copy.textContent = r.ok ? await r.text() : "";
      copy.hidden = !r.ok;
    });
    const download = el("button", { type: "button", className: "quiet" }, t("myDataDownload"));
    download.addEventListener("click", async () => {
      const r = await api("GET", "me/personal-data");
      if (!r.ok) return void (status.textContent = t("failed"));
      const url = URL.createObjectURL(new Blob([JSON.stringify(r.answer, null, 2)], { type: "application/json" }));
      const link = el("a", { href: url, download: `personal-data-${r.answer.customerId}.json` });
      link.click();
      setTimeout(() => URL.revokeObjectURL(url), 1000);
    });
    const right = el("select", { name: "privacyRight" });
    for (const r of PRIVACY_RIGHTS) right.append(el("option", { value: r }, labelIn(privacyRightLabels, r, locale)));
    const send = el("button", { type: "button", className: "quiet" }, t("requestSend"));
    send.addEventListener("click", async () => {
      const id = newId("SC");
      const name = labelIn(privacyRightLabels, right.value, locale);
      const r = await api("POST", "me/cases", {
        id,
        type: "personal_information",
        privacyRight: right.value,
        subject: t("requestSubject", { right: name }),
      });
      const due = r.ok ? (r.answer.regulatoryDueAt ?? r.answer.slaDueAt) : undefined;
      status.textContent = r.ok ? t("requestSent", { id, due: day(due) }) : t("failed");
      if (r.ok) await cases.refresh();
    });
    const erasure = el("button", { type: "button", className: "quiet" }, t("erasureShow"));
    erasure.addEventListener("click", async () => {
      const r = await api("GET", `me/erasure?locale=${locale}`);
      status.textContent = r.ok ? "" : r.status === 404 ? t("erasureNone") : t("failed");
      copy.textContent = r.ok ? r.answer.answer : "";
      copy.hidden = !r.ok;
    });
    section.append(
      el("p", { className: "hint" }, t("myDataHint")),
      el("p", {}, show, " ", download),
      el("p", {}, field(t("requestRight"), right), " ", send, " ", erasure),
      status,
      copy,
    );
    return section;
  };

  const home = (me) => {
    const cases = caseList();
    const holdings = holdingList();
    const points = pointsSection();
    const consents = consentList();
    const greeting = el("h1", {});
    const onFile = el("p", {});
    const profile = {
      show: (now) => {
        greeting.textContent = t("hello", { name: now.name });
        onFile.textContent = t("mobile", { mobile: now.contact?.mobile ?? "—" });
        consents.show(now);
      },
    };
    root.replaceChildren(
      greeting,
      onFile,
      holdings,
      points,
      leadForm(),
      complaintForm(cases),
      cases,
      contactForm(profile),
      consents,
      myData(cases),
    );
    profile.show(me);
    void holdings.refresh();
    void points.refresh();
    void cases.refresh();
    // Their own records as they change, on whichever channel: the page shows them without a reload.
    followChanges({
      baseUrl: new URL("/api/", location.href).href,
      path: "me/changes/stream",
      getToken: () => token,
      after: "head",
      apply: (change) => {
        if (change.collection === "customers" && change.record) profile.show(change.record);
        else if (change.collection === "serviceCases") return cases.refresh();
        else if (change.collection === "holdings") return holdings.refresh();
        else if (change.collection === "loyaltyEntries") return points.refresh();
      },
      onStatus: (status) => (root.dataset.feed = status),
    });
  };

  void signIn();
}
