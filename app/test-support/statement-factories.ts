import { randomUUID } from "node:crypto";
import { db } from "~/db.server";
import { enqueueSearchSync } from "~/models/search-index.server";
import { addItem, createList, publishVersion, updateItem } from "~/models/major-problem.server";
import { createOrganisation } from "~/models/organisation.server";
import { closeStatement, createStatement, publishStatement, submitStatement } from "~/models/problem-statement.server";
import { problemStatementSchema, todayInHanoi } from "~/schemas/problem-statement";

export const inDays = (days: number) => todayInHanoi(new Date(Date.now() + days * 86_400_000));

// What an agency would type into the form: every field filled, all valid.
export function statementForm(overrides: Record<string, string> = {}): Record<string, string> {
  return {
    title: `Điều khiển đèn tín hiệu thích ứng ${randomUUID().slice(0, 6)}`,
    context:
      "Tại 20 nút giao trên vành đai 2, thời gian chờ giờ cao điểm vượt 4 phút; chu kỳ đèn cố định không theo kịp lưu lượng.",
    targetUsers: "Người tham gia giao thông, Trung tâm điều hành giao thông",
    responsiblePerson: "Ông Vũ Quang Huy, Phó Giám đốc",
    scopeOfWork: "Khảo sát, lắp đặt và vận hành thử hệ thống điều khiển thích ứng tại 20 nút giao.",
    timeline: "Khảo sát tháng 7; thí điểm tháng 9–12.",
    deadline: inDays(180),
    accountableUnit: "Phòng Quản lý kết cấu hạ tầng giao thông",
    deliverable: "Hệ thống điều khiển đèn thích ứng đang vận hành, kèm báo cáo đánh giá.",
    successCriteria: "Giảm 15% thời gian chờ trung bình tại 20 nút giao thí điểm.",
    decisionAuthority: "Giám đốc Sở Giao thông Vận tải",
    dataAvailable: "Dữ liệu đếm xe từ 120 camera trong 2 năm.",
    constraints: "Không đào đường trong giờ cao điểm.",
    budgetMinVnd: "1.500.000.000",
    budgetMaxVnd: "3.000.000.000",
    desiredTrl: "6",
    proposalDeadline: inDays(30),
    ...overrides,
  };
}

export async function makeAgency(ownerId: string, name = `Sở Thử nghiệm ${randomUUID().slice(0, 6)}`) {
  return createOrganisation(ownerId, { name, kind: "AGENCY", taxCode: null });
}

export async function makeProvider(
  ownerId: string,
  name = `Công ty Cung cấp ${randomUUID().slice(0, 6)}`,
  kind: "PROVIDER" | "RESEARCH" = "PROVIDER",
) {
  return createOrganisation(ownerId, { name, kind, taxCode: null });
}

// Builds a statement through the model, then walks it to the wanted status
// the way the agency and staff would.
export async function makeStatement(
  organisationId: string,
  actorId: string,
  options: { status?: "DRAFT" | "SUBMITTED" | "PUBLISHED" | "CLOSED"; form?: Record<string, string> } = {},
) {
  const input = problemStatementSchema.parse(statementForm(options.form));
  const statement = await createStatement(actorId, organisationId, input);
  const status = options.status ?? "DRAFT";
  if (status !== "DRAFT") await submitStatement(actorId, organisationId, statement.id);
  if (status === "PUBLISHED" || status === "CLOSED") await publishStatement(actorId, statement.id);
  if (status === "CLOSED") await closeStatement(actorId, statement.id, "Đã chọn giải pháp.");
  return db.problemStatement.findUniqueOrThrow({ where: { id: statement.id } });
}

export async function makeOffer(
  organisationId: string,
  options: { status?: "DRAFT" | "PUBLISHED"; title?: string } = {},
) {
  const suffix = randomUUID().slice(0, 8);
  const offer = await db.offer.create({
    data: {
      organisationId,
      slug: `giai-phap-${suffix}`,
      status: options.status ?? "PUBLISHED",
      titleVi: options.title ?? `Giải pháp thử nghiệm ${suffix}`,
      summaryVi: "Tóm tắt giải pháp.",
      descriptionMd: "Mô tả giải pháp.",
      trl: 7,
      deploymentModel: "SAAS",
    },
  });
  // Written behind the model's back, so tell the search index as the model would.
  await enqueueSearchSync(db, { type: "offer", id: offer.id });
  return offer;
}

