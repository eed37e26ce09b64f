/**
 * A store that speaks bankcrm's REST contract (docs/api/openapi.yaml) with ky:
 * a bearer token on every request, timeouts, abort signals, retries only for
 * safe and idempotent methods (ky's defaults, honouring Retry-After), problem+json
 * errors mapped to typed errors, and ETag / If-Match on updates so a concurrent
 * change surfaces as a conflict instead of being overwritten.
 */
import ky, { HTTPError, TimeoutError, type KyInstance } from "ky";
import {
  collectionSpec,
  REST_CONTRACT_HEADER,
  REST_CONTRACT_VERSION,
  BankcrmAccessDeniedError,
  BankcrmNotFoundError,
  BankcrmSaleRefusedError,
  BankcrmTransitionError,
  BankcrmValidationError,
  type Customer,
  type FieldError,
  type SaleRefusal,
} from "@bankcrm/core";
import {
  BankcrmConflictError,
  BankcrmIncompatibleServerError,
  BankcrmNetworkError,
  BankcrmRequestError,
  retryAfterMs,
} from "../../errors/http-errors.js";
import type {
  CollectionName,
  CollectionRecords,
  CrmStore,
  Page,
  RecordQuery,
  RemoteRevealer,
  RemoteWriter,
  TimelineEntry,
} from "../store.js";
import { problemOf, serverEndpoints, type ServerEndpoints } from "./server-endpoints.js";

export type { RemoteRevealer, RemoteWriter, TransitionRequest } from "../store.js";
export type {
  AuditQuery,
  AuditRow,
  AuditVerification,
  CallerCheck,
  CampaignLaunch,
  ServerSalesPerformance,
  LoadQualityReport,
  MetricsPage,
  SegmentPage,
  ServerCustomerMetrics,
  ResolutionPair,
  ResolutionReview,
  ErasureAnswer,
  PrivacyEndpoints,
  CustomerMerge,
  ManagerConflict,
} from "./server-endpoints.js";

export interface HttpStoreOptions {
  /** The API's base URL, e.g. "https://crm.bank.example/api/". */
  baseUrl: string;
  /** The bearer token for each request (called every time, so it may refresh). */
  getToken: () => string | Promise<string>;
  /** A fetch of your own (e.g. one that goes through a proxy in tests). */
  fetch?: typeof fetch;
  /** Per-request timeout in ms. Default 10,000. */
  timeout?: number;
  /** Cancels every request of this store. */
  signal?: AbortSignal;
  /** Retries for GET/PUT (never POST). Default 2, as ky. */
  retries?: number;
  /** Whether the server masks identifiers (it should; the reference server does). Default true. */
  maskedRecords?: boolean;
}

export interface HttpStore extends CrmStore, RemoteWriter, RemoteRevealer, ServerEndpoints {
  /** The server's endpoints themselves: every write and reveal goes to the server. */
  readonly remote: RemoteWriter & RemoteRevealer;
}

