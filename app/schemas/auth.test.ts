import { parseWithZod } from "@conform-to/zod";
import { describe, expect, it } from "vitest";
import { changePasswordSchema, forgotPasswordSchema, resetPasswordSchema, signInSchema, signUpSchema } from "./auth";

function fieldErrors(result: {
  success: boolean;
  error?: { flatten(): { fieldErrors: Record<string, string[] | undefined> } };
}) {
  return result.success ? {} : result.error!.flatten().fieldErrors;
}

describe("signUpSchema", () => {
  it("accepts a valid sign-up and lower-cases the email", () => {
    const result = signUpSchema.safeParse({
      name: " Trần Văn Bình ",
      email: "Binh@Example.VN",
      password: "mật-khẩu-dài",
    });
    expect(result.success).toBe(true);
    expect(result.data).toMatchObject({ name: "Trần Văn Bình", email: "binh@example.vn", password: "mật-khẩu-dài" });
  });

  it("reports every problem on its own field", () => {
    const result = signUpSchema.safeParse({ name: "", email: "nope", password: "short" });
    expect(fieldErrors(result)).toEqual({
      name: ["validation.required"],
      email: ["validation.email"],
      password: ["validation.passwordTooShort"],
    });
  });

  it("rejects a 10,000-character name", () => {
    const result = signUpSchema.safeParse({ name: "a".repeat(10_000), email: "a@b.vn", password: "12345678" });
    expect(fieldErrors(result)).toEqual({ name: ["validation.tooLong|120"] });
  });

  it("accepts a 64+ character password and rejects more than 256", () => {
    const base = { name: "An", email: "an@b.vn" };
    expect(signUpSchema.safeParse({ ...base, password: "p".repeat(64) }).success).toBe(true);
    expect(signUpSchema.safeParse({ ...base, password: "p".repeat(256) }).success).toBe(true);
    expect(fieldErrors(signUpSchema.safeParse({ ...base, password: "p".repeat(257) }))).toEqual({
      password: ["validation.passwordTooLong|256"],
    });
  });

  it("says validation.required for missing fields", () => {
    expect(fieldErrors(signUpSchema.safeParse({}))).toEqual({
      name: ["validation.required"],
      email: ["validation.required"],
      password: ["validation.required"],
    });
  });
});

describe("signInSchema", () => {
  it("does not apply the new-password length rule to existing passwords", () => {
    // Rules may have changed since the account was created.
    expect(signInSchema.safeParse({ email: "a@b.vn", password: "short" }).success).toBe(true);
  });

  it("requires a password", () => {
    expect(fieldErrors(signInSchema.safeParse({ email: "a@b.vn", password: "" }))).toEqual({
      password: ["validation.required"],
    });
  });

  it("lower-cases the email so sign-in matches sign-up", () => {
    expect(signInSchema.parse({ email: "AN@B.VN", password: "x" }).email).toBe("an@b.vn");
  });
});

describe("resetPasswordSchema and changePasswordSchema", () => {
  it("enforce the minimum length on the new password", () => {
    expect(fieldErrors(resetPasswordSchema.safeParse({ password: "1234567" }))).toEqual({
      password: ["validation.passwordTooShort"],
    });
    expect(
      fieldErrors(
        changePasswordSchema.safeParse({ intent: "password", currentPassword: "old", newPassword: "1234567" }),
      ),
    ).toEqual({ newPassword: ["validation.passwordTooShort"] });
  });
});

describe("forms (through conform)", () => {
  it("an empty email box shows only “required”, not also “invalid email”", () => {
    const formData = new FormData();
    formData.set("email", "");
    const submission = parseWithZod(formData, { schema: forgotPasswordSchema });
    expect(submission.status).toBe("error");
    expect(submission.status === "error" ? submission.error : undefined).toEqual({ email: ["validation.required"] });
  });
});
