/**
 * The one place core imports zod from. Portals embed bankcrm under a strict
 * Content-Security-Policy (no 'unsafe-eval'), so zod must never compile
 * validators with `new Function` — nor even probe for it, which a strict CSP
 * reports as a violation. zod decides that when an object schema is *built*,
 * so `jitless` must be in force before the first `z.object`.
 *
 * A bare module-level `z.config(…)` is not enough: with `sideEffects: false` a
 * bundler drops it (the branch workstation's CSP test caught exactly that). So
 * core builds its object schemas with `object()` below, which applies the
 * setting as part of a value the bundle keeps. ESLint forbids `z.object` in
 * core's sources.
 *
 * Each module imports zod itself with `import * as z from "zod"`: a namespace
 * that is re-exported (`export { z }`) is kept whole by bundlers — the lead
 * form's page weighed 117 kB gzip that way, 91 kB of it zod. ESLint forbids
 * importing `z` from this file.
 */
import * as z from "zod";

z.config({ jitless: true });

/** `z.object`, built with jitless validation in force. */
export const object = ((...args: Parameters<typeof z.object>) => {
  z.config({ jitless: true });
  return z.object(...args);
}) as typeof z.object;
