/** The workstation's own UI text, in zh-CN and English. */
import type { Locale } from "@bankcrm/core";

const TEXT = {
  title: ["bankcrm 网点工作台", "bankcrm branch workstation"],
  switchLocale: ["English", "中文"],
  reset: ["重置演示数据", "Reset demo data"],
  opening: ["正在打开本地数据库…", "Opening the local database…"],
  generating: ["正在生成演示客户：{done} / {total}", "Generating demo customers: {done} / {total}"],
  error: ["出错了：", "Something went wrong:"],
  tier: ["客户等级", "Tier"],
  allTiers: ["全部等级", "All tiers"],
  count: ["共 {count} 位客户", "{count} customers"],
  previous: ["上一页", "Previous"],
  next: ["下一页", "Next"],
  page: ["第 {page} 页", "Page {page}"],
  caption: ["我的客户", "My customers"],
  customerId: ["客户号", "Customer no."],
  name: ["客户名称", "Name"],
  kind: ["客户类型", "Type"],
  identifier: ["证件号码", "ID number"],
  mobile: ["手机号码", "Mobile"],
  branch: ["所属网点", "Branch"],
  open: ["查看", "Open"],
  user: ["当前用户", "User"],
  roleRm: ["客户经理", "Relationship manager"],
  roleTeller: ["柜员", "Teller"],
  customerView: ["客户视图", "Customer view"],
  auditLog: ["查看记录（审计）", "Reveal audit log"],
  noAudit: ["尚无查看记录", "No reveals yet"],
  revealReason: ["网点工作台查看", "Viewed at the branch workstation"],
} as const satisfies Record<string, readonly [string, string]>;

export type TextKey = keyof typeof TEXT;

export function text(key: TextKey, locale: Locale, values: Record<string, string | number> = {}): string {
  const [zh, en] = TEXT[key];
  return (locale === "zh-CN" ? zh : en).replace(/\{(\w+)\}/g, (_, k: string) => String(values[k] ?? ""));
}
