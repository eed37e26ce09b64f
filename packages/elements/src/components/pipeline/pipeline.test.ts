import { expect, fixture, fixtureCleanup, html } from "@open-wc/testing";
import { afterEach, describe, it } from "vitest";
import { userEvent } from "vitest/browser";
import { BM, NOW, RM, customers, manyOpportunities, opportunity, salesClient } from "../../../test/fixtures/sales.js";
import "./pipeline.js";
import type { BankcrmPipeline } from "./pipeline.component.js";
import type { Customer } from "@bankcrm/core";

const root = (el: Element) => el.shadowRoot!;
const column = (el: Element, stage: string) =>
  [...root(el).querySelectorAll(`[data-stage="${stage}"] [data-id]`)].map((c) => c.getAttribute("data-id"));
const card = (el: Element, id: string) => root(el).querySelector<HTMLElement>(`[data-id="${id}"]`)!;
const settle = async (el: BankcrmPipeline) => {
  for (let i = 0; i < 5; i++) {
    await new Promise((r) => setTimeout(r, 20));
    await el.updateComplete;
  }
};

async function board(
  records = [
    opportunity("A", "qualification"),
    // A deposit: its win asks only the amount (an investment's asks for its suitability and recording as well).
    opportunity("B", "proposal", { expectedClose: "2026-11-20", productType: "time_deposit" }),
  ],
  user: typeof RM | typeof BM = RM,
) {
  const { client, store } = await salesClient({ opportunities: records }, user);
  const el = await fixture<BankcrmPipeline>(
    html`<bankcrm-pipeline .client=${client} .now=${NOW} owner-id=${RM.id}></bankcrm-pipeline>`,
  );
  await settle(el);
  return { el, client, store };
}

