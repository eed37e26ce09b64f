import type { Meta, StoryObj } from "@storybook/web-components-vite";
import { html } from "lit";
import { LEAD_PURPOSES } from "@bankcrm/core/vocabulary";
import { createCrmClient, createHttpStore, createMemoryStore, createOutbox, httpSender } from "@bankcrm/data";
import "./lead-form.js";
import "../provider/provider.js";
import type { BankcrmLeadForm } from "./lead-form.component.js";

const staff = { id: "ST-RM-1", role: "relationship_manager" as const, branchId: "BR-001" };
/** A client on an in-memory store: submitting saves at once. */
const online = createCrmClient({ store: createMemoryStore(), user: staff, onAudit: () => {} });
/** A client whose server cannot be reached: submitting queues the lead in the outbox. */
const offline = async () => {
  const http = createHttpStore({ baseUrl: "http://127.0.0.1:9/", getToken: () => "demo", timeout: 500, retries: 0 });
  const outbox = await createOutbox({ name: "storybook-lead-form", send: httpSender(http) });
  return createCrmClient({ store: http, user: staff, outbox, onAudit: () => {} });
};

interface Args {
  purpose: string;
  audience: "customer" | "staff";
  locale: string;
  disabled: boolean;
}

async function fillAndSubmit(canvas: HTMLElement) {
  const form = canvas.querySelector<BankcrmLeadForm>("bankcrm-lead-form")!;
  await form.updateComplete;
  const set = (id: string, value: string) => {
    const input = form.shadowRoot!.querySelector<HTMLInputElement>(`#${id}`)!;
    input.value = value;
    input.dispatchEvent(new Event("input"));
  };
  set("name", "王小明");
  set("mobile", "13800138000");
  form.shadowRoot!.querySelector<HTMLInputElement>("#consent")!.click();
  await form.submit();
}

const meta: Meta<Args> = {
  title: "Elements/Lead form",
  component: "bankcrm-lead-form",
  args: { purpose: "wealth_consultation", audience: "customer", locale: "zh-CN", disabled: false },
  argTypes: {
    purpose: { control: "select", options: ["", ...LEAD_PURPOSES], description: "Empty: the person chooses" },
    audience: { control: "inline-radio", options: ["customer", "staff"] },
    locale: { control: "inline-radio", options: ["zh-CN", "en"] },
  },
  render: ({ purpose, audience, locale, disabled }) =>
    html`<bankcrm-lead-form
      purpose=${purpose || undefined}
      audience=${audience}
      locale=${locale}
      ?disabled=${disabled}
      consent-version="2026-11"
      .client=${online}
    ></bankcrm-lead-form>`,
};
export default meta;

type Story = StoryObj<Args>;

/** Internet banking: a customer asks about wealth management. */
export const Playground: Story = {};
/** The empty form when the person chooses what it is about. */
export const ChoosePurpose: Story = { args: { purpose: "" } };
/** A relationship manager captures a mortgage lead in the branch (notes allowed). */
export const Staff: Story = { args: { purpose: "mortgage", audience: "staff" } };
export const English: Story = { args: { locale: "en" } };
export const Disabled: Story = { args: { disabled: true } };
/** Submitted empty: every message is tied to its field and focus is on the first. */
export const Invalid: Story = {
  play: async ({ canvasElement }) => {
    await canvasElement.querySelector<BankcrmLeadForm>("bankcrm-lead-form")!.submit();
  },
};
/** Submitted online: saved. */
export const Saved: Story = { play: ({ canvasElement }) => fillAndSubmit(canvasElement) };
/** Submitted while the server cannot be reached: queued in the outbox. */
export const Offline: Story = {
  loaders: [async () => ({ client: await offline() })],
  render: (_args, { loaded }) =>
    html`<bankcrm-lead-form purpose="credit_card" .client=${loaded.client}></bankcrm-lead-form>`,
  play: ({ canvasElement }) => fillAndSubmit(canvasElement),
};
/** No client to send through: the error state keeps what was typed. */
export const Error: Story = {
  render: () => html`<bankcrm-lead-form purpose="credit_card"></bankcrm-lead-form>`,
  play: ({ canvasElement }) => fillAndSubmit(canvasElement),
};
/** Submitting: the button is held until the client answers. */
export const Loading: Story = {
  render: () =>
    html`<bankcrm-lead-form
      purpose="credit_card"
      .client=${{ ...online, leads: { create: () => new Promise<never>(() => {}) } }}
    ></bankcrm-lead-form>`,
  play: ({ canvasElement }) => void fillAndSubmit(canvasElement),
};
export const DarkTheme: Story = {
  render: () =>
    html`<bankcrm-provider theme="dark" locale="en" .client=${online}
      ><div class="dark-surface"><bankcrm-lead-form purpose="mortgage" audience="staff"></bankcrm-lead-form></div
    ></bankcrm-provider>`,
};
