/** What the KPI tile says, in zh-CN and English. */
import type { Label } from "@bankcrm/core";
import { speaker } from "./speak.js";

export const KPI_TILE_MESSAGES = {
  kpiUp: { "zh-CN": "上升 {change}", en: "up {change}" },
  kpiDown: { "zh-CN": "下降 {change}", en: "down {change}" },
  kpiFlat: { "zh-CN": "持平", en: "unchanged" },
  kpiVersus: { "zh-CN": "较上期", en: "on the previous period" },
  kpiGood: { "zh-CN": "向好", en: "for the better" },
  kpiBad: { "zh-CN": "需关注", en: "worth a look" },
  kpiNone: { "zh-CN": "暂无数据", en: "No figure yet" },
} as const satisfies Record<string, Label>;
export const messages = KPI_TILE_MESSAGES;
export type KpiTileMessageKey = keyof typeof KPI_TILE_MESSAGES;

/** A message of the KPI tile in a locale, with `{name}` placeholders filled from `params`. */
export const valueMessage = /* @__PURE__ */ speaker(KPI_TILE_MESSAGES);
