import type { Meta, StoryObj } from "@storybook/web-components-vite";
import { html } from "lit";
import { salesPerformance } from "@bankcrm/core";
import { generateDemoPortfolio } from "@bankcrm/core/demo";
import "./target-progress.js";
import "../provider/provider.js";

interface Args {
  locale: string;
}

/** A demo bank's quarter: its targets (each branch's, allocated to its RMs), achievement from its customers' holdings. */
const bank = generateDemoPortfolio({ seed: "storybook-targets", customers: 600, months: 3, detail: "holdings" });
const targets = generateDemoPortfolio({ seed: "storybook-targets", customers: 0, asOf: bank.asOf }).salesTargets;
const { achievements } = salesPerformance({
  targets: targets.filter((t) => t.staffId),
  customers: bank.customers,
  holdings: bank.holdings,
  asOf: bank.asOf,
});
const firstRm = bank.staff.find((s) => s.role === "relationship_manager")!;
const names = Object.fromEntries(bank.staff.map((s) => [s.id, s.name]));
const team = achievements.filter((a) =>
  bank.staff.some((s) => "staffId" in a.owner && s.id === a.owner.staffId && s.branchId === firstRm.branchId),
);
const mine = achievements.filter((a) => "staffId" in a.owner && a.owner.staffId === firstRm.id);

const meta: Meta<Args> = {
  title: "Elements/Target progress",
  component: "bankcrm-target-progress",
  args: { locale: "zh-CN" },
  argTypes: { locale: { control: "inline-radio", options: ["zh-CN", "en"] } },
  render: ({ locale }) =>
    html`<bankcrm-target-progress locale=${locale} .achievements=${mine}></bankcrm-target-progress>`,
};
export default meta;
type Story = StoryObj<Args>;

/** A relationship manager's quarter with pace. */
export const Playground: Story = {};
export const English: Story = { args: { locale: "en" } };
/** A branch manager's team, ranked. */
export const Team: Story = {
  render: ({ locale }) =>
    html`<bankcrm-target-progress
      mode="team"
      locale=${locale}
      .achievements=${team}
      .names=${names}
    ></bankcrm-target-progress>`,
};
export const Empty: Story = { render: () => html`<bankcrm-target-progress></bankcrm-target-progress>` };
export const DarkTheme: Story = {
  render: () =>
    html`<bankcrm-provider theme="dark" locale="en"
      ><div class="dark-surface"><bankcrm-target-progress .achievements=${mine}></bankcrm-target-progress></div
    ></bankcrm-provider>`,
};