// A proposal straight in the database; a bare string target is a statement id.
export async function makeProposal(
  target: string | { majorProblemId: string },
  offer: { id: string; organisationId: string },
  options: { attachmentStored?: string } = {},
) {
  return db.proposal.create({
    data: {
      ...(typeof target === "string" ? { problemStatementId: target } : target),
      offerId: offer.id,
      organisationId: offer.organisationId,
      pitch: "Giải pháp của chúng tôi đã chạy ở 30 nút giao.",
      ...(options.attachmentStored
        ? {
            attachmentStored: options.attachmentStored,
            attachmentName: "thuyet-minh.pdf",
            attachmentMime: "application/pdf",
            attachmentSize: 100,
          }
        : {}),
    },
  });
}

export async function makeQuestion(
  statementId: string,
  askerOrganisationId: string,
  body = "Dữ liệu camera có định dạng gì?",
) {
  return db.question.create({ data: { problemStatementId: statementId, askerOrganisationId, body } });
}

// The smallest file that file-type recognises as a PDF.
export function pdfBytes(): Uint8Array {
  return new TextEncoder().encode("%PDF-1.4\n1 0 obj<</Type/Catalog>>endobj\ntrailer<</Root 1 0 R>>\n%%EOF\n");
}

// A multipart form post with the browser's cookies (TestBrowser only sends URL-encoded forms).
export async function postMultipart(
  baseUrl: string,
  cookie: string,
  pathname: string,
  fields: Record<string, string>,
  file?: { name: string; bytes: Uint8Array; type?: string },
) {
  const body = new FormData();
  for (const [key, value] of Object.entries(fields)) body.set(key, value);
  if (file)
    body.set(
      "attachment",
      new Blob([Uint8Array.from(file.bytes)], { type: file.type ?? "application/pdf" }),
      file.name,
    );
  const response = await fetch(baseUrl + pathname, {
    method: "POST",
    body,
    headers: { cookie, origin: baseUrl },
    redirect: "manual",
  });
  return { status: response.status, location: response.headers.get("location"), text: await response.text() };
}

type MajorStatus = "OPEN" | "IN_PROGRESS" | "SOLVED" | "WITHDRAWN";

// A list with one major problem, published as version 1 the way staff would.
export async function makePublishedMajorProblem(actorId: string, status: MajorStatus = "OPEN") {
  const suffix = randomUUID().slice(0, 8);
  const list = await createList(actorId, {
    name: `Danh mục thử ${suffix}`,
    decisionNumber: "12/QĐ-UBND",
    decisionDate: new Date("2026-03-16"),
    periodStart: 2026,
    periodEnd: 2030,
  });
  const item = await addItem(actorId, list.id, majorItem(status, suffix));
  await publishVersion(actorId, list.id, "Công bố lần đầu.");
  return { listId: list.id, listSlug: list.slug, code: item.code, id: item.id, title: item.title };
}

const majorItem = (status: MajorStatus, suffix: string) => ({
  code: "BT-01",
  title: `Giảm ùn tắc giao thông nội đô ${suffix}`,
  description: "Giảm 20% thời gian chờ tại 100 nút giao.",
  leadAgency: "Sở Xây dựng Hà Nội",
  priority: "HIGH" as const,
  status,
});

// Changes a major problem's status in the working copy, and publishes it unless told not to.
export async function setMajorProblemStatus(
  actorId: string,
  problem: { listId: string; id: string; title: string },
  status: MajorStatus,
  publish = true,
) {
  await updateItem(actorId, problem.listId, problem.id, { ...majorItem(status, ""), title: problem.title });
  if (publish) await publishVersion(actorId, problem.listId, `Chuyển sang ${status}.`);
}
