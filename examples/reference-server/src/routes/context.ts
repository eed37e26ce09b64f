/** What every group of routes is given: the database, the server's clock, the bank's settings and the write path. */
import type { FreeTextPolicy } from "@bankcrm/core";
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
}
