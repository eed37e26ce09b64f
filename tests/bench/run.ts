/**
 * `pnpm bench`: every benchmark, each printed beside a peer run in the same
 * process as a ratio. Timings never fail the build; they are figures to read.
 */
import { benchDemoGenerator } from "./demo-generator.bench.js";

console.log(`bankcrm benchmarks — Node ${process.version}, ${new Date().toISOString()}`);
benchDemoGenerator();
