// Serves the internet-banking page with no build step: index.html, its script
// and style, and the packages from node_modules, under the same strict
// Content-Security-Policy as the workstation — plus the hash of the page's
// import map, the one inline script it has. Port from PORT (default 5174).
//
// With BANKCRM_API (the reference server) and its AUTH_SECRET it is the bank's
// portal for a signed-in customer: /api/* is proxied there (same origin), the
// page reads /bankcrm-config.json to know, and /bankcrm-token?customer=<id>
// stands in for the bank's customer sign-in (a token with role `customer`).
import { createHash } from "node:crypto";
import { createServer } from "node:http";
import { readFile, realpath } from "node:fs/promises";
import { join, normalize, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { CSP, customerSigner, headersFor, proxy } from "../branch-workstation/serve.mjs";

const here = fileURLToPath(new URL(".", import.meta.url));
const repo = resolve(here, "../..");

export async function serve({ port = 5174, host = "127.0.0.1", api = undefined, signToken = undefined } = {}) {
  const sendFile = await portalFiles();
  const server = createServer(async (req, res) => {
    const url = new URL(req.url ?? "/", "http://localhost");
    if (api && (await portalRoute(req, res, url, api, signToken))) return;
    await sendFile(res, url.pathname);
  });
  return new Promise((done) => server.listen(port, host, () => done(server)));
}

/**
 * Answers a path with the page's file it names — index.html at "/", its script and style, the packages under
 * /node_modules/ (the import map's) — under the CSP that allows the import map by its hash.
 */
export async function portalFiles() {
  const html = await readFile(join(here, "index.html"), "utf8");
  const importMap = /<script type="importmap">([\s\S]*?)<\/script>/.exec(html)[1];
  const hash = createHash("sha256").update(importMap).digest("base64");
  const csp = CSP.replace("script-src 'self'", `script-src 'self' 'sha256-${hash}'`);
  return async (res, pathname) => {
    const path = pathname === "/" ? "/index.html" : decodeURIComponent(pathname);
    try {
      // Follow pnpm's symlinks, but never out of the repository.
      const file = await realpath(normalize(join(here, path)));
      if (!file.startsWith(repo) || file.includes(`${repo}/.git`)) throw new Error("outside");
      const body = await readFile(file);
      res.writeHead(200, headersFor(file, csp));
      res.end(body);
    } catch {
      res.writeHead(404).end();
    }
  };
}

/** Server mode's own routes: the page's configuration, the customer sign-in stand-in, and the API. True when answered. */
async function portalRoute(req, res, url, api, signToken) {
  const json = (status, body) => {
    res.writeHead(status, { "Content-Type": "application/json", "Cache-Control": "no-store" });
    res.end(JSON.stringify(body));
  };
  if (url.pathname === "/bankcrm-config.json") json(200, { api: "/api/" });
  else if (url.pathname === "/bankcrm-token" && signToken) {
    const customer = url.searchParams.get("customer") ?? "";
    if (/^[A-Za-z0-9_-]{3,64}$/.test(customer)) json(200, { token: await signToken(customer) });
    else json(400, { title: "a customer number, please" });
  } else if (url.pathname.startsWith("/api/"))
    await proxy(req, res, new URL(url.pathname.slice(5) + url.search, api.endsWith("/") ? api : `${api}/`));
  else return false;
  return true;
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const api = process.env.BANKCRM_API || undefined;
  const secret = process.env.AUTH_SECRET;
  if (api && !secret) {
    console.error("server mode needs AUTH_SECRET: the reference server's secret, to sign each demo customer's token");
    process.exit(1);
  }
  const server = await serve({
    port: Number(process.env.PORT ?? 5174),
    ...(api ? { api, signToken: customerSigner(secret) } : {}),
  });
  console.log(`bankcrm internet-banking example: http://127.0.0.1:${server.address().port}/`);
}
