// @ts-check
import js from "@eslint/js";
import tseslint from "typescript-eslint";
import lit from "eslint-plugin-lit";
import wc from "eslint-plugin-wc";
import litA11y from "eslint-plugin-lit-a11y";
import globals from "globals";

/** How long a room and a function may be, counting code only (blank lines and comments aside). */
const size = (max) => ["error", { max, skipBlankLines: true, skipComments: true }];
const SOURCES = ["packages/*/src/**/*.ts", "examples/*/src/**/*.ts"];
const NOT_SOURCES = ["**/*.test.ts", "**/*.test-d.ts", "**/*.stories.ts"];

/**
 * Named exceptions: tables of data, where one entry per value is the point and splitting would
 * only scatter it.
 */
const TABLES = {
  // A label in both languages for every value of every vocabulary: one table, read by every element.
  "packages/core/src/i18n/labels.ts": 520,
  // Every vocabulary's values, each with its comment: the one list the schemas, labels and machines read.
  "packages/core/src/vocabulary.ts": 410,
  // The columnar segment evaluator: one kernel per operator and type, kept together so each is
  // checked against the closures' semantics in one place (segmentation-columnar.test.ts).
  "packages/core/src/segmentation/columnar.ts": 510,
  // The value models over a whole book in one pass (RFM, BG/NBD, Gamma-Gamma, churn, tiers): split
  // by model it would read the book once per model.
  "packages/core/src/analytics/book-metrics.ts": 470,
};

/**
 * Debt, not exceptions: rooms over the limits when the rules came in (#25), each capped at its
 * size that day. Lower a cap when a room is split — never raise one; a room that fits the
 * limits leaves this list. Most are closure factories (a store, the outbox, a route group: one
 * function holding the object it returns) and render templates to split into views.
 */
const DEBT = {
  "examples/branch-workstation/src/customer-360.ts": { fn: 148 },
  "examples/branch-workstation/src/pages/customers-page.ts": { fn: 102 },
  "examples/branch-workstation/src/pages/dashboard-page.ts": { fn: 107 },
  "examples/branch-workstation/src/sales-book.ts": { fn: 105 },
  "examples/reference-server/src/database.ts": { fn: 266 },
  "examples/reference-server/src/routes/records.ts": { fn: 174 },
  "packages/core/src/analytics/association-rules.ts": { fn: 102 },
  "packages/core/src/analytics/book-metrics-worker.ts": { fn: 114 },
  "packages/core/src/analytics/book-metrics.ts": { fn: 95 },
  "packages/core/src/demo/customers.ts": { fn: 127 },
  "packages/core/src/demo/history.ts": { fn: 104 },
  "packages/core/src/demo/portfolio.ts": { fn: 154 },
  "packages/data/src/client/writes.ts": { fn: 160 },
  "packages/data/src/outbox/outbox.ts": { fn: 226 },
  "packages/data/src/stores/cached/cached-store.ts": { fn: 122 },
  "packages/data/src/stores/http/http-store.ts": { fn: 172 },
  "packages/data/src/stores/idb/indexeddb-store.ts": { fn: 225 },
  "packages/data/src/stores/memory/memory-store.ts": { fn: 121 },
  "packages/elements/src/components/lead-form/lead-form.component.ts": { fn: 127 },
  "packages/elements/src/segment-counter.ts": { fn: 92 },
};

const sizeRules = [
  {
    files: SOURCES,
    ignores: NOT_SOURCES,
    rules: { "max-lines": size(400), "max-lines-per-function": size(80) },
  },
  ...Object.entries(TABLES).map(([file, lines]) => ({ files: [file], rules: { "max-lines": size(lines) } })),
  ...Object.entries(DEBT).map(([file, cap]) => ({
    files: [file],
    rules: {
      ...(cap.lines ? { "max-lines": size(cap.lines) } : {}),
      ...(cap.fn ? { "max-lines-per-function": size(cap.fn) } : {}),
    },
  })),
];

export default tseslint.config(
  {
    ignores: [
      "tests/docs/.generated/**",
      "**/dist/**",
      "**/node_modules/**",
      "storybook-static/**",
      "**/custom-elements.json",
      "test-results/**",
      "coverage/**",
    ],
  },
  js.configs.recommended,
  ...tseslint.configs.recommendedTypeChecked,
  {
    languageOptions: {
      parserOptions: {
        projectService: { allowDefaultProject: ["*.js", "*.mjs", "scripts/*.mjs", ".ci/*.mjs"] },
        tsconfigRootDir: import.meta.dirname,
      },
    },
    rules: {
      "@typescript-eslint/no-unused-vars": [
        "error",
        { argsIgnorePattern: "^_", varsIgnorePattern: "^_", destructuredArrayIgnorePattern: "^_" },
      ],
      // Lit binds event listeners to the element; methods passed as handlers are fine.
      "@typescript-eslint/unbound-method": "off",
      // Strict CSP: no string evaluation anywhere.
      "no-eval": "error",
      "no-implied-eval": "off",
      "@typescript-eslint/no-implied-eval": "error",
      "no-new-func": "error",
    },
  },
  {
    files: ["packages/core/src/**/*.ts"],
    ignores: ["packages/core/src/zod.ts"],
    rules: {
      "no-restricted-syntax": [
        "error",
        {
          selector:
            "CallExpression[callee.object.name='z'][callee.property.name=/^(object|strictObject|looseObject)$/]",
          message: "Build object schemas with object() from src/zod.ts, so jitless is in force under strict CSP.",
        },
        {
          selector: "ExportSpecifier[local.name='z']",
          message:
            "Never re-export the zod namespace: bundlers then keep all of zod (91 kB gzip). Import it where used.",
        },
      ],
    },
  },
  {
    files: ["packages/elements/src/**/*.ts"],
    ...lit.configs["flat/recommended"],
  },
  {
    files: ["packages/elements/src/**/*.ts"],
    ...wc.configs["flat/recommended"],
  },
  {
    files: ["packages/elements/src/**/*.ts"],
    ...litA11y.configs.recommended,
  },
  {
    files: ["packages/elements/src/**/*.ts"],
    rules: {
      // Data is rendered as text; unsafe directives are banned outside tests and stories.
      "no-restricted-imports": [
        "error",
        { patterns: [{ group: ["lit/directives/unsafe-*"], message: "Render data as text (strict CSP, XSS)." }] },
      ],
    },
  },
  {
    files: ["**/*.test.ts", "**/test/**/*.ts", "tests/**/*.ts"],
    rules: {
      "@typescript-eslint/no-non-null-assertion": "off",
      "@typescript-eslint/no-unsafe-member-access": "off",
      "@typescript-eslint/no-unsafe-assignment": "off",
      "@typescript-eslint/no-unsafe-argument": "off",
      "@typescript-eslint/no-unsafe-call": "off",
      "@typescript-eslint/no-floating-promises": "off",
    },
  },
  {
    files: ["**/*.js", "**/*.mjs"],
    ...tseslint.configs.disableTypeChecked,
  },
  {
    files: ["**/*.mjs", "*.js"],
    languageOptions: { globals: { ...globals.node } },
  },
  {
    files: ["examples/internet-banking/app.js", "examples/internet-banking/portal.js"],
    languageOptions: { globals: { ...globals.browser } },
  },
  ...sizeRules,
);
