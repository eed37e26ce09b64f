/**
 * The reference server's endpoints beyond the store contract, as the HTTP store speaks them: the metrics job's
 * figures, segment pushdown, the audit chain, a caller's verification, a campaign's launch and measurement, the
 * loads' quality, and entity resolution's review and decisions — with the answers' types.
 */
import { HTTPError, type KyInstance } from "ky";
import type {
  AudienceExclusion,
  Campaign,
  CampaignGroup,
  CampaignMeasurement,
  ChurnAlert,
  CustomerMetrics,
  GoldReasonCode,
  SegmentDefinition,
  ValueReason,
  SalesPerformance,
  LoadQualityReport,
  Customer,
  ConsentPurpose,
} from "@bankcrm/core";
import type { Evidence, FieldChoice } from "@bankcrm/core/resolution";
import type { BranchBreaches, BranchKyc, RetentionPlan, SubjectAccessPackage } from "@bankcrm/core/compliance";
import type { Locale } from "@bankcrm/core/i18n";
import type { CallList } from "@bankcrm/core/marketing";
import type { Problem } from "../../errors/http-errors.js";
import type { Page } from "../store.js";

/** A segment's members among the caller's customers, evaluated in the server's database. */
export interface SegmentPage {
  count: number;
  ids: string[];
  next?: string;
}

/** One customer's figures from the server's metrics job (`GET /metrics`); money only for financial roles. */
export interface ServerCustomerMetrics extends CustomerMetrics {
  customerId: string;
  churnReasons?: string[];
  /** The tier the AUM earns (the recorded tier may lag). */
  tierEarned?: string;
  /** The churn alert's newest signal's day (YYYY-MM-DD), and its signals with their figures, the newest first. */
  churnAlertAt?: string;
  churnAlertReasons?: ChurnAlert["reasons"];
  /** Why the customer is on the gold list, with the figures (`valueReasonText` says each). */
  goldReasons?: ValueReason<GoldReasonCode>[];
}

/** A page of the metrics job's figures for the caller's customers, and the day they are for (absent before the job ran). */
export interface MetricsPage {
  asOf?: string;
  computedAt?: string;
  items: ServerCustomerMetrics[];
  next?: string;
}

/** One row of the server's audit chain (`GET /audit`): who did what to whose field, when and why — never the value. */
export interface AuditRow {
  seq: number;
  at: string;
  actorId: string;
  actorRole: string;
  /** `reveal`, `reveal_denied`, `verify_caller`, `verify_locked`… */
  action: string;
  customerId?: string;
  field?: string;
  reason?: string;
  /** Why a reveal was refused (`reveal_denied`). */
  refusal?: string;
  prevHash: string;
  hash: string;
}

/** The audit chain recomputed (`GET /audit/verify`): whether every link holds, and the first that does not. */
export interface AuditVerification {
  ok: boolean;
  rows: number;
  firstBroken?: { seq: number; reason: "sequence" | "link" | "hash" };
}

/**
 * The server's answer to a caller's verification (`POST /customers/{id}/verify`): a match, or not with the attempts
 * this agent has left on this customer — none, and until when, once locked (the server's 423 is this answer too).
 */
export type CallerCheck = { match: true } | { match: false; attemptsLeft: number; lockedUntil?: string };

/** A campaign's launch on the server: the campaign (active) and how many went to each group, the excluded by reason. */
export interface CampaignLaunch {
  campaign: Campaign;
  counts: Record<CampaignGroup, number>;
  excludedBy: Partial<Record<AudienceExclusion, number>>;
}

/** What `GET /audit` filters by (auditors only). */
export interface AuditQuery {
  staffId?: string;
  customerId?: string;
  action?: string;
  /** ISO instants: from (inclusive), to (exclusive). */
  from?: string;
  to?: string;
  limit?: number;
  after?: string;
}

