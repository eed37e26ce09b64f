/**
 * The report pages' sources — the audit log, the data quality, KYC by branch, the duplicate review — each built once for the store
 * it reads (the memo keeps a page from reading again on every render): the server's, or embedded this device's.
 */
import type { CrmClient, HttpStore, IndexedDbStore } from "@bankcrm/data";
import { embeddedMergesSource } from "./embedded-merges.js";
import { auditSourceOf, localAuditSourceOf, type AuditSource } from "./pages/audit-page.js";
import { mergesSourceOf, type MergesSource } from "./pages/merges-page.js";
import { qualitySourceOf, type QualitySource } from "./pages/quality-page.js";
import { kycSourceOf, localKycSourceOf, type KycSource } from "./pages/kyc-page.js";
import { localPrivacySourceOf, privacySourceOf, type PrivacySource } from "./pages/privacy-page.js";
import { serviceSourceOf, type ServiceSource } from "./pages/service-page.js";
import { DEMO_AS_OF } from "@bankcrm/core/demo";
import { SEED, USERS } from "./users.js";

/** What the sources read from the session now: its server, or embedded its store, and the signed-in user's client. */
export interface SourcesFrom {
  remote: HttpStore | undefined;
  /** The embedded store (undefined in server mode). */
  idb: IndexedDbStore | undefined;
  client: CrmClient | undefined;
}

export class ReportSources {
  private readonly built = new Map<string, { from: object; source: unknown }>();

  constructor(private readonly now: () => SourcesFrom) {}

  private sourceOf<T>(page: string, from: object | undefined, build: () => T): T | undefined {
    if (!from) return undefined;
    const kept = this.built.get(page);
    if (kept?.from === from) return kept.source as T;
    const source = build();
    this.built.set(page, { from, source });
    return source;
  }

  /** The audit page's: the server's chain (the user's token: auditors only), or embedded this device's trail. */
  get audit(): AuditSource | undefined {
    const { remote, idb } = this.now();
    return this.sourceOf("audit", remote ?? idb, () =>
      remote ? auditSourceOf(remote) : localAuditSourceOf(idb!.audit),
    );
  }

  /** Head office's data-quality page: the server's reports of each load (`GET /load/quality`); none embedded. */
  get quality(): QualitySource | undefined {
    const { remote } = this.now();
    return this.sourceOf("quality", remote, () => qualitySourceOf(remote!));
  }

  /**
   * KYC by branch: the server's query (`GET /kyc/branches`), or embedded core's rule over this device's customers — a
   * branch manager's branch, head office's whole book (built again for each signed-in user: the scope is theirs).
   */
  get kyc(): KycSource | undefined {
    const { remote, idb, client } = this.now();
    if (remote) return this.sourceOf("kyc", remote, () => kycSourceOf(remote));
    const user = client?.user;
    return this.sourceOf("kyc", idb && client, () =>
      localKycSourceOf(idb!, user?.role === "branch_manager" ? user.branchId : undefined, () => new Date()),
    );
  }

  /**
   * Service quality: the server's cases (scoped to the user there), or embedded this device's — a branch manager's
   * branch's — judged now: the clock the writes here are stamped with, or the demo's day if that is later (the
   * generated cases run up to it).
   */
  get service(): ServiceSource | undefined {
    const { remote, idb, client } = this.now();
    const asOf = () => new Date(Math.max(Date.now(), Date.parse(`${DEMO_AS_OF}T12:00:00+08:00`)));
    if (remote) return this.sourceOf("service", remote, () => serviceSourceOf(remote, asOf));
    const branch = client?.user.role === "branch_manager" ? client.user.branchId : undefined;
    return this.sourceOf("service", idb && client, () => serviceSourceOf(idb!, asOf, branch));
  }

  /** The privacy officer's requests: the server's copy and deletion, or embedded core's copy and plan on this device. */
  get privacy(): PrivacySource | undefined {
    const { remote, idb } = this.now();
    return this.sourceOf("privacy", remote ?? idb, () =>
      remote ? privacySourceOf(remote) : localPrivacySourceOf(idb!, () => new Date()),
    );
  }

  /** The branch manager's duplicate review: the server's entity resolution (`/resolution/*`), or embedded this device's. */
  get merges(): MergesSource | undefined {
    const { remote, idb } = this.now();
    if (remote)
      return this.sourceOf("merges", remote, () => mergesSourceOf(remote, (id) => remote.record("customers", id)));
    return this.sourceOf("merges", idb, () =>
      embeddedMergesSource(() => this.now().client, {
        branchId: USERS.branch_manager.branchId,
        store: idb!,
        seed: SEED,
      }),
    );
  }
}
