/** The workstation's words for the privacy officer's page and a segment's export, in zh-CN and English. */
export const COMPLIANCE_TEXT = {
  navPrivacy: ["个人信息请求", "Personal data requests"],
  privacyTitle: ["个人信息主体请求", "Requests about personal information"],
  privacyExplain: [
    "客户可以查阅、复制、更正、删除本行持有的其个人信息（《个人信息保护法》第四十四至四十七条），须在 30 日内答复。删除时，依法须保存的信息（如反洗钱要求的身份资料和交易记录）停止处理、仅作保存，其余删除或匿名化，答复中说明保存的理由。",
    "Customers may see, copy, correct and delete the personal information the bank holds about them (PIPL Arts. 44–47), answered within 30 days. On deletion, what the law keeps (identity and transaction records under the AML law) is only stored; the rest is erased or anonymised, and the answer gives the reasons for what is kept.",
  ],
  privacyNone: ["没有个人信息请求。", "No requests."],
  privacyFailed: ["无法读取请求", "The requests could not be read"],
  privacyReceived: ["受理", "Received"],
  privacyDue: ["监管时限", "Regulator's limit"],
  privacyRight: ["请求", "Right"],
  privacyCustomer: ["客户", "Customer"],
  privacyStatus: ["状态", "Status"],
  privacyHandle: ["办理", "Handle"],
  privacyHandling: ["办理 {id}：客户 {customer}", "Handling {id}: customer {customer}"],
  privacyCopy: ["制作副本", "Make the copy"],
  privacyDownload: ["下载 JSON", "Download JSON"],
  privacyPreview: ["查看删除方案", "See what deleting does"],
  privacyErase: ["执行删除", "Delete"],
  privacyErased: [
    "已删除 {erased} 条、匿名化 {anonymised} 条，依法保存并停止处理 {restricted} 条。",
    "{erased} erased, {anonymised} anonymised, {restricted} kept by law and restricted.",
  ],
  privacyEmbeddedErase: [
    "删除在行内系统（服务器）上执行；本机只能查看方案。",
    "Deletion is done on the bank's server; this device can only show the plan.",
  ],
  privacyCorrect: ["在下方更正客户资料，变更留有记录。", "Correct the customer's details below; every change is kept."],
  privacyResolve: ["办结并答复", "Close with the answer"],
  privacyResolved: ["已办结。", "Closed."],
  privacyWorking: ["正在处理…", "Working…"],
  privacyError: ["未能完成：{reason}", "Not done: {reason}"],
  exportSegment: ["按用途导出名单（CSV）", "Export the list for its purpose (CSV)"],
  exportNeedsPurpose: [
    "导出前请为分群选择用途：只导出已就该用途授权的客户。",
    "Choose the segment's purpose to export it: only customers who consented to it are in the file.",
  ],
  exportEmbedded: [
    "导出由行内服务器完成，本机演示不提供。",
    "Exports are made by the bank's server, not on this device.",
  ],
  exported: [
    "已导出 {count} 位客户（用途：{purpose}），已记入审计。",
    "{count} customers exported for {purpose}; audited.",
  ],
} as const satisfies Record<string, readonly [string, string]>;
