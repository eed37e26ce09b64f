/**
 * Every code sample in docs/ and the README is run: TypeScript in Node (imports
 * checked against the packages, `expr; // "value"` comments asserted), HTML and
 * element scripts in Chromium on a page that has the elements and a demo
 * client. Shell blocks are the commands CI itself runs; TSX is the React host's
 * own code, which the host e2e test runs.
 */
import { mkdirSync, readFileSync, readdirSync, rmSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { build } from "vite";
import type { Browser } from "playwright-core";
import * as core from "@bankcrm/core";
import * as data from "@bankcrm/data";
import { launchChromium } from "../support/browser.js";
import { serveStatic } from "../support/static-server.js";
import { isBrowserSample, samplesOf, splitImports, withAssertions, type Sample } from "./samples.js";
import { parseMapping } from "../../examples/reference-server/src/loader/mapping.js";

const repo = fileURLToPath(new URL("../../", import.meta.url));
const here = fileURLToPath(new URL("./", import.meta.url));
const generated = join(here, ".generated");
const samples = samplesOf(repo);
/** Core's subpaths (its package.json `exports`): a sample may import from any of them. */
const CORE_SUBPATHS = Object.keys(
  (JSON.parse(readFileSync(join(repo, "packages/core/package.json"), "utf8")) as { exports: Record<string, unknown> })
    .exports,
)
  .filter((k) => k !== ".")
  .map((k) => `@bankcrm/core${k.slice(1)}`);
const MODULES: Record<string, Record<string, unknown>> = {
  "@bankcrm/core": core,
  "@bankcrm/data": data,
  ...Object.fromEntries(
    await Promise.all(CORE_SUBPATHS.map(async (m) => [m, (await import(m)) as Record<string, unknown>] as const)),
  ),
};
const FIXTURE_NAMES = [
  "bank",
  "input",
  "customer",
  "customerId",
  "records",
  "actor",
  "user",
  "audit",
  "auditLog",
  "onAudit",
  "getToken",
  "showErrors",
  "showIndicator",
  "log",
  "now",
  "views",
  "view",
  "definition",
  "wealthProspects",
  "lead",
  "pagesFromIndexedDb",
  "client",
  "recordFromCoreBanking",
  "taskId",
  "refresh",
  "showProgress",
  "store",
  "rm",
];
const IN_SCOPE = [...new Set(Object.values(MODULES).flatMap((m) => Object.keys(m)))].filter(
  (k) => /^[A-Za-z_$][\w$]*$/.test(k) && !FIXTURE_NAMES.includes(k),
);

const nodeSamples = samples.filter((s) => (s.lang === "ts" || s.lang === "js") && !isBrowserSample(s));
/** `// global.d.ts` samples are type declarations: what they import must be a published types entry. */
const isTypesSample = (s: Sample) => s.code.startsWith("// global.d.ts");
const browserSamples = samples.filter((s) => isBrowserSample(s) && !isTypesSample(s));

function nodeModuleFor(sample: Sample): string {
  const { imports, body } = splitImports(sample.code);
  for (const i of imports) {
    const mod = MODULES[i.module];
    if (!mod) throw new Error(`${sample.file}:${sample.line} imports ${i.module}, which the docs runner does not know`);
    for (const name of i.names)
      if (!(name in mod)) throw new Error(`${sample.file}:${sample.line}: ${i.module} has no export "${name}"`);
  }
  const subpaths = CORE_SUBPATHS.map((m, i) => `import * as __core${i} from "${m}";`).join("\n");
  const spread = CORE_SUBPATHS.map((_, i) => `...__core${i}`).join(", ");
  return `import * as __core from "@bankcrm/core";
${subpaths}
import * as __data from "@bankcrm/data";
import { fixtures, __expect } from "../prelude.js";
export default async function run() {
  const { ${IN_SCOPE.join(", ")} } = { ${spread}, ...__core, ...__data } as Record<string, any>;
  const { ${FIXTURE_NAMES.join(", ")} } = fixtures() as Record<string, any>;
  {
${withAssertions(body)}
  }
}
`;
}

beforeAll(() => {
  rmSync(generated, { recursive: true, force: true });
  mkdirSync(generated, { recursive: true });
});

describe("docs samples", () => {
  it("finds the samples of every guide", () => {
    expect(nodeSamples.length).toBeGreaterThan(10);
    expect(browserSamples.length).toBeGreaterThan(5);
    for (const s of samples) expect(["ts", "js", "html", "sh", "tsx", "yaml"]).toContain(s.lang);
  });

  it("shows loader mappings the loader accepts (every yaml sample)", () => {
    const mappings = samples.filter((s) => s.lang === "yaml");
    expect(mappings.length).toBeGreaterThan(0);
    for (const s of mappings) expect(parseMapping(s.code, `${s.file}:${s.line}`).source).toMatch(/^[A-Z]/);
  });

  for (const [i, sample] of nodeSamples.entries()) {
    it(`runs ${sample.file}:${sample.line} in Node`, async () => {
      const path = join(generated, `node-${i}.ts`);
      writeFileSync(path, nodeModuleFor(sample));
      const module = (await import(pathToFileURL(path).href)) as { default: () => Promise<void> };
      await module.default();
    }, 60_000);
  }

  it("the global.d.ts samples import published types entries", () => {
    const pkg = JSON.parse(readFileSync(join(repo, "packages/elements/package.json"), "utf8")) as {
      exports: Record<string, { types?: string }>;
    };
    const typesSamples = samples.filter(isTypesSample);
    expect(typesSamples.length).toBeGreaterThan(0);
    for (const s of typesSamples)
      for (const [, sub] of s.code.matchAll(/import "@bankcrm\/elements(\/[^"]+)";/g)) {
        const types = pkg.exports[`.${sub}`]?.types;
        expect(types, sub).toBeDefined();
        expect(readFileSync(join(repo, "packages/elements", types!), "utf8")).toContain("IntrinsicElements");
      }
  });

  it("the TSX sample is the React host's own code (run by the host e2e test)", () => {
    const host = readdirSync(join(repo, "examples/react-host/src"))
      .map((f) => readFileSync(join(repo, "examples/react-host/src", f), "utf8"))
      .join("\n");
    const squash = (s: string) => s.replace(/\s+/g, " ").trim();
    for (const s of samples.filter((x) => x.lang === "tsx")) expect(squash(host)).toContain(squash(s.code));
  });
});

