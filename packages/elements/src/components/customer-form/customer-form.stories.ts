import type { Meta, StoryObj } from "@storybook/web-components-vite";
import { html } from "lit";
import { NOW, madeOf, salesClient } from "../../../test/fixtures/sales.js";
import "./customer-form.js";
import "../provider/provider.js";

interface Args {
  locale: string;
}

const meta: Meta<Args> = {
  title: "Elements/Customer form",
  component: "bankcrm-customer-form",
  args: { locale: "zh-CN" },
  argTypes: { locale: { control: "inline-radio", options: ["zh-CN", "en"] } },
  loaders: [async () => ({ made: await salesClient({}) })],
  render: ({ locale }, { loaded }) =>
    html`<bankcrm-customer-form
      locale=${locale}
      customer-id=${madeOf(loaded).customers[0]!.id}
      .now=${NOW}
      .client=${madeOf(loaded).client}
    ></bankcrm-customer-form>`,
};
export default meta;
type Story = StoryObj<Args>;

/** Contact details (masked), a risk re-assessment and consents; every change kept with who and when. */
export const Playground: Story = {};
export const English: Story = { args: { locale: "en" } };
/** An invalid mobile: the message at the field. */
export const Invalid: Story = {
  play: async ({ canvasElement }) => {
    const el = canvasElement.querySelector("bankcrm-customer-form")!;
    await new Promise((r) => setTimeout(r, 100));
    el.shadowRoot!.querySelector<HTMLInputElement>('input[name="mobile"]')!.value = "12345";
    el.shadowRoot!.querySelector<HTMLFormElement>('[data-section="contact"]')!.requestSubmit();
  },
};
export const NoClient: Story = { render: () => html`<bankcrm-customer-form></bankcrm-customer-form>` };
export const DarkTheme: Story = {
  render: (_a, { loaded }) =>
    html`<bankcrm-provider theme="dark" locale="en" .client=${madeOf(loaded).client}
      ><div class="dark-surface">
        <bankcrm-customer-form customer-id=${madeOf(loaded).customers[0]!.id}></bankcrm-customer-form></div
    ></bankcrm-provider>`,
};
