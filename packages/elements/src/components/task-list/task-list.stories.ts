import type { Meta, StoryObj } from "@storybook/web-components-vite";
import { html } from "lit";
import { NOW, demoRecords, failingClient, salesClient, madeOf } from "../../../test/fixtures/sales.js";
import "./task-list.js";
import "../provider/provider.js";

interface Args {
  locale: string;
  noCreate: boolean;
}
const withClient = [async () => ({ made: await salesClient(demoRecords()) })];

const meta: Meta<Args> = {
  title: "Elements/Task list",
  component: "bankcrm-task-list",
  args: { locale: "zh-CN", noCreate: false },
  argTypes: { locale: { control: "inline-radio", options: ["zh-CN", "en"] } },
  loaders: withClient,
  render: ({ locale, noCreate }, { loaded }) =>
    html`<bankcrm-task-list
      locale=${locale}
      ?no-create=${noCreate}
      .now=${NOW}
      .client=${madeOf(loaded).client}
      .careEvents=${[{ customerId: madeOf(loaded).customers[2]!.id, reason: "depositMaturity", dueOn: "2026-12-08" }]}
    ></bankcrm-task-list>`,
};
export default meta;
type Story = StoryObj<Args>;

/** A relationship manager's morning: one overdue, one today (a care task), one upcoming, a care suggestion. */
export const Playground: Story = {};
export const English: Story = { args: { locale: "en" } };
export const WithoutCreate: Story = { args: { noCreate: true } };
export const Empty: Story = {
  loaders: [async () => ({ made: await salesClient({}) })],
  render: (_a, { loaded }) =>
    html`<bankcrm-task-list .now=${NOW} .client=${madeOf(loaded).client}></bankcrm-task-list>`,
};
export const Loading: Story = {
  render: () =>
    html`<bankcrm-task-list
      .client=${{ ...failingClient, tasks: { ...failingClient.tasks, list: () => new Promise<never>(() => {}) } }}
    ></bankcrm-task-list>`,
};
export const Error: Story = { render: () => html`<bankcrm-task-list .client=${failingClient}></bankcrm-task-list>` };
export const NoClient: Story = { render: () => html`<bankcrm-task-list></bankcrm-task-list>` };
export const DarkTheme: Story = {
  render: (_a, { loaded }) =>
    html`<bankcrm-provider theme="dark" locale="en" .client=${madeOf(loaded).client}
      ><div class="dark-surface"><bankcrm-task-list .now=${NOW}></bankcrm-task-list></div
    ></bankcrm-provider>`,
};
