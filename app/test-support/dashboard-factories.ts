// A known history for the dashboard, written straight into the tables with
// fixed dates (the models stamp "now", and the dashboard only reads dates).
// Weeks in Hanoi time, Monday first:
//   W1 2026-02-23..03-01, W2 03-02..03-08, W3 03-09..03-15 (nothing happens), W4 03-16..03-22.
// Moments at 16:59:59Z are 23:59:59 in Hanoi; at 17:00:00Z, 00:00 the next day.
import { randomUUID } from "node:crypto";
import { db } from "~/db.server";
import { makeUser } from "./factories";

const at = (iso: string) => new Date(iso);
const suffix = () => randomUUID().slice(0, 8);

export async function makeSector(nameVi: string, nameEn: string) {
  const slug = `linh-vuc-${suffix()}`;
  return db.taxonomyTerm.create({ data: { kind: "SECTOR", slug, nameVi: `${nameVi} ${slug}`, nameEn } });
}

export async function datedOrganisation(
  kind: "PROVIDER" | "AGENCY",
  name: string,
  createdAt: string,
  verifiedAt: string | null = null,
) {
  return db.organisation.create({
    data: {
      name,
      kind,
      slug: `to-chuc-${suffix()}`,
      createdAt: at(createdAt),
      verifiedAt: verifiedAt ? at(verifiedAt) : null,
    },
  });
}

export async function datedOffer(
  organisationId: string,
  sectorId: string,
  title: string,
  dates: { createdAt: string; submittedAt?: string; publishedAt?: string },
) {
  return db.offer.create({
    data: {
      organisationId,
      slug: `giai-phap-${suffix()}`,
      titleVi: title,
      summaryVi: "Tóm tắt.",
      descriptionMd: "Mô tả.",
      status: dates.publishedAt ? "PUBLISHED" : "DRAFT",
      createdAt: at(dates.createdAt),
      submittedAt: dates.submittedAt ? at(dates.submittedAt) : null,
      publishedAt: dates.publishedAt ? at(dates.publishedAt) : null,
      terms: { create: [{ termId: sectorId }] },
    },
  });
}

export async function datedStatement(
  organisationId: string,
  title: string,
  dates: { submittedAt: string; publishedAt: string },
  majorProblemId: string | null = null,
) {
  return db.problemStatement.create({
    data: {
      organisationId,
      slug: `bai-toan-${suffix()}`,
      status: "PUBLISHED",
      title,
      context: "Bối cảnh.",
      responsiblePerson: "Ông A",
      scopeOfWork: "Phạm vi.",
      timeline: "Quý 2.",
      accountableUnit: "Phòng B",
      deliverable: "Sản phẩm.",
      successCriteria: "Tiêu chí.",
      decisionAuthority: "Giám đốc Sở",
      majorProblemId,
      submittedAt: at(dates.submittedAt),
      publishedAt: at(dates.publishedAt),
      createdAt: at(dates.submittedAt),
    },
  });
}

export async function datedMajorProblem(sectorId: string) {
  const list = await db.majorProblemList.create({
    data: {
      name: "Danh mục thử",
      slug: `danh-muc-${suffix()}`,
      decisionNumber: "1/QĐ-UBND",
      decisionDate: at("2026-01-05T00:00:00Z"),
      periodStart: 2026,
      periodEnd: 2030,
    },
  });
  return db.majorProblem.create({
    data: {
      listId: list.id,
      code: "BT-01",
      title: "Ùn tắc giao thông",
      description: "Mô tả.",
      sectorId,
      leadAgency: "Sở Xây dựng",
    },
  });
}

type Stamps = {
  decidedAt?: string;
  introducedAt?: string;
  pilotAt?: string;
  procurementAt?: string;
  deployedAt?: string;
};

export async function datedMatch(
  offerId: string,
  need: { statementId?: string; majorProblemId?: string },
  createdAt: string,
  stamps: Stamps = {},
) {
  const date = (key: keyof Stamps) => (stamps[key] ? at(stamps[key]!) : null);
  return db.match.create({
    data: {
      offerId,
      problemStatementId: need.statementId ?? null,
      majorProblemId: need.majorProblemId ?? null,
      createdAt: at(createdAt),
      status: stamps.decidedAt ? "APPROVED" : "SUGGESTED",
      stage: stamps.deployedAt ? "DEPLOYED" : null,
      decidedAt: date("decidedAt"),
      introducedAt: date("introducedAt"),
      pilotAt: date("pilotAt"),
      procurementAt: date("procurementAt"),
      deployedAt: date("deployedAt"),
    },
  });
}

// The audit entry moveMatches writes for one move, back-dated.
export async function datedMove(matchId: string, from: string, to: string, createdAt: string) {
  await db.auditEntry.create({
    data: {
      action: "match.moved",
      entityType: "Match",
      entityId: matchId,
      createdAt: at(createdAt),
      before: JSON.stringify({ status: from, rejectReason: null }),
      after: JSON.stringify({ status: to, rejectReason: null }),
    },
  });
}

export async function datedOrder(
  buyerId: string,
  providerId: string,
  offerId: string,
  amount: number,
  paidAt: string | null,
) {
  return db.order.create({
    data: {
      buyerOrganisationId: buyerId,
      providerOrganisationId: providerId,
      offerId,
      offerTitle: "Gói thử",
      packageName: "Gói cơ bản",
      packageUnit: "tháng",
      unitPriceVnd: BigInt(amount),
      amountVnd: BigInt(amount),
      amountPaidVnd: paidAt ? BigInt(amount) : null,
      status: paidAt ? "PAID" : "PENDING",
      paidAt: paidAt ? at(paidAt) : null,
      createdAt: at(paidAt ?? "2026-03-10T00:00:00Z"),
    },
  });
}

