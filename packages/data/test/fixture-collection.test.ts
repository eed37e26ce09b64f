/**
 * A collection from a table entry alone: this file adds one entry — a fixture
 * "visit notes" collection with a schema and a state machine — to core's
 * collection table (collections/entries.ts) and nothing else, then uses it
 * through the memory store, the IndexedDB store (fake-indexeddb; its database
 * upgrades to hold the new store), the client's accessor and the reference
 * server's routes over the HTTP store. Everything those read about a collection
 * must follow from the table: a list kept anywhere else would miss the fixture.
 */
import "fake-indexeddb/auto";
import { describe, expect, it, vi } from "vitest";
import {
  COLLECTION_NAMES,
  WRITABLE_COLLECTIONS,
  MACHINE_COLLECTIONS,
  isCollectionName,
  isValidationError,
  type Actor,
  type CollectionName,
} from "@bankcrm/core";
import { generateDemoPortfolio } from "@bankcrm/core/demo";
import {
  createCrmClient,
  createHttpStore,
  createIndexedDbStore,
  createMemoryStore,
  SCHEMA_VERSION,
  type CrmStore,
} from "../src/index.js";
import { fill } from "./support/fill.js";
import { useReferenceServer } from "./support/reference-server.js";

/** The fixture's storage version: past the table's newest, so an existing database upgrades to it. */
const { FIXTURE_SINCE } = vi.hoisted(() => ({ FIXTURE_SINCE: 100 }));

vi.mock("../../core/src/collections/entries.ts", async (importOriginal) => {
  const original = await importOriginal<typeof import("../../core/src/collections/entries.js")>();
  const { C1, C2, defineRecord } = await import("../../core/src/privacy/sensitivity.js");
  const { rejectC3 } = await import("../../core/src/privacy/c3.js");
  const { IdSchema, IsoDateTimeSchema, text } = await import("../../core/src/schemas/common.js");
  const meta = await import("../../core/src/schemas/write-metadata.js");
  const { defineMachine } = await import("../../core/src/machines/state-machine.js");
  const { TaskStatusSchema } = await import("../../core/src/schemas/enums.js");
  const { TASK_STATUSES } = await import("../../core/src/vocabulary.js");
  const schema = rejectC3(
    defineRecord(
      "VisitNote",
      {
        id: IdSchema,
        customerId: IdSchema,
        at: IsoDateTimeSchema,
        note: text(500),
        status: TaskStatusSchema,
        createdBy: IdSchema.optional(),
        ...meta.writeMetadataFields,
        ...meta.historyFields,
      },
      {
        id: C1,
        customerId: C1,
        at: C1,
        note: C2,
        status: C1,
        createdBy: C1,
        ...meta.writeMetadataClasses,
        ...meta.historyClasses,
      },
    ),
  );
  type VisitNote = ReturnType<typeof schema.parse>;
  const machine = defineMachine<VisitNote>({
    field: "status",
    states: TASK_STATUSES,
    initial: ["open"],
    terminal: ["done", "cancelled"],
    transitions: [{ event: "complete", from: ["open"], to: "done" }],
  });
  return {
    ...original,
    collections: {
      ...original.collections,
      visitNotes: {
        schema,
        record: "VisitNote",
        key: "id",
        customerIndex: "customerId",
        timeField: "at",
        write: { create: true, update: true, roles: original.WRITER_ROLES },
        machine,
        freeText: ["note"],
        storage: {
          since: FIXTURE_SINCE,
          indexes: { byCustomerTime: { keyPath: ["customerId", "at"], since: FIXTURE_SINCE } },
        },
      },
    },
  };
});

vi.setConfig({ testTimeout: 60_000 });

const FIXTURE = "visitNotes" as CollectionName;
const p = generateDemoPortfolio({ seed: "fixture-collection", customers: 40, months: 1 });
const customer = p.customers[3]!;
const rm: Actor = { id: customer.relationshipManagerId!, role: "relationship_manager", branchId: customer.branchId };
const server = useReferenceServer();

/** A clock a minute per reading from a fixed start. */
const clock = (start = Date.parse("2026-12-01T01:00:00Z")) => {
  let t = start;
  return () => new Date((t += 60_000));
};

