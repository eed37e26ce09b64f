import type { Meta, StoryObj } from "@storybook/web-components-vite";
import { html } from "lit";
import { BM, STAFF, failingClient, madeOf, salesClient, serviceCase } from "../../../test/fixtures/sales.js";
import "./case-queue.js";
import "../provider/provider.js";

interface Args {
  locale: string;
}
/** Tuesday 29 September 2026: National Day (1–7 October) stops the clocks. */
const NOW = new Date("2026-09-29T02:00:00Z");
const endOf = (day: string) => new Date(Date.parse(`${day}T00:00:00+08:00`) + 86_400_000).toISOString();
const opened = "2026-09-21T02:00:00Z";
const cases = [
  serviceCase("C-LATE", { openedAt: opened, slaDueAt: endOf("2026-09-25"), subject: "转账未到账" }),
  serviceCase("C-SOON", { openedAt: opened, slaDueAt: endOf("2026-09-29"), type: "inquiry", subject: "理财收益咨询" }),
  serviceCase("C-OK", { openedAt: opened, slaDueAt: endOf("2026-10-09"), category: "card", subject: "年费争议" }),
  // Received 14 September: the regulator's 15 calendar days end before the bank's own limit.
  serviceCase("C-REG", {
    openedAt: "2026-09-14T02:00:00Z",
    slaDueAt: endOf("2026-10-16"),
    regulatoryDueAt: endOf("2026-09-29"),
    subject: "理财产品销售误导投诉",
  }),
];

const meta: Meta<Args> = {
  title: "Elements/Case queue",
  component: "bankcrm-case-queue",
  args: { locale: "zh-CN" },
  argTypes: { locale: { control: "inline-radio", options: ["zh-CN", "en"] } },
  loaders: [async () => ({ made: await salesClient({ serviceCases: cases }, BM) })],
  render: ({ locale }, { loaded }) =>
    html`<bankcrm-case-queue
      locale=${locale}
      .now=${NOW}
      .staff=${STAFF}
      .client=${madeOf(loaded).client}
    ></bankcrm-case-queue>`,
};
export default meta;
type Story = StoryObj<Args>;

/** A branch manager's queue: overdue, due soon, on time (working days left across the holiday). */
export const Playground: Story = {};
export const English: Story = { args: { locale: "en" } };
export const Empty: Story = { loaders: [async () => ({ made: await salesClient({}, BM) })] };
export const Loading: Story = {
  render: () =>
    html`<bankcrm-case-queue
      .client=${{ ...failingClient, serviceCases: { ...failingClient.opportunities, list: () => new Promise<never>(() => {}) } }}
    ></bankcrm-case-queue>`,
};
export const Error: Story = {
  render: () =>
    html`<bankcrm-case-queue
      .client=${{ ...failingClient, serviceCases: failingClient.opportunities }}
    ></bankcrm-case-queue>`,
};
export const DarkTheme: Story = {
  render: (_a, { loaded }) =>
    html`<bankcrm-provider theme="dark" locale="en" .client=${madeOf(loaded).client}
      ><div class="dark-surface"><bankcrm-case-queue .now=${NOW}></bankcrm-case-queue></div
    ></bankcrm-provider>`,
};
