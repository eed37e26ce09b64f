/** The workstation's words for a book transfer (客户经理制), in zh-CN and English. */
export const TRANSFER_TEXT = {
  navTransfer: ["客户移交", "Transfers"],
  transferTitle: ["客户移交", "Transfer customers"],
  transferIntro: [
    "客户经理离职、调岗或客户更换网点时，由网点负责人移交客户：客户的历史记录保留移交前后的客户经理，未完成的任务随客户转交，双方各收到一条通知，进行中的销售目标按移交客户的比例调整。",
    "When a relationship manager leaves or moves, or a customer changes branch, the branch manager transfers the customers: each customer's history keeps who held them before and after, their open tasks move with them, both RMs get a notice, and the targets still running move in the share of the book transferred.",
  ],
  transferFrom: ["移出客户经理", "From"],
  transferTo: ["接收客户经理", "To"],
  transferScope: ["移交范围", "What moves"],
  transferWholeBook: ["全部客户", "The whole book"],
  transferOneCustomer: ["单个客户", "One customer"],
  transferCustomer: ["客户", "Customer"],
  transferReason: ["移交原因", "Why"],
  transferPreview: ["预览", "Preview"],
  transferConfirm: ["确认移交", "Transfer"],
  transferPlan: [
    "将移交 {customers} 位客户（占其客户 {share}）、{tasks} 项未完成任务，调整 {targets} 项销售目标。",
    "{customers} customers ({share} of the book), {tasks} open tasks, and {targets} targets adjusted.",
  ],
  transferTarget: ["{owner}：{metric} {was} → {now}", "{owner}: {metric} {was} → {now}"],
  transferProgress: ["正在移交：{done} / {total}", "Transferring: {done} of {total}"],
  transferDone: [
    "已移交 {customers} 位客户、{tasks} 项任务，已通知双方客户经理。",
    "{customers} customers and {tasks} tasks transferred; both relationship managers notified.",
  ],
  transferQueued: [
    "离线：{customers} 位客户的移交已排队，联网后提交。",
    "Offline: the transfer of {customers} customers is queued and sent when back online.",
  ],
  transferFailed: ["未完成：{reason}", "Not done: {reason}"],
  transferNothing: ["该客户经理名下没有客户。", "That relationship manager holds no customers."],
  transferReasonNeeded: ["请填写移交原因。", "Give the reason for the transfer."],
} as const satisfies Record<string, readonly [string, string]>;