/** What the server answers beyond the store contract. */
export interface ServerEndpoints extends PrivacyEndpoints {
  /** `GET /metrics`: the server's metrics job's figures for the caller's customers, a page at a time in id order. */
  metrics(page?: { limit?: number; after?: string }): Promise<MetricsPage>;
  /** `POST /segments/evaluate`: the definition runs as SQL in the server's database (pushdown); the count and a page of ids. */
  evaluateSegment(definition: SegmentDefinition, page?: { limit?: number; after?: string }): Promise<SegmentPage>;
  /** `GET /audit`: the audit chain in order, filtered (auditors only; 403 for others). */
  audit(query?: AuditQuery): Promise<Page<AuditRow>>;
  /** `GET /audit/verify`: the chain recomputed (auditors only). */
  verifyAudit(): Promise<AuditVerification>;
  /**
   * `POST /customers/{id}/verify`: what the caller said (`first`: birth date or credit code's first four; `last4`: the
   * ID's last four), checked by the server against the full values — it never sends them. Every attempt is audited;
   * the third failure locks the customer for this agent.
   */
  verifyCaller(customerId: string, answers: { first: string; last4: string }): Promise<CallerCheck>;
  /**
   * `POST /campaigns/{id}/launch` on the campaign at `version`: the server takes the audience as it stands (its
   * saved segment over the caller's customers), keeps every member with its group — excluded ones with the reason —
   * and activates the campaign, in one transaction. A version another user moved on is a BankcrmConflictError.
   */
  launchCampaign(id: string, version: number, options?: { controlShare?: number }): Promise<CampaignLaunch>;
  /**
   * `GET /campaigns/{id}/effect`: the launched campaign measured from the server's records as of its clock — who of
   * each group reached the goal in the window, the uplift with its interval and test, ROI. `value`: a conversion's
   * worth in minor units.
   */
  campaignEffect(id: string, options?: { value?: number }): Promise<CampaignMeasurement>;
  /**
   * `GET /campaigns/{id}/call-list`: a phone campaign's call list as the server judges it now (core's
   * `outboundCallList`: consent, answers, retries, calling hours), with each customer's name as the caller is shown it.
   */
  campaignCallList(id: string): Promise<CallList & { names: Record<string, string> }>;
  /**
   * `GET /sales/performance`: targets with achievement, pace and rank, and commission, from the server's records —
   * an RM's own, a branch manager's branch. `period`: the commission period (default: this quarter).
   */
  salesPerformance(period?: { periodStart: string; periodEnd: string }): Promise<ServerSalesPerformance>;
  /**
   * `GET /load/quality`: the data-quality reports of the latest loads of the bank's source files, newest first — for
   * head office (403 for others). `system`, `collection`: one source's loads, a trend.
   */
  loadQuality(query?: { system?: string; collection?: string; limit?: number }): Promise<LoadQualityReport[]>;
  /**
   * `GET /kyc/branches`: KYC kept current per branch of the caller's customers — documents expired or expiring,
   * due-diligence reviews overdue or due, customers restricted — most restricted first, on the bank's day `asOf`.
   */
  kycByBranch(): Promise<{ asOf: string; items: BranchKyc[] }>;
  /** `GET /service/breaches`: complaints and requests past the regulator's limit, per branch, most first. */
  regulatoryBreaches(): Promise<{ at: string; items: BranchBreaches[] }>;
  /**
   * `GET /resolution/review`: for branch managers, the pairs of their customers that may be one person, strongest
   * first, with the evidence per field (403 for others). Read the two records with `record("customers", id)`.
   */
  resolutionReview(limit?: number): Promise<ResolutionReview>;
  /** Merges in force whose two records had different relationship managers, newest first (branch managers). */
  relationshipManagerConflicts(limit?: number): Promise<ManagerConflict[]>;
  /** `POST /resolution/merge`: two records of one person made one (the golden one chosen by the server). */
  mergeCustomers(ids: readonly [string, string]): Promise<CustomerMerge>;
  /** `POST /resolution/merges/{id}/undo`: a merge undone, both customers back as they were. */
  undoMerge(mergeId: number): Promise<{ goldenId: string; restoredId: string }>;
  /** `POST /resolution/apart`: two records are two people — never proposed again, never merged. */
  keepCustomersApart(ids: readonly [string, string]): Promise<void>;
}

/** A pair of records that may be one person, as `GET /resolution/review` gives it. */
export interface ResolutionPair {
  ids: [string, string];
  probability: number;
  /** log2 Bayes factor: the prior's and every field's weight added. */
  weight: number;
  evidence: Evidence[];
  /** `merge`: the model would merge it unseen; `review`: a person decides. */
  decision: "merge" | "review";
  rule?: "residentId" | "document" | "uscc";
}

export interface ResolutionReview {
  items: ResolutionPair[];
  /** `job`: the resolution job's queue (the whole book, resolved in the database); `live`: before any run, the caller's customers resolved as asked. */
  source: "job" | "live";
  /** Live: the customers read. */
  customersRead?: number;
  /** False when the caller's book was larger than one live review reads. */
  complete: boolean;
}

