/**
 * The custom-elements manifest (what Storybook's docs pages and IDEs read) names
 * every element, its attributes and its events — no nameless entries — and the
 * package points to it. Needs the elements built (`pnpm test` builds first).
 */
import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";

const dir = fileURLToPath(new URL("../../packages/elements/", import.meta.url));

interface Declaration {
  tagName?: string;
  events?: { name?: string }[];
  attributes?: { name: string }[];
  cssParts?: { name: string }[];
}

describe("custom-elements manifest", () => {
  const pkg = JSON.parse(readFileSync(`${dir}package.json`, "utf8")) as { customElements: string };
  const manifest = JSON.parse(readFileSync(`${dir}${pkg.customElements}`, "utf8")) as {
    modules: { declarations?: Declaration[] }[];
  };
  const elements = manifest.modules.flatMap((m) => m.declarations ?? []).filter((d) => d.tagName);

  it("lists the twenty-two elements with named events, attributes and parts", () => {
    expect(elements.map((e) => e.tagName).sort()).toEqual([
      "bankcrm-activity-form",
      "bankcrm-campaign-report",
      "bankcrm-case-form",
      "bankcrm-case-queue",
      "bankcrm-chart",
      "bankcrm-customer-card",
      "bankcrm-customer-form",
      "bankcrm-customer-timeline",
      "bankcrm-knowledge-search",
      "bankcrm-kpi-tile",
      "bankcrm-lead-form",
      "bankcrm-lead-queue",
      "bankcrm-match-review",
      "bankcrm-offer-list",
      "bankcrm-pipeline",
      "bankcrm-provider",
      "bankcrm-relationship-group",
      "bankcrm-satisfaction-survey",
      "bankcrm-segment-builder",
      "bankcrm-target-progress",
      "bankcrm-task-list",
      "bankcrm-tier-badge",
      "bankcrm-value-badge",
      "bankcrm-value-breakdown",
    ]);
    const pipeline = elements.find((e) => e.tagName === "bankcrm-pipeline")!;
    expect(pipeline.events!.map((e) => e.name)).toEqual([
      "bankcrm-opportunity-move",
      "bankcrm-opportunity-moved",
      "bankcrm-opportunity-move-error",
    ]);
    expect(pipeline.attributes!.map((a) => a.name)).toContain("owner-id");
    for (const e of elements) for (const event of e.events ?? []) expect(event.name, e.tagName).toMatch(/^bankcrm-/);
    const form = elements.find((e) => e.tagName === "bankcrm-lead-form")!;
    expect(form.events!.map((e) => e.name)).toEqual([
      "bankcrm-lead-submit",
      "bankcrm-lead-saved",
      "bankcrm-lead-error",
    ]);
    expect(form.attributes!.map((a) => a.name)).toContain("consent-version");
    const timeline = elements.find((e) => e.tagName === "bankcrm-customer-timeline")!;
    expect(timeline.cssParts!.map((p) => p.name)).toContain("feed");
  });
});
