import type { Meta, StoryObj } from "@storybook/web-components-vite";
import { html } from "lit";
import "./kpi-tile.js";
import "../provider/provider.js";

interface Args {
  locale: string;
}

const meta: Meta<Args> = {
  title: "Elements/KPI tile",
  component: "bankcrm-kpi-tile",
  args: { locale: "zh-CN" },
  argTypes: { locale: { control: "inline-radio", options: ["zh-CN", "en"] } },
  render: ({ locale }) =>
    html`<bankcrm-kpi-tile
      locale=${locale}
      label=${locale === "en" ? "Assets under management" : "管理资产 AUM"}
      format="money"
      .value=${12_345_600_000}
      .previous=${11_000_000_000}
    ></bankcrm-kpi-tile>`,
};
export default meta;
type Story = StoryObj<Args>;

/** AUM up on the previous period: for the better. */
export const Playground: Story = {};
export const English: Story = { args: { locale: "en" } };
/** A share that should fall, rising: worth a look (in points). */
export const ChurnRising: Story = {
  render: () =>
    html`<bankcrm-kpi-tile
      label="高流失风险客户占比"
      format="percent"
      good="down"
      .value=${0.125}
      .previous=${0.1}
    ></bankcrm-kpi-tile>`,
};
export const Unchanged: Story = {
  render: () => html`<bankcrm-kpi-tile label="新客户" .value=${240} .previous=${240}></bankcrm-kpi-tile>`,
};
export const NoFigureYet: Story = { render: () => html`<bankcrm-kpi-tile label="预测终身价值"></bankcrm-kpi-tile>` };
export const DarkTheme: Story = {
  render: () =>
    html`<bankcrm-provider theme="dark" locale="en"
      ><div class="dark-surface">
        <bankcrm-kpi-tile label="New customers" .value=${240} .previous=${200}></bankcrm-kpi-tile>
        <bankcrm-kpi-tile label="Overdue cases" good="down" .value=${14} .previous=${9}></bankcrm-kpi-tile></div
    ></bankcrm-provider>`,
};
