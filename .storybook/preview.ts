import type { Preview } from "@storybook/web-components-vite";
import { setCustomElementsManifest } from "@storybook/web-components-vite";
import manifest from "../packages/elements/custom-elements.json";

// Properties, attributes, events, parts and tokens in the docs come from the
// manifest that `cem analyze` generates from the elements' JSDoc.
setCustomElementsManifest(manifest);

const preview: Preview = {
  tags: ["autodocs"],
  globalTypes: {
    locale: {
      description: "Locale of the elements",
      toolbar: { title: "Locale", icon: "globe", items: ["zh-CN", "en"], dynamicTitle: true },
    },
  },
  initialGlobals: { locale: "zh-CN" },
};

export default preview;
