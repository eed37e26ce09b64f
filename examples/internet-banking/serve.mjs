// Serves the internet-banking page with no build step: index.html, its script
// and style, and the packages from node_modules, under the same strict
// Content-Security-Policy as the workstation — plus the hash of the page's
// import map, the one inline script it has. Port from PORT (default 5174).
import { createHash } from "node:crypto";
import { createServer } from "node:http";
import { readFile, realpath } from "node:fs/promises";
import { join, normalize, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { CSP, headersFor } from "../branch-workstation/serve.mjs";

const here = fileURLToPath(new URL(".", import.meta.url));
const repo = resolve(here, "../..");

export async function serve({ port = 5174, host = "127.0.0.1" } = {}) {
  const html = await readFile(join(here, "index.html"), "utf8");
  const importMap = /<script type="importmap">([\s\S]*?)<\/script>/.exec(html)[1];
  const hash = createHash("sha256").update(importMap).digest("base64");
  const csp = CSP.replace("script-src 'self'", `script-src 'self' 'sha256-${hash}'`);
  const server = createServer(async (req, res) => {
    const url = new URL(req.url ?? "/", "http://localhost");
    const path = url.pathname === "/" ? "/index.html" : decodeURIComponent(url.pathname);
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
  });
  return new Promise((done) => server.listen(port, host, () => done(server)));
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const server = await serve({ port: Number(process.env.PORT ?? 5174) });
  console.log(`bankcrm internet-banking example: http://127.0.0.1:${server.address().port}/`);
}
