/**
 * Server mode's two questions a page asks its origin: whether there is a server (`/bankcrm-config.json`, served by
 * serve.mjs with BANKCRM_API and by `pnpm start`'s demo bank), and a token for a demo user (`/bankcrm-token`, the
 * sign-in stand-in; a bank's portal gets it from its identity provider). The workstation and the desk both use them.
 */

/** The API's base URL when the page runs against a server; undefined when it runs embedded. */
export async function serverApi(): Promise<string | undefined> {
  try {
    const response = await fetch("/bankcrm-config.json", { cache: "no-store" });
    if (!response.ok) return undefined;
    const { api } = (await response.json()) as { api?: unknown };
    return typeof api === "string" ? new URL(api, location.origin).href : undefined;
  } catch {
    return undefined;
  }
}

/**
 * The demo bank's clock (`POST /bankcrm-demo/clock`, served beside the demo sign-in only): moves the demo's time on
 * `days` so launched campaigns can be measured; the new time and how many products the demo world opened. Undefined
 * when this page is not on the demo bank (the endpoint answers nothing else).
 */
export async function advanceDemoClock(days: number): Promise<{ now: string; opened: number } | undefined> {
  const response = await fetch("/bankcrm-demo/clock", {
    method: "POST",
    headers: { "Content-Type": "application/json" },
    body: JSON.stringify({ days }),
  }).catch(() => undefined);
  return response?.ok ? ((await response.json()) as { now: string; opened: number }) : undefined;
}

/** Tokens for demo members of staff from the sign-in stand-in, each kept until a minute before it expires (1 hour). */
export class DemoTokens {
  private kept = new Map<string, { token: string; until: number }>();

  async get(staffId: string): Promise<string> {
    const k = this.kept.get(staffId);
    if (k && k.until > Date.now()) return k.token;
    const response = await fetch(`/bankcrm-token?staff=${encodeURIComponent(staffId)}`, { cache: "no-store" });
    if (!response.ok) throw new Error(`sign-in failed (${response.status})`);
    const { token } = (await response.json()) as { token: string };
    this.kept.set(staffId, { token, until: Date.now() + 59 * 60_000 });
    return token;
  }

  clear(): void {
    this.kept.clear();
  }
}
