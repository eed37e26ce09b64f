/**
 * Builds docs/api/openapi.yaml — the REST contract the HTTP store speaks and
 * the reference server implements — with its record schemas generated from
 * @bankcrm/core's zod schemas, so the contract cannot drift from the code.
 * `node --import tsx scripts/openapi.ts` rewrites it; a test checks it is current.
 * (JSON is YAML 1.2, so the document is written as formatted JSON.)
 */
import { writeFileSync } from "node:fs";
import { PORTAL_REQUESTS, STAFF_ONLY_FIELDS } from "../examples/reference-server/src/routes/portal.js";
import { fileURLToPath } from "node:url";
import {
  COLLECTION_NAMES,
  MACHINE_COLLECTIONS,
  REST_CONTRACT_VERSION,
  REVEALABLE_FIELDS,
  recordJsonSchema,
  TIMELINE_COLLECTIONS,
  WRITABLE_COLLECTIONS,
  collectionSchemas,
  collections,
  collectionSpec,
  METRICS,
  type CollectionName,
  type MetricSpec,
} from "@bankcrm/core";

const ref = (name: string) => ({ $ref: `#/components/schemas/${name}` });
const json = (schema: object) => ({ "application/json": { schema } });
const problems = { "application/problem+json": { schema: ref("Problem") } };
/** The error answers of a route; every route may also answer 429 (the caller's rate limit). */
const errors = (...codes: number[]) =>
  Object.fromEntries(
    [...codes, 429].map((code) => [
      String(code),
      {
        description: {
          400: "Malformed request",
          401: "Missing, expired or invalid bearer JWT (issuer, audience, signature and expiry are checked)",
          404: "Not found — or outside the caller's scope: the two are not told apart",
          413: "The body is over the limit (1 MB; 16 MB for imports): the rest is read and discarded (up to 64 MiB), then refused with `code: payload_too_large` — a permanent refusal, not worth retrying",
          412: "If-Match does not match: the record changed (the problem carries `current` and `etag`)",
          403: "The caller's role may not do this (an auditor never writes; four eyes; reveals by role; imports need the `bankcrm:load` scope)",
          409: "The state machine refuses the event in the record's state (`code: invalid_transition`, with `allowed` events)",
          422: "A record failed validation (the problem carries field `errors`; a property the record does not have is refused as `unrecognizedKeys`, never dropped unsaid), or an Idempotency-Key was reused with another body",
          428: "If-Match is required: send the version the write was computed from",
          423: "Locked (`code: verification_locked`, with `lockedUntil`): three failed verifications of this customer by this member of staff within a day; nothing clears it before then",
          410: "The cursor is older than the change feed keeps, or from another database (`code: cursor_gone`, with the feed's `head`): read your scope again, then follow from `head`",
          503: "Unavailable; retry after Retry-After",
          429: "Over the caller's rate limit; retry after Retry-After (seconds)",
        }[code],
        content: problems,
      },
    ]),
  );
/**
 * A person's copy of their personal information (PIPL Arts. 44–45): the package as JSON, or the readable document.
 * Both the portal's `/me/personal-data` and a branch manager's `/customers/{id}/personal-data` answer it.
 */
const personalData = (operationId: string, summary: string, extraErrors: number[], path: object[] = []) => ({
  get: {
    operationId,
    summary,
    parameters: [
      ...path,
      query(
        "format",
        "`json` (default): the package; `text`: the readable document (UTF-8 plain text, shown as text)",
        {
          type: "string",
          enum: ["json", "text"],
        },
      ),
      query("locale", "The document's language", { type: "string", enum: ["zh-CN", "en"] }),
    ],
    responses: {
      200: {
        description:
          "Every record that names the person, by collection — their own values in full — with what was withheld and how often (`otherMembers`: who else is in their household or group; `staffIdentifiers`: the bank's employees; `amlRiskRating`: the AML law forbids telling it). Each copy is in the audit trail (`subject_access`)",
        content: {
          "application/json": {
            schema: {
              type: "object",
              required: ["customerId", "at", "collections", "withheld"],
              properties: {
                customerId: { type: "string" },
                at: { type: "string", format: "date-time" },
                collections: { type: "object", additionalProperties: { type: "array", items: { type: "object" } } },
                withheld: { type: "object", additionalProperties: { type: "integer" } },
              },
            },
          },
          "text/plain": { schema: { type: "string" } },
        },
      },
      ...errors(400, 401, ...extraErrors),
    },
  },
});
/** A deletion request's plan and the person's answer (PIPL Art. 47; core's `retentionPlan` / `erasureAnswer`). */
const erasurePlan = {
  type: "object",
  required: ["plan", "answer"],
  properties: {
    plan: {
      type: "object",
      required: ["customerId", "at", "trigger", "steps"],
      properties: {
        customerId: { type: "string" },
        at: { type: "string", format: "date-time" },
        trigger: { type: "string", enum: ["request", "expiry"] },
        steps: {
          type: "array",
          items: {
            type: "object",
            required: ["collection", "id", "action", "holds"],
            properties: {
              collection: { type: "string" },
              id: { type: "string" },
              action: { type: "string", enum: ["erase", "anonymise", "restrict", "keep"] },
              holds: {
                type: "array",
                items: {
                  type: "object",
                  required: ["kind"],
                  properties: {
                    kind: { type: "string", enum: ["contract", "aml", "saleEvidence", "openCase", "caseRecord"] },
                    until: { type: "string", format: "date", description: "Absent: while the relationship lasts" },
                  },
                },
              },
            },
          },
        },
      },
    },
    answer: {
      type: "string",
      description: "The answer to the person, as text: what was deleted, what is kept and why",
    },
    applied: {
      type: "object",
      description: "What was written (a fulfilled request only)",
      properties: { erased: { type: "integer" }, anonymised: { type: "integer" }, restricted: { type: "integer" } },
    },
  },
};
const localeQuery = () => query("locale", "The answer's language", { type: "string", enum: ["zh-CN", "en"] });
const erasureOp = (operationId: string, summary: string, extra: number[], path: object[] = []) => ({
  operationId,
  summary,
  parameters: [...path, localeQuery()],
  responses: {
    200: { description: "The plan and the answer", content: { "application/json": { schema: erasurePlan } } },
    ...errors(400, 401, ...extra),
  },
});

const page = (item: string) => ({
  type: "object",
  required: ["items"],
  properties: {
    items: { type: "array", items: ref(item) },
    next: { type: "string", description: "Pass as `after` for the next page; absent on the last page." },
  },
});
const query = (name: string, description: string, schema: object = { type: "string" }) => ({
  name,
  in: "query",
  required: false,
  description,
  schema,
});
const idempotencyKey = {
  name: "Idempotency-Key",
  in: "header",
  required: true,
  description: "A UUID, reused by every retry of the same request",
  schema: { type: "string" },
};
const ifMatch = (required: boolean) => ({
  name: "If-Match",
  in: "header",
  required,
  description: 'The version the write was computed from, as its ETag ("v3")',
  schema: { type: "string" },
});
const pathId = { name: "id", in: "path", required: true, schema: { type: "string" } };
/** Two customer records, by id (entity resolution's decisions). */
const idsBody = {
  type: "object",
  required: ["ids"],
  additionalProperties: false,
  properties: { ids: { type: "array", items: { type: "string" }, minItems: 2, maxItems: 2 } },
};
const limitAfter = [
  query("limit", "Page size, 1–1,000 (default 50)", { type: "integer", minimum: 1, maximum: 1000 }),
  query("after", "Cursor from the previous page"),
];
/** Every collection, for the generic reads. */
/** A page of the change feed (staff's, or a customer's own records). */
const changesPage = (operationId: string, whose: string, ...more: number[]) => ({
  operationId,
  summary: `The change feed: every committed write after the cursor, numbered contiguously in commit order, ${whose} (docs/server/change-feed.md)`,
  parameters: [
    query("after", "The cursor: the last change number the caller has (0 from the start)", {
      type: "string",
      pattern: "^\\d{1,15}$",
    }),
    query("limit", "How many change numbers a page covers, 1–500 (default 200)", {
      type: "integer",
      minimum: 1,
      maximum: 500,
    }),
  ],
  responses: { 200: { description: "A page", content: json(ref("ChangePage")) }, ...errors(400, 401, 410, ...more) },
});

