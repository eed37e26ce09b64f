import type { StorybookConfig } from "@storybook/web-components-vite";

const config: StorybookConfig = {
  stories: ["../packages/elements/src/**/*.stories.ts"],
  addons: ["@storybook/addon-docs"],
  framework: { name: "@storybook/web-components-vite", options: {} },
  core: { disableTelemetry: true },
};

export default config;
