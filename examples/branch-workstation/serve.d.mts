// Types of serve.mjs for the TypeScript that imports it (the reference server's one-bank start).
import type { IncomingMessage, Server, ServerResponse } from "node:http";

export const CSP: string;
export const TYPES: Record<string, string>;
export function headersFor(path: string, csp?: string): Record<string, string>;
export function staticFiles(root: string, csp?: string): (res: ServerResponse, pathname: string) => Promise<void>;
export function proxy(req: IncomingMessage, res: ServerResponse, target: URL): Promise<void>;
export function serve(options?: {
  root?: string;
  port?: number;
  host?: string;
  api?: string;
  csp?: string;
  signToken?: (member: { id: string; role: string; branchId: string }) => Promise<string>;
}): Promise<Server>;
export function demoSigner(secret: string): (member: { id: string; role: string; branchId: string }) => Promise<string>;
export function customerSigner(secret: string): (customerId: string) => Promise<string>;
