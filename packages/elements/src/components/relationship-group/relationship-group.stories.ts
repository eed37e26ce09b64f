import type { Meta, StoryObj } from "@storybook/web-components-vite";
import { html } from "lit";
import type { GroupSummary } from "@bankcrm/core";
import "./relationship-group.js";
import "../provider/provider.js";

const household: GroupSummary = {
  groupId: "HH-CU00000012",
  kind: "household",
  name: "王建国家庭",
  currency: "CNY",
  members: [
    {
      customerId: "CU00000012",
      role: "head",
      kind: "individual",
      name: "王建国",
      tier: "platinum",
      aum: 3_150_000_00,
      creditExposure: 1_200_000_00,
      contribution: 18_400_00,
    },
    {
      customerId: "CU00000345",
      role: "spouse",
      kind: "individual",
      name: "李梅",
      tier: "gold",
      aum: 820_000_00,
      creditExposure: 36_000_00,
      contribution: 5_200_00,
    },
    {
      customerId: "CU00001207",
      role: "shareholder",
      share: 0.6,
      kind: "corporate",
      name: "北京建国贸易有限公司",
      aum: 2_400_000_00,
      creditExposure: 5_000_000_00,
      contribution: 64_000_00,
    },
  ],
  aum: 6_370_000_00,
  creditExposure: 6_236_000_00,
  contribution: 87_600_00,
  missing: [],
};

interface Args {
  locale: string;
}

const meta: Meta<Args> = {
  title: "Elements/Relationship group",
  component: "bankcrm-relationship-group",
  args: { locale: "zh-CN" },
  argTypes: { locale: { control: "inline-radio", options: ["zh-CN", "en"] } },
  render: ({ locale }) =>
    html`<bankcrm-relationship-group
      locale=${locale}
      customer-id="CU00000012"
      .summary=${household}
    ></bankcrm-relationship-group>`,
};
export default meta;
type Story = StoryObj<Args>;

/** An SME owner's household with the company the family holds 60% of. */
export const Playground: Story = {};
export const English: Story = { args: { locale: "en" } };
/** A member outside the viewer's book: counted, not shown, not in the totals. */
export const MemberOutsideTheBook: Story = {
  render: () =>
    html`<bankcrm-relationship-group
      .summary=${{ ...household, members: household.members.slice(0, 2), missing: ["CU00001207"] }}
    ></bankcrm-relationship-group>`,
};
export const Masked: Story = {
  render: () => html`<bankcrm-relationship-group masked .summary=${household}></bankcrm-relationship-group>`,
};
export const Loading: Story = { render: () => html`<bankcrm-relationship-group loading></bankcrm-relationship-group>` };
export const NotInAGroup: Story = { render: () => html`<bankcrm-relationship-group></bankcrm-relationship-group>` };
export const DarkTheme: Story = {
  render: () =>
    html`<bankcrm-provider theme="dark" locale="en"
      ><div class="dark-surface">
        <bankcrm-relationship-group .summary=${household}></bankcrm-relationship-group></div
    ></bankcrm-provider>`,
};
