/** The segment builder's counting worker: core's columnar evaluation off the page's thread. */
import { serveSegmentCounts } from "@bankcrm/elements/segment-counter.js";

serveSegmentCounts(self);