describe("<bankcrm-pipeline>", () => {
  afterEach(() => fixtureCleanup());

  it("shows opportunities by stage with each stage's and the month's and quarter's forecast, past close dates flagged", async () => {
    const { el } = await board([
      opportunity("A", "qualification", { amount: { amount: 10_000_000, currency: "CNY" } }), // 0.2 → 2,000,000
      opportunity("B", "proposal", { expectedClose: "2026-11-20", amount: { amount: 30_000_000, currency: "CNY" } }), // 0.6
      opportunity("C", "negotiation", { expectedClose: "2027-01-15" }),
      opportunity("W", "won"),
      opportunity("X", "prospecting", { ownerId: "ST-RM-2" }),
    ]);
    expect(column(el, "qualification")).to.deep.equal(["A"]);
    expect(column(el, "proposal")).to.deep.equal(["B"]);
    expect(column(el, "won")).to.deep.equal(["W"]);
    expect(column(el, "prospecting")).to.deep.equal([]); // someone else's
    // This month (Nov 2026): A closes 12-20 (next month); B closes 11-20 → ¥30万, weighted ¥18万.
    expect(root(el).querySelector('[data-figure="month"]')!.textContent).to.equal("1 个 · ¥30万 · 加权 ¥18万");
    expect(root(el).querySelector('[data-figure="quarter"]')!.textContent).to.equal("2 个 · ¥40万 · 加权 ¥20万");
    expect(root(el).querySelector('[data-figure="overdue"]')!.textContent).to.equal("1");
    expect(card(el, "B").textContent).to.contain("已过 10 天");
    expect(card(el, "B").classList.contains("late-card")).to.equal(true);
    await expect(el).to.be.accessible();
  });

  it("moves a card by keyboard at once, then through the client; focus stays on the card", async () => {
    const { el, store } = await board();
    card(el, "A").focus();
    await userEvent.keyboard("{ArrowRight}");
    // Shown before the write completes.
    expect(column(el, "needs_analysis")).to.deep.equal(["A"]);
    await settle(el);
    const stored = await store.record("opportunities", "A");
    expect(stored).to.include({ stage: "needs_analysis", probability: 0.4, version: 1 });
    expect(root(el).activeElement?.getAttribute("data-id")).to.equal("A");
    expect(root(el).querySelector('[role="status"]')!.textContent).to.equal("“机会 A”已移至需求分析");
    await userEvent.keyboard("{ArrowLeft}");
    await settle(el);
    expect((await store.record("opportunities", "A"))?.stage).to.equal("qualification");
  });

  it("writes moves made faster than they are written one after another (→ → →)", async () => {
    const { el, store } = await board();
    card(el, "A").focus();
    await userEvent.keyboard("{ArrowRight}{ArrowRight}{ArrowRight}");
    expect(column(el, "negotiation")).to.deep.equal(["A"]); // shown at once, before the writes complete
    await settle(el);
    expect(await store.record("opportunities", "A")).to.include({ stage: "negotiation", version: 3 });
    expect(column(el, "negotiation")).to.include("A");
    expect(root(el).querySelector('[role="alert"]')!.textContent).to.equal("");
  });

  it("asks for the amount when won and the reason when lost, through a dialog by keyboard", async () => {
    const { el, store } = await board();
    card(el, "B").focus();
    await userEvent.keyboard("{Enter}");
    await el.updateComplete;
    const dialog = root(el).querySelector("dialog")!;
    expect(dialog.open).to.equal(true);
    await expect(el).to.be.accessible();
    dialog.querySelector<HTMLButtonElement>('[data-to="won"]')!.click();
    await settle(el);
    const amount = dialog.querySelector<HTMLInputElement>('[name="amount"]')!;
    expect(root(el).activeElement).to.equal(amount);
    amount.value = "abc";
    dialog.querySelector<HTMLButtonElement>('[data-action="confirm"]')!.click();
    await settle(el);
    expect(dialog.querySelector("#ask-error")!.textContent).to.contain("请输入有效金额");
    amount.value = "480,000";
    await userEvent.keyboard("{Enter}");
    await settle(el);
    expect(dialog.open).to.equal(false);
    expect(await store.record("opportunities", "B")).to.deep.include({
      stage: "won",
      amount: { amount: 48_000_000, currency: "CNY" },
    });
    card(el, "A").focus();
    await userEvent.keyboard("{Enter}");
    await el.updateComplete;
    dialog.querySelector<HTMLButtonElement>('[data-to="lost"]')!.click();
    await settle(el);
    await userEvent.keyboard("客户选择他行");
    await userEvent.keyboard("{Enter}");
    await settle(el);
    expect(await store.record("opportunities", "A")).to.include({ stage: "lost", lostReason: "客户选择他行" });
  });

  describe("a sale of an investment (适当性, 双录)", () => {
    const person = customers().find((c) => c.kind === "individual")!;
    /** A wealth product for a customer assessed C2 in June, on a board as `user`. */
    const saleBoard = async (user: typeof RM | typeof BM) => {
      const records = [opportunity("S", "negotiation", { customerId: person.id })]; // the RM's, on their board
      const made = await board(records, user);
      const assessed: Customer = {
        ...person,
        riskTolerance: "C2",
        riskAssessedAt: "2026-06-01",
        // KYC current: verified, reviewed this year (a lapsed review would refuse the sale as well).
        kycStatus: "verified",
        dueDiligenceAt: "2026-06-01",
        ...(person.kind === "individual" ? { idDocument: { ...person.idDocument, validUntil: "2036-01-01" } } : {}),
      };
      await made.store.put("customers", [assessed]);
      return made;
    };
    const openWin = async (el: BankcrmPipeline) => {
      card(el, "S").focus();
      await userEvent.keyboard("{Enter}");
      await el.updateComplete;
      root(el).querySelector<HTMLButtonElement>('dialog [data-to="won"]')!.click();
      await settle(el);
      return root(el).querySelector("dialog")!;
    };
    const fill = (dialog: HTMLDialogElement, values: Record<string, string>) => {
      for (const [name, value] of Object.entries(values))
        dialog.querySelector<HTMLInputElement | HTMLSelectElement>(`[name="${name}"]`)!.value = value;
    };
    const recording = { recordingId: "REC-7", recordedAt: "2026-11-30T09:30", recordingPlace: "理财室 2" };
    const confirm = async (el: BankcrmPipeline, dialog: HTMLDialogElement) => {
      dialog.querySelector<HTMLButtonElement>('[data-action="confirm"]')!.click();
      await settle(el);
    };

    it("asks the product's risk and the recording, refuses an unsuitable sale with its reasons, wins a suitable one", async () => {
      const { el, store } = await saleBoard(RM);
      let dialog = await openWin(el);
      expect(dialog.querySelector('fieldset[part="sale"] legend')!.textContent).to.equal("适当性与双录");
      await expect(el).to.be.accessible();
      fill(dialog, { productRisk: "R4", recordingId: "REC-7" });
      await confirm(el, dialog);
      expect(dialog.querySelector("#ask-error")!.textContent).to.equal("请填写双录编号、录制时间和地点");
      fill(dialog, { productRisk: "R4", ...recording });
      await confirm(el, dialog);
      expect(root(el).querySelector('[role="alert"]')!.textContent).to.equal(
        "“机会 S”未能移至成交，已恢复原位：不能成交：产品风险等级高于客户的风险承受能力（适当性不匹配）",
      );
      expect(column(el, "negotiation")).to.deep.equal(["S"]);
      expect(await store.record("opportunities", "S")).to.include({ stage: "negotiation" });
      await expect(el).to.be.accessible();
      dialog = await openWin(el);
      fill(dialog, { productRisk: "R2", ...recording });
      await confirm(el, dialog);
      expect(await store.record("opportunities", "S")).to.deep.include({
        stage: "won",
        productRisk: "R2",
        dualRecording: {
          recordingId: "REC-7",
          recordedAt: "2026-11-30T01:30:00.000Z", // 09:30 in Beijing
          staffId: RM.id,
          location: "理财室 2",
        },
      });
    });

    it("lets a branch manager override an unsuitable sale with a reason, asked for after the refusal", async () => {
      const { el, store } = await saleBoard(BM);
      const dialog = await openWin(el);
      expect(dialog.querySelector('[name="overrideReason"]')).to.equal(null);
      fill(dialog, { productRisk: "R4", ...recording });
      await confirm(el, dialog);
      expect(dialog.open).to.equal(true);
      expect(dialog.querySelector("#ask-error")!.textContent).to.contain("网点负责人可说明理由后越权批准");
      await expect(el).to.be.accessible();
      fill(dialog, { productRisk: "R4", ...recording, overrideReason: "客户坚持购买，已签署风险揭示书" });
      await confirm(el, dialog);
      expect((await store.record("opportunities", "S"))?.saleOverride).to.deep.include({
        by: BM.id,
        reason: "客户坚持购买，已签署风险揭示书",
      });
    });
  });

  it("puts a refused move back with the reason", async () => {
    const { el, store } = await board();
    // Someone else moved A meanwhile: the write is a conflict.
    await store.put("opportunities", [{ ...opportunity("A", "proposal"), version: 3 }]);
    const errors: string[] = [];
    el.addEventListener("bankcrm-opportunity-move-error", (e) => errors.push(e.detail.to));
    await el.move("A", "needs_analysis");
    await settle(el);
    expect(errors).to.deep.equal(["needs_analysis"]);
    expect(column(el, "qualification")).to.deep.equal(["A"]);
    expect(root(el).querySelector('[role="alert"]')!.textContent).to.match(/^“机会 A”未能移至需求分析，已恢复原位：/);
    await expect(el).to.be.accessible();
  });

  it("moves by pointer (drag and drop) and lets a host cancel a move", async () => {
    const { el, store } = await board();
    const data = new DataTransfer();
    card(el, "A").dispatchEvent(new DragEvent("dragstart", { dataTransfer: data, bubbles: true }));
    root(el)
      .querySelector('[data-stage="proposal"]')!
      .dispatchEvent(new DragEvent("drop", { dataTransfer: data, bubbles: true, cancelable: true }));
    await settle(el);
    expect((await store.record("opportunities", "A"))?.stage).to.equal("proposal");
    el.addEventListener("bankcrm-opportunity-move", (e) => e.preventDefault());
    expect(await el.move("A", "negotiation")).to.equal(false);
    expect((await store.record("opportunities", "A"))?.stage).to.equal("proposal");
  });

  it("shows a large board at once and fills in the rest of each column in the next frames", async () => {
    const many = manyOpportunities(1000); // 200 per open stage
    const el = await fixture<BankcrmPipeline>(
      html`<bankcrm-pipeline .now=${NOW} .opportunities=${many}></bankcrm-pipeline>`,
    );
    expect(column(el, "prospecting")).to.have.length(40);
    expect(root(el).querySelector('[data-stage="prospecting"] .count')!.textContent).to.equal("200"); // counts are whole
    for (let i = 0; i < 30 && column(el, "prospecting").length < 200; i++)
      await new Promise((r) => requestAnimationFrame(r));
    expect(column(el, "prospecting")).to.have.length(200);
    expect(root(el).querySelectorAll("[data-id]")).to.have.length(1000);
  });

  it("takes opportunities as a property, speaks English, keeps hostile text inert", async () => {
    const el = await fixture<BankcrmPipeline>(
      html`<bankcrm-pipeline
        locale="en"
        .now=${NOW}
        .opportunities=${[opportunity("H", "proposal", { title: `<img src=x onerror="window.__pwned=1">` })]}
      ></bankcrm-pipeline>`,
    );
    expect(root(el).querySelector("h2")!.textContent).to.equal("Pipeline");
    expect(card(el, "H").textContent).to.contain("<img");
    expect(root(el).querySelector("img")).to.equal(null);
    const empty = await fixture<BankcrmPipeline>(html`<bankcrm-pipeline .opportunities=${[]}></bankcrm-pipeline>`);
    expect(root(empty).querySelector("[data-empty]")!.textContent).to.equal("没有销售机会");
    await expect(el).to.be.accessible();
    await expect(empty).to.be.accessible();
  });
});
