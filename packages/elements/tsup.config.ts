import { defineConfig } from "tsup";

export default defineConfig({
  entry: {
    index: "src/index.ts",
    "components/tier-badge/tier-badge": "src/components/tier-badge/tier-badge.ts",
    "components/value-badge/value-badge": "src/components/value-badge/value-badge.ts",
    "components/provider/provider": "src/components/provider/provider.ts",
    "components/customer-card/customer-card": "src/components/customer-card/customer-card.ts",
    "components/customer-timeline/customer-timeline": "src/components/customer-timeline/customer-timeline.ts",
    "components/lead-form/lead-form": "src/components/lead-form/lead-form.ts",
    "components/task-list/task-list": "src/components/task-list/task-list.ts",
    "components/activity-form/activity-form": "src/components/activity-form/activity-form.ts",
    "components/pipeline/pipeline": "src/components/pipeline/pipeline.ts",
    "components/lead-queue/lead-queue": "src/components/lead-queue/lead-queue.ts",
    "components/target-progress/target-progress": "src/components/target-progress/target-progress.ts",
  },
  format: ["esm"],
  dts: true,
  splitting: true,
  treeshake: true,
  sourcemap: true,
  clean: true,
  target: "es2022",
  external: ["lit", /^lit\//, "@lit/context", /^@lit-labs\/virtualizer/, "@bankcrm/core"],
});
