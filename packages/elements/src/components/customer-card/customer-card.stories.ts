import type { Meta, StoryObj } from "@storybook/web-components-vite";
import { html } from "lit";
import { scoreCustomerValue, type Customer } from "@bankcrm/core";
import { generateDemoPortfolio } from "@bankcrm/core/demo";
import "./customer-card.js";
import "../provider/provider.js";

const p = generateDemoPortfolio({ seed: "stories", customers: 40 });
const person = p.customers.find((c) => c.kind === "individual" && c.tags.length > 0) ?? p.customers[0]!;
const company = p.customers.find((c) => c.kind === "corporate")!;
const value = scoreCustomerValue({
  aum: 60_000_000,
  contribution: 350_000,
  productCount: 4,
  tenureYears: 8,
  engagement: 12,
});
const figures = {
  aum: { amount: 60_000_000, currency: "CNY" },
  contribution: { amount: 350_000, currency: "CNY" },
  productCount: 4,
  // The points ledger's balance now, and what lapses soonest (the host reads them: core's pointsBalance).
  points: 11_976,
  pointsExpiring: { on: "2026-12-31", points: 1_181 },
};

interface Args {
  customer: Customer;
  layout: "full" | "compact";
  locale: string;
  offline: boolean;
}

const meta: Meta<Args> = {
  title: "Elements/Customer card",
  component: "bankcrm-customer-card",
  args: { customer: person, layout: "full", locale: "zh-CN", offline: false },
  argTypes: {
    layout: { control: "inline-radio", options: ["full", "compact"] },
    locale: { control: "inline-radio", options: ["zh-CN", "en"] },
    customer: { control: false },
  },
  render: ({ customer, layout, locale, offline }) =>
    html`<bankcrm-customer-card
      .customer=${customer}
      .value=${value}
      .figures=${figures}
      layout=${layout}
      locale=${locale}
      ?offline=${offline}
    >
      <button slot="actions" type="button">记录联系</button>
    </bankcrm-customer-card>`,
};
export default meta;

type Story = StoryObj<Args>;

export const Playground: Story = {};
/** Identifiers are masked whatever the card is given. */
export const Masked: Story = {};
export const Corporate: Story = { args: { customer: company } };
export const Compact: Story = { args: { layout: "compact" } };
export const English: Story = { args: { locale: "en" } };
export const Offline: Story = { args: { offline: true } };
export const Loading: Story = { render: () => html`<bankcrm-customer-card loading></bankcrm-customer-card>` };
export const Empty: Story = { render: () => html`<bankcrm-customer-card></bankcrm-customer-card>` };
export const Error: Story = { render: () => html`<bankcrm-customer-card error="网络不可用"></bankcrm-customer-card>` };
export const DarkTheme: Story = {
  render: () =>
    html`<bankcrm-provider theme="dark"
      ><bankcrm-customer-card .customer=${person} .value=${value} .figures=${figures}></bankcrm-customer-card
    ></bankcrm-provider>`,
};
