// Types of serve.mjs for the TypeScript that imports it (the reference server's one-bank start).
import type { Server, ServerResponse } from "node:http";

export function portalFiles(): Promise<(res: ServerResponse, pathname: string) => Promise<void>>;
export function serve(options?: {
  port?: number;
  host?: string;
  api?: string;
  signToken?: (customerId: string) => Promise<string>;
}): Promise<Server>;
