/** Opens a page that records every CSP violation and uncaught error, for the e2e tests. */
import type { Browser, Page } from "playwright-core";

export async function openWatchedPage(
  browser: Browser,
  url: string,
  /** Runs before the page is opened (routes, init scripts). */
  prepare?: (page: Page) => Promise<unknown>,
): Promise<{ page: Page; violations: string[]; errors: string[] }> {
  const page = await browser.newPage();
  await prepare?.(page);
  const violations: string[] = [];
  const errors: string[] = [];
  await page.exposeFunction("__reportViolation", (v: string) => violations.push(v));
  await page.addInitScript(() => {
    document.addEventListener("securitypolicyviolation", (e) => {
      (window as unknown as { __reportViolation(v: string): void }).__reportViolation(
        `${e.violatedDirective} ${e.blockedURI} ${e.sourceFile}:${e.lineNumber} ${e.sample}`,
      );
    });
  });
  page.on("pageerror", (e) => errors.push(String(e)));
  await page.goto(url);
  return { page, violations, errors };
}
