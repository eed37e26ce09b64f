/** The counting worker, as a host bundles it. */
import { serveSegmentCounts } from "@bankcrm/elements/segment-counter.js";

serveSegmentCounts(self);
