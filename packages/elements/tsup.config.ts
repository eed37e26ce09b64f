import { defineConfig } from "tsup";

export default defineConfig({
  entry: {
    index: "src/index.ts",
    "components/tier-badge/tier-badge": "src/components/tier-badge/tier-badge.ts",
  },
  format: ["esm"],
  dts: true,
  splitting: true,
  treeshake: true,
  sourcemap: true,
  clean: true,
  target: "es2022",
  external: ["lit", /^lit\//, "@bankcrm/core"],
});
