import { expect, fixture, fixtureCleanup, html, oneEvent, waitUntil } from "@open-wc/testing";
import { userEvent } from "vitest/browser";
import { afterEach, describe, it } from "vitest";
import { customerFieldCatalog, evaluateSegment, fromJsonLogic, type SegmentDefinition } from "@bankcrm/core";
import fc from "fast-check";
import { segmentRows } from "../../../test/fixtures/segment-rows.js";
import {
  catalog as anyCatalog,
  rule as anyRule,
  segment as anySegment,
} from "../../../../core/test/support/segment-arbitraries.js";
import { createSegmentCounter } from "../../segment-counter.js";
import "./segment-builder.js";
import type { BankcrmSegmentBuilder } from "./segment-builder.component.js";

const root = (el: Element) => el.shadowRoot!;
const NOW = new Date("2026-11-30T00:00:00Z");

const rich: SegmentDefinition = {
  schemaVersion: 1,
  id: "wealth-prospects",
  name: "理财潜客",
  version: 3,
  rule: {
    all: [
      { field: "status", op: "eq", value: "active" },
      { field: "age", op: "between", value: [30, 55] },
      {
        any: [
          { field: "tier", op: "in", value: ["gold", "platinum"] },
          { field: "aum", op: "gte", value: 30_000_000 },
        ],
      },
      { not: { field: "productTypes", op: "hasAny", value: ["wealth_management", "fund"] } },
      { field: "marketingConsent", op: "eq", value: true },
      { field: "lastTransactionAt", op: "withinLast", value: 90 },
      { field: "city", op: "in", value: ["上海市", "北京市"] },
      { field: "riskTolerance", op: "isNotEmpty" },
    ],
  },
};

/** Matches a good share of the demo book. */
const broad: SegmentDefinition = {
  ...rich,
  rule: {
    all: [
      { field: "age", op: "between", value: [30, 55] },
      {
        any: [
          { field: "tier", op: "in", value: ["gold", "platinum"] },
          { field: "aum", op: "gte", value: 1_000_000 },
        ],
      },
      { not: { field: "productTypes", op: "hasAny", value: ["wealth_management"] } },
    ],
  },
};

const conditions = (el: Element) => [...root(el).querySelectorAll<HTMLElement>(".condition")];

async function settle(el: BankcrmSegmentBuilder) {
  await el.updateComplete;
  await new Promise((r) => setTimeout(r, 0));
  await el.updateComplete;
}

/** A builder on `broad` that counts 3,000 rows of the demo book on this thread. */
async function countingBuilder() {
  const rows = segmentRows(3000);
  const counter = createSegmentCounter(rows, customerFieldCatalog, { now: NOW });
  const el = await fixture<BankcrmSegmentBuilder>(
    html`<bankcrm-segment-builder
      .catalog=${customerFieldCatalog}
      .definition=${broad}
      .counter=${counter}
    ></bankcrm-segment-builder>`,
  );
  return { rows, el };
}