/** The fixture's accessor on a client: the client type knows only the table's own collections. */
interface NoteAccessor {
  create(input: unknown): Promise<{ status: string; record: Record<string, unknown>; reason?: string }>;
  transition(id: string, event: string): Promise<{ status: string; record: Record<string, unknown> }>;
  get(id: string): Promise<Record<string, unknown> | undefined>;
  list(query?: { customerId?: string }): Promise<{ items: Record<string, unknown>[] }>;
}
const notesOf = (client: object) => (client as Record<string, NoteAccessor>)[FIXTURE]!;

const STORES: [string, () => Promise<CrmStore>][] = [
  ["memory", () => Promise.resolve(createMemoryStore())],
  ["IndexedDB", () => createIndexedDbStore({ name: `fixture-${Date.now()}`, encryption: true })],
  [
    "reference server",
    () =>
      Promise.resolve(
        createHttpStore({
          baseUrl: server().url,
          getToken: () => server().tokenFor({ id: rm.id, role: rm.role, branchId: rm.branchId! }),
        }),
      ),
  ],
];

describe("a fixture collection from a table entry alone", () => {
  it("is in every list core derives from the table", () => {
    expect(COLLECTION_NAMES).toContain(FIXTURE);
    expect(WRITABLE_COLLECTIONS).toContain(FIXTURE);
    expect(MACHINE_COLLECTIONS).toContain(FIXTURE);
    expect(isCollectionName("visitNotes")).toBe(true);
    expect(SCHEMA_VERSION).toBe(FIXTURE_SINCE);
  });

  for (const [label, make] of STORES) {
    it(`is created, read by customer, refused when invalid and moved through its machine (${label})`, async () => {
      const store = await make();
      if (store.kind === "http") await server().db.putMany("customers", p.customers);
      else await fill(store, p, ["customers"]);
      const client = createCrmClient({ store, user: rm, onAudit: () => {}, now: clock() });
      const notes = notesOf(client);
      const id = `VN-${label.replace(/\W/g, "")}`;

      const created = await notes.create({
        id,
        customerId: customer.id,
        at: "2026-12-01T00:30:00Z",
        note: "Visited the shop; wants a card reader",
        status: "open",
      });
      expect(created.status).toBe("saved");
      expect(created.record).toMatchObject({ id, status: "open", version: 1, createdBy: rm.id });

      const bad = { id: `${id}-bad`, customerId: customer.id, at: "yesterday", note: "x", status: "open" };
      await expect(notes.create(bad)).rejects.toSatisfy(
        (e) => isValidationError(e) && e.errors.some((f) => f.path.join(".") === "at"),
      );
      expect(await notes.get(`${id}-bad`)).toBeUndefined();

      const done = await notes.transition(id, "complete");
      expect(done.status).toBe("saved");
      expect(done.record).toMatchObject({ status: "done", version: 2 });
      expect((await notes.get(id))?.status).toBe("done");

      const mine = await notes.list({ customerId: customer.id });
      expect(mine.items.map((n) => n.id)).toEqual([id]);
      const others = await notes.list({ customerId: p.customers[4]!.id });
      expect(others.items).toEqual([]);
      await store.destroy();
    });
  }

  it("is served at /visitNotes refused without a token, scoped to the caller", async () => {
    const url = new URL("visitNotes", server().url);
    expect((await fetch(url)).status).toBe(401);
    const token = await server().tokenFor({ id: rm.id, role: rm.role, branchId: rm.branchId! });
    const list = await fetch(`${url.href}?customerId=${customer.id}`, {
      headers: { authorization: `Bearer ${token}` },
    });
    expect(list.status).toBe(200);
    const body = (await list.json()) as { items: { id: string; status: string }[] };
    expect(body.items.map((n) => n.status)).toEqual(["done"]);
    const stranger = await server().tokenFor({ id: "ST-ELSEWHERE", role: "relationship_manager", branchId: "BR-NONE" });
    const hidden = await fetch(`${url.href}?customerId=${customer.id}`, {
      headers: { authorization: `Bearer ${stranger}` },
    });
    expect(((await hidden.json()) as { items: unknown[] }).items).toEqual([]);
  });
});
