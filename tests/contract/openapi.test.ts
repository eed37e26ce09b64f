/**
 * docs/api/openapi.yaml is current, the reference server serves exactly its
 * paths, it passes a real linter (Redocly's recommended rules), and a client
 * generated from it by openapi-typescript type-checks.
 */
import { execFileSync, spawnSync } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
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
    // The path form of the natural-key lookup, kept for clients of contract 1.2; outside the contract, where it
    // would be ambiguous with /customers/{id}/holdings.
    served.delete("GET /customers/by-natural-key/{key}");
    expect([...served].sort()).toEqual([...documented].sort());
  });

  const repo = fileURLToPath(new URL("../../", import.meta.url));
  const bin = (name: string) => join(repo, "node_modules/.bin", name);

  it("passes Redocly's recommended rules: unique operation ids, a summary each, no ambiguous paths, a licence", () => {
    // Redocly writes its verdict to stderr when run under a test runner: read both.
    const run = spawnSync(bin("redocly"), ["lint", "docs/api/openapi.yaml", "--format=stylish"], {
      cwd: repo,
      encoding: "utf8",
      env: { ...process.env, REDOCLY_TELEMETRY: "off", REDOCLY_SUPPRESS_UPDATE_NOTICE: "true" },
    });
    const out = `${run.stdout}${run.stderr}`;
    expect(run.status, out).toBe(0);
    expect(out).toContain("Your API description is valid");
    expect(out).not.toMatch(/^\s+\d+:\d+\s+(error|warning)\s/m);
  }, 60_000);

  it("generates, with openapi-typescript, types a client type-checks against", () => {
    const dir = mkdtempSync(join(tmpdir(), "bankcrm-openapi-"));
    try {
      execFileSync(bin("openapi-typescript"), ["docs/api/openapi.yaml", "-o", join(dir, "contract.d.ts")], {
        cwd: repo,
        stdio: "pipe",
      });
      // A client's use of the generated types: a lead to create, the page a list answers, a problem's field errors.
      writeFileSync(
        join(dir, "client.ts"),
        `import type { components, paths } from "./contract.js";
type Lead = components["schemas"]["Lead"];
type CreateLead = paths["/leads"]["post"]["requestBody"]["content"]["application/json"];
type LeadPage = paths["/leads"]["get"]["responses"]["200"]["content"]["application/json"];
type Problem = components["schemas"]["Problem"];
export const lead: CreateLead = {
  id: "LD-1", name: "王小明", mobile: "13812345678", purpose: "mortgage", source: "branch_walk_in", status: "new",
  consent: { purpose: "marketing", channel: "phone", granted: true, textVersion: "v1", recordedAt: "2026-11-01T00:00:00Z" },
  createdAt: "2026-11-01T00:00:00Z",
};
export const ids = (page: LeadPage): string[] => page.items.map((l: Lead) => l.id);
export const firstField = (p: Problem) => p.errors?.[0]?.path;
// @ts-expect-error — a lead has no such property: the contract's records are closed
export const wrong: CreateLead = { ...lead, notAField: 1 };
`,
      );
      writeFileSync(
        join(dir, "tsconfig.json"),
        JSON.stringify({
          compilerOptions: {
            strict: true,
            noEmit: true,
            module: "ESNext",
            moduleResolution: "Bundler",
            target: "ES2022",
            skipLibCheck: false,
          },
          files: ["client.ts"],
        }),
      );
      const out = (() => {
        try {
          return execFileSync(bin("tsc"), ["-p", dir], { cwd: repo, encoding: "utf8", stdio: "pipe" });
        } catch (error) {
          return String((error as { stdout?: string }).stdout);
        }
      })();
      expect(out).toBe("");
      expect(readFileSync(join(dir, "contract.d.ts"), "utf8")).toContain('"/customers/{id}/reveal"');
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  }, 60_000);
});
