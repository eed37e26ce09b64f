/**
 * Requests derived from the REST contract (docs/api/openapi.yaml), as
 * Schemathesis derives them for Python services: fast-check arbitraries from
 * each operation's parameters and request body schema — valid by the schema,
 * or broken on purpose (a required property missing, a wrong type, a property
 * the record does not have, text where a number belongs, malformed JSON) —
 * and each answer checked against the contract's own response schema for its
 * status (ajv, JSON Schema 2020-12). The callers of this file decide what else
 * to check (scope, the audit chain).
 */
import { readFileSync } from "node:fs";
import { Ajv2020, type ErrorObject } from "ajv/dist/2020.js";
import addFormats from "ajv-formats";
import fc from "fast-check";
import type { Who } from "./demo-bank.js";

type Schema = Record<string, unknown>;
export interface Operation {
  method: string;
  template: string;
  parameters: { name: string; in: "path" | "query"; schema: Schema }[];
  body?: Schema;
  /** Each status's answer schema by media type (`application/json`, `text/plain`…); none for a bodiless answer. */
  responses: Record<string, Record<string, Schema | undefined> | undefined>;
}

export interface Contract {
  operations: Operation[];
  components: Record<string, Schema>;
  /** The errors of an answer against its operation's response schema for that status ([] when it holds). */
  /** What is wrong with an answer: its status, and its body by the schema of its media type (default the first). */
  check(operation: Operation, status: number, body: unknown, mediaType?: string | null): string[];
}

const CONTRACT = new URL("../../../../docs/api/openapi.yaml", import.meta.url);

