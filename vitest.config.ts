import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { playwright } from "@vitest/browser-playwright";
import { defineConfig } from "vitest/config";
import { chromiumArgs, chromiumPath } from "./tests/support/chromium.js";
import { webDevServerStub } from "./tests/support/wds-stub.js";

const here = (path: string) => fileURLToPath(new URL(path, import.meta.url));

// One id per test run, inherited by every worker: e2e files share one build of each page per run
// (tests/support/served.ts) instead of each building the workstation again.
process.env.BANKCRM_TEST_RUN ??= `${process.pid}-${Date.now()}`;

// Tests run against the packages' sources, not their builds: each of core's
// subpaths (its package.json `exports`, dist/x.js) resolves to src/x.ts.
const coreExports = (
  JSON.parse(readFileSync(here("packages/core/package.json"), "utf8")) as {
    exports: Record<string, { import: string }>;
  }
).exports;
const alias = [
  ...Object.entries(coreExports).map(([subpath, { import: built }]) => ({
    find: new RegExp(`^@bankcrm/core${subpath.slice(1).replace("/", "\\/")}$`),
    replacement: here(`packages/core/${built.replace(/^\.\/dist\//, "src/").replace(/\.js$/, ".ts")}`),
  })),
  { find: /^@bankcrm\/data$/, replacement: here("packages/data/src/index.ts") },
];

const browser = () => ({
  enabled: true,
  headless: true,
  provider: playwright({
    launchOptions: { executablePath: chromiumPath, args: chromiumArgs },
  }),
  instances: [{ browser: "chromium" as const }],
  screenshotFailures: false,
});

export default defineConfig({
  test: {
    reporters: ["default", "./tests/support/summary-reporter.ts"],
    projects: [
      {
        resolve: { alias },
        test: {
          name: "core",
          root: here("packages/core"),
          include: ["test/**/*.test.ts"],
          environment: "node",
          testTimeout: 60_000,
        },
      },
      {
        resolve: { alias },
        test: {
          name: "data",
          root: here("packages/data"),
          include: ["test/**/*.test.ts"],
          exclude: ["test/**/*.browser.test.ts"],
          environment: "node",
        },
      },
      {
        resolve: { alias },
        test: {
          name: "data-chromium",
          root: here("packages/data"),
          include: ["test/**/*.browser.test.ts"],
          globalSetup: ["test/support/servers.global.ts"],
          browser: browser(),
        },
      },
      {
        resolve: { alias },
        plugins: [webDevServerStub()],
        // Pre-bundled up front: discovering them mid-run makes Vite reload the page under a running test.
        optimizeDeps: {
          include: [
            "@lit-labs/virtualizer/virtualize.js",
            "@lit-labs/virtualizer/layouts/flow.js",
            "lit/directives/repeat.js",
            "lit/directives/guard.js",
            "lit/directives/if-defined.js",
            "d3-scale",
            "d3-shape",
            "fast-check",
            "@open-wc/testing",
            "vitest/browser",
          ],
        },
        test: { name: "elements", root: here("packages/elements"), include: ["src/**/*.test.ts"], browser: browser() },
      },
      {
        resolve: { alias },
        test: {
          name: "server",
          root: here("examples/reference-server"),
          include: ["test/**/*.test.ts"],
          environment: "node",
          testTimeout: 60_000,
          hookTimeout: 60_000,
        },
      },
      {
        resolve: { alias },
        test: { name: "contract", root: here("."), include: ["tests/contract/**/*.test.ts"], environment: "node" },
      },
      {
        resolve: { alias },
        test: {
          name: "e2e",
          root: here("."),
          include: ["tests/e2e/**/*.e2e.test.ts", "tests/docs/**/*.e2e.test.ts"],
          environment: "node",
          testTimeout: 120_000,
          hookTimeout: 120_000,
        },
      },
    ],
  },
});
