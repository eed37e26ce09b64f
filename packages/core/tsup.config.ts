import { defineConfig } from "tsup";

export default defineConfig({
  entry: {
    index: "src/index.ts",
    "schemas/index": "src/schemas/index.ts",
    "identifiers/index": "src/identifiers/index.ts",
    "privacy/index": "src/privacy/index.ts",
    "money/index": "src/money/index.ts",
    "i18n/index": "src/i18n/index.ts",
    "errors/index": "src/errors/index.ts",
    "scoring/index": "src/scoring/index.ts",
    "analytics/index": "src/analytics/index.ts",
    "segmentation/index": "src/segmentation/index.ts",
    "demo/index": "src/demo/index.ts",
  },
  format: ["esm"],
  dts: true,
  splitting: true,
  treeshake: true,
  sourcemap: true,
  clean: true,
  target: "es2022",
});
