import type { Meta, StoryObj } from "@storybook/web-components-vite";
import { html } from "lit";
import { madeOf, salesClient, serviceCase } from "../../../test/fixtures/sales.js";
import "./satisfaction-survey.js";
import "../provider/provider.js";

interface Args {
  locale: string;
}
const resolved = serviceCase("S-1", {
  status: "resolved",
  resolvedAt: "2026-11-29T02:00:00Z",
  resolution: "已退还年费",
});
const rated = serviceCase("S-2", { status: "closed", resolvedAt: "2026-11-20T02:00:00Z", satisfaction: 5 });

const meta: Meta<Args> = {
  title: "Elements/Satisfaction survey",
  component: "bankcrm-satisfaction-survey",
  args: { locale: "zh-CN" },
  argTypes: { locale: { control: "inline-radio", options: ["zh-CN", "en"] } },
  loaders: [async () => ({ made: await salesClient({ serviceCases: [resolved, rated, serviceCase("S-3")] }) })],
  render: ({ locale }, { loaded }) =>
    html`<bankcrm-satisfaction-survey
      locale=${locale}
      case-id="S-1"
      .client=${madeOf(loaded).client}
      .summaryOf=${[resolved, rated]}
    ></bankcrm-satisfaction-survey>`,
};
export default meta;
type Story = StoryObj<Args>;

/** A resolved case waiting for its rating, with the branch's CSAT beneath. */
export const Playground: Story = {};
export const English: Story = { args: { locale: "en" } };
export const AlreadyRated: Story = {
  render: (_a, { loaded }) =>
    html`<bankcrm-satisfaction-survey case-id="S-2" .client=${madeOf(loaded).client}></bankcrm-satisfaction-survey>`,
};
export const NotResolvedYet: Story = {
  render: (_a, { loaded }) =>
    html`<bankcrm-satisfaction-survey case-id="S-3" .client=${madeOf(loaded).client}></bankcrm-satisfaction-survey>`,
};
export const NoClient: Story = { render: () => html`<bankcrm-satisfaction-survey></bankcrm-satisfaction-survey>` };
export const DarkTheme: Story = {
  render: (_a, { loaded }) =>
    html`<bankcrm-provider theme="dark" locale="en" .client=${madeOf(loaded).client}
      ><div class="dark-surface"><bankcrm-satisfaction-survey case-id="S-1"></bankcrm-satisfaction-survey></div
    ></bankcrm-provider>`,
};
