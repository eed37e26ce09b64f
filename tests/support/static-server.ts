/** A plain static file server on loopback (no CSP), for built sites like Storybook. */
import { createServer, type Server } from "node:http";
import { readFile, stat } from "node:fs/promises";
import { extname, join, normalize, resolve } from "node:path";
import type { AddressInfo } from "node:net";

const TYPES: Record<string, string> = {
  ".html": "text/html; charset=utf-8",
  ".js": "text/javascript; charset=utf-8",
  ".mjs": "text/javascript; charset=utf-8",
  ".css": "text/css; charset=utf-8",
  ".json": "application/json",
  ".svg": "image/svg+xml",
  ".woff2": "font/woff2",
};

export async function serveStatic(root: string): Promise<{ url: string; close(): Promise<void> }> {
  const base = resolve(root);
  const server: Server = createServer((req, res) => {
    void (async () => {
      let path = normalize(join(base, decodeURIComponent(new URL(req.url ?? "/", "http://x").pathname)));
      if (!path.startsWith(base)) return void res.writeHead(403).end();
      try {
        if ((await stat(path)).isDirectory()) path = join(path, "index.html");
        res
          .writeHead(200, { "Content-Type": TYPES[extname(path)] ?? "application/octet-stream" })
          .end(await readFile(path));
      } catch {
        res.writeHead(404).end();
      }
    })();
  });
  await new Promise<void>((r) => server.listen(0, "127.0.0.1", r));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/`,
    close: () => new Promise((r) => server.close(() => r())),
  };
}
