/**
 * The workstation's data for one signed-in demo user: the store (embedded
 * IndexedDB, or the server with an IndexedDB cache and the outbox), the client,
 * and the book's rows for the list. No UI here: the shell renders what it says.
 *
 * Embedded (default): everything stays in this browser's IndexedDB; the first
 * start generates the demo bank with progress, then the demo branch's sales work.
 * Server mode (when the page is served with BANKCRM_API, see serve.mjs): reads
 * come from the server and are cached for offline use; writes go through the outbox.
 */
import type {
  Campaign,
  CampaignMeasurement,
  CollectionRecords,
  Holding,
  RevealAuditEvent,
  SalesPerformance,
  Locale,
  SegmentDefinition,
} from "@bankcrm/core";
import type { SegmentExporter } from "./pages/segment-export.js";
import {
  createCachedStore,
  createCrmClient,
  createHttpStore,
  createIndexedDbStore,
  createOutbox,
  followChanges,
  httpSender,
  type CachedStore,
  type CampaignLaunch,
  type ChangeFollower,
  type CrmClient,
  type FeedChange,
  type FeedStatus,
  type CrmStore,
  type HttpStore,
  type IndexedDbStore,
  type Outbox,
  type OutboxStatus,
} from "@bankcrm/data";
import { DEMO_SALE_POLICY } from "@bankcrm/core/demo";
import { DEFAULT_RETENTION } from "@bankcrm/core/compliance";
import { ReportSources } from "./report-sources.js";
import { rowsAfterEvent, withDemoDuplicates } from "./embedded-merges.js";
import { deleteDemoBook, ensureHistory, rowsAfterChange, openDemoBook, rowOf, type BookRow } from "./book.js";
import { ensureBankRecords, ensureSalesBook } from "./sales-book.js";
import { DB_NAME, SEED, STAFF, TOTAL, USERS, type DemoRole } from "./users.js";
import { advanceDemoClock, DemoTokens, serverApi } from "./demo-sign-in.js";
import { serverSegmentCounter } from "./server-counter.js";
import type { SegmentCounter } from "@bankcrm/elements/segment-counter.js";
import { applyServerMetrics, type BookValues } from "./value-book.js";
import { EmbeddedValues, type ValuesState } from "./embedded-values.js";
import { EmbeddedWorld } from "./embedded-world.js";

export type { ValuesState } from "./embedded-values.js";

export interface SessionHooks {
  onProgress(done: number, total: number): void;
  onOutbox(status: OutboxStatus): void;
  onAudit(event: RevealAuditEvent): void;
  /** The value metrics changed state, or a customer was scored again. */
  onValues(): void;
  /** Server mode: the change feed's state (live, connecting, retrying). */
  onFeed?(status: FeedStatus): void;
}

export class WorkstationSession {
  api: string | undefined;
  client: CrmClient | undefined;
  rows: BookRow[] = [];
  online = true;
  role: DemoRole = "relationship_manager";
  idb: IndexedDbStore | undefined;
  private store: CrmStore | undefined;
  private outbox: Outbox | undefined;
  private remote: HttpStore | undefined;
  /** Embedded: the demo's clock and world (the server has its own). */
  private world: EmbeddedWorld | undefined;
  private cached: CachedStore | undefined;
  private follower: ChangeFollower | undefined;
  private gatedFetch: typeof fetch | undefined;
  private tokens = new DemoTokens();
  /** The book's value metrics: computed in this browser (embedded), or the server's job's state (server mode). */
  private readonly book = new EmbeddedValues({
    idb: () => (this.api ? undefined : this.idb),
    rows: () => this.rows,
    setRows: (rows) => (this.rows = rows),
    onValues: () => this.hooks.onValues(),
  });
  private unsubscribe: (() => void) | undefined;
  private rowsFollow: Promise<void> = Promise.resolve();

  constructor(
    private locale: Locale,
    private readonly hooks: SessionHooks,
  ) {}

  /** The book's value metrics (embedded mode), once computed or read from the device. */
  get values(): BookValues | undefined {
    return this.book.values;
  }
  get valuesState(): ValuesState {
    return this.book.state;
  }
  /** Computes the book's value metrics in the worker (embedded mode; `again`: once more). */
  computeValues(again = false): void {
    this.book.compute(again);
  }
  cancelValues(): void {
    this.book.cancel();
  }

