import type { Meta, StoryObj } from "@storybook/web-components-vite";
import { html } from "lit";
import { RM, failingClient, madeOf, salesClient, serviceCase } from "../../../test/fixtures/sales.js";
import "./case-form.js";
import "../provider/provider.js";

interface Args {
  locale: string;
}
const agent = { ...RM, id: "ST-SA-1", role: "service_agent" as const };
/** 13 February 2026: the Spring Festival (15–23 February) is inside every time limit. */
const BEFORE_SPRING_FESTIVAL = new Date("2026-02-13T02:00:00Z");

const meta: Meta<Args> = {
  title: "Elements/Case form",
  component: "bankcrm-case-form",
  args: { locale: "zh-CN" },
  argTypes: { locale: { control: "inline-radio", options: ["zh-CN", "en"] } },
  loaders: [async () => ({ made: await salesClient({}, agent) })],
  render: ({ locale }, { loaded }) =>
    html`<bankcrm-case-form
      locale=${locale}
      customer-id=${madeOf(loaded).customers[0]!.id}
      .now=${BEFORE_SPRING_FESTIVAL}
      .client=${madeOf(loaded).client}
    ></bankcrm-case-form>`,
};
export default meta;
type Story = StoryObj<Args>;

/** A complaint opened before the Spring Festival: its limit counts the make-up Saturdays, not the nine days off. */
export const Playground: Story = {};
export const English: Story = { args: { locale: "en" } };
/** The customer already has an open card complaint: the form says so when "card" is chosen. */
export const SameKindOpen: Story = {
  loaders: [
    async () => ({
      made: await salesClient(
        { serviceCases: [serviceCase("OPEN-1", { category: "card", subject: "年费争议" })] },
        agent,
      ),
    }),
  ],
};
export const Error: Story = {
  render: () => html`<bankcrm-case-form customer-id="CU-1" .client=${failingClient}></bankcrm-case-form>`,
};
export const NoClient: Story = { render: () => html`<bankcrm-case-form></bankcrm-case-form>` };
export const DarkTheme: Story = {
  render: (_a, { loaded }) =>
    html`<bankcrm-provider theme="dark" locale="en" .client=${madeOf(loaded).client}
      ><div class="dark-surface">
        <bankcrm-case-form customer-id=${madeOf(loaded).customers[0]!.id}></bankcrm-case-form></div
    ></bankcrm-provider>`,
};