/** Maps anything ky throws to a typed bankcrm error. */
export async function toHttpStoreError(error: unknown): Promise<Error> {
  if (error instanceof HTTPError) {
    const status = error.response.status;
    const problem = await problemOf(error);
    const after = retryAfterMs(error.response.headers.get("Retry-After"));
    if (status === 412)
      return new BankcrmConflictError(problem.current ?? null, (problem.etag as string | null | undefined) ?? null, {
        cause: error,
      });
    if (status === 422 && problem.code === "sale_refused" && Array.isArray(problem.refusals))
      return new BankcrmSaleRefusedError(problem.refusals as SaleRefusal[], problem.overridable === true, {
        cause: error,
      });
    if (status === 422 && Array.isArray(problem.errors))
      return new BankcrmValidationError(problem.errors as FieldError[], { cause: error });
    if (status === 401 || status === 403)
      return new BankcrmAccessDeniedError("caller", problem.detail ?? "use this API", {
        cause: error,
        ...(typeof problem.code === "string" ? { reason: problem.code } : {}),
      });
    if (status === 409 && problem.code === "invalid_transition")
      return new BankcrmTransitionError(
        typeof problem.collection === "string" ? problem.collection : "",
        typeof problem.event === "string" ? problem.event : "",
        typeof problem.from === "string" ? problem.from : "",
        Array.isArray(problem.allowed) ? (problem.allowed as string[]) : [],
        { cause: error },
      );
    if (status === 404 && typeof problem.collection === "string" && typeof problem.id === "string")
      return new BankcrmNotFoundError(problem.collection, problem.id, { cause: error });
    if (status >= 500 || status === 408 || status === 429) {
      return new BankcrmNetworkError(problem.title ?? `server answered ${status}`, {
        status,
        ...(after !== undefined ? { retryAfterMs: after } : {}),
        cause: error,
      });
    }
    return new BankcrmRequestError(status, problem, { cause: error });
  }
  if (error instanceof TimeoutError) return new BankcrmNetworkError("the request timed out", { cause: error });
  if (error instanceof Error && error.name === "AbortError") return error;
  if (error instanceof BankcrmIncompatibleServerError) return error;
  return new BankcrmNetworkError("the server could not be reached", { cause: error });
}

const notFound = (error: unknown) => error instanceof HTTPError && error.response.status === 404;
const majorOf = (version: string) => version.trim().split(".")[0];