/** A merge whose two records had different relationship managers (`GET /resolution/conflicts`). */
export interface ManagerConflict {
  mergeId: number;
  goldenId: string;
  mergedId: string;
  /** The relationship manager the bank's rule kept for the golden customer. */
  kept?: string;
  /** The other record's relationship manager. */
  other?: string;
  mergedBy: string;
  mergedAt: string;
}

/** What `POST /resolution/merge` answers. */
export interface CustomerMerge {
  mergeId: number;
  customer: Customer;
  mergedId: string;
  choices: FieldChoice[];
  relationshipManagerConflict?: { kept?: string; other?: string };
  moved: number;
}

export type { LoadQualityReport };

/** What `GET /sales/performance` answers: core's SalesPerformance, and whether the bank pays commission by a scheme. */
export type ServerSalesPerformance = SalesPerformance & { commissionConfigured: boolean };

/** The problem+json body of a refusal, unless something read it already (ky 2 keeps it in `data`; ky 1 leaves it unread). */
export async function problemOf(error: HTTPError): Promise<Problem> {
  const data = (error as unknown as { data?: unknown }).data;
  if (typeof data === "object" && data !== null) return data as Problem;
  if (!error.response.bodyUsed) {
    try {
      return await error.response.json<Problem>();
    } catch {
      /* not JSON: keep the status text */
    }
  }
  return { title: error.response.statusText };
}

/** The endpoints over `api`, each through `call` (the store's error mapping). */
export function serverEndpoints(api: KyInstance, call: <T>(run: () => Promise<T>) => Promise<T>): ServerEndpoints {
  return {
    metrics: (metricsPage = {}) =>
      call(() =>
        api
          .get("metrics", {
            searchParams: {
              ...(metricsPage.limit !== undefined ? { limit: metricsPage.limit } : {}),
              ...(metricsPage.after !== undefined ? { after: metricsPage.after } : {}),
            },
          })
          .json<MetricsPage>(),
      ),
    audit: (query = {}) =>
      call(() =>
        api
          .get("audit", {
            searchParams: Object.fromEntries(
              Object.entries(query).filter((entry): entry is [string, string | number] => entry[1] !== undefined),
            ),
          })
          .json<Page<AuditRow>>(),
      ),
    verifyAudit: () => call(() => api.get("audit/verify").json<AuditVerification>()),
    verifyCaller: (customerId, answers) =>
      call(async () => {
        try {
          return await api
            .post(`customers/${encodeURIComponent(customerId)}/verify`, { json: answers, retry: 0 })
            .json<CallerCheck>();
        } catch (error) {
          if (!(error instanceof HTTPError) || error.response.status !== 423) throw error;
          const problem = await problemOf(error);
          return {
            match: false,
            attemptsLeft: 0,
            ...(typeof problem.lockedUntil === "string" ? { lockedUntil: problem.lockedUntil } : {}),
          };
        }
      }),
    launchCampaign: (id, version, options = {}) =>
      call(() =>
        api
          .post(`campaigns/${encodeURIComponent(id)}/launch`, {
            json: options,
            headers: { "Idempotency-Key": crypto.randomUUID(), "If-Match": `"v${version}"` },
          })
          .json<CampaignLaunch>(),
      ),
    campaignEffect: (id, options = {}) =>
      call(() =>
        api
          .get(`campaigns/${encodeURIComponent(id)}/effect`, {
            searchParams: options.value !== undefined ? { value: options.value } : {},
          })
          .json<CampaignMeasurement>(),
      ),
    campaignCallList: (id) =>
      call(() =>
        api.get(`campaigns/${encodeURIComponent(id)}/call-list`).json<CallList & { names: Record<string, string> }>(),
      ),
    loadQuality: async (query = {}) =>
      (
        await call(() =>
          api
            .get("load/quality", { searchParams: query as Record<string, string | number> })
            .json<{ items: LoadQualityReport[] }>(),
        )
      ).items,
    kycByBranch: () => call(() => api.get("kyc/branches").json<{ asOf: string; items: BranchKyc[] }>()),
    regulatoryBreaches: () => call(() => api.get("service/breaches").json<{ at: string; items: BranchBreaches[] }>()),
    ...resolutionEndpoints(api, call),
    ...privacyEndpoints(api, call),
    salesPerformance: (period) =>
      call(() => api.get("sales/performance", { searchParams: period ?? {} }).json<ServerSalesPerformance>()),
    evaluateSegment: (definition, segmentPage = {}) =>
      call(() => api.post("segments/evaluate", { json: { definition, ...segmentPage }, retry: 0 }).json<SegmentPage>()),
  };
}

