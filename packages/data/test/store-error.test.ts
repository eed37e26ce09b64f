import "fake-indexeddb/auto";
import { describe, expect, it } from "vitest";
import { isBankcrmError } from "@bankcrm/core";
import { createIndexedDbStore, isStoreError, SCHEMA_VERSION, toStoreError } from "../src/index.js";

describe("store errors", () => {
  it("map IndexedDB's DOMExceptions to typed kinds", () => {
    expect(toStoreError(new DOMException("full", "QuotaExceededError")).kind).toBe("quota_exceeded");
    expect(toStoreError(new DOMException("newer", "VersionError")).kind).toBe("version");
    expect(toStoreError(new DOMException("abort", "AbortError")).kind).toBe("aborted");
    const unknown = toStoreError(new Error("boom"));
    expect(isStoreError(unknown)).toBe(true);
    expect(isBankcrmError(unknown, "store_failed")).toBe(true);
    expect(unknown.cause).toBeInstanceOf(Error);
  });

  it("fail an upgrade that another tab blocks as `blocked`, and open once that tab lets go", async () => {
    const name = `blocked-${Date.now()}`;
    // A tab running older code: holds version 1 (its schema: customers and their indexes) open and ignores versionchange.
    const old = await new Promise<IDBDatabase>((resolve, reject) => {
      const request = indexedDB.open(name, 1);
      request.onupgradeneeded = () => {
        const customers = request.result.createObjectStore("customers", { keyPath: "id" });
        for (const [index, field] of [
          ["byTier", "tier"],
          ["byBranch", "branchId"],
          ["byRelationshipManager", "relationshipManagerId"],
          ["byStatus", "status"],
          ["byName", "name"],
        ])
          customers.createIndex(index!, [field!, "id"]);
      };
      request.onsuccess = () => resolve(request.result);
      request.onerror = () => reject(request.error ?? new Error("open failed"));
    });
    const error = await createIndexedDbStore({ name, blockedTimeoutMs: 200 }).catch((e: unknown) => e);
    expect(isStoreError(error) && error.kind).toBe("blocked");
    old.close();
    const store = await createIndexedDbStore({ name, blockedTimeoutMs: 200 });
    expect(await store.getCustomer("nobody")).toBeUndefined();
    const versions = await indexedDB.databases();
    expect(versions.find((d) => d.name === name)?.version).toBe(SCHEMA_VERSION);
    await store.destroy();
  });
});