describe("docs samples in Chromium", () => {
  let browser: Browser;
  let site: { url: string; close(): Promise<void> };
  beforeAll(async () => {
    const page = join(generated, "browser");
    mkdirSync(join(page, "samples"), { recursive: true });
    browserSamples.forEach((s, i) => {
      if (s.lang !== "html") writeFileSync(join(page, "samples", `sample-${i}.ts`), s.code);
    });
    writeFileSync(
      join(page, "index.html"),
      `<!doctype html><meta charset="utf-8"><script type="module" src="./main.ts"></script><body></body>`,
    );
    writeFileSync(join(page, "main.ts"), readFileSync(join(here, "browser-main.ts"), "utf8"));
    const outDir = join(page, "dist");
    await build({ root: page, logLevel: "warn", build: { outDir, emptyOutDir: true } });
    site = await serveStatic(outDir);
    browser = await launchChromium();
  }, 120_000);
  afterAll(async () => {
    await browser?.close();
    await site?.close();
  });

  for (const [i, sample] of browserSamples.entries()) {
    it(`renders ${sample.file}:${sample.line}`, async () => {
      const page = await browser.newPage();
      const errors: string[] = [];
      page.on("pageerror", (e) => errors.push(String(e)));
      await page.goto(site.url);
      await page.waitForFunction(() => "__sample" in window);
      const result = await page.evaluate(
        ([index, lang, code]) =>
          (window as unknown as { __sample(i: number, lang: string, code: string): Promise<string[]> }).__sample(
            index,
            lang,
            code,
          ),
        [i, sample.lang, sample.code] as const,
      );
      expect(errors).toEqual([]);
      if (sample.lang === "html") {
        expect(result.length).toBeGreaterThan(0); // the sample's bankcrm elements…
        for (const text of result) expect(text.length).toBeGreaterThan(0); // …each rendered something
      }
      await page.close();
    }, 60_000);
  }
});
