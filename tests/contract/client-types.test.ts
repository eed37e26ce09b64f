/**
 * The elements take a client by the shapes core defines (ElementClient), not by
 * @bankcrm/data's types — so they must never drift apart. `pnpm typecheck`
 * compiles this file: a CrmClient that stops satisfying ElementClient fails it.
 */
import { describe, expect, expectTypeOf, it } from "vitest";
import { type Lead, type Page, type TimelineEntry, type WriteStatus } from "@bankcrm/core";
import { generateDemoPortfolio } from "@bankcrm/core/demo";
import { createCrmClient, createMemoryStore, type CrmClient, type WriteResult } from "@bankcrm/data";
import type { ElementClient, LeadWriteStatus, TimelineItem, TimelinePage } from "@bankcrm/elements";

describe("the client types the elements use", () => {
  it("are core's, and a CrmClient satisfies ElementClient", async () => {
    expectTypeOf<CrmClient>().toExtend<ElementClient>();
    expectTypeOf<TimelineItem>().toEqualTypeOf<TimelineEntry>();
    expectTypeOf<TimelinePage>().toEqualTypeOf<Page<TimelineEntry>>();
    expectTypeOf<LeadWriteStatus>().toEqualTypeOf<WriteStatus>();
    expectTypeOf<WriteResult<Lead>["status"]>().toEqualTypeOf<WriteStatus>();

    // And at run time: an element given a real client gets core's shapes back.
    const p = generateDemoPortfolio({ seed: "client-types", customers: 30, months: 1 });
    const store = createMemoryStore();
    await store.put("customers", p.customers);
    await store.put("interactions", p.interactions);
    const element: ElementClient = createCrmClient({
      store,
      user: { id: "ST-1", role: "relationship_manager" },
      onAudit: () => {},
    });
    const customerId = p.interactions[0]!.customerId;
    const page = await element.timeline!(customerId, { limit: 5 });
    expect(page.items.length).toBeGreaterThan(0);
    expect(page.items.every((item) => item.customerId === customerId)).toBe(true);
  });
});
