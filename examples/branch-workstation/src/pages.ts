/**
 * The workstation's pages: one table of which roles have each page, its link in
 * the navigation and its address. The shell's navigation, its routing by
 * `#/<page>`, where a role starts and what happens to the open page when the
 * role changes all read it.
 */
import type { TextKey } from "./messages.js";
import type { DemoRole } from "./users.js";

export type Page =
  | "day"
  | "customers"
  | "marketing"
  | "value"
  | "dashboard"
  | "service"
  | "knowledge"
  | "merges"
  | "transfer"
  | "audit"
  | "quality"
  | "kyc"
  | "privacy";

export interface PageSpec {
  readonly id: Page;
  /** Its link's words in the navigation. */
  readonly nav: TextKey;
  /** The roles that have it. */
  readonly roles: readonly DemoRole[];
  /** The addresses under it open something in it (`#/customers/<id>`, `#/marketing/<segment>`). */
  readonly deep?: boolean;
}

const EVERYONE: readonly DemoRole[] = ["relationship_manager", "branch_manager", "teller", "marketing", "auditor"];
/** Head office's privacy officer works on requests; they open a customer, never segments or sales. */
const WITH_PRIVACY: readonly DemoRole[] = [...EVERYONE, "privacy_officer"];

/** In the navigation's order. A role starts on the first page it has of HOME_ORDER. */
export const PAGES: readonly PageSpec[] = [
  // The sales roles' home: today's tasks, care suggestions, the pipeline.
  { id: "day", nav: "navMyDay", roles: ["relationship_manager", "branch_manager"] },
  { id: "customers", nav: "navCustomers", roles: WITH_PRIVACY, deep: true },
  // Everyone may open the saved segments (read only); the marketing manager builds them and runs
  // campaigns, the branch manager approves campaigns.
  { id: "marketing", nav: "navMarketing", roles: EVERYONE, deep: true },
  // The value lists (gold customers, churn alerts): those who serve customers or analyse them.
  { id: "value", nav: "navValue", roles: ["relationship_manager", "branch_manager", "marketing", "auditor"] },
  // The branch dashboard is the branch manager's.
  { id: "dashboard", nav: "navDashboard", roles: ["branch_manager"] },
  // Service quality: the branch manager's branch, head office's bank.
  { id: "service", nav: "navService", roles: ["branch_manager", "marketing", "auditor"] },
  // The knowledge base (scripts, FAQs, objection answers): every member of staff searches it; marketing and branch
  // managers write drafts and publish each other's.
  { id: "knowledge", nav: "navKnowledge", roles: EVERYONE },
  // Customers that may be one person: the branch manager decides (the server resolves their customers).
  { id: "merges", nav: "navMerges", roles: ["branch_manager"] },
  // A relationship manager's book (or one customer) moved to another: the branch manager's decision (客户经理制).
  { id: "transfer", nav: "navTransfer", roles: ["branch_manager"] },
  // The audit chain is the auditor's.
  { id: "audit", nav: "navAudit", roles: ["auditor"] },
  // How the bank's source files loaded: head office's (the server answers its own staff only).
  { id: "quality", nav: "navQuality", roles: ["marketing", "auditor"] },
  // KYC kept current by branch: head office's view of every branch, the branch manager's of theirs.
  { id: "kyc", nav: "navKyc", roles: ["branch_manager", "marketing", "auditor", "privacy_officer"] },
  // The people's requests about their data: head office's privacy officer (PIPL Art. 52).
  { id: "privacy", nav: "navPrivacy", roles: ["privacy_officer"] },
];

/** Where a role starts: "my day" for the sales roles, marketing for the marketing manager, else the customers. */
const HOME_ORDER: readonly Page[] = ["day", "privacy", "customers"];

/** Whether the role has the page. */
export function hasPage(role: DemoRole, page: Page): boolean {
  return PAGES.some((p) => p.id === page && p.roles.includes(role));
}

/** The pages a role has, in the navigation's order. */
export function pagesOf(role: DemoRole): PageSpec[] {
  return PAGES.filter((p) => p.roles.includes(role));
}

/** Where a role starts. */
export function homeOf(role: DemoRole): Page {
  if (role === "marketing") return "marketing";
  return HOME_ORDER.find((page) => hasPage(role, page)) ?? "customers";
}

/** The page an address opens for a role, and what it opens in it (a customer's or a segment's id). */
export function pageAt(hash: string, role: DemoRole): { page: Page; open?: string } {
  const [, id, ...rest] = hash.split("/");
  const spec = PAGES.find((p) => p.id === id);
  if (!spec || !spec.roles.includes(role) || (rest.length > 0 && !spec.deep)) return { page: homeOf(role) };
  return rest.length > 0 ? { page: spec.id, open: decodeURIComponent(rest.join("/")) } : { page: spec.id };
}
