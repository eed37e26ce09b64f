/**
 * Bulk import by a data feed (a token with the `bankcrm:load` scope): every
 * record validated first — strictly: an unknown property is refused — its free
 * text cleared of the customer's identifiers, then all written or none.
 */
import { Hono } from "hono";
import { collectionSchemas, isValidationError, validate } from "@bankcrm/core";
import { LOAD_SCOPE } from "../auth.js";
import { COLLECTIONS, type Collection } from "../database.js";
import { clearFreeText } from "../free-text.js";
import { forbidden, invalid, isLoader, notFound, problem, readJson, type Env } from "../http.js";
import type { RouteContext } from "./context.js";

export function importRoutes({ db, freeText }: RouteContext) {
  const app = new Hono<Env>();

  app.post("/import/:collection", async (c) => {
    const collection = c.req.param("collection") as Collection;
    if (!(COLLECTIONS as readonly string[]).includes(collection)) return notFound(c);
    if (!isLoader(c)) return forbidden(c, `importing needs a token with the ${LOAD_SCOPE} scope`);
    const body = await readJson(c);
    if (!Array.isArray(body) || body.length > 5000)
      return problem(c, 400, "Expected an array of at most 5,000 records");
    const records: Record<string, unknown>[] = [];
    for (const [index, item] of body.entries()) {
      const result = validate(collectionSchemas[collection], item, "en", { strict: true });
      if (!result.success)
        return invalid(
          c,
          result.errors.map((e) => ({ ...e, path: [index, ...e.path] })),
        );
      records.push(result.data);
    }
    let clean: Record<string, unknown>[];
    try {
      clean = await clearFreeText(db.driver, collection, records, freeText);
    } catch (error) {
      if (isValidationError(error)) return invalid(c, error.errors);
      throw error;
    }
    await db.putMany(collection, clean);
    return c.json({ written: clean.length });
  });

  return app;
}
