import { describe, expect, it } from "vitest";
import { z } from "zod";
import { MAX_NAME, emailField, newPasswordField, requiredText, taxCodeField, tooLong, websiteField } from "./fields";

function messages(schema: z.ZodTypeAny, value: unknown): string[] {
  const result = schema.safeParse(value);
  return result.success ? [] : result.error.issues.map((i) => i.message);
}

describe("taxCodeField (mã số thuế)", () => {
  it.each(["0101234567", "0101234567-001", "  0101234567  "])("accepts %j", (value) => {
    const result = taxCodeField.safeParse(value);
    expect(result.success).toBe(true);
    expect(result.data).toBe(value.trim());
  });

  it.each([
    "010123456", // 9 digits
    "01012345678", // 11 digits
    "0101234567-01", // branch must be 3 digits
    "0101234567-0001",
    "abcdefghij",
    "0101234567 001", // space instead of hyphen
    "0101234567-",
    "0101234567_001",
  ])("rejects %j with validation.taxCode", (value) => {
    const result = taxCodeField.safeParse(value);
    expect(result.success).toBe(false);
    expect(messages(taxCodeField, value)).toContain("validation.taxCode");
    expect(new Set(messages(taxCodeField, value))).toEqual(new Set(["validation.taxCode"]));
  });

  it("allows the field to be absent", () => {
    expect(taxCodeField.safeParse(undefined)).toEqual({ success: true, data: undefined });
  });
});

describe("emailField", () => {
  it("lower-cases and trims the address", () => {
    expect(emailField.parse("  Nguyen.Van.A@CongTy.VN ")).toBe("nguyen.van.a@congty.vn");
  });

  it.each(["not-an-email", "a@", "@congty.vn", "a b@congty.vn"])("rejects %j with validation.email", (value) => {
    expect(messages(emailField, value)).toContain("validation.email");
  });

  it("treats empty and missing as required", () => {
    // Direct parsing of "" reports both; forms go through conform, which turns
    // "" into undefined (see organisation.test.ts), so users see only "required".
    expect(messages(emailField, "")).toContain("validation.required");
    expect(messages(emailField, "   ")).toContain("validation.required");
    expect(messages(emailField, undefined)).toEqual(["validation.required"]);
  });

  it("rejects addresses over 254 characters", () => {
    const long = `${"a".repeat(250)}@congty.vn`;
    expect(messages(emailField, long)).toContain(tooLong(254));
  });
});

describe("requiredText", () => {
  const name = requiredText(MAX_NAME);

  it("trims and accepts a Vietnamese name", () => {
    expect(name.parse("  Nguyễn Thị Hồng  ")).toBe("Nguyễn Thị Hồng");
  });

  it("rejects 10,000 characters with validation.tooLong|120", () => {
    expect(messages(name, "x".repeat(10_000))).toEqual(["validation.tooLong|120"]);
  });

  it("accepts exactly 120 characters and rejects 121", () => {
    expect(name.safeParse("x".repeat(120)).success).toBe(true);
    expect(messages(name, "x".repeat(121))).toEqual(["validation.tooLong|120"]);
  });

  it("says validation.required for empty, blank and missing values", () => {
    expect(messages(name, "")).toEqual(["validation.required"]);
    expect(messages(name, "   ")).toEqual(["validation.required"]);
    expect(messages(name, undefined)).toEqual(["validation.required"]);
  });
});

describe("newPasswordField", () => {
  it("requires at least 8 characters", () => {
    expect(messages(newPasswordField, "1234567")).toEqual(["validation.passwordTooShort"]);
    expect(newPasswordField.safeParse("12345678").success).toBe(true);
  });

  it("accepts long passphrases up to 256 characters, without trimming them", () => {
    const long = "mật khẩu rất dài ".repeat(4).slice(0, 60).padEnd(64, "!");
    expect(long.length).toBe(64);
    expect(newPasswordField.parse(long)).toBe(long);
    expect(newPasswordField.safeParse("a".repeat(256)).success).toBe(true);
    expect(messages(newPasswordField, "a".repeat(257))).toEqual(["validation.passwordTooLong|256"]);
    expect(newPasswordField.parse("  spaces matter  ")).toBe("  spaces matter  ");
  });

  it("is required", () => {
    expect(messages(newPasswordField, undefined)).toEqual(["validation.required"]);
  });
});

describe("websiteField", () => {
  it("accepts http(s) addresses and rejects others with validation.url", () => {
    expect(websiteField.safeParse("https://hihub.hanoi.gov.vn").success).toBe(true);
    expect(messages(websiteField, "hihub.hanoi.gov.vn")).toEqual(["validation.url"]);
    expect(messages(websiteField, "javascript:alert(1)")).toEqual(["validation.url"]);
  });
});
