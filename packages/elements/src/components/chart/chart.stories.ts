import type { Meta, StoryObj } from "@storybook/web-components-vite";
import { html } from "lit";
import "./chart.js";
import "../provider/provider.js";
import type { ChartType } from "./chart.component.js";

interface Args {
  locale: string;
  type: ChartType;
}

const tiers = (en: boolean) => [
  { label: en ? "Standard" : "普通", value: 182_000_000_000 },
  { label: en ? "Gold" : "金卡", value: 264_000_000_000 },
  { label: en ? "Platinum" : "白金", value: 311_000_000_000 },
  { label: en ? "Diamond" : "钻石", value: 198_000_000_000 },
  { label: en ? "Private banking" : "私人银行", value: 407_000_000_000 },
];
/** A churn-risk spread like a real book's: most low, a tail of high. */
const risks = Array.from({ length: 2000 }, (_, i) => Math.min(0.99, ((i * 7919) % 1000) / 1000) ** 2);

const meta: Meta<Args> = {
  title: "Elements/Chart",
  component: "bankcrm-chart",
  args: { locale: "zh-CN", type: "bar" },
  argTypes: {
    locale: { control: "inline-radio", options: ["zh-CN", "en"] },
    type: { control: "inline-radio", options: ["bar", "line", "donut"] },
  },
  render: ({ locale, type }) =>
    html`<bankcrm-chart
      locale=${locale}
      type=${type}
      format="money"
      label=${locale === "en" ? "AUM by tier" : "各等级客户资产"}
      .data=${tiers(locale === "en")}
    ></bankcrm-chart>`,
};
export default meta;
type Story = StoryObj<Args>;

/** AUM by tier as bars; switch the type to see the same data as a line or a donut. */
export const Playground: Story = {};
export const English: Story = { args: { locale: "en" } };
export const Donut: Story = { args: { type: "donut" } };
/** Branch comparison: the viewer's own branch highlighted (and marked in the table). */
export const BranchComparison: Story = {
  render: () =>
    html`<bankcrm-chart
      label="各网点年度贡献"
      format="money"
      .data=${[
        { label: "陆家嘴支行", value: 8_200_000_00, highlight: true },
        { label: "静安支行", value: 6_900_000_00 },
        { label: "徐汇支行", value: 5_400_000_00 },
        { label: "浦东分行营业部", value: 9_800_000_00 },
      ]}
    ></bankcrm-chart>`,
};
export const Line: Story = {
  render: () =>
    html`<bankcrm-chart
      type="line"
      label="近 12 个月新客户"
      .data=${["12月", "1月", "2月", "3月", "4月", "5月", "6月", "7月", "8月", "9月", "10月", "11月"].map(
        (label, i) => ({
          label,
          value: 180 + ((i * 37) % 90),
        }),
      )}
    ></bankcrm-chart>`,
};
/** Churn risk across 2,000 customers, in ranges of 10 points. */
export const Distribution: Story = {
  render: () =>
    html`<bankcrm-chart
      type="distribution"
      format="percent"
      label="流失风险分布"
      .values=${risks}
      .domain=${[0, 1]}
    ></bankcrm-chart>`,
};
export const Empty: Story = { render: () => html`<bankcrm-chart label="产品渗透率" .data=${[]}></bankcrm-chart>` };
export const DarkTheme: Story = {
  render: () =>
    html`<bankcrm-provider theme="dark" locale="en"
      ><div class="dark-surface">
        <bankcrm-chart type="donut" format="money" label="AUM by tier" .data=${tiers(true)}></bankcrm-chart>
        <bankcrm-chart
          type="distribution"
          format="percent"
          label="Churn risk"
          .values=${risks}
          .domain=${[0, 1]}
        ></bankcrm-chart></div
    ></bankcrm-provider>`,
};
