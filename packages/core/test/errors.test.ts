import { describe, expect, it } from "vitest";
import {
  BankcrmAccessDeniedError,
  BankcrmError,
  BankcrmValidationError,
  isAccessDeniedError,
  isBankcrmError,
  isInvalidArgumentError,
  isValidationError,
} from "../src/index.js";

describe("errors", () => {
  it("carry name, code and cause", () => {
    const cause = new Error("low level");
    const error = new BankcrmAccessDeniedError("teller", "reveal C2", { cause });
    expect(error).toBeInstanceOf(BankcrmError);
    expect(error).toBeInstanceOf(Error);
    expect(error.name).toBe("BankcrmAccessDeniedError");
    expect(error.code).toBe("access_denied");
    expect(error.cause).toBe(cause);
  });

  it("are recognized across realms by name and code, and only their own kind", () => {
    const foreign = { name: "BankcrmValidationError", code: "validation_failed", message: "x", errors: [] };
    expect(isBankcrmError(foreign)).toBe(true);
    expect(isValidationError(foreign)).toBe(true);
    expect(isAccessDeniedError(foreign)).toBe(false);
    expect(isInvalidArgumentError(new Error("x"))).toBe(false);
    expect(isBankcrmError(null)).toBe(false);
    expect(isBankcrmError("BankcrmError")).toBe(false);
  });

  it("summarize the first field error in a validation error's message", () => {
    const error = new BankcrmValidationError([
      { path: ["contact", "mobile"], code: "mobile", message: "Enter a valid mainland mobile number" },
    ]);
    expect(error.message).toBe("contact.mobile: Enter a valid mainland mobile number");
  });
});
