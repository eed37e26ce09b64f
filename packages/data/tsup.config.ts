import { defineConfig } from "tsup";

export default defineConfig({
  entry: { index: "src/index.ts", "stores/idb/index": "src/stores/idb/index.ts" },
  format: ["esm"],
  dts: false,
  splitting: true,
  treeshake: true,
  sourcemap: true,
  clean: true,
  target: "es2022",
  external: [/^@bankcrm\/core(\/|$)/, "idb", "ky"],
});
