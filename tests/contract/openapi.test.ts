/** docs/api/openapi.yaml is current, and the reference server serves exactly its paths. */
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { COLLECTION_NAMES, MACHINE_COLLECTIONS, WRITABLE_COLLECTIONS } from "@bankcrm/core";
import { createApp } from "../../examples/reference-server/src/app.js";
import { buildOpenApi, renderOpenApi } from "../../scripts/openapi.js";

describe("the REST contract", () => {
  it("is the document generated from the core schemas (run scripts/openapi.ts after changing them)", () => {
    expect(readFileSync(new URL("../../docs/api/openapi.yaml", import.meta.url), "utf8")).toBe(renderOpenApi());
  });

  it("lists every route of the reference server, and nothing it does not serve", () => {
    const app = createApp({} as never, { auth: { secret: "x".repeat(32) } });
    const collections = COLLECTION_NAMES;
    const served = new Set<string>();
    for (const route of app.routes) {
      if (route.method === "ALL") continue;
      // Generic routes serve the collections core's table gives them (others get 404).
      const servedBy =
        route.method === "POST" && route.path === "/:collection"
          ? WRITABLE_COLLECTIONS
          : route.path.endsWith("/transitions")
            ? MACHINE_COLLECTIONS
            : collections;
      const paths = route.path.includes(":collection")
        ? servedBy.map((c) => route.path.replace(":collection", c))
        : [route.path];
      for (const path of paths) served.add(`${route.method} ${path.replace(/:(\w+)/g, "{$1}")}`);
    }
    const documented = new Set<string>();
    for (const [path, operations] of Object.entries(buildOpenApi().paths as Record<string, Record<string, unknown>>)) {
      for (const method of Object.keys(operations)) documented.add(`${method.toUpperCase()} ${path}`);
    }
    expect([...served].sort()).toEqual([...documented].sort());
  });
});
