import type { Meta, StoryObj } from "@storybook/web-components-vite";
import { html } from "lit";
import { failingClient } from "../../../test/fixtures/sales.js";
import { knowledgeClient } from "../../../test/fixtures/knowledge.js";
import "./knowledge-search.js";
import "../provider/provider.js";

interface Args {
  locale: string;
  query: string;
  kind: string;
}

type Made = Awaited<ReturnType<typeof knowledgeClient>>;
const clientOf = (loaded: Record<string, unknown>) => (loaded.made as Made).client;

const meta: Meta<Args> = {
  title: "Elements/Knowledge search",
  component: "bankcrm-knowledge-search",
  args: { locale: "zh-CN", query: "提前还款", kind: "" },
  argTypes: {
    locale: { control: "inline-radio", options: ["zh-CN", "en"] },
    kind: { control: "inline-radio", options: ["", "script", "faq", "objection"] },
  },
  loaders: [async () => ({ made: await knowledgeClient() })],
  render: ({ locale, query, kind }, { loaded }) =>
    html`<bankcrm-knowledge-search
      locale=${locale}
      query=${query}
      kind=${kind}
      .client=${clientOf(loaded)}
    ></bankcrm-knowledge-search>`,
};
export default meta;
type Story = StoryObj<Args>;

/** 提前还款 typed: the mortgage FAQ (title) above the card instalment FAQ (body); the draft is not shown. */
export const Playground: Story = {};
/** One character finds what a person means: 贷 in 房贷, 还贷, 经营贷. */
export const OneCharacter: Story = { args: { query: "贷" } };
/** How to answer an objection about returns. */
export const Objections: Story = { args: { query: "收益", kind: "objection" } };
export const English: Story = { args: { locale: "en", query: "mortg" } };
/** Nothing typed yet, on a mortgage call: the product's articles. */
export const ForAProduct: Story = {
  render: (_a, { loaded }) =>
    html`<bankcrm-knowledge-search product-type="mortgage" .client=${clientOf(loaded)}></bankcrm-knowledge-search>`,
};
export const NothingFound: Story = { args: { query: "保险理赔" } };
export const Loading: Story = {
  render: () =>
    html`<bankcrm-knowledge-search
      query="理财"
      .client=${{ ...failingClient, knowledgeArticles: { ...failingClient.leads, list: () => new Promise<never>(() => {}) } }}
    ></bankcrm-knowledge-search>`,
};
export const Error: Story = {
  render: () =>
    html`<bankcrm-knowledge-search
      query="理财"
      .client=${{ ...failingClient, knowledgeArticles: failingClient.leads }}
    ></bankcrm-knowledge-search>`,
};
export const DarkTheme: Story = {
  render: (_a, { loaded }) =>
    html`<bankcrm-provider theme="dark" locale="en" .client=${clientOf(loaded)}
      ><div class="dark-surface">
        <bankcrm-knowledge-search query="理财 风险"></bankcrm-knowledge-search></div
    ></bankcrm-provider>`,
};
