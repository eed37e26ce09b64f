/**
 * Builds docs/api/openapi.yaml — the REST contract the HTTP store speaks and
 * the reference server implements — with its record schemas generated from
 * @bankcrm/core's zod schemas, so the contract cannot drift from the code.
 * `node --import tsx scripts/openapi.ts` rewrites it; a test checks it is current.
 * (JSON is YAML 1.2, so the document is written as formatted JSON.)
 */
import { writeFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { COLLECTION_NAMES, recordJsonSchemas } from "@bankcrm/core";

const ref = (name: string) => ({ $ref: `#/components/schemas/${name}` });
const json = (schema: object) => ({ "application/json": { schema } });
const problems = { "application/problem+json": { schema: ref("Problem") } };
const errors = (...codes: number[]) =>
  Object.fromEntries(
    codes.map((code) => [
      String(code),
      {
        description: {
          400: "Malformed request",
          401: "Missing or unknown bearer token",
          404: "Not found",
          412: "If-Match does not match: the record changed (the problem carries `current` and `etag`)",
          422: "A record failed validation (the problem carries field `errors`), or an Idempotency-Key was reused with another body",
          503: "Unavailable; retry after Retry-After",
        }[code],
        content: problems,
      },
    ]),
  );
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
const pathId = { name: "id", in: "path", required: true, schema: { type: "string" } };
const limitAfter = [
  query("limit", "Page size, 1–1,000 (default 50)", { type: "integer", minimum: 1, maximum: 1000 }),
  query("after", "Cursor from the previous page"),
];
/** Every collection, for the generic reads. */
const ALL = COLLECTION_NAMES;
const NAMES: Record<string, string> = {
  customers: "Customer",
  holdings: "Holding",
  transactions: "Transaction",
  interactions: "Interaction",
  serviceCases: "ServiceCase",
  campaignResponses: "CampaignResponse",
  leads: "Lead",
  opportunities: "Opportunity",
  campaigns: "Campaign",
  tasks: "Task",
  relationshipGroups: "RelationshipGroup",
};

export function buildOpenApi(): Record<string, unknown> {
  const schemas = recordJsonSchemas();
  const components: Record<string, unknown> = {};
  const byName: Record<string, string> = {
    customer: "Customer",
    holding: "Holding",
    transaction: "Transaction",
    interaction: "Interaction",
    lead: "Lead",
    opportunity: "Opportunity",
    campaign: "Campaign",
    campaignResponse: "CampaignResponse",
    serviceCase: "ServiceCase",
    task: "Task",
    staff: "Staff",
    salesTarget: "SalesTarget",
    relationshipGroup: "RelationshipGroup",
  };
  for (const [name, schema] of Object.entries(schemas)) {
    const { $schema: _ignored, ...rest } = schema;
    components[byName[name]!] = rest;
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
    },
  };
  components.TimelineEntry = {
    type: "object",
    required: ["kind", "id", "customerId", "at", "record"],
    properties: {
      kind: { type: "string", enum: ["interaction", "transaction", "case", "campaign"] },
      id: { type: "string" },
      customerId: { type: "string" },
      at: { type: "string", format: "date-time" },
      record: { oneOf: [ref("Interaction"), ref("Transaction"), ref("ServiceCase"), ref("CampaignResponse")] },
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
          query("search", "Name substring, full resident ID / USCC, mobile, or masked mobile (138****5678)"),
          ...limitAfter,
        ],
        responses: { 200: { description: "A page", content: json(ref("CustomerPage")) }, ...errors(401) },
      },
    },
    "/customers/{id}": {
      get: {
        operationId: "getCustomer",
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
    "/customers/by-natural-key/{key}": {
      get: {
        operationId: "findCustomerByNaturalKey",
        parameters: [
          {
            name: "key",
            in: "path",
            required: true,
            description: "Resident ID number or USCC",
            schema: { type: "string" },
          },
        ],
        responses: { 200: { description: "The customer", content: json(ref("Customer")) }, ...errors(401, 404) },
      },
    },
    "/customers/{id}/holdings": {
      get: {
        operationId: "listHoldings",
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
    "/leads": {
      get: {
        operationId: "listLeads",
        parameters: [query("customerId", "Customer"), ...limitAfter],
        responses: { 200: { description: "Newest first", content: json(ref("LeadPage")) }, ...errors(401) },
      },
      post: {
        operationId: "createLead",
        summary: "Create a lead, exactly once per Idempotency-Key",
        parameters: [
          {
            name: "Idempotency-Key",
            in: "header",
            required: true,
            description: "A UUID, reused by every retry of the same request",
            schema: { type: "string" },
          },
        ],
        requestBody: { required: true, content: json(ref("Lead")) },
        responses: {
          201: {
            description: "Created — or the stored answer to an earlier request with the same key and body",
            content: json(ref("Lead")),
          },
          ...errors(400, 401, 422, 503),
        },
      },
    },
  };
  for (const collection of ALL) {
    const item = NAMES[collection]!;
    if (collection !== "customers" && collection !== "leads") {
      components[`${item}Page`] = page(item);
      paths[`/${collection}`] = {
        get: {
          operationId: `list${item}s`,
          summary: `${item} records in id order; with customerId, that customer's (for groups: where the customer is a member)`,
          parameters: [query("customerId", "Customer"), ...limitAfter],
          responses: { 200: { description: "A page", content: json(ref(`${item}Page`)) }, ...errors(401) },
        },
      };
    }
    if (collection !== "customers") {
      paths[`/${collection}/{id}`] = {
        ...(paths[`/${collection}/{id}`] as object | undefined),
        get: {
          operationId: `get${item}`,
          parameters: [pathId],
          responses: {
            200: { description: "The record; ETag header for If-Match", content: json(ref(item)) },
            ...errors(401, 404),
          },
        },
      };
    }
  }
  for (const collection of ALL) {
    paths[`/${collection}/{id}`] = {
      ...(paths[`/${collection}/{id}`] as object | undefined),
      put: {
        operationId: `put${NAMES[collection]}`,
        summary: `Create or replace a ${NAMES[collection]}; with If-Match, only if unchanged`,
        parameters: [pathId, { name: "If-Match", in: "header", required: false, schema: { type: "string" } }],
        requestBody: { required: true, content: json(ref(NAMES[collection]!)) },
        responses: {
          200: { description: "Replaced", content: json(ref(NAMES[collection]!)) },
          201: { description: "Created", content: json(ref(NAMES[collection]!)) },
          ...errors(400, 401, 412, 422),
        },
      },
    };
    if (collection === "leads") continue; // leads arrive one at a time, with an idempotency key
    paths[`/import/${collection}`] = {
      post: {
        operationId: `import${NAMES[collection]}s`,
        summary: "Bulk import: every record validated, then all written or none",
        requestBody: {
          required: true,
          content: json({ type: "array", maxItems: 5000, items: ref(NAMES[collection]!) }),
        },
        responses: {
          200: {
            description: "Written",
            content: json({ type: "object", properties: { written: { type: "integer" } } }),
          },
          ...errors(400, 401, 422),
        },
      },
    };
  }
  return {
    openapi: "3.1.0",
    info: {
      title: "bankcrm REST contract",
      version: "1.0.0",
      description:
        "What @bankcrm/data's HTTP store speaks and examples/reference-server implements. Money is integer minor units with an ISO 4217 code; dates are ISO-8601. Records refuse C3 (authentication) data. Errors are application/problem+json.",
    },
    servers: [{ url: "http://127.0.0.1:8787", description: "pnpm reference-server" }],
    security: [{ bearer: [] }],
    paths,
    components: { schemas: components, securitySchemes: { bearer: { type: "http", scheme: "bearer" } } },
  };
}

export function renderOpenApi(): string {
  return `# Generated by scripts/openapi.ts from @bankcrm/core's schemas — do not edit by hand.\n# JSON is YAML 1.2: this file is both.\n${JSON.stringify(buildOpenApi(), null, 2)}\n`;
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  writeFileSync(new URL("../docs/api/openapi.yaml", import.meta.url), renderOpenApi());
  console.log("wrote docs/api/openapi.yaml");
}
