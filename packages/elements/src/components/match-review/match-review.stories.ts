import type { Meta, StoryObj } from "@storybook/web-components-vite";
import { html } from "lit";
import type { Customer } from "@bankcrm/core";
import { generateDemoCustomers } from "@bankcrm/core/demo";
import "./match-review.js";
import "../provider/provider.js";
import type { MatchPair } from "./match-review.component.js";

const person = generateDemoCustomers({ seed: "match-review", count: 10 }).find((c) => c.kind === "individual")!;
const records: [Customer, Customer] = [
  { ...person, contact: { ...person.contact, mobile: "138****8000" } },
  { ...person, id: "WEALTH-1", name: "王建國", contact: { ...person.contact, mobile: "139****0000" } },
];
const pair: MatchPair = {
  ids: [person.id, "WEALTH-1"],
  probability: 0.9999,
  weight: 30.5,
  evidence: [
    { comparison: "surname", level: "exact", weight: 3.2 },
    { comparison: "given", level: "pinyin", weight: 7.6 },
    { comparison: "birthDate", level: "exact", weight: 13 },
    { comparison: "idNumber", level: "missing", weight: 0 },
    { comparison: "mobile", level: "different", weight: -1.9 },
    { comparison: "address", level: "same", weight: 4 },
  ],
};

const meta: Meta = {
  title: "Elements/Match review",
  component: "bankcrm-match-review",
  parameters: {
    docs: {
      description: {
        component:
          "Two customer records that may be one person, side by side, with the evidence per field; the host sends the decision (`bankcrm-match-decision`).",
      },
    },
  },
};
export default meta;
type Story = StoryObj;

export const Playground: Story = {
  render: () => html`<bankcrm-match-review .pair=${pair} .records=${records}></bankcrm-match-review>`,
};
export const EvidenceOnly: Story = {
  render: () => html`<bankcrm-match-review .pair=${{ ...pair, rule: "residentId" }}></bankcrm-match-review>`,
};
export const Loading: Story = { render: () => html`<bankcrm-match-review loading></bankcrm-match-review>` };
export const NothingToReview: Story = { render: () => html`<bankcrm-match-review></bankcrm-match-review>` };
export const Offline: Story = {
  render: () => html`<bankcrm-match-review offline .pair=${pair} .records=${records}></bankcrm-match-review>`,
};
export const Failed: Story = {
  render: () => html`<bankcrm-match-review error="The review could not be read"></bankcrm-match-review>`,
};
export const EnglishDark: Story = {
  render: () =>
    html`<bankcrm-provider locale="en" theme="dark"
      ><bankcrm-match-review .pair=${pair} .records=${records}></bankcrm-match-review
    ></bankcrm-provider>`,
};
