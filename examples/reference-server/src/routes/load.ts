/**
 * The loader's second door, for data feeds (a token with `bankcrm:load`): `POST /load/{mapping}` with a source file
 * as the body, streamed to a spool file and loaded by the same pipeline as the command (loader/load.ts) with the
 * bank's mapping of that name (`LOAD_MAPPINGS`: a directory of `<name>.yaml`). The answer is the load's summary and
 * its first thousand rejects; the same file posted again resumes or writes nothing, as the command does.
 */
import { createWriteStream } from "node:fs";
import { mkdtemp, readFile, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { Readable } from "node:stream";
import { pipeline } from "node:stream/promises";
import type { ReadableStream as WebReadableStream } from "node:stream/web";
import { Hono } from "hono";
import { LOAD_SCOPE } from "../auth.js";
import { COLLECTION_NAMES, HEAD_OFFICE_BRANCH_ID } from "@bankcrm/core";
import { forbidden, isLoader, notFound, principal, problem, type Env } from "../http.js";
import { qualityReports } from "../loader/quality.js";
import { loadFile, LoadError } from "../loader/load.js";
import { MappingError, parseMapping, SOURCE_SYSTEM } from "../loader/mapping.js";
import type { Reject } from "../loader/rows.js";
import type { RouteContext } from "./context.js";

const SHOWN_REJECTS = 1000;

export function loadRoutes({ db, loadMappings }: RouteContext) {
  const app = new Hono<Env>();
  app.post("/load/:mapping", async (c) => {
    if (!isLoader(c)) return forbidden(c, `loading needs a token with the ${LOAD_SCOPE} scope`);
    const name = c.req.param("mapping");
    if (!loadMappings || !/^[a-z0-9][a-z0-9_-]{0,63}$/.test(name)) return notFound(c);
    const text = await readFile(join(loadMappings, `${name}.yaml`), "utf8").catch(() => undefined);
    if (text === undefined) return notFound(c);
    let mapping;
    try {
      mapping = parseMapping(text, `${name}.yaml`);
    } catch (error) {
      if (error instanceof MappingError) return problem(c, 500, "The bank's mapping is wrong", error.message);
      throw error;
    }
    const body = c.req.raw.body;
    if (!body) return problem(c, 400, "Expected the source file as the body");
    const dir = await mkdtemp(join(tmpdir(), "bankcrm-load-"));
    const spool = join(dir, `${name}.${mapping.format}`);
    try {
      await pipeline(Readable.fromWeb(body as WebReadableStream), createWriteStream(spool));
      const rejects: Reject[] = [];
      const summary = await loadFile(db, mapping, spool, {
        onReject: (r) => void (rejects.length < SHOWN_REJECTS && rejects.push({ ...r, file: name })),
      });
      return c.json({ summary: { ...summary, file: name }, rejects, rejectsShown: rejects.length });
    } catch (error) {
      if (error instanceof LoadError)
        return problem(c, 422, "The file cannot be read", error.message.replace(spool, name), { code: error.code });
      throw error;
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });
  // Head office reads how the loads went: its own staff, or a data feed.
  app.get("/load/quality", async (c) => {
    const p = principal(c);
    if (!isLoader(c) && p.branchId !== HEAD_OFFICE_BRANCH_ID)
      return forbidden(c, "data-quality reports are for head office");
    const { system, collection, limit } = c.req.query();
    if (system !== undefined && !SOURCE_SYSTEM.test(system))
      return problem(c, 400, "Invalid query", "system: an upper-case system code, e.g. CORE");
    if (collection !== undefined && !(COLLECTION_NAMES as readonly string[]).includes(collection))
      return problem(c, 400, "Invalid query", `collection: one of ${COLLECTION_NAMES.join(", ")}`);
    const n = limit === undefined ? 20 : Number(limit);
    if (!Number.isInteger(n) || n < 1 || n > 200)
      return problem(c, 400, "Invalid query", "limit: a whole number from 1 to 200");
    return c.json({ items: await qualityReports(db, { system, collection, limit: n }) });
  });
  return app;
}
