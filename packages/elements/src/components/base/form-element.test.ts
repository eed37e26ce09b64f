/**
 * The form layer: every form element that writes a new record is a field of a
 * host page's own `<form>` (form association) — its value under its `name` is
 * the record as JSON, the host form does not submit while it is invalid and
 * reports at its first invalid control, and the host's reset and disabled
 * fieldset reach it. Run for the activity, case and lead forms alike.
 */
import { expect, fixture, fixtureCleanup, html } from "@open-wc/testing";
import { afterEach, describe, it } from "vitest";
import { userEvent } from "vitest/browser";
import { NOW, salesClient } from "../../../test/fixtures/sales.js";
import "../activity-form/activity-form.js";
import "../case-form/case-form.js";
import "../lead-form/lead-form.js";
import type { BankcrmFormElement } from "./form-element.js";

const settle = async (el: { updateComplete: Promise<unknown> }) => {
  for (let i = 0; i < 5; i++) {
    await new Promise((r) => setTimeout(r, 20));
    await el.updateComplete;
  }
};
const control = (el: Element, selector: string) => el.shadowRoot!.querySelector<HTMLInputElement>(selector)!;

/** Each form element, how to make its record valid by keyboard, and what the record then holds. */
const FORMS = [
  {
    tag: "activity",
    make: (customerId: string, client: unknown) =>
      html`<bankcrm-activity-form
        name="contact"
        customer-id=${customerId}
        .client=${client}
        .now=${NOW}
      ></bankcrm-activity-form>`,
    fill: async (el: Element) => {
      control(el, '[name="summary"]').focus();
      await userEvent.keyboard("客户咨询大额存单利率");
    },
    firstInvalid: "summary",
    record: { summary: "客户咨询大额存单利率", channel: "phone" },
  },
  {
    tag: "case",
    make: (customerId: string, client: unknown) =>
      html`<bankcrm-case-form
        name="contact"
        customer-id=${customerId}
        .client=${client}
        .now=${NOW}
      ></bankcrm-case-form>`,
    fill: async (el: Element) => {
      control(el, '[name="subject"]').focus();
      await userEvent.keyboard("信用卡年费争议");
    },
    firstInvalid: "subject",
    record: { subject: "信用卡年费争议", type: "complaint", status: "open" },
  },
  {
    tag: "lead",
    make: (customerId: string, client: unknown) =>
      html`<bankcrm-lead-form
        name="contact"
        purpose="wealth_consultation"
        audience="staff"
        customer-id=${customerId}
        .client=${client}
      ></bankcrm-lead-form>`,
    fill: async (el: Element) => {
      control(el, "#name").focus();
      await userEvent.keyboard("张伟");
      control(el, "#mobile").focus();
      await userEvent.keyboard("13812345678");
      control(el, "#consent").focus();
      await userEvent.keyboard(" ");
    },
    firstInvalid: "name",
    record: { name: "张伟", purpose: "wealth_consultation" },
  },
] as const;

describe("form elements in a host form", () => {
  afterEach(() => fixtureCleanup());

  for (const form of FORMS) {
    it(`<bankcrm-${form.tag}-form> is a field: its record is the value, invalid blocks the submit, reset and disabled reach it`, async () => {
      const { client, customers } = await salesClient({});
      const customerId = customers[0]!.id;
      const host = await fixture<HTMLFormElement>(
        html`<form>
          <fieldset>${form.make(customerId, client)}</fieldset>
          <button>提交</button>
        </form>`,
      );
      const el = host.querySelector<BankcrmFormElement>("[name=contact]")!;
      await settle(el);
      expect(el.form).to.equal(host);
      expect(el.shadowRoot!.querySelector('[part="submit"], button[type="submit"]')).to.equal(null);

      let submitted = 0;
      host.addEventListener("submit", (e) => {
        e.preventDefault();
        submitted++;
      });
      host.requestSubmit();
      expect(submitted).to.equal(0);
      expect(el.checkValidity()).to.equal(false);
      expect(el.validationMessage.length).to.be.greaterThan(0);
      expect(new FormData(host).get("contact")).to.equal(null);
      host.reportValidity();
      await settle(el);
      expect(el.shadowRoot!.activeElement?.id || el.shadowRoot!.activeElement?.getAttribute("name")).to.equal(
        form.firstInvalid,
      );

      await form.fill(el);
      await settle(el);
      expect(el.checkValidity(), el.validationMessage).to.equal(true);
      const record = JSON.parse(new FormData(host).get("contact") as string) as Record<string, unknown>;
      expect(record).to.include({ customerId, ...form.record });
      host.requestSubmit();
      expect(submitted).to.equal(1);

      host.querySelector("fieldset")!.disabled = true;
      await settle(el);
      expect(el.matches(":disabled")).to.equal(true);
      expect(el.shadowRoot!.querySelector<HTMLInputElement>("input, textarea")!.matches(":disabled")).to.equal(true);
      host.querySelector("fieldset")!.disabled = false;
      await settle(el);
      expect(el.shadowRoot!.querySelector<HTMLInputElement>("input, textarea")!.matches(":disabled")).to.equal(false);

      host.reset();
      await settle(el);
      expect(el.checkValidity()).to.equal(false);
      expect(new FormData(host).get("contact")).to.equal(null);
    });
  }
});