/** Entity resolution's review and decisions (`/resolution/*`). */
function resolutionEndpoints(
  api: KyInstance,
  call: <T>(run: () => Promise<T>) => Promise<T>,
): Pick<
  ServerEndpoints,
  "resolutionReview" | "mergeCustomers" | "undoMerge" | "keepCustomersApart" | "relationshipManagerConflicts"
> {
  return {
    resolutionReview: (limit) =>
      call(() =>
        api.get("resolution/review", { searchParams: limit !== undefined ? { limit } : {} }).json<ResolutionReview>(),
      ),
    mergeCustomers: (ids) =>
      call(() => api.post("resolution/merge", { json: { ids }, retry: 0 }).json<CustomerMerge>()),
    undoMerge: (mergeId) =>
      call(() =>
        api
          .post(`resolution/merges/${encodeURIComponent(String(mergeId))}/undo`, { retry: 0 })
          .json<{ goldenId: string; restoredId: string }>(),
      ),
    keepCustomersApart: async (ids) => {
      await call(() => api.post("resolution/apart", { json: { ids } }));
    },
    relationshipManagerConflicts: (limit) =>
      call(() =>
        api
          .get("resolution/conflicts", { searchParams: limit !== undefined ? { limit } : {} })
          .json<{ items: ManagerConflict[] }>()
          .then((r) => r.items),
      ),
  };
}

/** A deletion request's plan and the person's answer (`/customers/{id}/erasure`), and what was written. */
export interface ErasureAnswer {
  plan: RetentionPlan;
  answer: string;
  applied?: { erased: number; anonymised: number; restricted: number };
}

/** The people's rights over their data (PIPL Arts. 44–47) — a copy, deletion under legal holds — and exports bound by consent. */
export interface PrivacyEndpoints {
  /**
   * `GET /customers/{id}/personal-data`: the customer's copy of everything the bank holds about them (head office's
   * privacy officer, or their branch manager), as the package or (`format: "text"`) the readable document. Audited.
   */
  personalData(customerId: string, locale: Locale): Promise<SubjectAccessPackage>;
  personalDataDocument(customerId: string, locale: Locale): Promise<string>;
  /**
   * `GET` (`fulfil` false: what it would do, nothing changed) or `POST /customers/{id}/erasure` (the privacy
   * officer): the request to delete a customer's data under the bank's retention table — held records restricted,
   * the rest erased or anonymised — with the answer to the person in `locale`.
   */
  erasure(customerId: string, options: { fulfil: boolean; locale: Locale }): Promise<ErasureAnswer>;
  /**
   * `POST /segments/export` (marketing, a branch manager): the segment's members as CSV for `purpose` — only those
   * whose consent for it (and the segment's own) is in force, masked; audited.
   */
  exportSegment(definition: SegmentDefinition, purpose: ConsentPurpose): Promise<string>;
}

export function privacyEndpoints(api: KyInstance, call: <T>(run: () => Promise<T>) => Promise<T>): PrivacyEndpoints {
  const path = (id: string, what: string) => `customers/${encodeURIComponent(id)}/${what}`;
  return {
    personalData: (id, locale) =>
      call(() => api.get(path(id, "personal-data"), { searchParams: { locale } }).json<SubjectAccessPackage>()),
    personalDataDocument: (id, locale) =>
      call(() => api.get(path(id, "personal-data"), { searchParams: { locale, format: "text" } }).text()),
    exportSegment: (definition, purpose) =>
      call(() =>
        api
          .post("segments/export", {
            json: { definition, purpose },
            headers: { "Idempotency-Key": crypto.randomUUID() },
            retry: 0,
          })
          .text(),
      ),
    erasure: (id, { fulfil, locale }) =>
      call(() =>
        (fulfil
          ? api.post(path(id, "erasure"), {
              searchParams: { locale },
              headers: { "Idempotency-Key": crypto.randomUUID() },
              retry: 0,
            })
          : api.get(path(id, "erasure"), { searchParams: { locale } })
        ).json<ErasureAnswer>(),
      ),
  };
}
