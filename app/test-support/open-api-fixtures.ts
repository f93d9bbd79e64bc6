// One small exchange for the open API's tests: a traffic-light offer that
// fits the city's traffic problem and an agency's traffic statement, plus
// private things in every state that must never come out (drafts, an
// unpublished list, a contact e-mail, a staff-rejected match).
import { db } from "~/db.server";
import { addItem, createList, publishVersion, updateItem } from "~/models/major-problem.server";
import { startTestServer } from "./http";
import { makeUser } from "./factories";
import { makeOffer, makeTerms } from "./offer-factories";
import { rebuildSearch } from "./search";
import { makeAgency, makeProvider, makeStatement } from "./statement-factories";

export const SECRET_EMAIL = "bi-mat-lien-he@den-tin-hieu.example.vn";
export const SECRET_PHONE = "024 9999 8888";
export const DRAFT_OFFER = "Bản nháp đèn giao thông bí mật";
export const DRAFT_STATEMENT = "Đèn tín hiệu bản nháp bí mật";
export const SUBMITTED_STATEMENT = "Đèn tín hiệu chờ duyệt bí mật";
export const UNPUBLISHED_TITLE = "Tiêu đề chưa công bố";

type Item = {
  code: string;
  title: string;
  description: string;
  sectorId?: string;
  status?: "OPEN" | "IN_PROGRESS" | "SOLVED" | "WITHDRAWN";
};

async function publishedList(staffId: string, name: string, periodStart: number, items: Item[], publish = true) {
  const list = await createList(staffId, {
    name,
    decisionNumber: "12/QĐ-UBND",
    decisionDate: new Date(`${periodStart}-03-16`),
    periodStart,
    periodEnd: periodStart + 4,
  });
  const made = [];
  for (const item of items) {
    made.push(
      await addItem(staffId, list.id, {
        leadAgency: "Sở Xây dựng Hà Nội",
        priority: "HIGH",
        status: "OPEN",
        sectorId: null,
        ...item,
      }),
    );
  }
  if (publish) await publishVersion(staffId, list.id, "Công bố lần đầu.");
  return { ...list, items: made };
}

export async function seedOpenApiWorld() {
  const terms = await makeTerms();
  const staff = await makeUser({ role: "STAFF" });
  const owner = await makeUser({ name: "Chủ Công ty Đèn" });
  const member = await makeUser({ name: "Thành viên Công ty Đèn" });
  const outsider = await makeUser({ name: "Chủ Công ty Khác" });
  const provider = await makeProvider(owner.id, "Công ty Đèn Tín Hiệu Sông Hồng");
  await db.membership.create({ data: { userId: member.id, organisationId: provider.id, role: "MEMBER" } });
  const otherProvider = await makeProvider(outsider.id, "Công ty Hồ Sơ Số");

  const offer = await makeOffer(provider.id, owner.id, terms, {
    status: "PUBLISHED",
    title: "Điều khiển đèn tín hiệu giao thông thích ứng",
  });
  await db.offer.update({
    where: { id: offer.id },
    data: {
      titleEn: "Adaptive traffic signal control",
      externalId: "DTH-001",
      summaryVi: "Camera đếm xe điều khiển đèn tín hiệu giao thông theo lưu lượng thực tế, giảm ùn tắc tại nút giao.",
      descriptionMd: "Điều khiển đèn tín hiệu thích ứng, giảm thời gian chờ tại nút giao giờ cao điểm.",
      contactEmail: SECRET_EMAIL,
      contactPhone: SECRET_PHONE,
      contactName: "Người Liên Hệ Bí Mật",
    },
  });
  const draftOffer = await makeOffer(provider.id, owner.id, terms, { title: DRAFT_OFFER });
  const otherOffer = await makeOffer(otherProvider.id, outsider.id, terms, {
    status: "PUBLISHED",
    title: "Đèn tín hiệu giao thông năng lượng mặt trời",
  });
  const unrelated = await makeOffer(otherProvider.id, outsider.id, await makeTerms(), {
    status: "PUBLISHED",
    title: "Phần mềm quản lý hồ sơ bệnh án",
  });

  const current = await publishedList(staff.id, "Danh mục bài toán lớn 2026–2030", 2026, [
    {
      code: "BT-01",
      title: "Giảm ùn tắc giao thông tại các nút giao nội đô",
      description: "Điều khiển đèn tín hiệu giao thông thích ứng để giảm 20% thời gian chờ tại 100 nút giao.",
      sectorId: terms.sector.id,
    },
    {
      code: "BT-02",
      title: "Số hoá hồ sơ bệnh án",
      description: "Bệnh viện tuyến quận dùng hồ sơ bệnh án điện tử.",
      status: "SOLVED",
    },
  ]);
  const older = await publishedList(staff.id, "Danh mục bài toán lớn 2021–2025", 2021, [
    { code: "BT-01", title: "Chống ngập úng đô thị", description: "Cảnh báo ngập theo thời gian thực." },
  ]);
  const unpublished = await publishedList(
    staff.id,
    "Danh mục dự thảo",
    2031,
    [{ code: "BT-77", title: "Bài toán dự thảo", description: "Chưa công bố." }],
    false,
  );
  // An edit staff have not published yet stays out of the public answer.
  const bt01 = current.items[0]!;
  await updateItem(staff.id, current.id, bt01.id, {
    code: "BT-01",
    title: UNPUBLISHED_TITLE,
    description: bt01.description,
    sectorId: terms.sector.id,
    leadAgency: bt01.leadAgency,
    priority: "HIGH",
    status: "OPEN",
  });

  const agencyOwner = await makeUser({ name: "Chủ Sở Giao thông" });
  const agency = await makeAgency(agencyOwner.id, "Sở Giao thông Thử nghiệm");
  const statement = await makeStatement(agency.id, agencyOwner.id, {
    status: "PUBLISHED",
    form: { title: "Điều khiển đèn tín hiệu giao thông thích ứng tại 20 nút giao", majorProblemId: bt01.id },
  });
  const closed = await makeStatement(agency.id, agencyOwner.id, {
    status: "CLOSED",
    form: { title: "Đèn tín hiệu đã đóng" },
  });
  const draft = await makeStatement(agency.id, agencyOwner.id, { form: { title: DRAFT_STATEMENT } });
  const submitted = await makeStatement(agency.id, agencyOwner.id, {
    status: "SUBMITTED",
    form: { title: SUBMITTED_STATEMENT },
  });
  await rebuildSearch();
  return {
    terms,
    staff,
    owner,
    member,
    outsider,
    agencyOwner,
    provider,
    otherProvider,
    offer,
    draftOffer,
    otherOffer,
    unrelated,
    current,
    older,
    unpublished,
    bt01,
    statement,
    closed,
    draft,
    submitted,
  };
}
export type OpenApiWorld = Awaited<ReturnType<typeof seedOpenApiWorld>>;

type ApiError = { error: { code: string; message: string; details?: { field: string; message: string }[] } };

/** GET a JSON API path on the test server; `body` is typed loosely on purpose (tests assert its shape). */
export function apiClient(server: ReturnType<typeof startTestServer>) {
  return async function api<T = Record<string, unknown>>(pathname: string, headers: Record<string, string> = {}) {
    const response = await fetch(server.baseUrl + pathname, { headers });
    const text = await response.text();
    return {
      status: response.status,
      headers: response.headers,
      text,
      body: JSON.parse(text) as T & Partial<ApiError>,
    };
  };
}

export const BAD_LIMITS = ["0", "-1", "10000", "abc", "", "1.5", "1e2"];