/** The contract's operations and a validator of answers against it. */
export function loadContract(): Contract {
  const doc = JSON.parse(readFileSync(CONTRACT, "utf8").replace(/^#.*\n/gm, "")) as {
    paths: Record<string, Record<string, Schema>>;
    components: { schemas: Record<string, Schema> };
  };
  const ajv = new Ajv2020({ strict: false, allErrors: false, validateFormats: true });
  addFormats(ajv);
  ajv.addSchema({ $id: "contract", components: doc.components }, "contract");
  const local = (schema: unknown): unknown =>
    JSON.parse(JSON.stringify(schema).replaceAll('"#/components/', '"contract#/components/'));
  const validators = new Map<Schema, ReturnType<typeof ajv.compile>>();
  const operations: Operation[] = [];
  for (const [template, methods] of Object.entries(doc.paths))
    for (const [method, op] of Object.entries(methods)) {
      const responses: Operation["responses"] = {};
      for (const [status, r] of Object.entries((op.responses ?? {}) as Record<string, Schema>)) {
        const content = r.content as Record<string, { schema?: Schema }> | undefined;
        responses[status] = content
          ? Object.fromEntries(Object.entries(content).map(([type, c]) => [type, c.schema]))
          : undefined;
      }
      const body = (op.requestBody as { content?: Record<string, { schema?: Schema }> } | undefined)?.content;
      operations.push({
        method,
        template,
        parameters: ((op.parameters ?? []) as Operation["parameters"]).filter(
          (p) => p.in === "path" || p.in === "query",
        ),
        ...(body ? { body: Object.values(body)[0]!.schema! } : {}),
        responses,
      });
    }
  return {
    operations,
    components: doc.components.schemas,
    check(operation, status, body, mediaType) {
      if (!(String(status) in operation.responses)) return [`status ${status} is not in the contract`];
      const content = operation.responses[String(status)];
      const type = mediaType?.split(";")[0]?.trim();
      if (content && type && Object.keys(content).length > 1 && !(type in content))
        return [`media type ${type} is not in the contract`];
      const schema = content && (type && type in content ? content[type] : Object.values(content)[0]);
      if (!schema) return [];
      let validate = validators.get(schema);
      if (!validate) validators.set(schema, (validate = ajv.compile(local(schema) as Schema)));
      return validate(body)
        ? []
        : (validate.errors ?? []).map((e: ErrorObject) => `${e.instancePath || "/"} ${e.message ?? ""}`);
    },
  };
}

/** A `#/components/schemas/…` JSON pointer, followed from the contract's schemas. */
function resolve(ref: string, components: Record<string, Schema>): Schema {
  const [, , , ...path] = ref.split("/");
  let node: unknown = components;
  for (const key of path) node = (node as Record<string, unknown>)[key.replaceAll("~1", "/").replaceAll("~0", "~")];
  if (typeof node !== "object" || node === null) throw new Error(`unresolved ${ref}`);
  return node as Schema;
}

/**
 * A value valid by a JSON Schema (the subset zod's toJSONSchema writes and the contract uses): objects with
 * their required and some optional properties, enums, consts, patterns, formats, bounds, arrays, unions, refs.
 */
export function valid(schema: Schema, components: Record<string, Schema>, depth = 0): fc.Arbitrary<unknown> {
  const ref = schema.$ref as string | undefined;
  if (ref) return valid(resolve(ref, components), components, depth + 1);
  if (depth > 6) return fc.constant(null);
  if ("const" in schema) return fc.constant(schema.const);
  if (Array.isArray(schema.enum)) return fc.constantFrom(...(schema.enum as unknown[]));
  for (const key of ["anyOf", "oneOf"] as const)
    if (Array.isArray(schema[key]))
      return fc.oneof(...(schema[key] as Schema[]).map((s) => valid(s, components, depth + 1)));
  if (Array.isArray(schema.allOf)) return valid((schema.allOf as Schema[])[0]!, components, depth + 1);
  const type = Array.isArray(schema.type) ? (schema.type as string[]) : [schema.type as string | undefined];
  return fc.oneof(...type.map((t) => ofType(t, schema, components, depth)));
}

function ofType(type: string | undefined, schema: Schema, components: Record<string, Schema>, depth: number) {
  switch (type) {
    case "string": {
      if (schema.format === "date-time")
        return fc
          .date({ min: new Date("2020-01-01"), max: new Date("2030-01-01"), noInvalidDate: true })
          .map((d) => d.toISOString());
      if (schema.format === "date")
        return fc
          .date({ min: new Date("2020-01-01"), max: new Date("2030-01-01"), noInvalidDate: true })
          .map((d) => d.toISOString().slice(0, 10));
      if (schema.format === "email") return fc.emailAddress();
      const min = (schema.minLength as number | undefined) ?? 0;
      const max = Math.min((schema.maxLength as number | undefined) ?? 24, 24);
      if (typeof schema.pattern === "string")
        return fc
          .stringMatching(new RegExp(schema.pattern))
          .filter((s) => s.length >= min && s.length <= Math.max(max, min));
      return fc.string({ minLength: min, maxLength: Math.max(max, min) });
    }
    case "integer":
    case "number": {
      const min = Math.max((schema.minimum as number | undefined) ?? -1e6, -1e12);
      const max = Math.min((schema.maximum as number | undefined) ?? 1e9, 1e12);
      return type === "integer"
        ? fc.integer({ min: Math.ceil(min), max: Math.floor(max) })
        : fc.double({ min, max, noNaN: true });
    }
    case "boolean":
      return fc.boolean();
    case "null":
      return fc.constant(null);
    case "array":
      return fc.array(valid((schema.items as Schema | undefined) ?? {}, components, depth + 1), {
        minLength: (schema.minItems as number | undefined) ?? 0,
        maxLength: Math.min((schema.maxItems as number | undefined) ?? 3, 3),
      });
    case "object": {
      const properties = (schema.properties ?? {}) as Record<string, Schema>;
      const required = new Set((schema.required as string[] | undefined) ?? []);
      const record: Record<string, fc.Arbitrary<unknown>> = {};
      for (const [k, s] of Object.entries(properties)) record[k] = valid(s, components, depth + 1);
      return fc.record(record, { requiredKeys: [...required].filter((k) => k in properties) });
    }
    default:
      return fc.jsonValue({ maxDepth: 2 });
  }
}

/** A value broken on purpose: a required property gone, a wrong type, a property the record does not have. */
export function broken(value: unknown): fc.Arbitrary<unknown> {
  const junk = fc.oneof(fc.constant(null), fc.string({ maxLength: 8 }), fc.integer(), fc.constant([]), fc.constant({}));
  if (typeof value !== "object" || value === null || Array.isArray(value)) return junk;
  const keys = Object.keys(value);
  return fc.oneof(
    junk,
    fc
      .constantFrom("__proto__", "constructor", "unknownField", "id")
      .map((k) => ({ ...value, [k]: { polluted: true } })),
    ...(keys.length > 0
      ? [
          fc.constantFrom(...keys).map((k) => {
            const { [k]: _dropped, ...rest } = value as Record<string, unknown>;
            return rest;
          }),
          fc.tuple(fc.constantFrom(...keys), junk).map(([k, v]) => ({ ...value, [k]: v })),
        ]
      : []),
  );
}

/** Who calls: a member of staff (or a data feed, with its load scope). */
export type Caller = Who;

/** One request of a run, as generated. */
export interface FuzzRequest {
  caller: number;
  operation: Operation;
  path: string;
  query: Record<string, string>;
  /** A JSON value to send, a raw (malformed) text, or nothing. */
  body?: { json: unknown } | { raw: string };
  headers: Record<string, string>;
}

export interface FuzzOptions {
  contract: Contract;
  callers: readonly Caller[];
  /** Values for a path parameter: ids of records in and out of each caller's scope, natural keys. */
  pathValues: (operation: Operation, name: string) => readonly string[];
  /** Real records of a caller's scope to send, for the collection of an operation's path (so writes also succeed). */
  records: (collection: string, caller: number, operation: Operation) => readonly Record<string, unknown>[];
}

/** The request arbitrary: an operation of the contract, a caller, parameters and a body, valid or broken. */
export function requests(options: FuzzOptions): fc.Arbitrary<FuzzRequest> {
  const { contract, callers } = options;
  const keys = ["00000000-0000-4000-8000-000000000001", "00000000-0000-4000-8000-000000000002"];
  return fc
    .tuple(fc.constantFrom(...contract.operations), fc.integer({ min: 0, max: callers.length - 1 }))
    .chain(([operation, caller]) => {
      const collection =
        operation.template.split("/")[1] === "import"
          ? operation.template.split("/")[2]!
          : operation.template.split("/")[1]!;
      const params = operation.parameters.filter((p) => p.in === "path");
      const path = fc
        .tuple(
          ...params.map((p) =>
            fc.oneof(
              {
                weight: 3,
                arbitrary: fc.constantFrom(
                  ...(options.pathValues(operation, p.name).length > 0
                    ? options.pathValues(operation, p.name)
                    : ["NONE"]),
                ),
              },
              {
                weight: 1,
                arbitrary: fc.oneof(
                  fc.string({ minLength: 1, maxLength: 12 }),
                  fc.constantFrom("%00", "🙂", "a/b", "a b"),
                ),
              },
            ),
          ),
        )
        .map((values) =>
          params.reduce(
            (t, p, i) => t.replace(`{${p.name}}`, encodeURIComponent(String(values[i]))),
            operation.template,
          ),
        );
      const query = fc.record(
        Object.fromEntries(
          operation.parameters
            .filter((p) => p.in === "query")
            .map((p) => [
              p.name,
              fc.oneof(valid(p.schema, contract.components).map(String), fc.string({ maxLength: 6 })),
            ]),
        ),
        { requiredKeys: [] },
      ) as fc.Arbitrary<Record<string, string>>;
      const records = options.records(collection, caller, operation);
      const schemaBody = operation.body ? valid(operation.body, contract.components) : undefined;
      const body: fc.Arbitrary<FuzzRequest["body"]> = !operation.body
        ? fc.constant(undefined)
        : fc.oneof(
            { weight: 3, arbitrary: schemaBody!.map((json) => ({ json })) },
            { weight: 2, arbitrary: schemaBody!.chain(broken).map((json) => ({ json })) },
            ...(records.length > 0
              ? [
                  {
                    weight: 3,
                    arbitrary: fc
                      .tuple(
                        fc.constantFrom(...records),
                        fc.boolean(),
                        fc.string({ minLength: 4, maxLength: 8, unit: fc.constantFrom(..."ABCDEF0123") }),
                      )
                      .map(([r, fresh, suffix]) => ({
                        json: operation.template.startsWith("/import/")
                          ? [fresh ? { ...r, id: `${String(r.id)}-${suffix}` } : r]
                          : fresh
                            ? { ...r, id: `${String(r.id)}-${suffix}` }
                            : r,
                      })),
                  },
                ]
              : []),
            { weight: 1, arbitrary: fc.constantFrom('{"id":', "[1,2", "null", "\u0000").map((raw) => ({ raw })) },
          );
      const headers = fc.record(
        {
          "Idempotency-Key": fc.oneof(fc.uuid(), fc.constantFrom(...keys)),
          "If-Match": fc.constantFrom('"v0"', '"v1"', '"v2"', "*"),
        },
        { requiredKeys: [] },
      );
      return fc.record({
        caller: fc.constant(caller),
        operation: fc.constant(operation),
        path,
        query,
        body,
        headers,
      });
    });
}
