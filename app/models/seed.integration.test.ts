// `npm start` on an empty database seeds a living market: the city's real
// list first, published statements with questions and proposals in every
// state, matches at every stage, paid and refunded orders, and a results page
// that is not all zeros. A second run adds nothing.
import { beforeAll, describe, expect, it } from "vitest";
import { db } from "~/db.server";
import { startTestServer, visibleText } from "~/test-support/http";
import { seedDemoData } from "../../prisma/seed";
import { seedMajorProblemList } from "../../prisma/seed-major-problems";

const server = startTestServer();

async function counts() {
  const [
    users,
    organisations,
    offers,
    majorProblems,
    versions,
    statements,
    questions,
    proposals,
    matches,
    orders,
    refunds,
    notifications,
    audit,
  ] = await Promise.all([
    db.user.count(),
    db.organisation.count(),
    db.offer.count(),
    db.majorProblem.count(),
    db.majorProblemListVersion.count(),
    db.problemStatement.count(),
    db.question.count(),
    db.proposal.count(),
    db.match.count(),
    db.order.count(),
    db.refund.count(),
    db.notification.count(),
    db.auditEntry.count(),
  ]);
  return {
    users,
    organisations,
    offers,
    majorProblems,
    versions,
    statements,
    questions,
    proposals,
    matches,
    orders,
    refunds,
    notifications,
    audit,
  };
}

let first: Awaited<ReturnType<typeof counts>>;

beforeAll(async () => {
  expect(await db.user.count()).toBe(0);
  await seedDemoData();
  first = await counts();
}, 120_000);