/** The whole known history; see the header for the weeks. */
export async function buildKnownHistory() {
  const staff = await makeUser({ role: "STAFF" });
  const sectorA = await makeSector("Giao thông", "Transport");
  const sectorB = await makeSector("Y tế", "Health");
  const providerP = await datedOrganisation("PROVIDER", "Công ty P", "2026-02-24T03:00:00Z", "2026-03-01T16:59:59Z");
  const agencyA = await datedOrganisation("AGENCY", "Sở A", "2026-02-28T17:00:00Z");
  const providerQ = await datedOrganisation("PROVIDER", "Công ty Q", "2026-03-16T03:00:00Z");
  const agencyB = await datedOrganisation("AGENCY", "Sở B", "2026-11-01T03:00:00Z");

  const o1 = await datedOffer(providerP.id, sectorA.id, "Đèn tín hiệu O1", {
    createdAt: "2026-02-28T16:59:59Z",
    submittedAt: "2026-02-28T16:59:59Z",
    publishedAt: "2026-03-01T16:59:59Z",
  });
  const o2 = await datedOffer(providerQ.id, sectorB.id, "Bệnh án O2", {
    createdAt: "2026-03-01T17:00:00Z",
    submittedAt: "2026-03-02T17:00:00Z",
    publishedAt: "2026-03-06T17:00:00Z",
  });
  await datedOffer(providerP.id, sectorA.id, "Bản nháp O3", { createdAt: "2026-03-17T00:00:00Z" });

  const major = await datedMajorProblem(sectorA.id);
  const s1 = await datedStatement(
    agencyA.id,
    "Bài toán S1",
    { submittedAt: "2026-03-02T16:59:59Z", publishedAt: "2026-03-03T16:59:59Z" },
    major.id,
  );
  const s2 = await datedStatement(agencyB.id, "Bài toán S2", {
    submittedAt: "2026-03-16T01:00:00Z",
    publishedAt: "2026-03-17T13:00:00Z",
  });

  const question = (statementId: string, answeredAt: string) =>
    db.question.create({
      data: {
        problemStatementId: statementId,
        askerOrganisationId: providerP.id,
        body: "Câu hỏi?",
        answer: "Trả lời.",
        answeredAt: at(answeredAt),
      },
    });
  await question(s1.id, "2026-03-05T00:00:00Z");
  await question(s2.id, "2026-03-22T16:59:59Z");
  await question(s2.id, "2026-03-22T17:00:00Z");

  const proposal = (offerId: string, organisationId: string, statementId: string, createdAt: string) =>
    db.proposal.create({
      data: { offerId, organisationId, problemStatementId: statementId, pitch: "Đề xuất.", createdAt: at(createdAt) },
    });
  await proposal(o1.id, providerP.id, s1.id, "2026-03-05T02:00:00Z");
  await proposal(o2.id, providerQ.id, s2.id, "2026-03-18T02:00:00Z");

  const m1 = await datedMatch(o1.id, { statementId: s1.id }, "2026-03-05T16:59:59Z", {
    decidedAt: "2026-03-16T02:00:00Z",
    introducedAt: "2026-03-17T17:00:00Z",
    pilotAt: "2026-03-18T17:00:00Z",
    procurementAt: "2026-03-19T17:00:00Z",
    deployedAt: "2026-03-21T02:00:00Z",
  });
  await datedMove(m1.id, "SUGGESTED", "SHORTLISTED", "2026-03-06T00:00:00Z");
  await datedMove(m1.id, "SHORTLISTED", "APPROVED", "2026-03-16T02:00:00Z");
  const m2 = await datedMatch(o2.id, { majorProblemId: major.id }, "2026-03-08T16:59:59Z");
  await datedMove(m2.id, "SUGGESTED", "SHORTLISTED", "2026-03-16T01:00:00Z");
  await datedMove(m2.id, "SHORTLISTED", "SUGGESTED", "2026-03-16T02:00:00Z");
  await datedMove(m2.id, "SUGGESTED", "SHORTLISTED", "2026-03-18T01:00:00Z");

  const order1 = await datedOrder(agencyA.id, providerP.id, o1.id, 1_000_000, "2026-03-03T02:00:00Z");
  const order2 = await datedOrder(agencyB.id, providerQ.id, o2.id, 2_500_000, "2026-03-17T02:00:00Z");
  await datedOrder(agencyA.id, providerQ.id, o2.id, 9_000_000, null);
  await db.refund.create({
    data: {
      orderId: order1.id,
      amountVnd: 400_000n,
      reason: "Hoàn một phần",
      status: "SUCCEEDED",
      createdAt: at("2026-03-17T00:00:00Z"),
      completedAt: at("2026-03-18T00:00:00Z"),
    },
  });
  await db.refund.create({
    data: {
      orderId: order2.id,
      amountVnd: 200_000n,
      reason: "Đang xử lý",
      status: "PENDING",
      createdAt: at("2026-03-18T00:00:00Z"),
    },
  });

  return {
    staff,
    sectorA,
    sectorB,
    providerP,
    providerQ,
    agencyA,
    agencyB,
    o1,
    o2,
    s1,
    s2,
    major,
    m1,
    m2,
    order1,
    order2,
  };
}

export type KnownHistory = Awaited<ReturnType<typeof buildKnownHistory>>;
