/** What every group of routes is given: the database, the server's clock, the bank's settings and the write path. */
import type { CommissionScheme, CustomerView, FieldCatalog, FreeTextPolicy, SalePolicy, Staff } from "@bankcrm/core";
import type { RetentionTable } from "@bankcrm/core/compliance";
import type { Database } from "../database.js";
import type { WritePath } from "../write-path.js";

export interface RouteContext {
  db: Database;
  /** The server's clock (audit rows). */
  now: () => Date;
  freeText: FreeTextPolicy;
  write: WritePath;
  /** Aborted when the server begins to stop: long-lived answers (the change stream) end then. */
  stopping?: AbortSignal | undefined;
  /** How the bank pays and credits sales (`GET /sales/performance`). */
  sales: SalesSettings;
  /**
   * The customer fields segments test (core's `customerFieldCatalog`; with `requireSensitiveConsent` where the bank
   * asks a separate consent for financial account information — SENSITIVE_CONSENT=required).
   */
  catalog: FieldCatalog<CustomerView>;
  /** How long the bank keeps what names a person, and what holds it (default core's `DEFAULT_RETENTION`). */
  retention?: RetentionTable | undefined;
  /** The directory of the bank's mapping files (`<name>.yaml`) data feeds load by (`POST /load/{name}`). */
  loadMappings?: string | undefined;
}

/** How a bank pays and credits its sales: the commission scheme, the referrer's credit toward targets, its staff. */
export interface SalesSettings {
  /** Without one, performance answers no commission (a bank that pays none, or has not configured it). */
  scheme?: CommissionScheme;
  /** The share of a referred sale credited to the referrer toward their targets (default 0). */
  referralShare?: number;
  /** The staff directory: who is in which branch and team (team targets, a branch's staff). */
  staff?: readonly Pick<Staff, "id" | "branchId" | "teamId">[];
  /** What a sale of an investment or insurance product must satisfy to be won (default `DEFAULT_SALE_POLICY`). */
  salePolicy?: SalePolicy;
}
