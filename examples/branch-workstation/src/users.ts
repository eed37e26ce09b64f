/** The demo: who can sign in, the page's options from its URL, and the names shown for ids. */
import { type Staff, type StaffRole } from "@bankcrm/core";
import { BRANCHES, generateStaff } from "@bankcrm/core/demo";
import type { TextKey } from "./messages.js";

export const params = new URLSearchParams(location.search);
export const TOTAL = Math.max(1, Math.min(1_000_000, Number(params.get("customers") ?? 50_000) || 50_000));
export const SEED = params.get("seed") ?? "bankcrm";
export const DB_NAME = `bankcrm-workstation-${SEED}-${TOTAL}`;
export const BRANCH_NAMES: Record<string, string> = Object.fromEntries(BRANCHES.map((b) => [b.id, b.name]));

export const STAFF = generateStaff(SEED).all;
export const STAFF_NAMES: Record<string, string> = Object.fromEntries(STAFF.map((s) => [s.id, s.name]));

/** The six demo users, of the first branch (the auditor, the marketing manager and the privacy officer are at head office). */
function demoUsers(
  staff: readonly Staff[],
): Record<"relationship_manager" | "branch_manager" | "teller" | "marketing" | "auditor" | "privacy_officer", Staff> {
  const branch = BRANCHES[0]!.id;
  const find = (role: StaffRole, branchId?: string) =>
    staff.find((s) => s.role === role && (branchId === undefined || s.branchId === branchId))!;
  return {
    relationship_manager: find("relationship_manager", branch),
    branch_manager: find("branch_manager", branch),
    teller: find("teller", branch),
    marketing: find("marketing"),
    auditor: find("auditor"),
    privacy_officer: find("privacy_officer"),
  };
}
export const USERS = demoUsers(STAFF);
export type DemoRole = keyof typeof USERS;
export const ROLE_TEXT: Record<DemoRole, TextKey> = {
  relationship_manager: "roleRm",
  branch_manager: "roleBranchManager",
  teller: "roleTeller",
  marketing: "roleMarketing",
  auditor: "roleAuditor",
  privacy_officer: "rolePrivacyOfficer",
};
/** The relationship managers of a branch (whom a branch manager assigns leads to and ranks). */
export const relationshipManagersOf = (branchId: string) =>
  STAFF.filter((s) => s.role === "relationship_manager" && s.branchId === branchId);
