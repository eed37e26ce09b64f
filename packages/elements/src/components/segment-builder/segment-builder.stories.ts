import type { Meta, StoryObj } from "@storybook/web-components-vite";
import { html } from "lit";
import { customerFieldCatalog, type SegmentDefinition } from "@bankcrm/core";
import { segmentRows } from "../../../test/fixtures/segment-rows.js";
import { createSegmentCounter } from "../../segment-counter.js";
import "./segment-builder.js";
import "../provider/provider.js";

interface Args {
  locale: string;
}

const prospects: SegmentDefinition = {
  schemaVersion: 1,
  id: "wealth-prospects",
  name: "理财潜客",
  version: 1,
  rule: {
    all: [
      { field: "status", op: "eq", value: "active" },
      { field: "age", op: "between", value: [30, 55] },
      {
        any: [
          { field: "tier", op: "in", value: ["gold", "platinum"] },
          { field: "aum", op: "gte", value: 5_000_000 },
        ],
      },
      { field: "marketingConsent", op: "eq", value: true },
      { not: { field: "productTypes", op: "hasAny", value: ["wealth_management", "fund"] } },
    ],
  },
};

/** A demo book of 5,000 customers, counted in a Web Worker as the story is edited. */
let counter: ReturnType<typeof createSegmentCounter<unknown>> | undefined;
function bookCounter() {
  counter ??= createSegmentCounter(segmentRows(5000) as unknown[], customerFieldCatalog as never, {
    worker: new Worker(new URL("../../../test/fixtures/segment-worker.ts", import.meta.url), { type: "module" }),
  });
  return counter;
}

const meta: Meta<Args> = {
  title: "Elements/Segment builder",
  component: "bankcrm-segment-builder",
  args: { locale: "zh-CN" },
  argTypes: { locale: { control: "inline-radio", options: ["zh-CN", "en"] } },
  render: ({ locale }) =>
    html`<bankcrm-segment-builder
      locale=${locale}
      .catalog=${customerFieldCatalog}
      .definition=${prospects}
      .counter=${bookCounter()}
    ></bankcrm-segment-builder>`,
};
export default meta;
type Story = StoryObj<Args>;

/** A saved segment over a 5,000-customer book, with its live count and sample. */
export const Playground: Story = {};
export const English: Story = { args: { locale: "en" } };
/** A new segment: the empty group says what it needs. */
export const Empty: Story = {
  render: () => html`<bankcrm-segment-builder .catalog=${customerFieldCatalog}></bankcrm-segment-builder>`,
};
/** Issues at their place: a reversed range and text where a number belongs. */
export const Invalid: Story = {
  render: () =>
    html`<bankcrm-segment-builder
      .catalog=${customerFieldCatalog}
      .definition=${{
        ...prospects,
        rule: {
          all: [
            { field: "age", op: "between", value: [60, 30] },
            { field: "aum", op: "gte", value: "many" },
          ],
        },
      }}
    ></bankcrm-segment-builder>`,
};
/** Read only: to look at and export, not to edit. */
export const ReadOnly: Story = {
  render: () =>
    html`<bankcrm-segment-builder
      readonly
      .catalog=${customerFieldCatalog}
      .definition=${prospects}
    ></bankcrm-segment-builder>`,
};
export const DarkTheme: Story = {
  render: () =>
    html`<bankcrm-provider theme="dark" locale="en"
      ><div class="dark-surface">
        <bankcrm-segment-builder
          .catalog=${customerFieldCatalog}
          .definition=${prospects}
          .counter=${bookCounter()}
        ></bankcrm-segment-builder></div
    ></bankcrm-provider>`,
};
