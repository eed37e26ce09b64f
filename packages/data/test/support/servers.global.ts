/**
 * Vitest global setup for the Chromium project: starts the reference server
 * and a fault-injecting proxy in Node, and hands their URLs to the browser tests.
 */
import type { TestProject } from "vitest/node";
import { startFaultProxy } from "./fault-proxy.js";
import { startReferenceServer } from "./reference-server.js";

declare module "vitest" {
  export interface ProvidedContext {
    referenceServerUrl: string;
    referenceServerToken: string;
    faultProxyUrl: string;
  }
}

export default async function setup(project: TestProject) {
  const server = await startReferenceServer();
  const proxy = await startFaultProxy(server.url, "chromium-reliability");
  project.provide("referenceServerUrl", server.url);
  project.provide("referenceServerToken", server.token);
  project.provide("faultProxyUrl", proxy.url);
  return async () => {
    await proxy.close();
    await server.close();
  };
}
