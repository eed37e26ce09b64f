import type { Meta, StoryObj } from "@storybook/web-components-vite";
import { html } from "lit";
import { scoreCustomerValue } from "@bankcrm/core";
import { TIERS } from "@bankcrm/core/vocabulary";
import "./value-badge.js";
import "../provider/provider.js";

interface Args {
  tier: string;
  locale: string;
  aum: number;
  contribution: number;
  productCount: number;
}

const meta: Meta<Args> = {
  title: "Elements/Value badge",
  component: "bankcrm-value-badge",
  args: { tier: "platinum", locale: "zh-CN", aum: 60_000_000, contribution: 350_000, productCount: 4 },
  argTypes: {
    tier: { control: "select", options: TIERS },
    locale: { control: "inline-radio", options: ["zh-CN", "en"] },
    aum: { control: { type: "number", step: 1_000_000 }, description: "AUM in fen" },
    contribution: { control: { type: "number", step: 10_000 }, description: "Annual contribution in fen" },
  },
  render: ({ tier, locale, aum, contribution, productCount }) =>
    html`<bankcrm-value-badge
      tier=${tier}
      locale=${locale}
      .value=${scoreCustomerValue({ aum, contribution, productCount, tenureYears: 6, engagement: 8 })}
    ></bankcrm-value-badge>`,
};
export default meta;

type Story = StoryObj<Args>;

export const Playground: Story = {};
export const English: Story = { args: { locale: "en" } };
export const Loading: Story = { render: () => html`<bankcrm-value-badge loading></bankcrm-value-badge>` };
export const Empty: Story = { render: () => html`<bankcrm-value-badge tier="gold"></bankcrm-value-badge>` };
export const Error: Story = { render: () => html`<bankcrm-value-badge error="网络不可用"></bankcrm-value-badge>` };
export const DarkTheme: Story = {
  render: ({ tier, aum, contribution, productCount }) =>
    html`<bankcrm-provider theme="dark" locale="en"
      ><div class="dark-surface">
        <bankcrm-value-badge
          tier=${tier}
          .value=${scoreCustomerValue({ aum, contribution, productCount, tenureYears: 6, engagement: 8 })}
        ></bankcrm-value-badge></div
    ></bankcrm-provider>`,
};
