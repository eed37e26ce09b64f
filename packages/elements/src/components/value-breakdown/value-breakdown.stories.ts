import type { Meta, StoryObj } from "@storybook/web-components-vite";
import { html } from "lit";
import type { Contribution } from "@bankcrm/core";
import "./value-breakdown.js";
import "../provider/provider.js";

const contribution: Contribution = {
  customerId: "CU00000001",
  total: { amount: 1_716_500, currency: "CNY" },
  factors: [
    { code: "depositSpread", amount: 1_240_000 },
    { code: "loanMargin", amount: 620_000 },
    { code: "expectedLoss", amount: -96_000 },
    { code: "productFees", amount: 318_000 },
    { code: "transactionFees", amount: 22_500 },
    { code: "costToServe", amount: -388_000 },
  ],
  skippedHoldings: [],
};

interface Args {
  locale: string;
}

const meta: Meta<Args> = {
  title: "Elements/Value breakdown",
  component: "bankcrm-value-breakdown",
  args: { locale: "zh-CN" },
  argTypes: { locale: { control: "inline-radio", options: ["zh-CN", "en"] } },
  render: ({ locale }) =>
    html`<bankcrm-value-breakdown locale=${locale} .contribution=${contribution}></bankcrm-value-breakdown>`,
};
export default meta;
type Story = StoryObj<Args>;

/** A customer with deposits, a loan and a fund: income, the loan's expected loss, the cost to serve. */
export const Playground: Story = {};
export const English: Story = { args: { locale: "en" } };
export const Loading: Story = { render: () => html`<bankcrm-value-breakdown loading></bankcrm-value-breakdown>` };
/** The marketing role does not see financial amounts. */
export const Masked: Story = {
  render: () => html`<bankcrm-value-breakdown masked .contribution=${contribution}></bankcrm-value-breakdown>`,
};
export const Empty: Story = {
  render: () =>
    html`<bankcrm-value-breakdown .contribution=${{ ...contribution, factors: [] }}></bankcrm-value-breakdown>`,
};
export const Error: Story = {
  render: () => html`<bankcrm-value-breakdown error="无法读取持有产品"></bankcrm-value-breakdown>`,
};
export const DarkTheme: Story = {
  render: () =>
    html`<bankcrm-provider theme="dark" locale="en"
      ><div class="dark-surface">
        <bankcrm-value-breakdown .contribution=${contribution}></bankcrm-value-breakdown></div
    ></bankcrm-provider>`,
};