  get embedded(): boolean {
    return !this.api && this.idb !== undefined;
  }

  async start(): Promise<void> {
    this.api = await serverApi();
    if (this.api) await this.startServer(this.api);
    else await this.startEmbedded();
    this.makeClient();
  }

  private async startEmbedded() {
    this.idb = await createIndexedDbStore({ name: DB_NAME, locale: this.locale });
    this.store = this.idb;
    this.rows = await openDemoBook(this.idb, {
      name: DB_NAME,
      seed: SEED,
      total: TOTAL,
      onProgress: (done, total) => this.hooks.onProgress(done, total),
    });
    await ensureSalesBook(this.idb, this.rows, STAFF, { seed: SEED });
    await ensureBankRecords(this.idb, SEED, new Date());
    this.rows = await withDemoDuplicates(this.idb, this.rows, USERS.branch_manager.branchId);
    this.world = new EmbeddedWorld(this.idb, this.rows, SEED);
    await this.book.read(this.idb);
  }

  private async startServer(api: string) {
    // "Offline" in the page makes every request fail as a lost network would.
    const gatedFetch: typeof fetch = (this.gatedFetch = (input, init) =>
      this.online ? fetch(input, init) : Promise.reject(new TypeError("offline (switched off in the page)")));
    const remote = (this.remote = createHttpStore({
      baseUrl: new URL(api, location.href).href,
      // The current demo user's token (the server scopes and stamps by it): switching user switches the answers.
      getToken: () => this.tokens.get(USERS[this.role].id),
      fetch: gatedFetch,
      retries: 0,
      timeout: 5000,
    }));
    // The cache keeps a customer 30 days after they were last opened, then forgets them.
    this.idb = await createIndexedDbStore({
      name: "bankcrm-workstation-cache",
      locale: this.locale,
      retentionDays: DEFAULT_RETENTION.deviceDays,
    });
    this.store = this.cached = createCachedStore({
      remote,
      cache: this.idb,
      isOnline: () => this.online && navigator.onLine,
    });
    this.outbox = await createOutbox({ name: "bankcrm-workstation", send: httpSender(remote) });
    this.outbox.subscribe((status) => this.hooks.onOutbox(status));
    this.hooks.onOutbox(await this.outbox.status());
    this.outbox.start(window);
    await this.loadServerRows();
    await this.loadServerMetrics();
  }

  /**
   * Server mode: the value figures and lists come from the server's metrics job
   * (`GET /metrics`, the user's customers), not from a worker here. Before the
   * job has run, or offline, the value pages say there are none.
   */
  private async loadServerMetrics() {
    if (!this.remote) return;
    try {
      const byId = new Set(this.rows.map((r) => r.id));
      const items = [];
      let after: string | undefined;
      let computedAt: string | undefined;
      do {
        const page = await this.remote.metrics({ limit: 1000, ...(after ? { after } : {}) });
        computedAt = page.computedAt;
        items.push(...page.items.filter((m) => byId.has(m.customerId)));
        after = page.next;
      } while (after && items.length < 20_000);
      if (!computedAt) return;
      applyServerMetrics(this.rows, items);
      this.book.state = { state: "ready", computedAt };
    } catch {
      // Offline or refused: the lists stay empty; the customers are still there.
    }
  }

  /** The user's customers from the server (or the cache offline), a page at a time. */
  private async loadServerRows() {
    const user = USERS[this.role];
    // Head office (the auditor, the marketing manager) reads the whole bank; the server narrows it to their scope anyway.
    const scope =
      this.role === "relationship_manager"
        ? { relationshipManagerId: user.id }
        : this.role === "auditor" || this.role === "marketing" || this.role === "privacy_officer"
          ? {}
          : { branchId: user.branchId };
    const rows: BookRow[] = [];
    let after: string | undefined;
    do {
      const page = await this.store!.listCustomers({ ...scope, limit: 500, ...(after ? { after } : {}) });
      for (const c of page.items) rows.push(rowOf(c));
      after = page.next;
    } while (after && rows.length < 20_000);
    this.rows = rows;
  }