/** The change feed as server-sent events (staff's, or a customer's own records). */
const changesStream = (operationId: string, skipped: string, ...more: number[]) => ({
  operationId,
  summary: `The change feed as server-sent events: \`change\` events (data: a Change, id: its number), \`cursor\` events that move the cursor past changes ${skipped}, \`gone\` when the cursor is no longer kept. Resumes after \`Last-Event-ID\` (or \`after\`)`,
  parameters: [
    { name: "Last-Event-ID", in: "header", required: false, schema: { type: "string" } },
    query("after", "The cursor when no Last-Event-ID is sent", { type: "string", pattern: "^\\d{1,15}$" }),
  ],
  responses: {
    200: {
      description: "The event stream (open until the client or the server stops it)",
      content: { "text/event-stream": { schema: { type: "string" } } },
    },
    ...errors(400, 401, 410, ...more),
  },
});

const ALL = COLLECTION_NAMES;
/** Each collection's record name: its component and operation names (the table's `record` column). */
const NAMES = Object.fromEntries(COLLECTION_NAMES.map((c) => [c, collections[c].record])) as Record<
  CollectionName,
  string
>;

/**
 * Every object of a record schema closed to properties it does not name: the server refuses unknown properties
 * with 422 (`unrecognizedKeys`) rather than dropping them unsaid, and never sends any.
 */
function closed(schema: unknown): Record<string, unknown> {
  const walk = (node: unknown): unknown => {
    if (Array.isArray(node)) return node.map(walk);
    if (typeof node !== "object" || node === null) return node;
    const out = Object.fromEntries(
      Object.entries(node).map(([k, v]) => [k, k === "properties" ? mapValues(v) : walk(v)]),
    );
    if ("properties" in out && out.additionalProperties === undefined) out.additionalProperties = false;
    return out;
  };
  const mapValues = (props: unknown) =>
    Object.fromEntries(Object.entries(props as Record<string, unknown>).map(([k, v]) => [k, walk(v)]));
  return walk(schema) as Record<string, unknown>;
}

/** The contract of each reasons metric: coded reasons with their figures. */
const REASONS: Record<string, object> = {
  churnAlertReasons: {
    type: "array",
    description: "The churn alert's signals, the newest first; amounts (amount) only to financial roles",
    items: {
      type: "object",
      required: ["code", "at", "params"],
      properties: {
        code: {
          type: "string",
          enum: ["aliveFalling", "outflow30", "outflow90", "productsClosed", "complaints"],
        },
        at: { type: "string", format: "date" },
        params: { type: "object", additionalProperties: true },
      },
    },
  },
  goldReasons: {
    type: "array",
    description: "Why the customer is on the gold list; amounts (contribution, clv, gap) only to financial roles",
    items: {
      type: "object",
      required: ["code", "params"],
      properties: {
        code: { type: "string", enum: ["topContribution", "topLifetimeValue", "nearNextTier"] },
        params: { type: "object", additionalProperties: true },
      },
    },
  },
};

/** Each metric of core's metric table the `/metrics` answer carries, as JSON Schema. */
function metricProperties(): Record<string, object> {
  const schema = (metric: MetricSpec): object => {
    const description = metric.label.en;
    switch (metric.kind) {
      case "money":
        return { type: "number", description: `${description}, minor units (financial roles only)` };
      case "number":
        return { type: "number", description };
      case "boolean":
        return { type: "boolean", description };
      case "date":
        return { type: "string", format: "date", description };
      case "enum":
        return { type: "string", enum: [...(metric.values ?? [])], description };
      case "codes":
        return { type: "array", items: { type: "string" }, description };
      case "reasons":
        return REASONS[metric.name]!;
    }
  };
  return Object.fromEntries(METRICS.filter((m) => !m.internal).map((m) => [m.name, schema(m)]));
}

/** The portal's routes (`/me…`): a customer's token only (role `customer`); staff get 404 there, as customers do elsewhere. */
function portalPaths(): Record<string, unknown> {
  const view = (collection: keyof typeof STAFF_ONLY_FIELDS, what: string) => ({
    type: "object",
    description: `${what}, as its customer sees it: identifiers masked, their amounts shown, without staff's fields (${(STAFF_ONLY_FIELDS[collection] ?? []).join(", ")})`,
  });
  const list = (collection: keyof typeof STAFF_ONLY_FIELDS, what: string) =>
    json({
      type: "object",
      required: ["items"],
      properties: { items: { type: "array", items: view(collection, what) } },
    });
  const refused = (detail: string) => ({ 409: { description: detail, content: problems } });
  const read = (operationId: string, summary: string, content: unknown) => ({
    get: { operationId, summary, responses: { 200: { description: summary, content }, ...errors(401, 404) } },
  });
  const create = (operationId: string, summary: string, request: string, collection: "leads" | "serviceCases") => ({
    post: {
      operationId,
      summary,
      parameters: [idempotencyKey],
      requestBody: { required: true, content: json(ref(request)) },
      responses: {
        201: { description: "Created", content: json(view(collection, "The new record")) },
        ...refused("The id is taken (`code: id_taken`): choose another"),
        ...errors(400, 401, 404, 422),
      },
    },
  });
  return {
    "/me": read(
      "getMe",
      "The signed-in customer's own profile (ETag for /me/changes)",
      json(view("customers", "The customer")),
    ),
    "/me/personal-data": personalData(
      "getMyPersonalData",
      "The signed-in customer's copy of everything the bank holds about them (their sign-in is the identity check)",
      [404],
    ),
    "/me/erasure": {
      get: erasureOp(
        "getMyErasure",
        "The answer to the signed-in customer's last fulfilled deletion request: what was deleted, and what the law keeps, restricted, with the reasons (404: none fulfilled)",
        [404],
      ),
    },
    "/me/holdings": read("listMyHoldings", "The customer's holdings", list("holdings", "A holding")),
    "/me/cases": {
      ...read("listMyCases", "The customer's cases, newest first", list("serviceCases", "A case")),
      ...create(
        "createMyCase",
        "A complaint or request from the customer (channel online_banking, open, due by its working-day time limit)",
        "PortalCaseRequest",
        "serviceCases",
      ),
    },
    "/me/leads": {
      ...read("listMyLeads", "The leads the customer left", list("leads", "A lead")),
      ...create(
        "createMyLead",
        "A lead for the customer's relationship manager (source internet_banking, assigned to their RM, with the consent to be called about it)",
        "PortalLeadRequest",
        "leads",
      ),
    },
    "/me/loyalty": read(
      "getMyLoyalty",
      "The customer's points: their ledger newest first, its balance now (what lapses when, core's pointsBalance), their tier and its benefits",
      json({
        type: "object",
        required: ["balance", "tier", "benefits", "items"],
        properties: {
          balance: {
            type: "object",
            required: ["balance", "lapsed", "expiring", "earned", "redeemed", "expired"],
            properties: {
              balance: { type: "integer" },
              lapsed: { type: "integer" },
              expiring: {
                type: "array",
                items: {
                  type: "object",
                  required: ["on", "points"],
                  properties: { on: { type: "string", format: "date" }, points: { type: "integer" } },
                },
              },
              earned: { type: "integer" },
              redeemed: { type: "integer" },
              expired: { type: "integer" },
            },
          },
          tier: { type: "string" },
          benefits: { type: "array", items: { type: "string" } },
          items: { type: "array", items: view("loyaltyEntries", "A ledger entry") },
        },
      }),
    ),
    "/me/cases/{id}/rating": {
      post: {
        operationId: "rateMyCase",
        summary: "The customer's rating of a case of theirs, once, after it is resolved",
        parameters: [pathId, idempotencyKey],
        requestBody: { required: true, content: json(ref("PortalRatingRequest")) },
        responses: {
          200: { description: "The case", content: json(view("serviceCases", "The case")) },
          ...refused("Not open to rating (`code: not_ratable`): not resolved yet, or rated already"),
          ...errors(400, 401, 404, 422),
        },
      },
    },
    "/me/changes/stream": { get: changesStream("streamMyChanges", "that are not the customer's own", 404) },
    "/me/changes": {
      get: changesPage(
        "listMyChanges",
        "of the customer's own profile, holdings, cases, leads and points, as they see them (a `put` each)",
        404,
      ),
      post: {
        operationId: "changeMe",
        summary:
          "The customer's change of their contact details or a consent (given or withdrawn), kept as history with `by` their own id; other kinds are 403",
        parameters: [idempotencyKey, ifMatch(true)],
        requestBody: { required: true, content: json(ref("PortalChangeRequest")) },
        responses: {
          200: {
            description: "The profile and the change record",
            content: json({
              type: "object",
              required: ["customer", "change"],
              properties: { customer: view("customers", "The customer"), change: ref("CustomerChange") },
            }),
          },
          ...errors(400, 401, 403, 404, 412, 422, 428),
        },
      },
    },
  };
}

