/**
 * The packages as a bank's front-end team installs them: packed (`pnpm pack`),
 * installed with npm into fresh host apps in a temporary folder outside the
 * workspace — where no workspace link and no pnpm patch applies — type-checked
 * with moduleResolution `bundler` and `node16`, built with Vite, and rendered in
 * Chromium: the provider, card, timeline and lead form in the Vite app, and the
 * internet-banking page (plain HTML, an import map, no build) beside it.
 */
import { execFileSync } from "node:child_process";
import { copyFileSync, mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Browser } from "playwright-core";
import { launchChromium } from "../support/browser.js";
import { packPackages, repo } from "../support/pack.js";
import { serveStatic } from "../support/static-server.js";

const here = fileURLToPath(new URL("./fresh-host/", import.meta.url));
const bin = (name: string) => join(repo, "node_modules", ".bin", name);
const work = mkdtempSync(join(tmpdir(), "bankcrm-fresh-host-"));
const app = join(work, "app");
const plain = join(work, "plain");
let browser: Browser;

const tsconfig = (module: string, moduleResolution: string) =>
  JSON.stringify({
    compilerOptions: {
      target: "ES2022",
      module,
      moduleResolution,
      lib: ["ES2022", "DOM", "DOM.Iterable"],
      strict: true,
      noEmit: true,
      types: [],
    },
    files: ["main.ts"],
  });

beforeAll(async () => {
  expect(work.startsWith(repo)).toBe(false);
  const packs = join(work, "packs");
  mkdirSync(packs);
  const tarballs = packPackages(packs);
  mkdirSync(app);
  writeFileSync(
    join(app, "package.json"),
    JSON.stringify({
      name: "a-bank-portal",
      private: true,
      type: "module",
      dependencies: {
        "@bankcrm/core": `file:${tarballs.core}`,
        "@bankcrm/data": `file:${tarballs.data}`,
        "@bankcrm/elements": `file:${tarballs.elements}`,
      },
    }),
  );
  for (const file of ["main.ts", "index.html"]) copyFileSync(join(here, file), join(app, file));
  writeFileSync(join(app, "tsconfig.bundler.json"), tsconfig("ESNext", "Bundler"));
  writeFileSync(join(app, "tsconfig.node16.json"), tsconfig("Node16", "Node16"));
  execFileSync("npm", ["install", "--no-audit", "--no-fund", "--loglevel=error"], { cwd: app, stdio: "pipe" });
  // The internet-banking page as it is, on the same installed packages.
  mkdirSync(plain);
  for (const file of ["index.html", "app.js", "page.css"])
    copyFileSync(join(repo, "examples/internet-banking", file), join(plain, file));
  symlinkSync(join(app, "node_modules"), join(plain, "node_modules"));
  browser = await launchChromium();
}, 240_000);

afterAll(async () => {
  await browser?.close();
  rmSync(work, { recursive: true, force: true });
});

