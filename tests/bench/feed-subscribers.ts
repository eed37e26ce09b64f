/**
 * The feed bench's subscribers, in a process of their own (feed.bench.ts forks it): `SUBSCRIBERS` followers of the
 * server's event stream with @bankcrm/data's `followChanges`, as pages do. It tells its parent when all are live,
 * and on `stop` sends when each change reached each follower (epoch milliseconds, comparable across processes).
 */
import { followChanges } from "../../packages/data/src/index.js";

const [base, token, count] = process.argv.slice(2) as [string, string, string];
const now = () => performance.timeOrigin + performance.now();
const received: Record<string, number[]> = {};
const live = new Set<number>();
let cpu = process.cpuUsage();

const followers = Array.from({ length: Number(count) }, (_, s) =>
  followChanges({
    baseUrl: `${base}/`,
    getToken: () => token,
    after: "head",
    onStatus: (status) => {
      if (status !== "live" || live.has(s)) return;
      live.add(s);
      if (live.size === followers.length) {
        cpu = process.cpuUsage();
        process.send!({ live: live.size });
      }
    },
    apply: (change) => {
      (received[change.id] ??= []).push(now());
    },
  }),
);

process.on("message", (message: { stop?: boolean }) => {
  if (!message.stop) return;
  for (const f of followers) f.stop();
  const used = process.cpuUsage(cpu);
  process.send!({ received, cpuSeconds: (used.user + used.system) / 1e6 }, () => process.exit(0));
});
