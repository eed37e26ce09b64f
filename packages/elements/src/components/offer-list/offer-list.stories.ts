import type { Meta, StoryObj } from "@storybook/web-components-vite";
import { html } from "lit";
import { NOW, failingClient } from "../../../test/fixtures/sales.js";
import { OFFER_CATALOG, OFFER_RULES, offerClient } from "../../../test/fixtures/offers.js";
import "./offer-list.js";
import "../provider/provider.js";

interface Args {
  locale: string;
  limit: number;
}

type Made = Awaited<ReturnType<typeof offerClient>>;
const madeOf = (loaded: Record<string, unknown>) => loaded.made as Made;

const meta: Meta<Args> = {
  title: "Elements/Offer list",
  component: "bankcrm-offer-list",
  args: { locale: "zh-CN", limit: 3 },
  argTypes: {
    locale: { control: "inline-radio", options: ["zh-CN", "en"] },
    limit: { control: { type: "number", min: 1, max: 10 } },
  },
  loaders: [async () => ({ made: await offerClient() })],
  render: ({ locale, limit }, { loaded }) =>
    html`<bankcrm-offer-list
      locale=${locale}
      limit=${limit}
      .now=${NOW}
      .catalog=${OFFER_CATALOG}
      .rules=${OFFER_RULES}
      .client=${madeOf(loaded).client}
      customer-id=${madeOf(loaded).customer.id}
    ></bankcrm-offer-list>`,
};
export default meta;
type Story = StoryObj<Args>;

/** A balanced (C3) customer with a current account and a time deposit: wealth products first, then funds. */
export const Playground: Story = {};
export const English: Story = { args: { locale: "en" } };
/** Five offers: the funds above the customer's tolerance are left out, and say so. */
export const FiveOffers: Story = { args: { limit: 5 } };
/** No consent to recommendations from their data: the bank's general list, said so. */
export const GeneralList: Story = { loaders: [async () => ({ made: await offerClient({ profiling: false }) })] };
/** No marketing consent: nothing is offered. */
export const NoConsent: Story = { loaders: [async () => ({ made: await offerClient({ marketing: false }) })] };
export const Loading: Story = {
  render: () =>
    html`<bankcrm-offer-list
      customer-id="CU-1"
      .client=${{ ...failingClient, customers: { ...failingClient.customers, get: () => new Promise<never>(() => {}) } }}
    ></bankcrm-offer-list>`,
};
export const Error: Story = {
  render: () =>
    html`<bankcrm-offer-list
      customer-id="CU-1"
      .client=${{ ...failingClient, customers: { ...failingClient.customers, get: () => Promise.reject(new globalThis.Error("503")) } }}
    ></bankcrm-offer-list>`,
};
export const DarkTheme: Story = {
  render: (_a, { loaded }) =>
    html`<bankcrm-provider theme="dark" locale="en" .client=${madeOf(loaded).client}
      ><div class="dark-surface">
        <bankcrm-offer-list
          .now=${NOW}
          .catalog=${OFFER_CATALOG}
          .rules=${OFFER_RULES}
          customer-id=${madeOf(loaded).customer.id}
        ></bankcrm-offer-list></div
    ></bankcrm-provider>`,
};
