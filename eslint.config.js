// @ts-check
import js from "@eslint/js";
import tseslint from "typescript-eslint";
import lit from "eslint-plugin-lit";
import wc from "eslint-plugin-wc";
import litA11y from "eslint-plugin-lit-a11y";
import globals from "globals";

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
    files: ["examples/internet-banking/app.js"],
    languageOptions: { globals: { ...globals.browser } },
  },
);
