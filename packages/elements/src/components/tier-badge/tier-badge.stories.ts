import type { Meta, StoryObj } from "@storybook/web-components-vite";
import { html } from "lit";
import { TIERS } from "@bankcrm/core/vocabulary";
import "./tier-badge.js";

interface Args {
  tier: string | undefined;
  locale: string;
}

const meta: Meta<Args> = {
  title: "Elements/Tier badge",
  component: "bankcrm-tier-badge",
  args: { tier: "gold", locale: "zh-CN" },
  argTypes: {
    tier: { control: "select", options: [...TIERS, "unknown"] },
    locale: { control: "inline-radio", options: ["zh-CN", "en"] },
  },
  render: ({ tier, locale }) => html`<bankcrm-tier-badge .tier=${tier} locale=${locale}></bankcrm-tier-badge>`,
};
export default meta;

type Story = StoryObj<Args>;

export const Playground: Story = {};

/** Every tier, in both locales. */
export const AllTiers: Story = {
  render: () => html`
    ${["zh-CN", "en"].map(
      (locale) =>
        html`<p>
          ${TIERS.map((tier) => html`<bankcrm-tier-badge tier=${tier} locale=${locale}></bankcrm-tier-badge> `)}
        </p>`,
    )}
  `,
};

/** A missing or unrecognised tier says so instead of guessing. */
export const Unknown: Story = { args: { tier: undefined } };

/** Themed through tokens only. */
export const Themed: Story = {
  render: () =>
    html`<div class="themed"><bankcrm-tier-badge tier="gold"></bankcrm-tier-badge></div>
      <style>
        .themed {
          --bankcrm-tier-gold-background: #222;
          --bankcrm-tier-gold-color: #ffd666;
          --bankcrm-radius: 999px;
        }
      </style>`,
};