/**
 * A record's own definitions (`$defs`: a recursive part, such as a segment's rule) as components of their own —
 * `<Record>_<def>` — with every reference to them pointed there: a component's `#/$defs/…` resolves nowhere.
 */
function hoisted(
  name: string,
  schema: Record<string, unknown>,
  components: Record<string, unknown>,
): Record<string, unknown> {
  const { $defs, ...rest } = schema as { $defs?: Record<string, unknown> };
  if (!$defs) return schema;
  const renamed = new Map(Object.keys($defs).map((key) => [key, `${name}_${key.replace(/^_+schema/, "Part")}`]));
  const repoint = (node: unknown): unknown => {
    if (Array.isArray(node)) return node.map(repoint);
    if (typeof node !== "object" || node === null) return node;
    return Object.fromEntries(
      Object.entries(node).map(([k, v]) => {
        const def = k === "$ref" && typeof v === "string" ? /^#\/\$defs\/(.+)$/.exec(v)?.[1] : undefined;
        return [k, def !== undefined ? `#/components/schemas/${renamed.get(def) ?? def}` : repoint(v)];
      }),
    );
  };
  for (const [key, def] of Object.entries($defs)) components[renamed.get(key)!] = repoint(def);
  return repoint(rest) as Record<string, unknown>;
}