  /**
   * Server mode: what others write reaches this page as it commits — the server's change feed, from now on (the
   * page has just read the user's scope), into the cache and the list, and announced so the elements read again.
   */
  private follow(client: CrmClient, staffId: string): void {
    this.follower?.stop();
    const cached = this.cached;
    if (!this.api || !cached || !this.gatedFetch) return;
    this.follower = followChanges({
      baseUrl: new URL(this.api, location.href).href,
      getToken: () => this.tokens.get(staffId),
      after: "head",
      fetch: this.gatedFetch,
      onStatus: (status) => this.hooks.onFeed?.(status),
      apply: async (change) => {
        await cached.applyChange(change);
        if (change.collection === "customers") this.applyToRows(change);
        if (this.client === client)
          client.announce({
            collection: change.collection,
            ids: [change.id],
            action: change.change === "leave" ? "removed" : "updated",
          });
      },
    });
  }

  /** A customer's change from the feed on the list: the row as it now is, a new one, or gone. */
  private applyToRows(change: FeedChange): void {
    this.rows = rowsAfterChange(this.rows, change);
    this.hooks.onValues();
  }

  /** A client for the current demo user. */
  makeClient(): void {
    if (!this.store) return;
    const user = USERS[this.role];
    this.unsubscribe?.();
    this.client = createCrmClient({
      store: this.store,
      user: { id: user.id, role: user.role, branchId: user.branchId },
      locale: this.locale,
      // The bank's sale policy, as its server has it: the client refuses what the server would.
      salePolicy: DEMO_SALE_POLICY,
      ...(this.outbox ? { outbox: this.outbox } : {}),
      onAudit: (event) => {
        // Embedded, the device keeps the trail (sealed, complete); on a server, the server audits the reveal itself.
        if (this.embedded) void this.idb?.audit.append(event);
        this.hooks.onAudit(event);
      },
    });
    this.follow(this.client, user.id);
    this.unsubscribe = this.client.on("change", (event) => {
      const idb = this.idb;
      // Embedded, a merge or an unmerge on this device: the list's rows follow (one change after another).
      if (this.embedded && idb && event.collection === "customers")
        this.rowsFollow = this.rowsFollow
          .then(() => rowsAfterEvent(idb, this.rows, event))
          .then((rows) => {
            if (this.idb !== idb || rows === this.rows) return;
            this.rows = rows;
            this.hooks.onValues();
          })
          .catch(() => undefined);
      this.book.onChange(event).catch((error: Error) => {
        // Closed under it (a logout, a reset): nothing left to score. Else the value pages say it failed.
        if (this.idb !== idb) return;
        this.book.state = { state: "error", message: error.message };
        this.hooks.onValues();
      });
    });
  }

  /**
   * Server mode: a segment runs in the server's database (core's toSql over its
   * customer view), scoped to the user; its members' ids. Undefined offline.
   */
  async segmentMembers(definition: SegmentDefinition): Promise<Set<string> | undefined> {
    if (!this.remote) return undefined;
    try {
      const ids = new Set<string>();
      let after: string | undefined;
      do {
        const page = await this.remote.evaluateSegment(definition, { limit: 1000, ...(after ? { after } : {}) });
        for (const member of page.ids) ids.add(member);
        after = page.next;
      } while (after && ids.size < 20_000);
      return ids;
    } catch {
      return undefined;
    }
  }

  /**
   * Server mode: the marketing builder's live count runs as SQL in the server's database (`POST /segments/evaluate`),
   * whose view has every field unmasked — the book's rows here are masked (no birth dates) and carry no holdings.
   * The sample is the rows of the first members. Undefined embedded: the page counts its rows in a worker.
   */
  get segmentCounter(): ((rows: readonly BookRow[]) => SegmentCounter<BookRow>) | undefined {
    const remote = this.remote;
    return remote ? (rows) => serverSegmentCounter(remote, rows) : undefined;
  }

  /** The report pages' sources (the audit log, the data quality, the duplicate review), the server's or this device's. */
  readonly reports = new ReportSources(() => ({
    remote: this.remote,
    idb: this.embedded ? this.idb : undefined,
    client: this.client,
  }));

