import { describe, expect, it } from "vitest";
import { isStoreError, toStoreError } from "../src/index.js";

describe("store errors", () => {
  it("map IndexedDB's DOMExceptions to typed kinds", () => {
    expect(toStoreError(new DOMException("full", "QuotaExceededError")).kind).toBe("quota_exceeded");
    expect(toStoreError(new DOMException("newer", "VersionError")).kind).toBe("version");
    expect(toStoreError(new DOMException("abort", "AbortError")).kind).toBe("aborted");
    const unknown = toStoreError(new Error("boom"));
    expect(isStoreError(unknown)).toBe(true);
    expect(unknown.cause).toBeInstanceOf(Error);
  });
});
