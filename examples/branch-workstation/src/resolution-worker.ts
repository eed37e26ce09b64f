/** Entity resolution off the page's thread (embedded): core's same folding, model and decisions as the server's. */
import { serveResolution } from "@bankcrm/core/resolution";

serveResolution(self);
