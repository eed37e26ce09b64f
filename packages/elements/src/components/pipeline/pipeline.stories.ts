import type { Meta, StoryObj } from "@storybook/web-components-vite";
import { html } from "lit";
import {
  NOW,
  RM,
  STAFF,
  demoRecords,
  failingClient,
  manyOpportunities,
  salesClient,
  madeOf,
} from "../../../test/fixtures/sales.js";
import "./pipeline.js";
import "../provider/provider.js";

interface Args {
  locale: string;
}

const meta: Meta<Args> = {
  title: "Elements/Pipeline",
  component: "bankcrm-pipeline",
  args: { locale: "zh-CN" },
  argTypes: { locale: { control: "inline-radio", options: ["zh-CN", "en"] } },
  loaders: [async () => ({ made: await salesClient(demoRecords()) })],
  render: ({ locale }, { loaded }) =>
    html`<bankcrm-pipeline
      locale=${locale}
      owner-id=${RM.id}
      .now=${NOW}
      .client=${madeOf(loaded).client}
    ></bankcrm-pipeline>`,
};
export default meta;
type Story = StoryObj<Args>;

/** A relationship manager's own pipeline: ←/→ moves a card, Enter opens the stage dialog (won asks the amount). */
export const Playground: Story = {};
export const English: Story = { args: { locale: "en" } };
/** A branch manager's team: every owner, names on the cards. */
export const Team: Story = {
  render: () =>
    html`<bankcrm-pipeline
      .now=${NOW}
      .names=${Object.fromEntries(STAFF.map((s) => [s.id, s.name]))}
      .opportunities=${manyOpportunities(
        40,
        STAFF.map((s) => s.id),
      )}
    ></bankcrm-pipeline>`,
};
/** 2,000 opportunities (the bench's size). */
export const TwoThousand: Story = {
  render: () => html`<bankcrm-pipeline .now=${NOW} .opportunities=${manyOpportunities(2000)}></bankcrm-pipeline>`,
};
/** Every write refused: a moved card goes back and the board says why. */
export const Refused: Story = {
  render: () =>
    html`<bankcrm-pipeline
      .now=${NOW}
      .client=${failingClient}
      .opportunities=${demoRecords().opportunities}
    ></bankcrm-pipeline>`,
};
export const Empty: Story = { render: () => html`<bankcrm-pipeline .opportunities=${[]}></bankcrm-pipeline>` };
export const Loading: Story = {
  render: () =>
    html`<bankcrm-pipeline
      .client=${{ ...failingClient, opportunities: { ...failingClient.opportunities, list: () => new Promise<never>(() => {}) } }}
    ></bankcrm-pipeline>`,
};
export const Error: Story = { render: () => html`<bankcrm-pipeline .client=${failingClient}></bankcrm-pipeline>` };
export const DarkTheme: Story = {
  render: (_a, { loaded }) =>
    html`<bankcrm-provider theme="dark" locale="en" .client=${madeOf(loaded).client}
      ><div class="dark-surface"><bankcrm-pipeline owner-id=${RM.id} .now=${NOW}></bankcrm-pipeline></div
    ></bankcrm-provider>`,
};
