/**
 * The worker's side of the book metrics posts scored customers to the page a few
 * thousand at a time, whatever the size of the book's batches — the page unpacks
 * each message in one task, so a message is a frame's work — and every customer
 * and churn alert reaches the page once. Over a real MessageChannel in Node.
 */
import { MessageChannel, type MessagePort } from "node:worker_threads";
import { describe, expect, it } from "vitest";
import type { BookCustomer, Customer, Holding } from "../src/index.js";
import { computeBookMetrics, startBookMetrics, serveBookMetrics, type CustomerValue } from "../src/analytics/index.js";
import { POSTED_AT_ONCE } from "../src/analytics/book-metrics-worker.js";
import type { ChurnAlert } from "../src/analytics/index.js";

const AS_OF = "2026-11-30";
/** A saved fit: the messages are the point here, not the fit (which on 6,000 distinct histories takes a minute). */
const models = { bgNbd: { r: 0.24, alpha: 4.41, a: 0.79, b: 2.43 }, gammaGamma: { p: 6.25, q: 3.74, gamma: 15.44 } };

/** One batch of `n` customers, each with a deposit and a few purchases, some quiet for months (churn alerts). */
function book(n: number): BookCustomer[] {
  return Array.from({ length: n }, (_, i) => {
    const id = `CU${String(i).padStart(6, "0")}`;
    const holding = {
      id: `${id}-H`,
      customerId: id,
      productType: "current_deposit",
      productCode: "current_deposit",
      accountNumber: `${id}1`,
      balance: { amount: 10_000 + i * 37, currency: "CNY" },
      averageBalance: { amount: i % 5 === 0 ? 900_000 : 10_000, currency: "CNY" },
      openedAt: "2020-01-01",
      status: "active",
    } as Holding;
    const last = i % 7 === 0 ? 200 : 3 + (i % 30);
    const transactions = [last, last + 20, last + 55].map((daysAgo, k) => ({
      at: new Date(Date.parse(`${AS_OF}T02:00:00Z`) - daysAgo * 86_400_000).toISOString(),
      amount: { amount: 5_000 + ((i * 13 + k * 101) % 90_000), currency: "CNY" },
      channel: "mobile_app",
      direction: "debit",
    })) as BookCustomer["transactions"];
    const customer = { id, kind: "individual", status: "active", onboardedAt: "2018-05-10" } as Customer;
    return { customer, holdings: [holding], transactions };
  });
}

describe("serveBookMetrics' messages to the page", () => {
  it(`carry at most ${POSTED_AT_ONCE} customers each, every customer and alert once`, async () => {
    const customers = book(POSTED_AT_ONCE * 2 + 1_000);
    const { port1, port2 } = new MessageChannel();
    // Node's ports as the structural Port a Worker and a worker's scope are (transfer given as a list).
    const side = (port: MessagePort) => ({
      postMessage: (message: unknown, options?: { transfer?: ArrayBuffer[] }) =>
        port.postMessage(message, options?.transfer ?? []),
      addEventListener: (type: "message", listener: (event: { data: unknown }) => void) =>
        port.addEventListener(type, listener as never),
    });
    port1.start();
    port2.start();
    serveBookMetrics(side(port1), { total: customers.length, batches: () => [customers] });
    const sizes: number[] = [];
    const scored: CustomerValue[] = [];
    const alerts: ChurnAlert[] = [];
    const previous = Object.fromEntries(customers.map((b) => [b.customer.id, 1]));
    try {
      await startBookMetrics(side(port2), {
        asOf: AS_OF,
        models,
        previous,
        onBatch: (batch, batchAlerts) => {
          sizes.push(batch.length);
          scored.push(...batch);
          alerts.push(...batchAlerts);
        },
      }).done;
    } finally {
      port1.close();
    }
    // The book came as one batch of 6,000: it reaches the page in three messages.
    expect(sizes).toEqual([POSTED_AT_ONCE, POSTED_AT_ONCE, 1_000]);
    expect(scored).toEqual(computeBookMetrics(customers, { asOf: AS_OF, models }).customers);
    expect(alerts.length).toBeGreaterThan(100);
    expect(new Set(alerts.map((a) => a.customerId)).size).toBe(alerts.length);
    // Each alert travels with its own customer's chunk.
    const chunkOf = new Map(scored.map((v, i) => [v.customerId, Math.floor(i / POSTED_AT_ONCE)]));
    expect(new Set(alerts.map((a) => chunkOf.get(a.customerId))).size).toBe(3);
  });
});
