/**
 * Entity resolution's merges without a server, run against each store that keeps a merge log: memory and IndexedDB
 * on fake-indexeddb (Node), IndexedDB in real Chromium. A merge re-links every record of the absorbed customer and
 * orphans or duplicates none; an unmerge — of one merge, or of any sequence of merges undone latest first — gives
 * back exactly what was there (versions raised); refusals and stale reads write nothing; a pair kept apart never
 * comes back; through the client, only branch managers merge and every change is announced.
 */
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  collectionSpec,
  COLLECTION_NAMES,
  isMergeRefusedError,
  type CollectionName,
  type Customer,
  type IndividualCustomer,
  versionOf,
} from "@bankcrm/core";
import { generateDemoPortfolio } from "@bankcrm/core/demo";
import {
  createCrmClient,
  isConflictError,
  localMerges,
  type ChangeEvent,
  type CrmStore,
  type MergeLog,
} from "../src/index.js";

type Store = CrmStore & { readonly mergeLog: MergeLog };
const p = generateDemoPortfolio({ seed: "merges", customers: 60, months: 3 });
const PRESENT = COLLECTION_NAMES.filter((c) => p[c].length > 0 && c !== "salesTargets");
const AT = new Date("2026-12-01T09:00:00Z");
const people = p.customers.filter((c): c is IndividualCustomer => c.kind === "individual");
const company = p.customers.find((c) => c.kind === "corporate")!;
const inGroup = p.relationshipGroups[0]!.members[0]!.customerId;
/** The same person again, from another system: the same ID, a later onboarding, a mobile one digit off. */
const original = people.find((c) => c.idDocument.type === "resident_id" && c.id !== inGroup)!;
const duplicate: Customer = {
  ...original,
  id: "CU09999999",
  onboardedAt: "2026-11-30",
  contact: { ...original.contact, mobile: original.contact.mobile?.replace(/\d$/, (d) => String((+d + 1) % 10)) },
};

async function filled(make: () => Promise<Store>): Promise<Store> {
  const store = await make();
  for (const c of PRESENT) await store.put(c, p[c]);
  await store.put("customers", [duplicate]);
  return store;
}

/** Every record the store holds, by `collection/id`. */
async function everything(store: CrmStore): Promise<Map<string, Record<string, unknown>>> {
  const all = new Map<string, Record<string, unknown>>();
  for (const collection of PRESENT) {
    let after: string | undefined;
    do {
      const page = await store.records(collection, { limit: 1000, ...(after ? { after } : {}) });
      for (const r of page.items) all.set(`${collection}/${r.id}`, r);
      after = page.next;
    } while (after);
  }
  return all;
}
const withoutVersions = (all: Map<string, Record<string, unknown>>) =>
  new Map([...all].map(([k, { version: _v, ...r }]) => [k, r]));
const customerIdsOf = (collection: CollectionName, r: Record<string, unknown>): string[] =>
  collectionSpec(collection).customerIndex === "members"
    ? (r.members as { customerId: string }[]).map((m) => m.customerId)
    : r.customerId === undefined
      ? []
      : [r.customerId as string];

/** Whether every record names customers that are there, none twice in one group. */
function noneOrphaned(all: Map<string, Record<string, unknown>>) {
  const customers = new Set([...all.keys()].filter((k) => k.startsWith("customers/")).map((k) => k.slice(10)));
  return [...all].every(([key, r]) => {
    const ids = customerIdsOf(key.split("/")[0] as CollectionName, r);
    return ids.every((id) => customers.has(id)) && new Set(ids).size === ids.length;
  });
}

