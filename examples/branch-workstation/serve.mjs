// Serves the built workstation with the strict Content-Security-Policy that
// bankcrm's elements are built for. Port from PORT (default 5173).
//
// Server mode: with BANKCRM_API (e.g. http://127.0.0.1:8787/, the reference
// server) it also proxies /api/* there — same origin, so the CSP's
// connect-src 'self' holds — and serves /bankcrm-config.json, which tells the
// page to read from the server and keep IndexedDB as its offline cache.
//
// Sign-in stand-in: the bank's portal gets each user's token from its identity
// provider. Here /bankcrm-token?staff=<id> signs one for a demo staff member
// with AUTH_SECRET (the reference server's secret), so switching the demo user
// switches what the server returns.
import { createServer } from "node:http";
import { readFile, stat } from "node:fs/promises";
import { extname, join, normalize, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { SignJWT } from "jose";
import { generateStaff } from "@bankcrm/core/demo";

export const CSP = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self'",
  "img-src 'self' data:",
  "connect-src 'self'",
  "object-src 'none'",
  "base-uri 'none'",
  "frame-ancestors 'none'",
  "require-trusted-types-for 'script'",
  // lit-html renders; bankcrm-worker lets same-origin module workers start (the segment builder's count).
  "trusted-types lit-html bankcrm-worker",
].join("; ");

export const TYPES = {
  ".html": "text/html; charset=utf-8",
  ".js": "text/javascript; charset=utf-8",
  ".css": "text/css; charset=utf-8",
  ".json": "application/json",
  ".svg": "image/svg+xml",
  ".map": "application/json",
};

/** The headers every page and file is served with: its type, the CSP and the hardening ones. */
export function headersFor(path, csp = CSP) {
  return {
    "Content-Type": TYPES[extname(path)] ?? "application/octet-stream",
    "Content-Security-Policy": csp,
    "X-Content-Type-Options": "nosniff",
    "Referrer-Policy": "no-referrer",
    "Cache-Control": "no-store",
  };
}

/** Starts the server; resolves with it once listening. */
export function serve({
  root = fileURLToPath(new URL("./dist", import.meta.url)),
  port = 5173,
  host = "127.0.0.1",
  api = undefined,
  csp = CSP,
  signToken = undefined,
} = {}) {
  const sendFile = staticFiles(root, csp);
  const staff = new Map(generateStaff("bankcrm").all.map((s) => [s.id, s]));
  const server = createServer(async (req, res) => {
    const url = new URL(req.url ?? "/", "http://localhost");
    if (api && signToken && url.pathname === "/bankcrm-token") {
      const member = staff.get(url.searchParams.get("staff") ?? "");
      if (!member) {
        res.writeHead(404, { "Content-Type": "application/problem+json", "Cache-Control": "no-store" });
        res.end(JSON.stringify({ title: "no such demo staff member" }));
        return;
      }
      const token = await signToken({ id: member.id, role: member.role, branchId: member.branchId });
      res.writeHead(200, { "Content-Type": "application/json", "Cache-Control": "no-store" });
      res.end(JSON.stringify({ token }));
      return;
    }
    if (api && url.pathname === "/bankcrm-config.json") {
      res.writeHead(200, { "Content-Type": "application/json", "Cache-Control": "no-store" });
      res.end(JSON.stringify({ api: "/api/" }));
      return;
    }
    if (api && url.pathname.startsWith("/api/")) {
      await proxy(req, res, new URL(url.pathname.slice(5) + url.search, api.endsWith("/") ? api : `${api}/`));
      return;
    }
    await sendFile(res, url.pathname);
  });
  return new Promise((resolvePromise) => server.listen(port, host, () => resolvePromise(server)));
}

/**
 * Answers a path with the file under `root` it names, with the page's headers; a path that names no file gets the
 * page (index.html: the workstation routes by its hash), and one that climbs out of `root` gets 403.
 */
export function staticFiles(root, csp = CSP) {
  const base = resolve(root);
  return async (res, pathname) => {
    let path = normalize(join(base, decodeURIComponent(pathname)));
    if (!path.startsWith(base)) {
      res.writeHead(403).end();
      return;
    }
    try {
      if ((await stat(path)).isDirectory()) path = join(path, "index.html");
    } catch {
      path = join(base, "index.html");
    }
    try {
      const body = await readFile(path);
      res.writeHead(200, headersFor(path, csp));
      res.end(body);
    } catch {
      res.writeHead(404).end();
    }
  };
}

/**
 * Forwards one request to the API server and streams its answer back as it comes — the change feed's event stream
 * stays open — and stops asking upstream when the browser goes away.
 */
export async function proxy(req, res, target) {
  const chunks = [];
  for await (const chunk of req) chunks.push(chunk);
  const headers = {};
  for (const [key, value] of Object.entries(req.headers))
    if (typeof value === "string" && !["host", "connection", "content-length", "origin", "referer"].includes(key))
      headers[key] = value;
  const gone = new AbortController();
  res.on("close", () => gone.abort());
  try {
    const upstream = await fetch(target, {
      method: req.method,
      headers,
      signal: gone.signal,
      ...(chunks.length > 0 ? { body: Buffer.concat(chunks) } : {}),
    });
    const out = {};
    upstream.headers.forEach((value, key) => {
      if (!["content-encoding", "content-length", "transfer-encoding", "connection"].includes(key)) out[key] = value;
    });
    res.writeHead(upstream.status, out);
    if (upstream.body) for await (const chunk of upstream.body) res.write(chunk);
    res.end();
  } catch {
    if (res.headersSent) res.end();
    else {
      res.writeHead(502, { "Content-Type": "application/problem+json" });
      res.end(JSON.stringify({ title: "the API server could not be reached" }));
    }
  }
}

/** A one-hour HS256 token with these claims for `subject`, as the reference server expects (AUTH_ISSUER / AUTH_AUDIENCE as it reads them). */
function signOneHour(secret, claims, subject) {
  return new SignJWT(claims)
    .setProtectedHeader({ alg: "HS256", typ: "JWT" })
    .setSubject(subject)
    .setIssuer(process.env.AUTH_ISSUER ?? "bankcrm-demo")
    .setAudience(process.env.AUTH_AUDIENCE ?? "bankcrm")
    .setIssuedAt()
    .setExpirationTime("1h")
    .sign(new TextEncoder().encode(secret));
}

/** Signs a demo staff member's token (role and branch claims): the workstation's sign-in stand-in. */
export function demoSigner(secret) {
  return (member) => signOneHour(secret, { role: member.role, branch: member.branchId }, member.id);
}

/** Signs a token for a customer of the demo bank (role `customer`): internet banking's sign-in stand-in. */
export function customerSigner(secret) {
  return (customerId) => signOneHour(secret, { role: "customer" }, customerId);
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const port = Number(process.env.PORT ?? 5173);
  const api = process.env.BANKCRM_API || undefined;
  const secret = process.env.AUTH_SECRET;
  if (api && !secret) {
    console.error("server mode needs AUTH_SECRET: the reference server's secret, to sign each demo user's token");
    process.exit(1);
  }
  const server = await serve({ port, api, ...(secret ? { signToken: demoSigner(secret) } : {}) });
  const address = server.address();
  console.log(
    `bankcrm branch workstation: http://127.0.0.1:${typeof address === "object" && address ? address.port : port}/` +
      (api ? ` (server mode: ${api}, offline cache in IndexedDB)` : " (embedded: data stays in the browser)"),
  );
}
