/** The workstation's words for keeping households and company groups (家庭与集团客户维护), in zh-CN and English. */
export const GROUP_TEXT = {
  groupsEdit: ["维护 {name}", "Keep {name} up to date"],
  groupsMember: ["客户号", "Customer number"],
  groupsRole: ["关系", "Role"],
  groupsAddMember: ["添加成员", "Add a member"],
  groupsRemove: ["移出 {id}", "Take {id} out"],
  groupsNew: ["新建家庭", "New household"],
  groupsNewName: ["家庭名称", "Household name"],
  groupsOther: ["另一位成员的客户号", "Another member's customer number"],
  groupsOtherRole: ["其关系", "Their role"],
  groupsCreate: ["建立家庭", "Create the household"],
  groupsSaved: ["已保存。", "Saved."],
  groupsQueued: ["离线：已排队，联网后提交。", "Offline: queued and sent when back online."],
  groupsFailed: ["未完成：{reason}", "Not done: {reason}"],
  groupsTooSmall: ["家庭或集团至少需要两位成员。", "A household or group has at least two members."],
} as const satisfies Record<string, readonly [string, string]>;
