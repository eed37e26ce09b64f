/** What the data table behind every picture says, in zh-CN and English. */
import type { Label } from "@bankcrm/core";
import { speaker } from "./speak.js";

export const PICTURE_MESSAGES = {
  chartTable: { "zh-CN": "数据表", en: "Data table" },
  chartHighlighted: { "zh-CN": "（重点）", en: " (highlighted)" },
} as const satisfies Record<string, Label>;
export const messages = PICTURE_MESSAGES;

/** A picture's shared word in a locale. */
export const pictureMessage = /* @__PURE__ */ speaker(PICTURE_MESSAGES);
