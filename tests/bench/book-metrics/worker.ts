/** The metrics worker of the bench: it generates the synthetic book itself, batch by batch, each pass. */
import { serveBookMetrics } from "@bankcrm/core/analytics";
import { syntheticBook } from "./book.js";

const total = Number(self.name || 1_000_000);
serveBookMetrics(self, { total, batches: (part) => syntheticBook(total, 10_000, part) });
