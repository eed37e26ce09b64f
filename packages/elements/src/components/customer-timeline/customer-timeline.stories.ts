import type { Meta, StoryObj } from "@storybook/web-components-vite";
import { html } from "lit";
import type { Actor } from "@bankcrm/core";
import { syntheticTimeline } from "../../../test/fixtures/timeline.js";
import "./customer-timeline.js";
import "../provider/provider.js";

const rm: Actor = { id: "ST-RM-1", role: "relationship_manager" };
const teller: Actor = { id: "ST-TL-1", role: "teller" };
const now = new Date().toISOString();

interface Args {
  count: number;
  locale: string;
  role: "relationship_manager" | "teller";
  offline: boolean;
  hasMore: boolean;
}

const meta: Meta<Args> = {
  title: "Elements/Customer timeline",
  component: "bankcrm-customer-timeline",
  args: { count: 200, locale: "zh-CN", role: "relationship_manager", offline: false, hasMore: false },
  argTypes: {
    count: { control: { type: "number", min: 0, max: 10_000, step: 100 }, description: "Entries generated" },
    locale: { control: "inline-radio", options: ["zh-CN", "en"] },
    role: {
      control: "inline-radio",
      options: ["relationship_manager", "teller"],
      description: "Tellers do not see confidential notes",
    },
  },
  render: ({ count, locale, role, offline, hasMore }) =>
    html`<bankcrm-customer-timeline
      .entries=${syntheticTimeline(count, { now })}
      .user=${role === "teller" ? teller : rm}
      locale=${locale}
      ?offline=${offline}
      ?has-more=${hasMore}
    ></bankcrm-customer-timeline>`,
};
export default meta;

type Story = StoryObj<Args>;

export const Playground: Story = {};
/** 10,000 entries, virtualized: only the rows on screen exist in the DOM. */
export const TenThousandEntries: Story = { args: { count: 10_000 } };
export const English: Story = { args: { locale: "en" } };
/** Confidential notes are left out for a teller. */
export const AsTeller: Story = { args: { role: "teller" } };
export const Offline: Story = { args: { offline: true, hasMore: true } };
export const Loading: Story = { render: () => html`<bankcrm-customer-timeline loading></bankcrm-customer-timeline>` };
export const Empty: Story = {
  render: () => html`<bankcrm-customer-timeline .entries=${[]}></bankcrm-customer-timeline>`,
};
export const Error: Story = {
  render: () => html`<bankcrm-customer-timeline error="网络不可用"></bankcrm-customer-timeline>`,
};
export const DarkTheme: Story = {
  render: ({ count }) =>
    html`<bankcrm-provider theme="dark" locale="en" .user=${rm}
      ><div class="dark-surface">
        <bankcrm-customer-timeline .entries=${syntheticTimeline(count, { now })}></bankcrm-customer-timeline></div
    ></bankcrm-provider>`,
};
