/**
 * The workstation's one table of role → pages: the navigation, the routing by
 * address and where each role starts all read it.
 */
import { describe, expect, it } from "vitest";
import { hasPage, homeOf, pageAt, pagesOf, PAGES } from "../../examples/branch-workstation/src/pages.js";
import type { DemoRole } from "../../examples/branch-workstation/src/users.js";

// The demo's roles (users.ts reads the page's address, so it is not imported here).
const ROLES: DemoRole[] = ["relationship_manager", "branch_manager", "teller", "marketing", "auditor"];

describe("the workstation's pages by role", () => {
  it("gives each role its pages in the navigation's order, and starts it on one of them", () => {
    expect(Object.fromEntries(ROLES.map((r) => [r, pagesOf(r).map((p) => p.id)]))).toEqual({
      relationship_manager: ["day", "customers", "marketing", "value", "knowledge"],
      branch_manager: [
        "day",
        "customers",
        "marketing",
        "value",
        "dashboard",
        "service",
        "knowledge",
        "merges",
        "transfer",
        "kyc",
      ],
      teller: ["customers", "marketing", "knowledge"],
      marketing: ["customers", "marketing", "value", "service", "knowledge", "quality", "kyc"],
      auditor: ["customers", "marketing", "value", "service", "knowledge", "audit", "quality", "kyc"],
    });
    expect(Object.fromEntries(ROLES.map((r) => [r, homeOf(r)]))).toEqual({
      relationship_manager: "day",
      branch_manager: "day",
      teller: "customers",
      marketing: "marketing",
      auditor: "customers",
    });
    for (const role of ROLES) expect(hasPage(role, homeOf(role)), role).toBe(true);
  });

  it("routes an address to the page, a deep one with what it opens, and a page the role lacks to its home", () => {
    expect(pageAt("#/customers/CU%2000001", "teller")).toEqual({ page: "customers", open: "CU 00001" });
    expect(pageAt("#/marketing/high-value", "marketing")).toEqual({ page: "marketing", open: "high-value" });
    expect(pageAt("#/dashboard", "branch_manager")).toEqual({ page: "dashboard" });
    expect(pageAt("#/dashboard", "relationship_manager")).toEqual({ page: "day" });
    expect(pageAt("#/value/x", "auditor")).toEqual({ page: "customers" });
    expect(pageAt("", "marketing")).toEqual({ page: "marketing" });
    expect(pageAt("#/nowhere", "teller")).toEqual({ page: "customers" });
    expect(pageAt("#/quality", "branch_manager")).toEqual({ page: "day" }); // head office only
    expect(pageAt("#/kyc", "relationship_manager")).toEqual({ page: "day" }); // their reviews come as tasks
    expect(new Set(PAGES.map((p) => p.id)).size).toBe(PAGES.length);
  });
});
