/**
 * @open-wc/testing's semantic-dom-diff imports the web-dev-server's websocket
 * module, which only exists under web-test-runner. Under Vitest it is resolved
 * to an empty module (TOOLCHAIN.md, pitfall 3).
 */
import type { Plugin } from "vite";

const ID = "__web-dev-server__web-socket.js";

export function webDevServerStub(): Plugin {
  return {
    name: "bankcrm:wds-websocket-stub",
    enforce: "pre",
    resolveId(id) {
      // The dependency optimizer rewrites the import to a relative path; match the file name.
      return id.endsWith(ID) ? `\0${ID}` : undefined;
    },
    load(id) {
      return id === `\0${ID}` ? "export const webSocket = undefined; export const sendMessage = () => {};" : undefined;
    },
  };
}
