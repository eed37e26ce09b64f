import { defineConfig } from "tsup";

// One output module per source module (no bundling): a host's bundler then drops
// every module its page does not use (sideEffects: false), so importing a
// formatter or a vocabulary never pulls in the schemas and zod.
export default defineConfig({
  entry: ["src/**/*.ts"],
  bundle: false,
  format: ["esm"],
  dts: false,
  sourcemap: true,
  clean: true,
  target: "es2022",
});
