import { defineConfig } from "vite";

export default defineConfig({
  // Vue's runtime-only build: render functions, no template compiler (which would need 'unsafe-eval').
  resolve: { alias: { vue: "vue/dist/vue.runtime.esm-bundler.js" } },
  define: {
    __VUE_OPTIONS_API__: "false",
    __VUE_PROD_DEVTOOLS__: "false",
    __VUE_PROD_HYDRATION_MISMATCH_DETAILS__: "false",
  },
  build: { target: "es2022", modulePreload: { polyfill: false }, assetsInlineLimit: 0 },
});
