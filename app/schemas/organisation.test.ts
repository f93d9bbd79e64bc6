import { parseWithZod } from "@conform-to/zod";
import { describe, expect, it } from "vitest";
import { inviteSchema, kindsAllowed, organisationSchema } from "./organisation";

const valid = { name: "Công ty Cổ phần Công nghệ Sông Hồng", kind: "PROVIDER" };

function fieldErrors(value: unknown) {
  const result = organisationSchema.safeParse(value);
  return result.success ? {} : result.error.flatten().fieldErrors;
}

describe("organisationSchema", () => {
  it("accepts a minimal organisation and leaves optional fields out", () => {
    const result = organisationSchema.safeParse(valid);
    expect(result.success).toBe(true);
    expect(result.data).toEqual({ name: valid.name, kind: "PROVIDER" });
  });

  it("accepts a full organisation with a branch tax code", () => {
    const result = organisationSchema.safeParse({
      ...valid,
      taxCode: "0101234567-001",
      website: "https://songhong.vn",
      address: "Số 1 Tràng Tiền, Hoàn Kiếm, Hà Nội",
      description: "Giải pháp chuyển đổi số.",
    });
    expect(result.success).toBe(true);
  });

  it.each(["010123456", "01012345678", "0101234567-01", "abcdefghij", "0101234567 001"])(
    "rejects tax code %j with validation.taxCode",
    (taxCode) => {
      expect(fieldErrors({ ...valid, taxCode })).toEqual({ taxCode: ["validation.taxCode"] });
    },
  );

  it("allows the tax code to be absent", () => {
    expect(organisationSchema.safeParse({ ...valid, taxCode: undefined }).success).toBe(true);
  });

  it.each([undefined, "", "BANK", "provider"])("rejects kind %j with validation.requiredChoice", (kind) => {
    expect(fieldErrors({ ...valid, kind })).toEqual({ kind: ["validation.requiredChoice"] });
  });

  it("requires a name and caps it at 120 characters", () => {
    expect(fieldErrors({ ...valid, name: "" })).toEqual({ name: ["validation.required"] });
    expect(fieldErrors({ ...valid, name: "x".repeat(10_000) })).toEqual({ name: ["validation.tooLong|120"] });
  });

  it("caps the description at 2000 characters", () => {
    expect(fieldErrors({ ...valid, description: "x".repeat(2001) })).toEqual({
      description: ["validation.tooLong|2000"],
    });
  });
});

describe("organisationSchema through the form (conform)", () => {
  function submit(fields: Record<string, string>) {
    const formData = new FormData();
    for (const [k, v] of Object.entries(fields)) formData.set(k, v);
    return parseWithZod(formData, { schema: organisationSchema });
  }

  it("treats empty optional inputs (tax code, website…) as absent", () => {
    const submission = submit({ ...valid, taxCode: "", website: "", address: "", description: "" });
    expect(submission.status).toBe("success");
  });

  it("shows one clear message per empty required input", () => {
    const submission = submit({ name: "", kind: "", taxCode: "0101234567 001" });
    expect(submission.status).toBe("error");
    expect(submission.status === "error" ? submission.error : undefined).toEqual({
      name: ["validation.required"],
      kind: ["validation.requiredChoice"],
      taxCode: ["validation.taxCode"],
    });
  });
});

describe("inviteSchema", () => {
  it("lower-cases the email and requires a role", () => {
    expect(inviteSchema.parse({ intent: "invite", email: "Lan@Vien.VN", role: "MEMBER" }).email).toBe("lan@vien.vn");
    const result = inviteSchema.safeParse({ intent: "invite", email: "lan@vien.vn", role: "ADMIN" });
    expect(result.success ? {} : result.error.flatten().fieldErrors).toEqual({ role: ["validation.requiredChoice"] });
  });
});

describe("kindsAllowed", () => {
  it("keeps INNOVATION_CENTRE for staff only, or for an organisation that already is one", () => {
    expect(kindsAllowed(false)).not.toContain("INNOVATION_CENTRE");
    expect(kindsAllowed(true)).toContain("INNOVATION_CENTRE");
    expect(kindsAllowed(false, "INNOVATION_CENTRE")).toContain("INNOVATION_CENTRE");
    expect(kindsAllowed(false, "PROVIDER")).toEqual(["PROVIDER", "RESEARCH", "AGENCY"]);
  });
});
