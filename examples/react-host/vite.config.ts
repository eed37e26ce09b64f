import { defineConfig } from "vite";

export default defineConfig({
  // React's automatic JSX runtime, no plugin needed for a build.
  oxc: { jsx: { runtime: "automatic", importSource: "react" } },
  build: { target: "es2022", modulePreload: { polyfill: false }, assetsInlineLimit: 0 },
});
