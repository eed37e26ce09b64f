/** The resolution worker of the bench: what a bank's page would start over its embedded store. */
import { serveResolution } from "@bankcrm/core/resolution";

serveResolution(self);