export function createHttpStore(options: HttpStoreOptions): HttpStore {
  const etags = new Map<string, string>();
  const api: KyInstance = ky.create({
    prefixUrl: options.baseUrl.endsWith("/") ? options.baseUrl : `${options.baseUrl}/`,
    timeout: options.timeout ?? 10_000,
    retry: { limit: options.retries ?? 2 },
    ...(options.fetch ? { fetch: options.fetch } : {}),
    ...(options.signal ? { signal: options.signal } : {}),
    hooks: {
      beforeRequest: [
        async (request) => {
          request.headers.set("Authorization", `Bearer ${await options.getToken()}`);
        },
      ],
      afterResponse: [
        (_request, _options, response) => {
          // A server of another major contract version: refuse before reading anything it said.
          const version = response.headers.get(REST_CONTRACT_HEADER);
          if (version !== null && majorOf(version) !== majorOf(REST_CONTRACT_VERSION))
            throw new BankcrmIncompatibleServerError(version, REST_CONTRACT_VERSION);
        },
      ],
    },
  });
  const call = async <T>(run: () => Promise<T>): Promise<T> => {
    try {
      return await run();
    } catch (error) {
      throw await toHttpStoreError(error);
    }
  };
  const getWithEtag = async <T>(path: string, cacheKey: string): Promise<T | undefined> => {
    try {
      const response = await api.get(path);
      const etag = response.headers.get("ETag");
      if (etag) etags.set(cacheKey, etag);
      return await response.json();
    } catch (error) {
      if (notFound(error)) return undefined;
      throw await toHttpStoreError(error);
    }
  };
  const page = <T>(path: string, params: Record<string, string | number | undefined>) =>
    call(() =>
      api
        .get(path, {
          searchParams: Object.fromEntries(Object.entries(params).filter(([, v]) => v !== undefined)) as Record<
            string,
            string | number
          >,
        })
        .json<Page<T>>(),
    );

  const store: HttpStore = {
    get remote() {
      return store;
    },
    kind: "http",
    // The reference server masks identifiers for every role (a bank's server may do the same): accept them masked.
    maskedRecords: options.maskedRecords ?? true,
    ...serverEndpoints(api, call),
    async reveal(customerId, field, reason) {
      const answer = await call(() =>
        api
          .post(`customers/${encodeURIComponent(customerId)}/reveal`, { json: { field, reason }, retry: 0 })
          .json<{ value: string | null }>(),
      );
      return answer.value ?? undefined;
    },
    getCustomer: (id) => getWithEtag<Customer>(`customers/${encodeURIComponent(id)}`, `customers/${id}`),
    async findCustomerByNaturalKey(key) {
      const customer = await getWithEtag<Customer>(
        `customers/by-natural-key?key=${encodeURIComponent(key.trim().toUpperCase())}`,
        "",
      );
      etags.delete("");
      return customer;
    },
    listCustomers: (query) => page<Customer>("customers", { ...query }),
    holdings: (customerId) =>
      call(() =>
        api.get(`customers/${encodeURIComponent(customerId)}/holdings`).json<CollectionRecords["holdings"][]>(),
      ),
    timeline: (customerId, query) =>
      page<TimelineEntry>(`customers/${encodeURIComponent(customerId)}/timeline`, { ...query }),
    record: <C extends CollectionName>(collection: C, id: string) =>
      getWithEtag<CollectionRecords[C]>(`${collection}/${encodeURIComponent(id)}`, `${collection}/${id}`),
    records: <C extends CollectionName>(collection: C, query: RecordQuery) =>
      page<CollectionRecords[C]>(collection, { ...query }),
    async put<C extends CollectionName>(collection: C, records: readonly CollectionRecords[C][]) {
      // Records with a state machine are replaced only by import (PUT refuses a state change); so are many records.
      if (records.length > 1 || collectionSpec(collection).machine !== undefined) {
        // One bulk import per 1,000 (validated by the server, all or nothing).
        for (let i = 0; i < records.length; i += 1000) {
          const batch = records.slice(i, i + 1000);
          await call(() => api.post(`import/${collection}`, { json: batch }));
        }
        return;
      }
      for (const record of records) {
        const key = `${collection}/${record.id}`;
        const ifMatch = etags.get(key);
        const response = await call(() =>
          api.put(`${collection}/${encodeURIComponent(record.id)}`, {
            json: record,
            ...(ifMatch ? { headers: { "If-Match": ifMatch } } : {}),
          }),
        );
        const etag = response.headers.get("ETag");
        if (etag) etags.set(key, etag);
      }
    },
    async write(collection, record, { expectedVersion }) {
      if (expectedVersion === null) await this.create(collection, record, crypto.randomUUID());
      else await this.update(collection, record, expectedVersion);
    },
    create: (collection, record, idempotencyKey) =>
      call(() =>
        api.post(collection, { json: record, headers: { "Idempotency-Key": idempotencyKey }, retry: 0 }).json(),
      ),
    async update(collection, record, expectedVersion, idempotencyKey) {
      const response = await call(() =>
        api.put(`${collection}/${encodeURIComponent(record.id)}`, {
          json: record,
          headers: {
            "If-Match": `"v${expectedVersion}"`,
            ...(idempotencyKey ? { "Idempotency-Key": idempotencyKey } : {}),
          },
        }),
      );
      const etag = response.headers.get("ETag");
      if (etag) etags.set(`${collection}/${record.id}`, etag);
      return response.json();
    },
    transition: (collection, id, request, expectedVersion, idempotencyKey) =>
      call(() =>
        api
          .post(`${collection}/${encodeURIComponent(id)}/transitions`, {
            json: request,
            headers: { "If-Match": `"v${expectedVersion}"`, "Idempotency-Key": idempotencyKey },
            retry: 0,
          })
          .json(),
      ),
    changeCustomer: (customerId, change, expectedVersion, idempotencyKey) =>
      call(() =>
        api
          .post(`customers/${encodeURIComponent(customerId)}/changes`, {
            json: change,
            headers: { "If-Match": `"v${expectedVersion}"`, "Idempotency-Key": idempotencyKey },
            retry: 0,
          })
          .json(),
      ),
    close() {
      etags.clear();
    },
    destroy() {
      // The server's records are the bank's, not the SDK's: nothing to delete there.
      etags.clear();
      return Promise.resolve();
    },
  };
  return store;
}
