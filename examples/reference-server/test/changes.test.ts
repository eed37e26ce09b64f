/**
 * The change feed's contract (GET /changes, GET /changes/stream) on PGlite and
 * on PostgreSQL: every committed write numbered once and in order, each reader
 * paged through their own scope with records masked as reads are, a customer
 * leaving one book and entering another said so, a malformed cursor a 400, one
 * no longer kept a 410, and the stream live and resumable.
 */
import { decodeJwt } from "jose";
import { describe, expect, it } from "vitest";
import { ADMIN, useReferenceServer } from "../../../packages/data/test/support/reference-server.js";
import { book, call, callNote, member, rm, seededServer, staff, type Who } from "./support/demo-bank.js";
import { changesIn, follow } from "./support/sse.js";

type Page = {
  items: { seq: number; collection: string; id: string; change: string; record?: Record<string, unknown> }[];
  cursor: number;
  more: boolean;
};

const inBook = book.customers.find((c) => c.relationshipManagerId === rm.id)!;
const elsewhere = book.customers.find((c) => c.branchId !== rm.branchId)!;
/** Another relationship manager of the same branch: where the customer is moved to. */
const colleague = member(
  staff.find((s) => s.role === "relationship_manager" && s.branchId === rm.branchId && s.id !== rm.id)!.id,
);

const note = callNote;

