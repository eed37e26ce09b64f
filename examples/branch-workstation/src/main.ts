/**
 * The branch workstation (网点工作台) — bankcrm's main demo: a relationship
 * manager's day. Pick a demo user (the role changes what is masked, what can be
 * revealed and what the home page shows); "my day" for the relationship manager
 * and the branch manager, the customers — search, tier and segment filters, the
 * single customer view — for everyone.
 *
 * shell.ts: header, navigation, provider. session.ts: stores and client.
 * pages/: my-day-page.ts and customers-page.ts. sales-book.ts: the demo
 * branch's leads, pipeline and tasks.
 */
import "./shell.js";

export { WorkstationApp } from "./shell.js";
