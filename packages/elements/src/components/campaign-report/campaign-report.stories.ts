import type { Meta, StoryObj } from "@storybook/web-components-vite";
import { html } from "lit";
import { assignControlGroup, campaignEffectiveness, type CampaignResponse } from "@bankcrm/core";
import "./campaign-report.js";
import "../provider/provider.js";

interface Args {
  locale: string;
}

/** A demo campaign: 5,000 customers, 10% held out, the treatment converting at `rate`, the control at 3%. */
function demoEffect(rate: number) {
  const ids = Array.from({ length: 5000 }, (_, i) => `CU${String(i).padStart(6, "0")}`);
  const { target, control } = assignControlGroup(ids, { campaignId: "CP-STORY", share: 0.1 });
  const every = Math.round(1 / rate);
  const responses: Pick<CampaignResponse, "customerId" | "channel" | "type">[] = target.map((customerId, i) => ({
    customerId,
    channel: i % 3 === 0 ? "wechat" : i % 3 === 1 ? "sms" : "mobile_app_push",
    type: i % every === 0 ? "converted" : i % 7 === 0 ? "responded" : i % 3 === 0 ? "opened" : "delivered",
  }));
  return campaignEffectiveness(
    { id: "CP-STORY", budget: { amount: 8_000_000, currency: "CNY" } },
    {
      targeted: target,
      responses,
      control: { size: control.length, conversions: Math.round(control.length * 0.03) },
      revenuePerConversion: 150_000,
    },
  );
}

const meta: Meta<Args> = {
  title: "Elements/Campaign report",
  component: "bankcrm-campaign-report",
  args: { locale: "zh-CN" },
  argTypes: { locale: { control: "inline-radio", options: ["zh-CN", "en"] } },
  render: ({ locale }) =>
    html`<bankcrm-campaign-report
      locale=${locale}
      name="大额存单季末营销"
      .effect=${demoEffect(0.06)}
    ></bankcrm-campaign-report>`,
};
export default meta;
type Story = StoryObj<Args>;

/** A real uplift: 6% against the control's 3%. */
export const Playground: Story = {};
export const English: Story = { args: { locale: "en" } };
/** No real difference: 3.2% against 3% — the report says it may be chance. */
export const NotSignificant: Story = {
  render: () =>
    html`<bankcrm-campaign-report name="理财产品推送" .effect=${demoEffect(0.032)}></bankcrm-campaign-report>`,
};
export const Empty: Story = { render: () => html`<bankcrm-campaign-report></bankcrm-campaign-report>` };
export const DarkTheme: Story = {
  render: () =>
    html`<bankcrm-provider theme="dark" locale="en"
      ><div class="dark-surface">
        <bankcrm-campaign-report name="Year-end deposits" .effect=${demoEffect(0.06)}></bankcrm-campaign-report></div
    ></bankcrm-provider>`,
};
