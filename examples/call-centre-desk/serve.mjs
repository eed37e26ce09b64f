// Serves the built call-centre desk with the same strict Content-Security-Policy
// as the workstation (its server, reused). Port from PORT (default 5174).
import { resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { serve } from "../branch-workstation/serve.mjs";

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const port = Number(process.env.PORT ?? 5174);
  const server = await serve({ root: fileURLToPath(new URL("./dist", import.meta.url)), port });
  const address = server.address();
  console.log(
    `bankcrm call-centre desk: http://127.0.0.1:${typeof address === "object" && address ? address.port : port}/ (embedded: data stays in the browser)`,
  );
}
