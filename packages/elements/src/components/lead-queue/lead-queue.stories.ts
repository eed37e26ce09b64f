import type { Meta, StoryObj } from "@storybook/web-components-vite";
import { html } from "lit";
import { BM, NOW, STAFF, demoRecords, failingClient, salesClient, madeOf } from "../../../test/fixtures/sales.js";
import "./lead-queue.js";
import "../provider/provider.js";

interface Args {
  locale: string;
}

const meta: Meta<Args> = {
  title: "Elements/Lead queue",
  component: "bankcrm-lead-queue",
  args: { locale: "zh-CN" },
  argTypes: { locale: { control: "inline-radio", options: ["zh-CN", "en"] } },
  loaders: [async () => ({ made: await salesClient(demoRecords()) })],
  render: ({ locale }, { loaded }) =>
    html`<bankcrm-lead-queue locale=${locale} .now=${NOW} .client=${madeOf(loaded).client}></bankcrm-lead-queue>`,
};
export default meta;
type Story = StoryObj<Args>;

/** Internet-banking leads counting down their 24 hours (one overdue), then contacted and qualified ones. */
export const Playground: Story = {};
export const English: Story = { args: { locale: "en" } };
/** A branch manager's unassigned leads, with the assign picker. */
export const BranchManager: Story = {
  loaders: [async () => ({ made: await salesClient(demoRecords(), BM) })],
  render: (_a, { loaded }) =>
    html`<bankcrm-lead-queue
      unassigned
      .now=${NOW}
      .staff=${STAFF}
      .client=${madeOf(loaded).client}
    ></bankcrm-lead-queue>`,
};
/** A bank's own limits: 2 hours for internet banking, 8 for the rest. */
export const StrictPolicy: Story = {
  render: (_a, { loaded }) =>
    html`<bankcrm-lead-queue
      .now=${NOW}
      .policy=${{ internet_banking: 2, default: 8 }}
      .client=${madeOf(loaded).client}
    ></bankcrm-lead-queue>`,
};
export const Empty: Story = {
  loaders: [async () => ({ made: await salesClient({}) })],
};
export const Loading: Story = {
  render: () =>
    html`<bankcrm-lead-queue
      .client=${{ ...failingClient, leads: { ...failingClient.leads, list: () => new Promise<never>(() => {}) } }}
    ></bankcrm-lead-queue>`,
};
export const Error: Story = { render: () => html`<bankcrm-lead-queue .client=${failingClient}></bankcrm-lead-queue>` };
export const DarkTheme: Story = {
  render: (_a, { loaded }) =>
    html`<bankcrm-provider theme="dark" locale="en" .client=${madeOf(loaded).client}
      ><div class="dark-surface"><bankcrm-lead-queue .now=${NOW}></bankcrm-lead-queue></div
    ></bankcrm-provider>`,
};
