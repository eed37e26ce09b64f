/** The customer timeline's own words, in zh-CN and English (core keeps the domain's labels and validation messages). */
import { messageTable, type Label } from "@bankcrm/core";

export const MESSAGES = {
  timelineLabel: { "zh-CN": "客户时间线", en: "Customer timeline" },
  timelineEmpty: { "zh-CN": "暂无接触记录", en: "No touchpoints yet" },
  timelineFiltered: { "zh-CN": "没有符合筛选条件的记录", en: "Nothing matches these filters" },
  timelineFilters: { "zh-CN": "筛选", en: "Filters" },
  timelineChannel: { "zh-CN": "渠道", en: "Channel" },
  timelineAllChannels: { "zh-CN": "全部渠道", en: "All channels" },
  timelineLoadMore: { "zh-CN": "加载更多", en: "Load more" },
  timelineLoadingMore: { "zh-CN": "正在加载更多…", en: "Loading more…" },
  timelineEnd: { "zh-CN": "已显示全部 {count} 条记录", en: "All {count} entries shown" },
  timelineCount: { "zh-CN": "已加载 {count} 条", en: "{count} loaded" },
  timelineKeys: {
    "zh-CN": "方向键或 Page Up/Down 在记录间移动，Home/End 跳到首尾",
    en: "Arrow keys or Page Up/Down move between entries; Home and End jump to the ends",
  },
  timelineOfflineCached: { "zh-CN": "离线：显示已缓存的记录", en: "Offline: showing cached entries" },
  kindInteraction: { "zh-CN": "客户接触", en: "Interaction" },
  kindTransaction: { "zh-CN": "交易", en: "Transaction" },
  kindCase: { "zh-CN": "服务工单", en: "Service case" },
  kindCampaign: { "zh-CN": "营销触达", en: "Campaign contact" },
  kindLead: { "zh-CN": "商机线索", en: "Lead" },
  kindOpportunity: { "zh-CN": "销售机会", en: "Opportunity" },
  amountHidden: { "zh-CN": "金额不可见", en: "Amount not shown" },
} as const satisfies Record<string, Label>;

export type TimelineMessageKey = keyof typeof MESSAGES;
const TABLE = /* @__PURE__ */ messageTable<TimelineMessageKey>(MESSAGES);
/** A message in a locale, with `{name}` placeholders filled from `params`. */
export const timelineMessage = TABLE.text;
export const timelineMessageKeys = TABLE.keys;
/** The table itself (for the completeness test). */
export const messages = MESSAGES;