export function buildOpenApi(): Record<string, unknown> {
  const components: Record<string, unknown> = {};
  // Each collection's record (staff and sales targets travel on no route, so they are not part of the contract).
  for (const collection of COLLECTION_NAMES) {
    const { $schema: _ignored, ...rest } = recordJsonSchema(collectionSchemas[collection]);
    components[NAMES[collection]] = closed(hoisted(NAMES[collection], rest, components));
  }
  for (const [name, schema] of Object.entries(PORTAL_REQUESTS)) {
    const { $schema: _ignored, ...rest } = recordJsonSchema(schema);
    components[name] = rest;
  }
  components.Problem = {
    type: "object",
    description: "RFC 9457 problem details",
    properties: {
      type: { type: "string" },
      title: { type: "string" },
      status: { type: "integer" },
      detail: { type: "string" },
      errors: {
        type: "array",
        items: {
          type: "object",
          properties: {
            path: { type: "array", items: { type: ["string", "integer"] } },
            code: { type: "string" },
            message: { type: "string" },
          },
        },
      },
      current: { description: "412 only: the record as it is on the server" },
      etag: { type: ["string", "null"], description: "412 only: its ETag" },
      code: { type: "string", description: "409: `invalid_transition`" },
      allowed: { type: "array", items: { type: "string" }, description: "409 only: the events that apply now" },
    },
  };
  components.TransitionRequest = {
    type: "object",
    required: ["event", "at"],
    properties: {
      event: { type: "string", description: "An event of the collection's state machine" },
      at: { type: "string", format: "date-time" },
      reason: { type: "string", maxLength: 500 },
      actor: {
        type: "object",
        required: ["id", "role"],
        description:
          "Ignored by the server, which applies the event as the bearer token's principal (older clients send it)",
        properties: { id: { type: "string" }, role: { type: "string" }, branchId: { type: "string" } },
      },
      details: { type: "object", description: "The event's details: amount, stage, until, resolution, opportunityId…" },
    },
  };
  components.CustomerChangeRequest = {
    type: "object",
    required: ["id", "at", "input"],
    properties: {
      id: { type: "string", description: "The change record's id" },
      at: { type: "string", format: "date-time" },
      actor: { $ref: "#/components/schemas/TransitionRequest/properties/actor" },
      input: { type: "object", description: "kind (contact | risk_assessment | consent) and its fields" },
    },
  };
  components.TimelineEntry = {
    type: "object",
    required: ["kind", "id", "customerId", "at", "record"],
    properties: {
      kind: { type: "string", enum: Object.keys(TIMELINE_COLLECTIONS) },
      id: { type: "string" },
      customerId: { type: "string" },
      at: { type: "string", format: "date-time", description: "The record's latest activity" },
      record: { oneOf: Object.values(TIMELINE_COLLECTIONS).map((c) => ref(NAMES[c])) },
    },
  };
  components.RevealRequest = {
    type: "object",
    required: ["field", "reason"],
    properties: {
      field: { type: "string", enum: [...REVEALABLE_FIELDS] },
      reason: {
        type: "string",
        minLength: 1,
        maxLength: 500,
        description: "Why the value is needed; kept in the audit row",
      },
    },
  };
  components.RevealAnswer = {
    type: "object",
    required: ["customerId", "field", "value"],
    properties: {
      customerId: { type: "string" },
      field: { type: "string" },
      value: { type: ["string", "null"], description: "The one value in full; null when the customer has none" },
    },
  };
  components.AuditRow = {
    type: "object",
    required: ["seq", "at", "actorId", "actorRole", "action", "prevHash", "hash"],
    properties: {
      seq: { type: "integer", description: "1, 2, 3… with no gaps" },
      at: { type: "string", format: "date-time" },
      actorId: { type: "string" },
      actorRole: { type: "string" },
      action: {
        type: "string",
        description: "`reveal` (a value shown), `reveal_denied` (a reveal refused: `refusal` says why)",
      },
      customerId: { type: "string" },
      field: { type: "string" },
      reason: { type: "string", description: "The reason the member of staff stated" },
      refusal: {
        type: "string",
        enum: ["invalid_field", "no_reason", "role", "not_found", "flood"],
        description:
          "Why a reveal was refused: not a revealable field, no (or too long a) reason, a role that may not reveal, a customer missing or out of scope; `flood` — past the hour's allowance of logged refusals, the rest of the hour's are counted (GET /audit/refusals), not logged",
      },
      prevHash: { type: "string", description: "The previous row's hash (64 zeros for the first)" },
      hash: {
        type: "string",
        description: "SHA-256 over this row's fields and prevHash (and its refusal, when it has one)",
      },
    },
  };
  components.RefusalCounts = {
    type: "object",
    required: ["items"],
    properties: {
      items: {
        type: "array",
        items: {
          type: "object",
          required: ["actorId", "refused", "peakHour"],
          properties: {
            actorId: { type: "string" },
            refused: { type: "integer", description: "Refused reveals in the period, logged or only counted" },
            peakHour: { type: "integer", description: "The most in any one hour" },
          },
        },
      },
    },
  };
  components.AuditPage = page("AuditRow");
  components.AuditVerification = {
    type: "object",
    required: ["ok", "rows"],
    properties: {
      ok: { type: "boolean" },
      rows: { type: "integer", description: "Rows whose links hold" },
      firstBroken: {
        type: "object",
        properties: { seq: { type: "integer" }, reason: { type: "string", enum: ["sequence", "link", "hash"] } },
      },
    },
  };
  components.Change = {
    type: "object",
    required: ["seq", "collection", "id", "change"],
    properties: {
      seq: { type: "integer", minimum: 1, description: "The change's number: contiguous, in commit order" },
      collection: { type: "string", enum: [...COLLECTION_NAMES] },
      id: { type: "string" },
      change: {
        type: "string",
        enum: ["put", "enter", "leave"],
        description:
          "`put`: the record as it is now; `enter`: a customer who came into the caller's scope (read its records); `leave`: a record the caller could see before this change and no longer can (drop it — for a customer, with its records)",
      },
      record: {
        type: "object",
        description: "The record now, masked as a read of it is (absent on `leave`)",
      },
    },
  };
  components.ChangePage = {
    type: "object",
    required: ["items", "cursor", "more", "head"],
    properties: {
      items: { type: "array", items: ref("Change") },
      cursor: {
        type: "integer",
        minimum: 0,
        description:
          "Pass as `after` next: the last number this page covered (changes outside the caller's scope are passed over, not shown)",
      },
      more: { type: "boolean", description: "Whether more changes are published after `cursor`" },
      head: {
        type: "integer",
        minimum: 0,
        description: "The last change published: a client that wants only what comes next follows from here",
      },
    },
  };
  components.CustomerPage = page("Customer");
  components.LeadPage = page("Lead");
  components.TimelinePage = page("TimelineEntry");

  const paths: Record<string, unknown> = {
    "/customers": {
      get: {
        operationId: "listCustomers",
        summary: "Customers in id order, filtered, a page at a time",
        parameters: [
          query("tier", "Tier"),
          query("branchId", "Branch"),
          query("relationshipManagerId", "Relationship manager"),
          query("status", "Status"),
          query(
            "search",
            "Start of the name or customer number, full resident ID / USCC, mobile, masked mobile (138****5678), or four digits (last four of the mobile or ID)",
          ),
          ...limitAfter,
        ],
        responses: { 200: { description: "A page", content: json(ref("CustomerPage")) }, ...errors(401) },
      },
    },
    "/customers/{id}": {
      get: {
        operationId: "getCustomer",
        summary: "One customer of the caller's scope (404 outside it, as for one that does not exist)",
        parameters: [pathId],
        responses: {
          200: {
            description: "The customer; ETag header for If-Match",
            headers: { ETag: { schema: { type: "string" } } },
            content: json(ref("Customer")),
          },
          ...errors(401, 404),
        },
      },
    },
    "/customers/by-natural-key": {
      get: {
        operationId: "findCustomerByNaturalKey",
        summary:
          "One customer of the caller's scope by resident ID number or USCC (the business key a re-import matches on)",
        parameters: [
          {
            name: "key",
            in: "query",
            required: true,
            description: "Resident ID number or USCC",
            schema: { type: "string" },
          },
        ],
        responses: { 200: { description: "The customer", content: json(ref("Customer")) }, ...errors(400, 401, 404) },
      },
    },
    "/customers/{id}/holdings": {
      get: {
        operationId: "listCustomerHoldings",
        summary: "A customer's holdings (accounts, cards, loans, wealth products), identifiers masked",
        parameters: [pathId],
        responses: {
          200: { description: "Holdings", content: json({ type: "array", items: ref("Holding") }) },
          ...errors(401),
        },
      },
    },
    "/customers/{id}/timeline": {
      get: {
        operationId: "timeline",
        summary: "Interactions, transactions, cases and campaign responses merged, newest first",
        parameters: [pathId, ...limitAfter],
        responses: { 200: { description: "A page", content: json(ref("TimelinePage")) }, ...errors(401) },
      },
    },
    "/customers/{id}/reveal": {
      post: {
        operationId: "revealCustomerField",
        summary:
          "One identifier in full, for a stated reason (at most 500 characters): the role must be allowed and the customer in scope; the audit row is written first, and without it nothing is revealed. A refused reveal (403, 404, 422) is audited as `reveal_denied` with why",
        parameters: [pathId],
        requestBody: { required: true, content: json(ref("RevealRequest")) },
        responses: {
          200: { description: "The value", content: json(ref("RevealAnswer")) },
          ...errors(401, 403, 404, 413, 422),
        },
      },
    },
    "/changes": { get: changesPage("listChanges", "in the caller's scope and masked as reads are") },
    "/changes/stream": { get: changesStream("streamChanges", "outside the caller's scope") },
    "/campaigns/{id}/launch": {
      post: {
        operationId: "launchCampaign",
        summary:
          "Launches a scheduled campaign on its saved segment (marketing and branch managers; a branch manager's audience is their branch): every member of the segment the caller may see kept as a CampaignMember — treatment, control (drawn tier by tier, `controlShare` of each, default 0.1) or excluded with the reason (no consent for the channel, do-not-contact, the frequency cap, already holding the product, not suitable) — the campaign moved to active, and an audit row (`campaign_launch`), in one transaction. 409 `segment_missing` without a saved segment",
        parameters: [pathId, idempotencyKey, ifMatch(true)],
        requestBody: {
          required: true,
          content: json({
            type: "object",
            additionalProperties: false,
            properties: { controlShare: { type: "number", minimum: 0, exclusiveMaximum: 0.5 } },
          }),
        },
        responses: {
          200: {
            description: "The campaign, active, and how many in each group",
            content: json({
              type: "object",
              required: ["campaign", "counts", "excludedBy"],
              properties: {
                campaign: ref("Campaign"),
                counts: {
                  type: "object",
                  required: ["treatment", "control", "excluded"],
                  properties: {
                    treatment: { type: "integer" },
                    control: { type: "integer" },
                    excluded: { type: "integer" },
                  },
                },
                excludedBy: { type: "object", additionalProperties: { type: "integer" } },
              },
            }),
          },
          ...errors(400, 401, 403, 404, 409, 412, 422, 428),
        },
      },
    },
    "/campaigns/{id}/call-list": {
      get: {
        operationId: "campaignCallList",
        summary:
          "A phone campaign's call list as the server judges it now: its launch's treatment members the caller may see whose consent to marketing by phone is in force, not deceased or closed, not answered, a no-answer tried again after 4 hours and at most 3 times, preferred contact time first; each member left out with why; open only while the campaign runs on the phone and within the bank's calling hours (09:00–20:00 Beijing). Names as the caller is shown them (service agents, relationship managers, marketing, branch managers)",
        parameters: [pathId],
        responses: {
          200: {
            description: "The call list",
            content: json({
              type: "object",
              required: ["open", "calls", "leftOut", "names"],
              properties: {
                open: { type: "boolean" },
                opensAt: { type: "string", format: "date-time" },
                calls: {
                  type: "array",
                  items: {
                    type: "object",
                    required: ["customerId", "attempts", "preferredNow"],
                    properties: {
                      customerId: { type: "string" },
                      attempts: { type: "integer" },
                      lastAttemptAt: { type: "string", format: "date-time" },
                      preferredTime: { type: "string" },
                      preferredNow: { type: "boolean" },
                    },
                  },
                },
                leftOut: {
                  type: "array",
                  items: {
                    type: "object",
                    required: ["customerId", "reason"],
                    properties: {
                      customerId: { type: "string" },
                      reason: {
                        type: "string",
                        enum: ["noConsent", "deceased", "closed", "answered", "attempts", "retryLater", "unknown"],
                      },
                      retryAt: { type: "string", format: "date-time" },
                    },
                  },
                },
                names: { type: "object", additionalProperties: { type: "string" } },
              },
            }),
          },
          ...errors(401, 403, 404),
        },
      },
    },
    "/campaigns/{id}/effect": {
      get: {
        operationId: "campaignEffect",
        summary:
          "A launched campaign measured from the records as of now: of its launch's members the caller may see, who in the treatment and the control group reached its goal (a product opened — by default its own —, a transaction, or AUM up by an amount) within the window, once each; the overlap with other campaigns and the control group's contamination; the uplift with its interval and test, incremental conversions and revenue, ROI against the budget (marketing, branch managers, auditors). 409 `no_goal` / `not_launched`",
        parameters: [
          pathId,
          query("value", "What a conversion is worth, in minor units (default 200000)", {
            type: "integer",
            minimum: 0,
          }),
        ],
        responses: {
          200: {
            description: "The measurement",
            content: json({
              type: "object",
              required: ["goal", "window", "treatment", "control"],
              properties: {
                goal: { type: "object" },
                window: {
                  type: "object",
                  properties: { from: { type: "string" }, to: { type: "string" }, complete: { type: "boolean" } },
                },
                treatment: {
                  type: "object",
                  properties: { size: { type: "integer" }, converted: { type: "integer" } },
                },
                control: { type: "object", properties: { size: { type: "integer" }, converted: { type: "integer" } } },
                effect: { type: "object", description: "core's CampaignEffect, once both groups have members" },
                overlap: {
                  type: "object",
                  description: "the treated other campaigns also treated meanwhile, and which",
                  properties: { treated: { type: "integer" }, campaigns: { type: "array", items: { type: "string" } } },
                },
                contamination: {
                  type: "object",
                  description: "the control members other campaigns treated meanwhile, and their share",
                  properties: { control: { type: "integer" }, share: { type: "number" } },
                },
              },
            }),
          },
          ...errors(400, 401, 403, 404, 409),
        },
      },
    },
    "/load/{mapping}": {
      post: {
        operationId: "loadFile",
        summary:
          "A source system's file loaded by a data feed (`bankcrm:load` scope) with the bank's mapping of that name (LOAD_MAPPINGS/<mapping>.yaml): CSV or JSON Lines in UTF-8, GBK or GB18030, streamed, each row mapped and validated, good rows written in batches with their source identity, refused rows listed (docs/data/import.md). The same file again writes nothing; a stopped load resumes. 422 `encoding` / `columns` when the file cannot be read",
        parameters: [
          {
            name: "mapping",
            in: "path",
            required: true,
            schema: { type: "string", pattern: "^[a-z0-9][a-z0-9_-]{0,63}$" },
          },
        ],
        requestBody: {
          required: true,
          content: {
            "text/csv": { schema: { type: "string" } },
            "application/x-ndjson": { schema: { type: "string" } },
          },
        },
        responses: {
          200: {
            description: "Loaded: the summary and the first thousand rejects",
            content: json({
              type: "object",
              required: ["summary", "rejects"],
              properties: {
                summary: {
                  type: "object",
                  description:
                    "rows, loaded, resumedFrom, rejected, byReason, byColumn, batches, encoding, quality (the load's data-quality report, as GET /load/quality)",
                },
                rejects: {
                  type: "array",
                  items: {
                    type: "object",
                    properties: {
                      line: { type: "integer" },
                      column: { type: "string" },
                      code: { type: "string" },
                      zh: { type: "string" },
                      en: { type: "string" },
                      key: { type: "string" },
                    },
                  },
                },
                rejectsShown: { type: "integer" },
              },
            }),
          },
          ...errors(400, 401, 403, 404, 422),
        },
      },
    },
    "/load/quality": {
      get: {
        operationId: "loadQuality",
        summary:
          "The data-quality reports of the latest loads, newest first, for head office (a member of staff of the head office branch) or a data feed: per load, completeness of each mapped field, refused rows by column and reason, suspected duplicate customers (one identity number under several records; masked) and orphans (a holding whose customer, a transaction whose holding, nobody holds). Read as a trend across loads",
        parameters: [
          query("system", "One source system's loads (CORE, CARD…)", {
            type: "string",
            pattern: "^[A-Z][A-Z0-9_]{1,19}$",
          }),
          query("collection", "One collection's loads", { type: "string" }),
          query("limit", "How many reports (default 20, at most 200)", { type: "integer", minimum: 1, maximum: 200 }),
        ],
        responses: {
          200: {
            description: "The reports",
            content: json({
              type: "object",
              required: ["items"],
              properties: {
                items: {
                  type: "array",
                  items: {
                    type: "object",
                    description:
                      "runKey, system, collection, file, at, rows, loaded, rejected, records, completeness [{field, column, filled}], validity [{column, code, refused}], duplicates {groups, examples}, orphans {count, examples}",
                  },
                },
              },
            }),
          },
          ...errors(400, 401, 403),
        },
      },
    },
    "/resolution/review": {
      get: {
        operationId: "resolutionReview",
        summary:
          "Branch managers: the pairs of their customers (a branch's, or the bank's for head office) that may be one person, strongest first, a pair kept apart never proposed. Once the resolution job has run (`source: job`), its review queue: the pairs its last run left between the thresholds, set-based over the whole book in the database, both customers visible to the caller. Before any run (`source: live`), entity resolution over the customers the caller may see (core's resolve: deterministic rules, then a Fellegi–Sunter model fitted without labels; at most 20,000 read). Each with its match probability and weight and the evidence per field (a level and its weight; no values: read the two records masked from GET /customers/{id}). `decision` merge: the model would merge it unseen; review: a person decides",
        parameters: [
          query("limit", "How many pairs (default 50, at most 200)", { type: "integer", minimum: 1, maximum: 200 }),
        ],
        responses: {
          200: {
            description: "The pairs",
            content: json({
              type: "object",
              required: ["items", "complete", "source"],
              properties: {
                items: {
                  type: "array",
                  items: {
                    type: "object",
                    required: ["ids", "probability", "weight", "evidence", "decision"],
                    properties: {
                      ids: { type: "array", items: { type: "string" }, minItems: 2, maxItems: 2 },
                      probability: { type: "number" },
                      weight: { type: "number", description: "log2 Bayes factor: the prior's and every field's added" },
                      evidence: {
                        type: "array",
                        items: {
                          type: "object",
                          required: ["comparison", "level", "weight"],
                          properties: {
                            comparison: { type: "string" },
                            level: { type: "string" },
                            weight: { type: "number" },
                          },
                        },
                      },
                      decision: { type: "string", enum: ["merge", "review"] },
                      rule: { type: "string", enum: ["residentId", "document", "uscc"] },
                    },
                  },
                },
                customersRead: { type: "integer", description: "live: the customers read" },
                complete: {
                  type: "boolean",
                  description: "false when the caller's book was larger than one live review reads",
                },
                source: { type: "string", enum: ["job", "live"] },
              },
            }),
          },
          ...errors(401, 403),
        },
      },
    },
    "/resolution/merge": {
      post: {
        operationId: "mergeCustomers",
        summary:
          "Branch managers: two customer records of one person made one, in one transaction — the golden record (the more trusted source's, then the one onboarded first) rebuilt field by field (survivorship: source priority, recency, validity; consents merged so a withdrawal on either side stays one), every record of the other customer re-linked, its source identities resolving to the golden record, the other record gone (a `leave` on the change feed), the merge kept for an unmerge and audited (`customer_merge`). 409 `keptApart` for a pair decided to be two people",
        requestBody: { required: true, content: json(idsBody) },
        responses: {
          200: {
            description: "The merge",
            content: json({
              type: "object",
              required: ["mergeId", "customer", "mergedId", "choices", "moved"],
              properties: {
                mergeId: { type: "integer" },
                customer: ref("Customer"),
                mergedId: { type: "string" },
                choices: { type: "array", items: { type: "object", description: "field, kept, dropped, by" } },
                relationshipManagerConflict: { type: "object", description: "kept, other: for the branch manager" },
                moved: { type: "integer" },
              },
            }),
          },
          ...errors(400, 401, 403, 404, 409, 422),
        },
      },
    },
    "/resolution/merges/{id}/undo": {
      post: {
        operationId: "unmergeCustomers",
        summary:
          "Branch managers: a merge undone (the latest into its golden customer first: 409 `notLatest`) — the golden record's body, the other record, the re-linked records and the identities back as they were, each version raised; records written to the golden customer since stay with it. Audited (`customer_unmerge`)",
        parameters: [pathId],
        responses: {
          200: {
            description: "Undone",
            content: json({
              type: "object",
              required: ["goldenId", "restoredId"],
              properties: { goldenId: { type: "string" }, restoredId: { type: "string" } },
            }),
          },
          ...errors(401, 403, 404, 409),
        },
      },
    },
    "/service/breaches": {
      get: {
        operationId: "regulatoryBreaches",
        summary:
          "Breaches of the regulator's limits, for head office (a branch manager: their branch): complaints (15/30/60 days) and personal-information requests (30 days) open past their `regulatoryDueAt` (`open`) or answered after it (`late`), per branch of the customer, most first",
        responses: {
          200: {
            description: "The branches with breaches, as of `at`",
            content: json({
              type: "object",
              required: ["at", "items"],
              properties: {
                at: { type: "string", format: "date-time" },
                items: {
                  type: "array",
                  items: {
                    type: "object",
                    required: ["branchId", "open", "late", "complaints", "personalInformation"],
                    properties: {
                      branchId: { type: "string" },
                      open: { type: "integer" },
                      late: { type: "integer" },
                      complaints: { type: "integer" },
                      personalInformation: { type: "integer" },
                    },
                  },
                },
              },
            }),
          },
          ...errors(401),
        },
      },
    },
    "/customers/{id}/personal-data": personalData(
      "getCustomerPersonalData",
      "Head office's privacy officer, or a customer's branch manager: a customer's copy of their personal information, made for them when they asked at the branch or by phone (identity checked first)",
      [403, 404],
      [pathId],
    ),
    "/customers/{id}/erasure": {
      get: erasureOp(
        "previewErasure",
        "Head office's privacy officer: what a customer's request to delete their data would do — each record erased, anonymised or restricted under its holds (the relationship running; AML keeping after it ends or after the transaction; a checked sale's evidence; a case still open; a complaint's or a request's handling) — and the answer; nothing is changed",
        [403, 404],
        [pathId],
      ),
      post: {
        ...erasureOp(
          "fulfilErasure",
          "Head office's privacy officer fulfils a customer's request to delete their data (PIPL Art. 47), in one transaction: held records restricted (the customer's `restrictedAt`, every consent withdrawn with its history, no new sale), the rest erased (with the server's copies of them) or anonymised; kept in `erasures` and the audit trail (`erasure`)",
          [403, 404],
          [pathId],
        ),
        parameters: [pathId, localeQuery(), idempotencyKey],
      },
    },
    "/retention/purge": {
      post: {
        operationId: "purgeRetention",
        summary:
          "Head office's privacy officer (or the nightly `reference-server purge`): every closed relationship planned by the bank's retention table (RETENTION), and the records past the bank's period and free of holds erased or anonymised — one transaction and one audit row (`retention_purge`) per customer",
        parameters: [idempotencyKey],
        responses: {
          200: {
            description: "What the purge did",
            content: {
              "application/json": {
                schema: {
                  type: "object",
                  required: ["at", "customers", "changed", "erased", "anonymised"],
                  properties: {
                    at: { type: "string", format: "date-time" },
                    customers: { type: "integer", description: "Closed relationships looked at" },
                    changed: { type: "integer", description: "Those whose records the purge changed" },
                    erased: { type: "integer" },
                    anonymised: { type: "integer" },
                  },
                },
              },
            },
          },
          ...errors(401, 403),
        },
      },
    },
    "/kyc/branches": {
      get: {
        operationId: "kycByBranch",
        summary:
          "KYC kept current, per branch of the caller's customers (head office: every branch; a branch manager: theirs; a relationship manager: their book): identity documents expired or expiring within the window, due-diligence reviews overdue or due by the AML rating's cycle, and the customers restricted (no new investment or insurance sale) until it is refreshed — most restricted first",
        responses: {
          200: {
            description: "The branches, on the bank's day `asOf`",
            content: json({
              type: "object",
              required: ["asOf", "items"],
              properties: {
                asOf: { type: "string", format: "date" },
                items: {
                  type: "array",
                  items: {
                    type: "object",
                    required: [
                      "branchId",
                      "customers",
                      "documentsExpired",
                      "documentsExpiring",
                      "reviewsOverdue",
                      "reviewsDue",
                      "restricted",
                    ],
                    properties: {
                      branchId: { type: "string" },
                      customers: { type: "integer" },
                      documentsExpired: { type: "integer" },
                      documentsExpiring: { type: "integer" },
                      reviewsOverdue: { type: "integer" },
                      reviewsDue: { type: "integer" },
                      restricted: { type: "integer" },
                    },
                  },
                },
              },
            }),
          },
          ...errors(401),
        },
      },
    },
    "/resolution/conflicts": {
      get: {
        operationId: "resolutionConflicts",
        summary:
          "Branch managers: merges in force whose two records had different relationship managers — the one the bank's rule kept (`kept`) and the other's (`other`) — newest first, the golden customer in the caller's scope: to confirm the rule's choice or reassign the customer",
        parameters: [
          query("limit", "How many (default 50, at most 200)", { type: "integer", minimum: 1, maximum: 200 }),
        ],
        responses: {
          200: {
            description: "The conflicts",
            content: json({
              type: "object",
              required: ["items"],
              properties: {
                items: {
                  type: "array",
                  items: {
                    type: "object",
                    required: ["mergeId", "goldenId", "mergedId", "mergedBy", "mergedAt"],
                    properties: {
                      mergeId: { type: "integer" },
                      goldenId: { type: "string" },
                      mergedId: { type: "string" },
                      kept: { type: "string", description: "the relationship manager the golden customer has" },
                      other: { type: "string", description: "the other record's relationship manager" },
                      mergedBy: { type: "string" },
                      mergedAt: { type: "string", format: "date-time" },
                    },
                  },
                },
              },
            }),
          },
          ...errors(401, 403),
        },
      },
    },
    "/resolution/apart": {
      post: {
        operationId: "keepCustomersApart",
        summary:
          "Branch managers: two records decided to be two people — never proposed again, never merged (409 on a merge). Audited (`resolution_keep_apart`)",
        requestBody: { required: true, content: json(idsBody) },
        responses: { 204: { description: "Remembered" }, ...errors(400, 401, 403, 404) },
      },
    },
    "/sales/performance": {
      get: {
        operationId: "salesPerformance",
        summary:
          "Targets with achievement, pace and rank, and commission, computed from the records as of now (core's salesPerformance): a relationship manager's own, a branch manager's branch and its staff. Holdings sold count for their seller (`soldBy`, else the customer's RM) and the referrer's configured share; commission by the server's scheme (COMMISSION_SCHEME), none without one. Only figures and holding ids, no customer's record",
        parameters: [
          query("periodStart", "The commission period's first day (with periodEnd; default: this quarter)", {
            type: "string",
            format: "date",
          }),
          query("periodEnd", "The period's last day, at most a year on", { type: "string", format: "date" }),
        ],
        responses: {
          200: {
            description: "The caller's performance",
            content: json({
              type: "object",
              required: ["asOf", "periodStart", "periodEnd", "achievements", "commission", "commissionConfigured"],
              properties: {
                asOf: { type: "string", format: "date" },
                periodStart: { type: "string", format: "date" },
                periodEnd: { type: "string", format: "date" },
                achievements: {
                  type: "array",
                  items: {
                    type: "object",
                    description: "core's RankedAchievement: target, achieved, ratio, pace, rank",
                  },
                },
                commission: { type: "array", items: { type: "object", description: "core's Commission per person" } },
                commissionConfigured: { type: "boolean" },
              },
            }),
          },
          ...errors(400, 401, 403),
        },
      },
    },
    "/customers/{id}/verify": {
      post: {
        operationId: "verifyCaller",
        summary:
          "What a caller said (date of birth or credit code's first four; the ID's or credit code's last four) compared with the full values: match or no match, never a value. Staff who speak to customers only; every attempt is audited (`verify_caller`), and the third failure within a day locks the customer for that member of staff (`verify_locked`, then 423)",
        parameters: [pathId],
        requestBody: {
          required: true,
          content: json({
            type: "object",
            required: ["first", "last4"],
            properties: { first: { type: "string" }, last4: { type: "string" } },
          }),
        },
        responses: {
          200: {
            description: "The outcome",
            content: json({
              type: "object",
              required: ["match"],
              properties: {
                match: { type: "boolean" },
                attemptsLeft: { type: "integer", minimum: 0 },
                lockedUntil: { type: "string", format: "date-time" },
              },
            }),
          },
          ...errors(400, 401, 403, 404, 423),
        },
      },
    },
    "/audit": {
      get: {
        operationId: "listAudit",
        summary: "The audit trail in order (auditors only), filtered by staff, action, customer and time",
        parameters: [
          query("staffId", "Who acted"),
          query("action", "What they did: `reveal`, `reveal_denied`"),
          query("customerId", "Whose data"),
          query("from", "From this instant (inclusive)", { type: "string", format: "date-time" }),
          query("to", "Before this instant", { type: "string", format: "date-time" }),
          ...limitAfter,
        ],
        responses: { 200: { description: "A page", content: json(ref("AuditPage")) }, ...errors(401, 403) },
      },
    },
    "/audit/refusals": {
      get: {
        operationId: "countRefusals",
        summary:
          "Refused reveals per member of staff (auditors only), the most refused first — every refusal counted, including those past the hour's allowance of logged rows",
        parameters: [
          query("from", "Hours from this instant", { type: "string", format: "date-time" }),
          query("to", "Hours before this instant", { type: "string", format: "date-time" }),
          query("limit", "How many members of staff, 1–1,000 (default 50)", {
            type: "integer",
            minimum: 1,
            maximum: 1000,
          }),
        ],
        responses: {
          200: { description: "Counts", content: json(ref("RefusalCounts")) },
          ...errors(400, 401, 403),
        },
      },
    },
    "/audit/verify": {
      get: {
        operationId: "verifyAudit",
        summary: "Recomputes the hash chain (auditors only) and reports the first broken link",
        responses: { 200: { description: "The result", content: json(ref("AuditVerification")) }, ...errors(401, 403) },
      },
    },
    ...portalPaths(),
    "/segments/evaluate": {
      post: {
        operationId: "evaluateSegment",
        summary:
          "Segment pushdown: a definition (docs/segmentation.md) validated, then run as SQL (core's toSql) over the database's customer view, limited to the caller's customers",
        requestBody: {
          required: true,
          content: json({
            type: "object",
            required: ["definition"],
            properties: {
              definition: { type: "object", description: "A segment definition (schemaVersion 1)" },
              limit: { type: "integer", minimum: 1, maximum: 1000 },
              after: { type: "string", description: "The last id of the previous page" },
            },
          }),
        },
        responses: {
          200: {
            description: "How many of the caller's customers match, and a page of their ids in id order",
            content: json({
              type: "object",
              required: ["count", "ids"],
              properties: {
                count: { type: "integer" },
                ids: { type: "array", items: { type: "string" } },
                next: { type: "string" },
              },
            }),
          },
          ...errors(400, 401, 413, 422),
        },
      },
    },
    "/segments/export": {
      post: {
        operationId: "exportSegment",
        summary:
          "Marketing or a branch manager: a segment's members as a CSV file, for a stated purpose — only the caller's customers whose consent for that purpose (and the segment's own) is in force, masked as the caller sees them, every cell quoted and formula-safe; audited (`export`, with the purpose and how many). At most 50,000 (413 beyond)",
        parameters: [idempotencyKey],
        requestBody: {
          required: true,
          content: json({
            type: "object",
            required: ["definition", "purpose"],
            properties: {
              definition: { type: "object", description: "A segment definition (schemaVersion 1)" },
              purpose: {
                type: "string",
                enum: ["marketing", "profiling", "third_party_sharing", "cross_border_transfer"],
                description: "What the list is for: the consent each customer in it has given",
              },
            },
          }),
        },
        responses: {
          200: {
            description: "UTF-8 CSV with a byte-order mark: id, name (masked), tier, branchId, city",
            content: { "text/csv": { schema: { type: "string" } } },
          },
          ...errors(400, 401, 403, 413, 422),
        },
      },
    },
    "/metrics": {
      get: {
        operationId: "listCustomerMetrics",
        summary:
          "The metrics job's figures (docs/value.md) for the caller's customers, in id order; contribution and lifetime value only to roles that read financial data. Empty before the job has run",
        parameters: limitAfter,
        responses: {
          200: {
            description: "A page of customers' metrics, with the day they are for",
            content: json({
              type: "object",
              required: ["items"],
              properties: {
                asOf: { type: "string", format: "date" },
                computedAt: { type: "string", format: "date-time" },
                items: {
                  type: "array",
                  items: {
                    type: "object",
                    required: ["customerId"],
                    properties: {
                      customerId: { type: "string" },
                      ...metricProperties(),
                    },
                  },
                },
                next: { type: "string" },
              },
            }),
          },
          ...errors(401),
        },
      },
    },
    "/leads": {
      get: {
        operationId: "listLeads",
        summary: "Leads of the caller's scope, newest first; with customerId, that customer's",
        parameters: [query("customerId", "Customer"), ...limitAfter],
        responses: { 200: { description: "Newest first", content: json(ref("LeadPage")) }, ...errors(401) },
      },
    },
  };
  paths["/customers/{id}/changes"] = {
    post: {
      operationId: "changeCustomer",
      summary: "Contact details, a risk re-assessment or a consent: the customer's new state and a kept change record",
      parameters: [pathId, ifMatch(true), idempotencyKey],
      requestBody: { required: true, content: json(ref("CustomerChangeRequest")) },
      responses: {
        200: {
          description: "The customer as it now is and the change record",
          content: json({
            type: "object",
            properties: { customer: ref("Customer"), change: ref("CustomerChange") },
          }),
        },
        ...errors(400, 413, 401, 403, 404, 412, 422, 428),
      },
    },
  };
  for (const collection of ALL) {
    const item = NAMES[collection];
    if (collection !== "customers" && collection !== "leads") {
      components[`${item}Page`] = page(item);
      paths[`/${collection}`] = {
        get: {
          operationId: `list${item}s`,
          summary: collectionSpec(collection).search
            ? `${item} records in id order; with search, those with every word searched for, best first (one page: no next)`
            : `${item} records in id order; with customerId, that customer's (for groups: where the customer is a member)`,
          parameters: [
            query("customerId", "Customer"),
            ...(collectionSpec(collection).search
              ? [
                  query(
                    "search",
                    "Words as people type them (Chinese and English, any segmentation): every one must begin a word of the title, tags or body; 400 on a collection without search fields",
                    { type: "string", maxLength: 200 },
                  ),
                ]
              : []),
            ...limitAfter,
          ],
          responses: {
            200: { description: "A page", content: json(ref(`${item}Page`)) },
            ...errors(...(collectionSpec(collection).search ? [400, 401] : [401])),
          },
        },
      };
    }
    if (collection !== "customers") {
      paths[`/${collection}/{id}`] = {
        ...(paths[`/${collection}/{id}`] as object | undefined),
        get: {
          operationId: `get${item}`,
          summary: `One ${item} of the caller's scope (404 outside it, as for one that does not exist)`,
          parameters: [pathId],
          responses: {
            200: { description: "The record; ETag header for If-Match", content: json(ref(item)) },
            ...errors(401, 404),
          },
        },
      };
    }
  }
  for (const collection of WRITABLE_COLLECTIONS) {
    const item = NAMES[collection];
    paths[`/${collection}`] = {
      ...(paths[`/${collection}`] as object | undefined),
      post: {
        operationId: `create${item}`,
        summary: `Create a ${item} (version 1, in an initial state), exactly once per Idempotency-Key`,
        parameters: [idempotencyKey],
        requestBody: { required: true, content: json(ref(item)) },
        responses: {
          201: {
            description: "Created — or the stored answer to an earlier request with the same key and body",
            headers: { ETag: { schema: { type: "string" } } },
            content: json(ref(item)),
          },
          ...errors(400, 413, 401, 403, 404, 412, 422, 503),
        },
      },
    };
  }
  for (const collection of MACHINE_COLLECTIONS) {
    const item = NAMES[collection];
    const machine = collectionSpec(collection).machine!;
    paths[`/${collection}/{id}/transitions`] = {
      post: {
        operationId: `transition${item}`,
        summary: `Apply an event of the ${item} state machine (${[...new Set(machine.transitions.map((t) => t.event))].join(", ")}) — the same core function the client applies`,
        parameters: [pathId, ifMatch(true), idempotencyKey],
        requestBody: { required: true, content: json(ref("TransitionRequest")) },
        responses: {
          200: { description: "The record after the event, with its history entry", content: json(ref(item)) },
          ...errors(400, 413, 401, 403, 404, 409, 412, 422, 428),
          ...(collection === "opportunities"
            ? {
                422: {
                  description:
                    "Details failed validation — or (`code: sale_refused`) a sale of an investment or insurance product cannot be won: `refusals` lists every reason (`code`: aboveRiskTolerance, riskAssessmentExpired, noRiskAssessment, productRiskUnknown, bankRule with its `rule`, idDocumentExpired, kycReviewOverdue, kycNotVerified, processingRestricted, dualRecordingMissing, dualRecordingLate), checked against the customer as stored; `overridable` says whether the caller may win it anyway with `details.overrideReason` (a branch manager, for what the bank's policy allows). Refusals and overrides are in the audit trail (`sale_refused`, `sale_override`)",
                  content: problems,
                },
              }
            : {}),
        },
      },
    };
  }
  for (const collection of ALL) {
    paths[`/${collection}/{id}`] = {
      ...(paths[`/${collection}/{id}`] as object | undefined),
      put: {
        operationId: `put${NAMES[collection]}`,
        summary: `Create or replace a ${NAMES[collection]}; with If-Match, only if unchanged. ${
          (WRITABLE_COLLECTIONS as readonly string[]).includes(collection)
            ? "Staff may replace records in their scope whose role may update them; masked identifiers sent back as they were read keep the stored values"
            : "The bank's own records: a data feed's token (`bankcrm:load` scope) only"
        }`,
        parameters: [pathId, ifMatch(false)],
        requestBody: { required: true, content: json(ref(NAMES[collection])) },
        responses: {
          200: { description: "Replaced", content: json(ref(NAMES[collection])) },
          201: { description: "Created", content: json(ref(NAMES[collection])) },
          ...errors(400, 413, 401, 403, 404, 412, 422),
        },
      },
    };
    paths[`/import/${collection}`] = {
      post: {
        operationId: `import${NAMES[collection]}s`,
        summary: "Bulk import by a data feed (`bankcrm:load` scope): every record validated, then all written or none",
        requestBody: {
          required: true,
          content: json({ type: "array", maxItems: 5000, items: ref(NAMES[collection]) }),
        },
        responses: {
          200: {
            description: "Written",
            content: json({ type: "object", properties: { written: { type: "integer" } } }),
          },
          ...errors(400, 413, 401, 403, 422),
        },
      },
    };
  }
  return {
    openapi: "3.1.0",
    info: {
      title: "bankcrm REST contract",
      version: REST_CONTRACT_VERSION,
      license: { name: "Apache-2.0", identifier: "Apache-2.0" },
      description:
        "What @bankcrm/data's HTTP store speaks and examples/reference-server implements. Callers are staff, identified by a bearer JWT (claims: sub = staff id, role, branch; `scope` for data feeds); every read is limited to the caller's scope (own book, branch, or head office) and every answer masks identifiers — one is revealed in full only through POST /customers/{id}/reveal, which is audited. Money is integer minor units with an ISO 4217 code; dates are ISO-8601. Records refuse C3 (authentication) data. Errors are application/problem+json. Every response carries the contract version it speaks in the `Bankcrm-Api-Version` header; a client refuses a server of another major version.",
    },
    servers: [{ url: "http://127.0.0.1:8787", description: "pnpm reference-server" }],
    security: [{ bearer: [] }],
    paths,
    components: {
      schemas: components,
      securitySchemes: {
        bearer: {
          type: "http",
          scheme: "bearer",
          bearerFormat: "JWT",
          description:
            "HS256 (AUTH_SECRET) or the identity provider's keys (AUTH_JWKS_URL); iss, aud and exp checked. Claims: sub (staff id), role (a staff role), branch (branch id; HQ for head office), scope (optional, `bankcrm:load` for data feeds).",
        },
      },
    },
  };
}

export function renderOpenApi(): string {
  return `# Generated by scripts/openapi.ts from @bankcrm/core's schemas — do not edit by hand.\n# JSON is YAML 1.2: this file is both.\n${JSON.stringify(buildOpenApi(), null, 2)}\n`;
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  writeFileSync(new URL("../docs/api/openapi.yaml", import.meta.url), renderOpenApi());
  console.log("wrote docs/api/openapi.yaml");
}
