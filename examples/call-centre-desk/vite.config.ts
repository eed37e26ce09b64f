import { defineConfig } from "vite";

export default defineConfig({
  // Relative asset paths: the desk is served at / on its own and at /desk/ in the one-bank server (pnpm start).
  base: "./",
  build: {
    target: "es2022",
    // No inline scripts or styles: the page runs under a strict CSP.
    modulePreload: { polyfill: false },
    assetsInlineLimit: 0,
  },
});