export function mergeSuite(label: string, make: () => Promise<Store>, runs = 15): void {
  describe(`merging customers without a server (${label})`, () => {
    it("re-links every record of the absorbed customer, orphaning none, and an unmerge gives back exactly what was", async () => {
      const store = await filled(make);
      const before = await everything(store);
      const [golden, other] = [p.relationshipGroups[0]!.members[1]!.customerId, inGroup];
      const merges = localMerges(store, "BM0001", { now: () => AT });
      const merged = await merges.merge([other, golden]);
      const after = await everything(store);
      expect(merged.customer.id).toBe(golden);
      expect(after.has(`customers/${other}`)).toBe(false);
      for (const c of PRESENT)
        expect([...after.keys()].filter((k) => k.startsWith(`${c}/`)).length, c).toBe(
          [...before.keys()].filter((k) => k.startsWith(`${c}/`)).length - (c === "customers" ? 1 : 0),
        );
      expect(noneOrphaned(after)).toBe(true);
      const othersBefore = [...before].filter(([k, r]) => customerIdsOf(k.split("/")[0] as never, r).includes(other));
      expect(othersBefore.length).toBeGreaterThan(2);
      for (const [key] of othersBefore)
        expect(customerIdsOf(key.split("/")[0] as never, after.get(key)!)).toContain(golden);
      // The household of the two is one member now.
      const group = after.get(`relationshipGroups/${p.relationshipGroups[0]!.id}`)!;
      expect((group.members as unknown[]).length).toBe(p.relationshipGroups[0]!.members.length - 1);
      expect(await store.holdings(golden)).toHaveLength(
        p.holdings.filter((h) => h.customerId === golden || h.customerId === other).length,
      );
      await merges.undo(merged.mergeId);
      const back = await everything(store);
      expect(withoutVersions(back)).toEqual(withoutVersions(before));
      for (const [key] of othersBefore)
        expect(Number(back.get(key)!.version)).toBeGreaterThan(Number(before.get(key)!.version ?? 0));
      await store.destroy();
    });

    it("any merges, undone latest first, leave the store as it was (property)", async () => {
      const store = await filled(make);
      const before = withoutVersions(await everything(store));
      const merges = localMerges(store, "BM0001", { now: () => AT });
      const ids = people.slice(0, 12).map((c) => c.id);
      await fc.assert(
        fc.asyncProperty(fc.array(fc.tuple(fc.nat(11), fc.nat(11)), { minLength: 1, maxLength: 5 }), async (picks) => {
          const done: number[] = [];
          for (const [i, j] of picks) {
            const [a, b] = [await store.record("customers", ids[i]!), await store.record("customers", ids[j]!)];
            if (!a || !b || a.id === b.id) continue;
            done.push((await merges.merge([a.id, b.id])).mergeId);
          }
          expect(noneOrphaned(await everything(store))).toBe(true);
          for (const id of done.reverse()) await merges.undo(id);
          expect(withoutVersions(await everything(store))).toEqual(before);
        }),
        { numRuns: runs },
      );
      await store.destroy();
    });

    it("refuses what may not be merged or undone, writing nothing; a stale read is a conflict", async () => {
      const store = await filled(make);
      const merges = localMerges(store, "BM0001", { now: () => AT });
      const [a, b, c, d] = people.map((x) => x.id).filter((id) => id !== inGroup && id !== original.id);
      const reason = (promise: Promise<unknown>) =>
        promise.then(
          () => "written",
          (e: unknown) => (isMergeRefusedError(e) ? e.reason : String(e)),
        );
      const before = await everything(store);
      expect(await reason(merges.merge([a!, a!]))).toBe("sameRecord");
      expect(await reason(merges.merge([a!, "CU00000000"]))).toBe("notFound");
      expect(await reason(merges.merge([a!, company.id]))).toBe("differentKinds");
      await merges.keepApart([b!, a!]);
      expect(await reason(merges.merge([a!, b!]))).toBe("keptApart");
      expect(await everything(store)).toEqual(before);
      const first = await merges.merge([a!, c!]);
      const second = await merges.merge([first.customer.id, d!]);
      expect(await reason(merges.undo(first.mergeId))).toBe("notLatest");
      await merges.undo(second.mergeId);
      expect(await reason(merges.undo(second.mergeId))).toBe("alreadyUnmerged");
      // Another write lands between the merge's reads and its commit: nothing of the merge is written.
      const snapshot = await everything(store);
      const holding = p.holdings.find((h) => h.customerId === original.id)!;
      const racing: Store = {
        ...store,
        mergeLog: {
          ...store.mergeLog,
          async commit(change) {
            const current = (await store.record("holdings", holding.id))!;
            await store.put("holdings", [{ ...current, version: versionOf(current) + 1 } as typeof current]);
            return store.mergeLog.commit(change);
          },
        },
      };
      const error = await localMerges(racing, "BM0001")
        .merge([original.id, b!])
        .catch((e: unknown) => e);
      expect(isConflictError(error)).toBe(true);
      const now = await everything(store);
      expect(now.get(`holdings/${holding.id}`)!.version).toBe(
        Number(snapshot.get(`holdings/${holding.id}`)!.version ?? 0) + 1,
      );
      now.delete(`holdings/${holding.id}`);
      snapshot.delete(`holdings/${holding.id}`);
      expect(now).toEqual(snapshot);
      await store.destroy();
    });

    it("through the client: branch managers only; the review finds the duplicate, a pair kept apart never again; changes announced", async () => {
      const store = await filled(make);
      const manager = createCrmClient({
        store,
        user: { id: "BM0001", role: "branch_manager" },
        onAudit: () => undefined,
        now: () => AT,
      });
      const rm = createCrmClient({
        store,
        user: { id: "RM0001", role: "relationship_manager" },
        onAudit: () => undefined,
      });
      await expect(rm.resolution!.mergeCustomers([original.id, duplicate.id])).rejects.toMatchObject({
        code: "access_denied",
      });
      const review = await manager.resolution!.resolutionReview();
      const pair = review.items.find((i) => i.ids.includes(duplicate.id));
      expect(pair).toMatchObject({ decision: "merge", rule: "residentId" });
      expect(pair!.ids).toContain(original.id);
      expect(JSON.stringify(review)).not.toContain(original.idDocument.number);
      const events: ChangeEvent[] = [];
      manager.on("change", (e) => events.push(e));
      const merged = await manager.resolution!.mergeCustomers([duplicate.id, original.id]);
      expect(merged.customer.id).toBe(original.id);
      expect((merged.customer as IndividualCustomer).idDocument).not.toEqual(original.idDocument); // masked
      expect(events).toContainEqual(
        expect.objectContaining({ collection: "customers", ids: [duplicate.id], action: "removed" }),
      );
      expect(events).toContainEqual(
        expect.objectContaining({ collection: "customers", ids: [original.id], action: "updated" }),
      );
      await manager.resolution!.undoMerge(merged.mergeId);
      expect(events.at(-1)).toBeDefined();
      await manager.resolution!.keepCustomersApart([original.id, duplicate.id]);
      const again = await manager.resolution!.resolutionReview();
      expect(again.items.some((i) => i.ids.includes(duplicate.id) && i.ids.includes(original.id))).toBe(false);
      await store.destroy();
    });
  });
}