describe("the demo seed on an empty database", () => {
  it("uses the city's real decision and puts its named problems first", async () => {
    const list = await db.majorProblemList.findUniqueOrThrow({ where: { slug: seedMajorProblemList.slug } });
    expect(list.decisionNumber).toBe("1193/QĐ-UBND");
    expect(list.decisionDate.toISOString()).toBe("2026-03-17T17:00:00.000Z"); // 18 March 2026, Hanoi midnight
    const page = await server.browser().get(`/major-problems/${list.slug}`);
    expect(page.status).toBe(200);
    const text = visibleText(page.text);
    expect(text).toContain("1193/QĐ-UBND");
    const order = [
      "Giảm ùn tắc giao thông đô thị",
      "Bảo đảm trật tự đô thị và vệ sinh môi trường",
      "Net Zero",
      "thành phố bọt biển",
      "an toàn thực phẩm",
      "không gian đô thị đa tầng",
      "Kinh tế tầm thấp",
    ].map((title) => text.indexOf(title));
    expect(order.every((at) => at >= 0)).toBe(true);
    expect(order).toEqual([...order].sort((a, b) => a - b));
    expect(text.indexOf("Kinh tế tầm thấp")).toBeLessThan(text.indexOf("đặt chỗ đỗ xe"));

    // Some problems are translated and some are not, so the English page shows both cases.
    const english = visibleText((await server.browser({ language: "en" }).get(`/major-problems/${list.slug}`)).text);
    expect(english).toContain("Hanoi's list of major problems, 2026–2030");
    expect(english).toContain("Reducing urban traffic congestion");
    expect(english).toContain("Giảm phát thải, hướng tới phát thải ròng bằng 0 (Net Zero)");
    expect(english).toContain("This text is available in Vietnamese only.");
  });

  it("publishes at least 8 statements, with questions (some answered) the public can read", async () => {
    expect(await db.problemStatement.count({ where: { status: "PUBLISHED" } })).toBeGreaterThanOrEqual(8);
    const statuses = (await db.problemStatement.groupBy({ by: ["status"], _count: true }))
      .map((row) => row.status)
      .sort();
    expect(statuses).toEqual(["CLOSED", "DRAFT", "PUBLISHED", "SUBMITTED"]);
    expect(await db.question.count({ where: { answer: { not: null } } })).toBeGreaterThan(0);
    expect(await db.question.count({ where: { answer: null } })).toBeGreaterThan(0);

    const list = await server.browser().get("/problems");
    expect(list.status).toBe(200);
    expect(visibleText(list.text)).toContain("Cảm biến mực nước và cảnh báo ngập cho 30 điểm ngập thường xuyên nội đô");
    const statement = await db.problemStatement.findFirstOrThrow({
      where: { questions: { some: { answer: { not: null } } }, status: "PUBLISHED" },
      include: { questions: true },
    });
    const page = visibleText((await server.browser().get(`/problems/${statement.slug}`)).text);
    expect(page).toContain(statement.questions.find((q) => q.answer)!.answer!);
  });

  it("has proposals in every state, declines carrying a structured reason and a note", async () => {
    const states = (await db.proposal.groupBy({ by: ["status"], _count: true })).map((row) => row.status).sort();
    expect(states).toEqual(["DECLINED", "RECEIVED", "SELECTED", "SHORTLISTED", "WITHDRAWN"]);
    const declined = await db.proposal.findMany({ where: { status: "DECLINED" } });
    expect(declined.every((p) => p.declineReason && p.declineNote)).toBe(true);
    expect(await db.proposal.count({ where: { majorProblemId: { not: null } } })).toBeGreaterThan(0);
  });

  it("gives the demo accounts message threads and the notices of what happened, in the app and by email", async () => {
    const threads = await db.messageThread.findMany({ include: { messages: true } });
    expect(threads.some((t) => t.proposalId && t.messages.length >= 2)).toBe(true);
    expect(threads.some((t) => t.orderId && t.messages.length >= 2)).toBe(true);
    const kinds = new Set((await db.notification.findMany({ select: { kind: true } })).map((n) => n.kind));
    for (const kind of [
      "question.asked",
      "question.answered",
      "proposal.received",
      "proposal.declined",
      "proposal.withdrawn",
      "message.received",
      "order.paid",
    ]) {
      expect(kinds, kind).toContain(kind);
    }
    expect(await db.mailOutbox.count()).toBeGreaterThan(0);
  });

  it("has matches at every curation status and every stage from introduced to deployed", async () => {
    const statuses = new Set((await db.match.findMany({ select: { status: true } })).map((m) => m.status));
    expect([...statuses].sort()).toEqual(["APPROVED", "REJECTED", "SHORTLISTED", "SUGGESTED"]);
    const stages = new Set(
      (await db.match.findMany({ where: { status: "APPROVED" }, select: { stage: true } })).map((m) => m.stage),
    );
    for (const stage of [null, "INTRODUCED", "PILOT", "PROCUREMENT", "DEPLOYED", "DROPPED"])
      expect(stages).toContain(stage);
    const deployed = await db.match.findFirstOrThrow({ where: { stage: "DEPLOYED" } });
    expect([deployed.introducedAt, deployed.pilotAt, deployed.procurementAt, deployed.deployedAt].every(Boolean)).toBe(
      true,
    );
  });

  it("shows non-zero figures on /results", async () => {
    const page = await server.browser().get("/results");
    expect(page.status).toBe(200);
    const figure = (key: string) =>
      Number(page.text.match(new RegExp(`data-figure="${key}"><strong>([\\d.]+)</strong>`))?.[1]?.replace(/\./g, ""));
    for (const key of ["problems", "withApproved", "piloted", "deployed", "offers", "organisations"])
      expect(figure(key), key).toBeGreaterThan(0);
  });

  it("has paid, delivered and refunded orders, settled through the payment events", async () => {
    const orders = await db.order.findMany({ include: { refunds: true } });
    const statuses = new Set(orders.map((o) => o.status));
    for (const status of ["PAID", "FULFILLED", "REFUNDED", "PARTIALLY_REFUNDED"]) expect(statuses).toContain(status);
    expect(orders.every((o) => o.paidAt && o.amountPaidVnd === o.amountVnd)).toBe(true);
    const refunded = orders.find((o) => o.status === "REFUNDED")!;
    expect(refunded.amountRefundedVnd).toBe(refunded.amountPaidVnd);
    expect(refunded.refunds.map((r) => r.status)).toEqual(["SUCCEEDED"]);
    expect(await db.paymentEvent.count({ where: { processedAt: null } })).toBe(0);
  });

  it("adds nothing when run again", async () => {
    const again = await seedDemoData();
    expect(again.market).toEqual({ statements: false, matches: false, orders: false });
    expect(await counts()).toEqual(first);
  });
});
