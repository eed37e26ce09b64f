/**
 * The one place core imports zod from. Portals embed bankcrm under a strict
 * Content-Security-Policy (no 'unsafe-eval'), so zod must never compile
 * validators with `new Function`: `jitless` switches that off. Every schema
 * module imports `z` from here, so the setting travels with any schema a
 * bundler keeps, even with `sideEffects: false`.
 *
 * `import * as z` (not `import { z }`) keeps zod tree-shakable (26 kB vs 93 kB gzip).
 */
import * as z from "zod";

z.config({ jitless: true });

export { z };
