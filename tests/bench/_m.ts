import { benchBookMetrics } from "./book-metrics.bench.js";
await benchBookMetrics(Number(process.env.N ?? 100000));