describe("<bankcrm-segment-builder>", () => {
  afterEach(() => fixtureCleanup());

  it("shows any valid definition as typed inputs and gives it back unchanged, in JSON, JsonLogic-free and SQL", async () => {
    const el = await fixture<BankcrmSegmentBuilder>(
      html`<bankcrm-segment-builder .catalog=${customerFieldCatalog} .definition=${rich}></bankcrm-segment-builder>`,
    );
    expect(el.definition).to.deep.equal(rich);
    expect(root(el).querySelector('[data-testid="validity"]')!.textContent).to.contain("定义有效");
    expect(conditions(el)).to.have.length(9);
    // Money is edited in yuan: 30,000,000 fen reads 300000.
    const aum = conditions(el).find((c) => c.querySelector<HTMLSelectElement>("select[name=field]")!.value === "aum")!;
    expect(aum.querySelector<HTMLInputElement>("input[name=value]")!.value).to.equal("300000");
    // Enum lists are checkboxes with their labels; the negated group says so.
    const tier = conditions(el).find(
      (c) => c.querySelector<HTMLSelectElement>("select[name=field]")!.value === "tier",
    )!;
    const checked = [...tier.querySelectorAll<HTMLInputElement>("input[type=checkbox]")].filter((b) => b.checked);
    expect(checked.map((b) => b.parentElement!.textContent.trim())).to.deep.equal(["金卡客户", "白金客户"]);
    expect(root(el).querySelector(".not")!.getAttribute("aria-label")).to.equal("不满足以下条件");

    root(el).querySelector("details")!.open = true;
    await el.updateComplete;
    expect(JSON.parse(root(el).querySelector('[data-testid="export"]')!.textContent)).to.deep.equal(rich);
    root(el).querySelector<HTMLButtonElement>('[data-format="jsonLogic"]')!.click();
    await el.updateComplete;
    // withinLast and hasAny have no JsonLogic form: said, not thrown.
    expect(root(el).querySelector('[data-testid="export-note"]')!.textContent).to.contain("没有 JsonLogic 形式");
    root(el).querySelector<HTMLButtonElement>('[data-format="sql"]')!.click();
    await el.updateComplete;
    const sql = root(el).querySelector('[data-testid="export"]')!.textContent;
    expect(sql).to.match(/^SELECT "id" FROM "customers" WHERE/);
    expect(sql).to.contain("300000").and.not.contain("'上海市'");
    await expect(el).to.be.accessible();
  });

  it("renders any valid definition (random ones, every type and operator) and gives it back exactly", async () => {
    const conditionsIn = (r: SegmentDefinition["rule"]): number =>
      "all" in r
        ? r.all.reduce((n, c) => n + conditionsIn(c), 0)
        : "any" in r
          ? r.any.reduce((n, c) => n + conditionsIn(c), 0)
          : "not" in r
            ? conditionsIn(r.not)
            : 1;
    const el = await fixture<BankcrmSegmentBuilder>(
      html`<bankcrm-segment-builder .catalog=${anyCatalog}></bankcrm-segment-builder>`,
    );
    root(el).querySelector("details")!.open = true;
    await fc.assert(
      fc.asyncProperty(anyRule, async (r) => {
        const definition = anySegment(r);
        const copy = structuredClone(definition);
        el.definition = definition;
        await el.updateComplete;
        expect(el.definition).to.deep.equal(copy);
        expect(root(el).querySelector('[data-testid="validity"]')!.textContent).to.contain("定义有效");
        expect(conditions(el)).to.have.length(conditionsIn(r));
        expect(JSON.parse(root(el).querySelector('[data-testid="export"]')!.textContent)).to.deep.equal(copy);
      }),
      { numRuns: 60 },
    );
  });

  it("round-trips a JsonLogic-shaped definition through its JsonLogic export", async () => {
    const plain: SegmentDefinition = {
      ...rich,
      rule: {
        all: [
          rich.rule && (rich.rule as { all: SegmentDefinition["rule"][] }).all[1]!,
          { field: "tier", op: "in", value: ["gold"] },
        ],
      },
    };
    const el = await fixture<BankcrmSegmentBuilder>(
      html`<bankcrm-segment-builder .catalog=${customerFieldCatalog} .definition=${plain}></bankcrm-segment-builder>`,
    );
    root(el).querySelector("details")!.open = true;
    root(el).querySelector<HTMLButtonElement>('[data-format="jsonLogic"]')!.click();
    await el.updateComplete;
    const logic = JSON.parse(root(el).querySelector('[data-testid="export"]')!.textContent) as Record<string, unknown>;
    expect(fromJsonLogic(logic, customerFieldCatalog)).to.deep.equal(plain.rule);
  });

  it("builds a segment by keyboard: a condition added, its field, test and yuan value typed, the change told", async () => {
    const el = await fixture<BankcrmSegmentBuilder>(
      html`<bankcrm-segment-builder .catalog=${customerFieldCatalog}></bankcrm-segment-builder>`,
    );
    // An empty group is an issue, shown at the group.
    expect(root(el).querySelector('[data-issue="rule/all"]')!.textContent).to.contain("条件组不能为空");
    expect(root(el).querySelector('[data-testid="validity"]')!.textContent).to.match(/需要修改/);
    root(el).querySelector<HTMLInputElement>("input[name=name]")!.focus();
    await userEvent.keyboard("高净值");
    root(el).querySelector<HTMLButtonElement>('[data-focus="rule/add"]')!.focus();
    await userEvent.keyboard("{Enter}");
    await settle(el);
    // Focus moves to the new condition's field picker.
    const field = root(el).querySelector<HTMLSelectElement>('[data-focus="rule/all/0"]')!;
    expect(root(el).activeElement).to.equal(field);
    await userEvent.selectOptions(field, "aum");
    await settle(el);
    const op = conditions(el)[0]!.querySelector<HTMLSelectElement>("select[name=op]")!;
    await userEvent.selectOptions(op, "gte");
    await settle(el);
    const value = conditions(el)[0]!.querySelector<HTMLInputElement>("input[name=value]")!;
    await userEvent.clear(value);
    const changed = oneEvent(el, "bankcrm-segment-change");
    await userEvent.type(value, "6000000.5");
    const { detail } = await changed;
    expect(detail.valid).to.equal(true);
    await settle(el);
    expect(el.definition.name).to.equal("高净值");
    expect(el.definition.rule).to.deep.equal({ all: [{ field: "aum", op: "gte", value: 600_000_050 }] });
    // What was typed stays as typed (no "6000000.5" turned into "6000000.50").
    expect(value.value).to.equal("6000000.5");
    await expect(el).to.be.accessible();
  });

  it("shows each issue at its place, marks the input invalid, and clears it when fixed", async () => {
    const bad: SegmentDefinition = {
      ...rich,
      rule: {
        all: [
          { field: "age", op: "between", value: [60, 30] },
          { field: "aum", op: "gte", value: 1 },
        ],
      },
    };
    const el = await fixture<BankcrmSegmentBuilder>(
      html`<bankcrm-segment-builder .catalog=${customerFieldCatalog} .definition=${bad}></bankcrm-segment-builder>`,
    );
    const issue = root(el).querySelector('[data-issue="rule/all/0/value"]')!;
    expect(issue.textContent).to.match(/下限|范围|上限/);
    const from = conditions(el)[0]!.querySelectorAll<HTMLInputElement>("input[name=value]")[0]!;
    expect(from.getAttribute("aria-invalid")).to.equal("true");
    expect(from.getAttribute("aria-describedby")).to.equal(issue.id);
    await expect(el).to.be.accessible();
    // Text where a number belongs is kept as typed and said at its place.
    const aum = conditions(el)[1]!.querySelector<HTMLInputElement>("input[name=value]")!;
    await userEvent.clear(aum);
    await userEvent.type(aum, "abc");
    await settle(el);
    expect(root(el).querySelector('[data-issue="rule/all/1/value"]')).to.not.equal(null);
    expect(aum.value).to.equal("abc");
    await userEvent.clear(from);
    await userEvent.type(from, "20");
    await userEvent.clear(aum);
    await userEvent.type(aum, "100");
    await settle(el);
    expect(root(el).querySelector("[data-issue]")).to.equal(null);
    expect(el.definition.rule).to.deep.equal({
      all: [
        { field: "age", op: "between", value: [20, 30] },
        { field: "aum", op: "gte", value: 10_000 },
      ],
    });
  });

  it("moves, negates and removes by keyboard, announcing each, focus following the moved condition", async () => {
    const el = await fixture<BankcrmSegmentBuilder>(
      html`<bankcrm-segment-builder .catalog=${customerFieldCatalog} .definition=${rich}></bankcrm-segment-builder>`,
    );
    const first = root(el).querySelector<HTMLSelectElement>('[data-focus="rule/all/0"]')!;
    first.focus();
    await userEvent.keyboard("{Alt>}{ArrowDown}{/Alt}");
    await settle(el);
    const all = (el.definition.rule as { all: unknown[] }).all;
    expect(all[0]).to.deep.equal(rich.rule && (rich.rule as { all: unknown[] }).all[1]);
    expect(all[1]).to.deep.equal({ field: "status", op: "eq", value: "active" });
    expect(root(el).querySelector('[data-testid="announce"]')!.textContent).to.equal("条件 1 已移到第 2 位");
    expect((root(el).activeElement as HTMLElement).dataset.focus).to.equal("rule/all/1");
    // Negate the moved condition, then take the negation off again: the definition is as before.
    const item = root(el).querySelectorAll<HTMLLIElement>("ol.children > li")[1]!;
    item.querySelector<HTMLButtonElement>('[data-action="negate"]')!.click();
    await settle(el);
    expect((el.definition.rule as { all: unknown[] }).all[1]).to.deep.equal({
      not: { field: "status", op: "eq", value: "active" },
    });
    root(el)
      .querySelectorAll<HTMLLIElement>("ol.children > li")[1]!
      .querySelector<HTMLButtonElement>('[data-action="unnegate"]')!
      .click();
    await settle(el);
    expect((el.definition.rule as { all: unknown[] }).all[1]).to.deep.equal({
      field: "status",
      op: "eq",
      value: "active",
    });
    const remove = root(el)
      .querySelectorAll<HTMLLIElement>("ol.children > li")[1]!
      .querySelector<HTMLButtonElement>('[data-action="remove"]')!;
    expect(remove.getAttribute("aria-label")).to.equal("删除 条件 2");
    remove.focus();
    await userEvent.keyboard("{Enter}");
    await settle(el);
    expect((el.definition.rule as { all: unknown[] }).all).to.have.length(7);
    expect(root(el).querySelector('[data-testid="announce"]')!.textContent).to.equal("已删除 条件 2");
  });

  it("counts the whole book as the definition changes, with a masked sample and why each matches", async () => {
    const { rows, el } = await countingBuilder();
    const expected = evaluateSegment(broad, customerFieldCatalog, rows, { now: NOW, countOnly: true }).count;
    await waitUntil(
      () =>
        root(el)
          .querySelector('[data-testid="segment-count"]')!
          .textContent.includes(`${expected.toLocaleString("zh-CN")} 位客户`),
      "the count",
      { timeout: 10_000 },
    );
    const sample = [...root(el).querySelectorAll('[part="sample"] tbody tr')];
    expect(expected).to.be.greaterThan(5);
    expect(sample.length).to.equal(5);
    const name = sample[0]!.querySelector("th")!.textContent;
    expect(name).to.match(/^.\*+$/u);
    expect(sample[0]!.querySelector("td")!.textContent).to.contain("年龄");
    await expect(el).to.be.accessible();
  });

  it("binds the segment to a purpose: the count keeps only customers whose consent for it is in force", async () => {
    const { rows, el } = await countingBuilder();
    const countOf = (d: SegmentDefinition) =>
      evaluateSegment(d, customerFieldCatalog, rows, { now: NOW, countOnly: true }).count;
    const shows = (n: number) =>
      root(el)
        .querySelector('[data-testid="segment-count"]')!
        .textContent.includes(`${n.toLocaleString("zh-CN")} 位客户`);
    await waitUntil(() => shows(countOf(broad)), "the unbound count", { timeout: 10_000 });
    const select = root(el).querySelector<HTMLSelectElement>('select[name="purpose"]')!;
    expect(select.value).to.equal("");
    const changed = oneEvent(el, "bankcrm-segment-change");
    select.value = "marketing";
    select.dispatchEvent(new Event("change"));
    const { detail } = await changed;
    expect(detail.definition.purpose).to.equal("marketing");
    const bound = countOf({ ...broad, purpose: "marketing" });
    expect(bound).to.be.lessThan(countOf(broad)); // some of the book never consented, or withdrew
    await waitUntil(() => shows(bound), "the count for marketing", { timeout: 10_000 });
    // Back to none: the purpose is gone from the definition, not left empty.
    select.value = "";
    select.dispatchEvent(new Event("change"));
    await settle(el);
    expect("purpose" in el.definition).to.equal(false);
    await expect(el).to.be.accessible();
  });

  it("speaks English and keeps a hostile name inert", async () => {
    const el = await fixture<BankcrmSegmentBuilder>(
      html`<bankcrm-segment-builder
        locale="en"
        .catalog=${customerFieldCatalog}
        .definition=${{ ...rich, name: `<img src=x onerror="window.__pwned=1">` }}
      ></bankcrm-segment-builder>`,
    );
    expect(root(el).querySelector<HTMLInputElement>("input[name=name]")!.value).to.contain("<img");
    expect(root(el).querySelector("img")).to.equal(null);
    expect(
      root(el).querySelector<HTMLSelectElement>("select[name=op]")!.selectedOptions[0]!.textContent.trim(),
    ).to.equal("is");
    expect(
      root(el).querySelector<HTMLSelectElement>(".combine select")!.selectedOptions[0]!.textContent.trim(),
    ).to.equal("All of these");
    await expect(el).to.be.accessible();
  });
});

