import { defineConfig } from "vite";

export default defineConfig({
  build: {
    target: "es2022",
    // No inline scripts or styles: the page runs under a strict CSP.
    modulePreload: { polyfill: false },
    assetsInlineLimit: 0,
  },
});
