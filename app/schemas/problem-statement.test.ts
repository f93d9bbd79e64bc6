import { parseWithZod } from "@conform-to/zod";
import { describe, expect, it } from "vitest";
import { decisionSchema, problemStatementSchema, statementQuality, todayInHanoi } from "./problem-statement";

const inDays = (days: number) => todayInHanoi(new Date(Date.now() + days * 86_400_000));

const valid = () => ({
  title: "Điều khiển đèn tín hiệu thích ứng",
  context: "Nhiều nút giao ùn tắc giờ cao điểm.",
  responsiblePerson: "Ông Vũ Quang Huy",
  scopeOfWork: "Thí điểm tại 20 nút giao.",
  timeline: "6 tháng",
  deadline: inDays(200),
  accountableUnit: "Phòng Quản lý giao thông",
  deliverable: "Hệ thống điều khiển",
  successCriteria: "Giảm 15% thời gian chờ",
  decisionAuthority: "Giám đốc Sở",
  proposalDeadline: inDays(30),
});

function parse(change: Record<string, string>) {
  const formData = new FormData();
  for (const [key, value] of Object.entries({ ...valid(), ...change })) formData.set(key, value);
  return parseWithZod(formData, { schema: problemStatementSchema });
}

function errorsOf(change: Record<string, string>) {
  const submission = parse(change);
  return (submission.status === "success" ? null : submission.error) ?? {};
}

describe("problemStatementSchema", () => {
  it("accepts a complete statement and reads grouped VND amounts", () => {
    const submission = parse({ budgetMinVnd: "1.500.000", budgetMaxVnd: "2000000000", desiredTrl: "6" });
    expect(submission.status).toBe("success");
    if (submission.status !== "success") return;
    expect(submission.value.budgetMinVnd).toBe(1_500_000);
    expect(submission.value.budgetMaxVnd).toBe(2_000_000_000);
    expect(submission.value.desiredTrl).toBe(6);
  });

  it.each([
    ["a negative amount", { budgetMinVnd: "-5000" }, "budgetMinVnd", "statements.validation.vnd"],
    ["words and a decimal comma", { budgetMaxVnd: "1,5 tỷ" }, "budgetMaxVnd", "statements.validation.vnd"],
    ["badly grouped dots", { budgetMinVnd: "1.50.000" }, "budgetMinVnd", "statements.validation.vnd"],
    [
      "a maximum below the minimum",
      { budgetMinVnd: "5.000.000", budgetMaxVnd: "1.000.000" },
      "budgetMaxVnd",
      "statements.validation.budgetOrder",
    ],
    ["TRL 0", { desiredTrl: "0" }, "desiredTrl", "statements.validation.trl"],
    ["TRL 10", { desiredTrl: "10" }, "desiredTrl", "statements.validation.trl"],
    [
      "a proposal deadline in the past",
      { proposalDeadline: inDays(-1) },
      "proposalDeadline",
      "statements.validation.pastDate",
    ],
    [
      "a proposal deadline after the deadline",
      { proposalDeadline: inDays(250) },
      "proposalDeadline",
      "statements.validation.proposalAfterDeadline",
    ],
    ["an impossible date", { deadline: "2026-02-30" }, "deadline", "validation.date"],
    ["a 10,000-character context", { context: "x".repeat(10_000) }, "context", "validation.tooLong|5000"],
  ])("rejects %s", (_label, change, field, message) => {
    expect(errorsOf(change)[field]).toContain(message);
  });

  it("allows today as the proposal deadline and the same day as the deadline", () => {
    expect(parse({ proposalDeadline: todayInHanoi(), deadline: todayInHanoi() }).status).toBe("success");
  });
});

describe("decisionSchema", () => {
  it("needs a structured reason to decline", () => {
    const result = decisionSchema.safeParse({ proposalId: "p1", status: "DECLINED" });
    expect(result.success).toBe(false);
    expect(result.error?.issues.map((i) => i.path.join("."))).toEqual(["declineReason"]);
    expect(
      decisionSchema.safeParse({ proposalId: "p1", status: "DECLINED", declineReason: "OVER_BUDGET" }).success,
    ).toBe(true);
    expect(decisionSchema.safeParse({ proposalId: "p1", status: "SHORTLISTED" }).success).toBe(true);
  });
});

describe("statementQuality", () => {
  const base = { title: "Tiêu đề", context: "ngắn", successCriteria: "Tốt hơn" };

  it("scores 0 when none of the checks pass", () => {
    expect(statementQuality(base)).toEqual({
      score: 0,
      checks: { problem: false, users: false, budget: false, successCriteria: false, data: false },
    });
  });

  it("scores 100 when the problem, users, budget, measurable criteria and data are all there", () => {
    const quality = statementQuality({
      title: "Tiêu đề",
      context: "Hiện trạng: ".padEnd(120, "x"),
      targetUsers: "Người tham gia giao thông",
      budgetMinVnd: 1_000_000n,
      budgetMaxVnd: 2_000_000,
      successCriteria: "Giảm 15% thời gian chờ",
      dataAvailable: "Dữ liệu camera 2 năm",
    });
    expect(quality.score).toBe(100);
    expect(Object.values(quality.checks).every(Boolean)).toBe(true);
  });

  it("counts each check as a fifth, and needs both ends of the budget range and a number in the criteria", () => {
    expect(statementQuality({ ...base, budgetMaxVnd: 5 }).checks.budget).toBe(false);
    expect(statementQuality({ ...base, successCriteria: "Giảm 20%" }).score).toBe(20);
    expect(statementQuality({ ...base, targetUsers: "  ", dataAvailable: "Có" }).score).toBe(20);
  });
});
