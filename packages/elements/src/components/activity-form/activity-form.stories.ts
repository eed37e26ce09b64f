import type { Meta, StoryObj } from "@storybook/web-components-vite";
import { html } from "lit";
import { NOW, failingClient, salesClient, madeOf } from "../../../test/fixtures/sales.js";
import "./activity-form.js";
import "../customer-timeline/customer-timeline.js";
import "../provider/provider.js";
import type { ActivityKind } from "./activity-form.component.js";

interface Args {
  locale: string;
  kind: ActivityKind;
}

const meta: Meta<Args> = {
  title: "Elements/Activity form",
  component: "bankcrm-activity-form",
  args: { locale: "zh-CN", kind: "call" },
  argTypes: {
    locale: { control: "inline-radio", options: ["zh-CN", "en"] },
    kind: { control: "inline-radio", options: ["call", "visit", "meeting", "wechat", "sms"] },
  },
  loaders: [async () => ({ made: await salesClient({}) })],
  render: ({ locale, kind }, { loaded }) =>
    html`<bankcrm-activity-form
      locale=${locale}
      kind=${kind}
      .now=${NOW}
      customer-id=${madeOf(loaded).customers[0]!.id}
      .client=${madeOf(loaded).client}
    ></bankcrm-activity-form>`,
};
export default meta;
type Story = StoryObj<Args>;

export const Playground: Story = {};
export const English: Story = { args: { locale: "en" } };
/** Beside the customer's timeline: a saved contact appears there at once. */
export const WithTimeline: Story = {
  render: (_a, { loaded }) => {
    const id = madeOf(loaded).customers[0]!.id;
    return html`<bankcrm-provider .client=${madeOf(loaded).client}>
      <bankcrm-activity-form customer-id=${id} kind="wechat"></bankcrm-activity-form>
      <bankcrm-customer-timeline customer-id=${id}></bankcrm-customer-timeline>
    </bankcrm-provider>`;
  },
};
/** Saved empty: the core schema's message at the summary. */
export const Invalid: Story = {
  play: async ({ canvasElement }) => {
    const el = canvasElement.querySelector("bankcrm-activity-form")!;
    await el.updateComplete;
    el.shadowRoot!.querySelector("form")!.requestSubmit();
  },
};
export const Error: Story = {
  render: () => html`<bankcrm-activity-form customer-id="CU-1" .client=${failingClient}></bankcrm-activity-form>`,
  play: async ({ canvasElement }) => {
    const el = canvasElement.querySelector("bankcrm-activity-form")!;
    await el.updateComplete;
    el.shadowRoot!.querySelector("textarea")!.value = "客户来电咨询";
    el.shadowRoot!.querySelector("form")!.requestSubmit();
  },
};
export const ReadOnlyRole: Story = {
  loaders: [async () => ({ made: await salesClient({}, { id: "ST-AU-1", role: "auditor", branchId: "HQ" }) })],
};
export const NoClient: Story = { render: () => html`<bankcrm-activity-form></bankcrm-activity-form>` };
export const DarkTheme: Story = {
  render: (_a, { loaded }) =>
    html`<bankcrm-provider theme="dark" locale="en" .client=${madeOf(loaded).client}
      ><div class="dark-surface">
        <bankcrm-activity-form customer-id=${madeOf(loaded).customers[0]!.id}></bankcrm-activity-form></div
    ></bankcrm-provider>`,
};