  /** Embedded: a demo customer's history is generated the first time they are opened. */
  prepare = async (id: string): Promise<void> => {
    const idb = this.idb;
    if (!idb || this.api) return;
    const raw = await idb.getCustomer(id);
    if (raw) await ensureHistory(idb, raw, SEED);
  };

  async setOnline(online: boolean): Promise<void> {
    this.online = online;
    if (online) await this.outbox?.flush({ ignoreBackoff: true });
  }

  /** Writes not yet at the server. */
  async waiting(): Promise<number> {
    if (!this.outbox) return 0;
    const s = await this.outbox.status();
    return s.pending + s.failed + s.conflicts;
  }

  /** Embedded: what a launch keeps (its members), into this browser's store. On a server, the server keeps them. */
  async keepDemo<C extends "campaignMembers">(collection: C, records: CollectionRecords[C][]): Promise<void> {
    if (!this.store || this.api) return;
    await this.store.put(collection, records);
  }

  /**
   * A launched campaign measured from the records: the server's (`GET /campaigns/{id}/effect`), or embedded this
   * browser's, by the same core `measureCampaign` (embedded-world.ts).
   */
  get measurer(): ((campaign: Campaign) => Promise<CampaignMeasurement>) | undefined {
    const remote = this.remote;
    const world = this.world;
    return remote ? (campaign) => remote.campaignEffect(campaign.id) : world ? (c) => world.measure(c) : undefined;
  }

  /**
   * The demo's clock moved on `days`, the demo world answering launched campaigns: the demo bank's
   * (`POST /bankcrm-demo/clock`; undefined elsewhere), or embedded this browser's.
   */
  advanceClock(days: number): Promise<{ now: string; opened: number } | undefined> {
    return this.world ? this.world.advance(days) : advanceDemoClock(days);
  }

  /** Server mode: the signed-in user's sales performance as the server computes it (`GET /sales/performance`). */
  get performer(): (() => Promise<SalesPerformance>) | undefined {
    const remote = this.remote;
    return remote ? () => remote.salesPerformance() : undefined;
  }

  /** The demo's time: embedded, moved on by its clock; on a server, the server keeps it. */
  demoNow(): Date {
    return this.world?.now() ?? new Date();
  }

  /** Embedded: the holdings the demo world has opened since `from` (sales for "my day"). */
  openedSince(from: string): Promise<Holding[]> {
    return this.world?.openedSince(from) ?? Promise.resolve([]);
  }

  /** Server mode: the launch as the server does it (`POST /campaigns/{id}/launch`), as the current user. */
  get launcher(): ((campaign: Campaign) => Promise<CampaignLaunch>) | undefined {
    const remote = this.remote;
    return remote ? (campaign) => remote.launchCampaign(campaign.id, campaign.version ?? 1) : undefined;
  }

  /** Server mode: a segment's members as CSV for its purpose (`POST /segments/export`), as the current user. */
  get exporter(): SegmentExporter | undefined {
    const remote = this.remote;
    return remote ? (definition, purpose) => remote.exportSegment(definition, purpose) : undefined;
  }

  /**
   * Leaving this device: the client's logout closes the store and deletes its
   * database and keys and the outbox's — refused while writes wait, unless
   * `confirmDiscard(count)` says so — and the demo's row cache.
   */
  async logout(confirmDiscard: (count: number) => boolean): Promise<boolean> {
    if (!this.client) return true;
    const waiting = await this.waiting();
    if (waiting > 0 && !confirmDiscard(waiting)) return false;
    this.book.forget();
    this.follower?.stop();
    this.follower = undefined;
    await this.client.logout({ discardPending: waiting > 0 });
    this.idb = undefined;
    this.world = undefined;
    this.outbox = undefined;
    this.store = undefined;
    this.client = undefined;
    this.hooks.onOutbox({ pending: 0, failed: 0, conflicts: 0 });
    if (!this.api) await deleteDemoBook(DB_NAME);
    this.tokens.clear();
    this.rows = [];
    return true;
  }

  /** Embedded: deletes the demo bank to generate it again. */
  async reset(): Promise<void> {
    this.book.forget();
    this.idb?.close();
    if (this.idb) await this.idb.destroy();
    await deleteDemoBook(DB_NAME);
    this.rows = [];
    this.idb = undefined;
    this.world = undefined;
    this.store = undefined;
    this.client = undefined;
  }
}