describe("the packed packages in a fresh host app (npm, outside the workspace)", () => {
  it("install with real dependencies: the packages' own, no workspace links", () => {
    const lock = JSON.parse(readFileSync(join(app, "package-lock.json"), "utf8")) as {
      packages: Record<string, { version?: string; resolved?: string; link?: boolean }>;
    };
    for (const name of ["lit", "zod", "idb", "ky", "@lit-labs/virtualizer", "@lit/context"])
      expect(lock.packages[`node_modules/${name}`]?.version, name).toMatch(/^\d+\.\d+\.\d+/);
    expect(Object.values(lock.packages).some((p) => p.link)).toBe(false);
  });

  it("type-check in the host with moduleResolution bundler and node16", () => {
    for (const config of ["tsconfig.bundler.json", "tsconfig.node16.json"]) {
      const result = (() => {
        try {
          execFileSync(bin("tsc"), ["-p", config], { cwd: app, encoding: "utf8", stdio: "pipe" });
          return "";
        } catch (error) {
          return String((error as { stdout?: string }).stdout ?? error);
        }
      })();
      expect(result, config).toBe("");
    }
  }, 120_000);

  it("build with Vite and render the provider, card, timeline and lead form in Chromium", async () => {
    execFileSync(bin("vite"), ["build", "--logLevel", "error"], { cwd: app, stdio: "pipe" });
    const site = await serveStatic(join(app, "dist"));
    const page = await browser.newPage();
    const errors: string[] = [];
    page.on("pageerror", (e) => errors.push(String(e)));
    try {
      await page.goto(site.url);
      await page.waitForSelector("body[data-ready=true]", { timeout: 30_000 });
      const mobile = page.locator('bankcrm-customer-card [data-field="contact.mobile"]');
      await expect.poll(() => mobile.textContent(), { timeout: 10_000 }).toMatch(/^1\d\d\*{4}\d{4}$/);
      await expect
        .poll(() => page.locator("bankcrm-customer-timeline article").count(), { timeout: 10_000 })
        .toBeGreaterThan(0);
      expect(await page.locator("bankcrm-lead-form #mobile").count()).toBe(1);

      // The host's lit-html is whatever npm resolved (3.3.3 at the time of writing, with lit/lit#5298): the
      // long timeline scrolled end to end three times keeps its comment nodes bounded all the same.
      const litHtml = JSON.parse(readFileSync(join(app, "node_modules/lit-html/package.json"), "utf8")) as {
        version: string;
      };
      const passes = await page.evaluate(async () => {
        const el = document.querySelector("#long") as HTMLElement & {
          sweptMarkers: number;
          updateComplete: Promise<unknown>;
        };
        const feed = el.shadowRoot!.querySelector<HTMLElement>('[part="feed"]')!;
        feed.scrollIntoView();
        const frame = () => new Promise((r) => requestAnimationFrame(r));
        const count = () => {
          const walker = document.createTreeWalker(el.shadowRoot!, NodeFilter.SHOW_COMMENT);
          let n = 0;
          while (walker.nextNode()) n++;
          return n;
        };
        const out: { comments: number; articles: number; swept: number }[] = [];
        for (let pass = 0; pass < 3; pass++) {
          for (let step = 0; step <= 40; step++) {
            feed.scrollTop = (feed.scrollHeight * step) / 40;
            await frame();
            await frame();
          }
          feed.scrollTop = 0;
          for (let i = 0; i < 5; i++) await frame();
          await new Promise((r) => setTimeout(r, 0));
          out.push({ comments: count(), articles: feed.querySelectorAll("article").length, swept: el.sweptMarkers });
        }
        return out;
      });
      expect(passes[2]!.articles).toBeGreaterThan(0);
      expect(
        passes[2]!.comments - passes[0]!.comments,
        JSON.stringify({ litHtml: litHtml.version, passes }),
      ).toBeLessThan(20);
      expect(passes[2]!.comments).toBeLessThan(passes[2]!.articles * 20 + 50);
      // Proof the workaround is what keeps it flat where the bug is present (lit-html 3.3.2 / 3.3.3).
      if (["3.3.2", "3.3.3"].includes(litHtml.version)) expect(passes[2]!.swept).toBeGreaterThan(100);
      expect(errors).toEqual([]);
    } finally {
      await page.close();
      await site.close();
    }
  }, 120_000);

  it("serve the internet-banking page with an import map and no build step", async () => {
    const site = await serveStatic(plain);
    const page = await browser.newPage();
    const errors: string[] = [];
    page.on("pageerror", (e) => errors.push(String(e)));
    try {
      await page.goto(site.url);
      const form = page.locator("bankcrm-lead-form");
      await form.locator("#name").waitFor({ timeout: 30_000 });
      await form.locator("#name").fill("钱网银");
      await form.locator("#mobile").fill("13700001234");
      await form.locator("#consent").check();
      await form.locator('[part="submit"]').click();
      await expect.poll(() => page.locator("#result").textContent(), { timeout: 10_000 }).toMatch(/^受理编号：/);
      expect(errors).toEqual([]);
    } finally {
      await page.close();
      await site.close();
    }
  }, 120_000);
});