describe("createSegmentCounter", () => {
  it("counts in a Web Worker exactly what core counts, and a newer count makes the older one stale", async () => {
    const rows = segmentRows(2000);
    const worker = new Worker(new URL("../../../test/fixtures/segment-worker.ts", import.meta.url), { type: "module" });
    const counter = createSegmentCounter(rows, customerFieldCatalog, { worker, now: NOW });
    try {
      const older = counter.count({ ...broad, rule: { field: "age", op: "gte", value: 40 } });
      const newer = counter.count(broad);
      const [a, b] = await Promise.allSettled([older, newer]);
      expect(a.status).to.equal("rejected");
      expect((a as PromiseRejectedResult).reason.name).to.equal("AbortError");
      const expected = evaluateSegment(broad, customerFieldCatalog, rows, { now: NOW });
      const result = (b as PromiseFulfilledResult<Awaited<typeof newer>>).value;
      expect(result.count).to.equal(expected.count).and.be.greaterThan(5);
      expect(result.total).to.equal(2000);
      expect(result.sample.map((r) => r.id)).to.deep.equal(expected.ids.slice(0, 5));
      // Another edit reuses the columns already sent and adds the new field's.
      const more = await counter.count({
        ...broad,
        rule: { all: [broad.rule, { field: "gender", op: "eq", value: "female" }] },
      });
      expect(more.count).to.equal(
        evaluateSegment(
          { ...broad, rule: { all: [broad.rule, { field: "gender", op: "eq", value: "female" }] } },
          customerFieldCatalog,
          rows,
          { now: NOW },
        ).count,
      );
    } finally {
      counter.dispose();
    }
  });
});