for (const database of ["pglite", "postgres"] as const) {
  describe(`the change feed (${database})`, () => {
    const server = useReferenceServer({ database });
    const ready = seededServer(server);
    const page = async (who: Who, after: number, limit?: number) => {
      const r = await call(server(), who, "GET", `changes?after=${after}${limit ? `&limit=${limit}` : ""}`);
      expect(r.status, r.text).toBe(200);
      return r.json() as unknown as Page;
    };
    const head = async () => {
      await server().db.changes.publish();
      return (await server().db.changes.bounds()).head;
    };

    it("numbers every committed write once and in order, and pages each reader through their own scope, masked", async () => {
      const s = await ready();
      const start = await head();
      for (const n of [1, 2, 3])
        expect((await call(s, rm, "POST", "interactions", note(`IN-FEED-${database}-${n}`, inBook.id))).status).toBe(
          201,
        );
      for (const n of [4, 5])
        expect(
          (await call(s, ADMIN, "POST", "interactions", note(`IN-FEED-${database}-${n}`, elsewhere.id))).status,
        ).toBe(201);
      expect(await head()).toBe(start + 5);

      const all = await page(ADMIN, start);
      expect(all.items.map((i) => i.seq)).toEqual([1, 2, 3, 4, 5].map((n) => start + n));
      expect(all.items.map((i) => i.id)).toEqual([1, 2, 3, 4, 5].map((n) => `IN-FEED-${database}-${n}`));
      expect(all).toMatchObject({ cursor: start + 5, more: false });

      // The relationship manager sees their customer's three; the cursor still moves past the other two.
      const mine = await page(rm, start);
      expect(mine.items.map((i) => i.id)).toEqual([1, 2, 3].map((n) => `IN-FEED-${database}-${n}`));
      expect(mine.cursor).toBe(start + 5);
      // Pages of two: three pages, the last one level with the head.
      const first = await page(rm, start, 2);
      expect(first).toMatchObject({ cursor: start + 2, more: true });
      expect((await page(rm, first.cursor, 2)).items.map((i) => i.seq)).toEqual([start + 3]);

      // A customer's record is masked in the feed as in a read of it.
      const changed = { ...inBook, contact: { ...inBook.contact, mobile: "13912345678" } };
      expect((await call(s, ADMIN, "PUT", `customers/${inBook.id}`, changed)).status).toBe(200);
      await head();
      const customer = (await page(rm, start + 5)).items.find((i) => i.collection === "customers")!;
      expect(customer).toMatchObject({ id: inBook.id, change: "put" });
      expect(JSON.stringify(customer.record)).not.toContain("13912345678");
      expect((customer.record!.contact as { mobile: string }).mobile).toMatch(/^139\*+5678$/);
    });

    it("tells the relationship manager a customer left their book, and the colleague it came to that it entered", async () => {
      const s = await ready();
      const start = await head();
      const moving = book.customers.filter((c) => c.relationshipManagerId === rm.id)[1]!;
      const current = (await call(s, ADMIN, "GET", `customers/${moving.id}`)).json();
      const stored = await s.db.get("customers", moving.id);
      expect(current.id).toBe(moving.id);
      const moved = { ...stored!.body, relationshipManagerId: colleague.id };
      expect((await call(s, ADMIN, "PUT", `customers/${moving.id}`, moved)).status).toBe(200);
      await head();
      expect((await page(rm, start)).items).toEqual([
        { seq: start + 1, collection: "customers", id: moving.id, change: "leave" },
      ]);
      const theirs = (await page(colleague, start)).items;
      expect(theirs).toHaveLength(1);
      expect(theirs[0]).toMatchObject({ seq: start + 1, id: moving.id, change: "enter" });
      // Both are branch staff: the branch manager's scope holds it before and after.
      const manager = member(staff.find((m) => m.role === "branch_manager" && m.branchId === rm.branchId)!.id);
      expect((await page(manager, start)).items[0]).toMatchObject({ id: moving.id, change: "put" });
    });

    it("answers a malformed cursor with 400, and one it no longer keeps or never had with 410", async () => {
      const s = await ready();
      for (const bad of ["-1", "abc", "1.5", "9".repeat(16)])
        expect((await call(s, rm, "GET", `changes?after=${encodeURIComponent(bad)}`)).status, bad).toBe(400);
      const now = await head();
      const beyond = await call(s, rm, "GET", `changes?after=${now + 10}`);
      expect(beyond.status).toBe(410);
      expect(beyond.json()).toMatchObject({ code: "cursor_gone", head: now });
      // Pruning what is older than a moment from now drops every published change: the old cursors are gone.
      expect((await call(s, rm, "POST", "interactions", note(`IN-PRUNE-${database}`, inBook.id))).status).toBe(201);
      const last = await head();
      expect(await s.db.changes.prune(new Date(Date.now() + 60_000))).toBe(last);
      expect((await call(s, rm, "GET", `changes?after=${last - 1}`)).status).toBe(410);
      expect((await call(s, rm, "GET", `changes?after=${last}`)).status).toBe(200);
      const stream = await follow(s.url, await s.tokenFor(rm), String(last - 1));
      expect(stream.status).toBe(410);
    });

    it("ends a stream when the token it was opened with expires (the client comes back with its new one)", async () => {
      const s = await ready();
      const token = await s.tokenFor(rm, { expiresIn: "2s" });
      const expiresAt = decodeJwt(token).exp! * 1000;
      const response = await fetch(new URL("changes/stream", s.url), {
        headers: { Authorization: `Bearer ${token}`, "Last-Event-ID": String(await head()) },
      });
      expect(response.status).toBe(200);
      await response.text(); // resolves when the server ends the stream
      expect(Date.now()).toBeGreaterThanOrEqual(expiresAt - 50);
      expect(Date.now()).toBeLessThan(expiresAt + 5_000);
    });

    it("streams changes as they commit, and resumes after Last-Event-ID with nothing lost or twice", async () => {
      const s = await ready();
      const start = await head();
      const token = await s.tokenFor(rm);
      const live = await follow(s.url, token, String(start));
      expect(live.status).toBe(200);
      for (const n of [1, 2])
        expect((await call(s, rm, "POST", "interactions", note(`IN-LIVE-${database}-${n}`, inBook.id))).status).toBe(
          201,
        );
      await live.until((e) => changesIn(e).length >= 2);
      live.close();
      const seen = changesIn(live.events);
      expect(seen.map((c) => c.id)).toEqual([`IN-LIVE-${database}-1`, `IN-LIVE-${database}-2`]);
      // Written while nobody listened — one in scope, one not; the next stream picks up after the last id it saw.
      expect((await call(s, rm, "POST", "interactions", note(`IN-LIVE-${database}-3`, inBook.id))).status).toBe(201);
      expect((await call(s, ADMIN, "POST", "interactions", note(`IN-LIVE-${database}-4`, elsewhere.id))).status).toBe(
        201,
      );
      const again = await follow(s.url, token, live.events.at(-1)!.id);
      const events = await again.until((e) => e.some((x) => x.event === "cursor" && Number(x.id) === start + 4));
      again.close();
      expect(changesIn(events).map((c) => [c.seq, c.id])).toEqual([[start + 3, `IN-LIVE-${database}-3`]]);
    });
  });
}
