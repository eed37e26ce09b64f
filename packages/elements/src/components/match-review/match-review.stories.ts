import type { Meta, StoryObj } from "@storybook/web-components-vite";
import { html } from "lit";
import "./match-review.js";
import { pair, records } from "./match-review.sample.js";
import "../provider/provider.js";

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
