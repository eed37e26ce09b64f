/**
 * `pnpm bench`: every benchmark, each printed beside a peer run in the same
 * process as a ratio. Timings never fail the build; they are figures to read.
 * BENCH_ONLY=demo|value|segment|idb|elements|pipeline|workstation|server|feed|metrics|loader|resolution runs one of them;
 * BENCH_ONLY=fuzz (only on its own) sends the contract fuzz 20,000 requests; BENCH_ONLY=load-scale (only on its own)
 * loads a bank of a million customers from its extract (loader.bench.ts). BENCH_ONLY=loader: the loader beside raw COPY.
 * BENCH_ONLY=resolution-db (only on its own): entity resolution of about a million source records on PostgreSQL.
 * BENCH_ONLY=scale (only on its own): list, search, 360, segments and the nightly job over BENCH_SCALE_CUSTOMERS
 * customers (100,000; 10,000,000 on a bank's machine) on PostgreSQL, each beside its bare SQL (scale.bench.ts).
 */
import { benchDemoGenerator } from "./demo-generator.bench.js";
import { benchElements } from "./elements.bench.js";
import { benchPipeline } from "./pipeline.bench.js";
import { benchWorkstation } from "./workstation.bench.js";
import { benchIndexedDb } from "./idb.bench.js";
import { benchSegmentation } from "./segmentation.bench.js";
import { benchSegmentRows, benchSegmentWorker } from "./segment-rows.bench.js";
import { benchServer } from "./server.bench.js";
import { benchFeed } from "./feed.bench.js";
import { benchBookMetrics } from "./book-metrics.bench.js";
import { benchContractFuzz } from "./contract-fuzz.bench.js";
import { benchValueModels } from "./value-models.bench.js";
import { benchResolution, benchResolutionWorker } from "./resolution.bench.js";
import { benchLoader, benchLoaderScale } from "../../examples/reference-server/bench/loader.bench.js";
import { benchResolutionDatabase } from "../../examples/reference-server/bench/resolution.bench.js";
import { benchScale } from "../../examples/reference-server/bench/scale.bench.js";

const only = process.env.BENCH_ONLY;
console.log(`bankcrm benchmarks — Node ${process.version}, ${new Date().toISOString()}`);
if (!only || only === "demo") benchDemoGenerator();
if (!only || only === "value") benchValueModels();
if (!only || only === "segment") await benchSegmentRows();
if (!only || only === "segment") await benchSegmentWorker();
if (!only || only === "segment") await benchSegmentation();
if (!only || only === "idb") await benchIndexedDb();
if (!only || only === "elements") await benchElements();
if (!only || only === "elements" || only === "pipeline") await benchPipeline();
if (!only || only === "workstation") await benchWorkstation();
if (!only || only === "server") await benchServer();
if (!only || only === "feed") await benchFeed();
if (!only || only === "metrics") await benchBookMetrics();
if (!only || only === "loader") await benchLoader();
if (!only || only === "resolution") benchResolution();
if (!only || only === "resolution") await benchResolutionWorker();
if (only === "load-scale") await benchLoaderScale();
if (only === "resolution-db") await benchResolutionDatabase();
if (only === "scale") await benchScale();
if (only === "fuzz") benchContractFuzz();
