import { beforeAll, describe, expect, it } from "vitest";
import { db } from "~/db.server";
import { importOffers, importProblems } from "~/models/import.server";
import { forgetMatchContext, rankNeedsForOffer, rankOffersFor, type MatchReason } from "~/models/match-ranking.server";
import { enqueueSearchSync } from "~/models/search-index.server";
import { makeUser } from "~/test-support/factories";
import { syncSearch } from "~/test-support/search";
import { makeAgency, makeStatement } from "~/test-support/statement-factories";
import { seedTerms } from "../../prisma/seed-taxonomy";
import { DEFAULT_SYNONYM_GROUPS } from "../../search/synonyms";

const offers = [
  {
    externalId: "M-SIGNAL-EN",
    provider: "Adaptive Signals Ltd",
    language: "en",
    trl: 8,
    title: "AI adaptive traffic signal control",
    description:
      "Cameras count vehicles at each intersection and the controller adapts green times to cut congestion and waiting time at rush hour.",
    packages: [{ name: "Pilot, 10 intersections", priceVnd: 900_000_000 }],
    references: [{ customer: "Sở Giao thông Vận tải Đà Nẵng", year: 2025, result: "Giảm 20% thời gian chờ" }],
    tags: ["giao-thong"],
  },
  {
    externalId: "M-SIGNAL-VI",
    provider: "Công ty Đèn Thông Minh",
    language: "vi",
    trl: 5,
    title: "Điều khiển tín hiệu đèn thích ứng bằng AI",
    description:
      "Bộ điều khiển tự điều chỉnh chu kỳ đèn xanh theo lưu lượng xe thực tế đo bằng camera tại nút giao, giảm ùn tắc giờ cao điểm.",
    packages: [{ name: "Gói thí điểm", priceVnd: 5_000_000_000 }],
  },
  {
    externalId: "M-WATER",
    provider: "Công ty Nước Sạch Số",
    language: "vi",
    title: "Phát hiện rò rỉ đường ống cấp nước",
    description: "Cảm biến áp lực và âm thanh khoanh vùng điểm rò rỉ đường ống nước mà không phải đào đường.",
  },
  {
    externalId: "M-TRADE",
    provider: "Công ty Xúc tiến Giao thương",
    language: "vi",
    title: "Sàn giao thương điện tử cho hộ kinh doanh",
    description: "Kết nối hộ kinh doanh với người mua, quản lý đơn hàng và thanh toán trực tuyến.",
  },
];

const problems = [
  {
    code: "UT-01",
    title: "Ùn tắc giao thông giờ cao điểm",
    description:
      "Dòng phương tiện dồn ứ tại các nút giao trung tâm mỗi sáng và chiều, cảnh sát phải điều tiết bằng tay.",
    sector: "giao-thong",
  },
  // The same trouble at one junction, as a district would restate it.
  {
    code: "UT-02",
    title: "Ùn tắc giao thông giờ cao điểm tại nút giao Cầu Giấy",
    description:
      "Phương tiện dồn ứ tại nút giao Cầu Giấy vào giờ cao điểm sáng và chiều, cảnh sát phải điều tiết bằng tay.",
    sector: "giao-thong",
  },
  {
    code: "NS-01",
    title: "Water lost through hidden pipe leaks",
    description:
      "The water utility loses a quarter of its clean water through leaks nobody can find without digging up streets.",
  },
];

const jsonl = (rows: object[]) => rows.map((row) => JSON.stringify(row)).join("\n");
const offerIds = new Map<string, string>();
const problemIds = new Map<string, string>();
let staffId = "";

const kinds = (reasons: MatchReason[]) => reasons.map((reason) => reason.kind);
const external = (id: string) => [...offerIds].find(([, value]) => value === id)?.[0];

beforeAll(async () => {
  if ((await db.taxonomyTerm.count()) === 0) await db.taxonomyTerm.createMany({ data: seedTerms });
  if ((await db.searchSynonymGroup.count()) === 0)
    await db.searchSynonymGroup.createMany({
      data: DEFAULT_SYNONYM_GROUPS.map((group) => ({ terms: group.join("\n") })),
    });
  forgetMatchContext();
  staffId = (await makeUser({ role: "STAFF" })).id;
  expect((await importOffers("offers.jsonl", jsonl(offers), staffId)).rejected).toBe(0);
  expect((await importProblems("problems.jsonl", jsonl(problems), "Bài toán lớn thử nghiệm", staffId)).rejected).toBe(
    0,
  );
  for (const offer of await db.offer.findMany({ select: { id: true, externalId: true } }))
    offerIds.set(offer.externalId!, offer.id);
  for (const problem of await db.majorProblem.findMany({ select: { id: true, code: true } }))
    problemIds.set(problem.code, problem.id);
  await syncSearch();
});

describe("rankOffersFor", () => {
  it("finds the signal-control offers for a congestion problem that shares few words with them, in both languages, with reasons", async () => {
    const ranked = await rankOffersFor({ majorProblemId: problemIds.get("UT-01")! }, { limit: 10 });
    const top = ranked.slice(0, 2).map((match) => external(match.offerId));
    expect(top.sort()).toEqual(["M-SIGNAL-EN", "M-SIGNAL-VI"]);
    expect(ranked.map((match) => external(match.offerId))).not.toContain("M-WATER");
    for (const match of ranked) expect(match.score).toBeGreaterThanOrEqual(0);
    expect(ranked.map((match) => match.score)).toEqual([...ranked.map((match) => match.score)].sort((a, b) => b - a));
    const english = ranked.find((match) => external(match.offerId) === "M-SIGNAL-EN")!;
    expect(kinds(english.reasons)).toEqual(expect.arrayContaining(["terms", "sector", "trl", "reference"]));
    const sector = english.reasons.find((reason) => reason.kind === "sector");
    expect(sector).toMatchObject({ terms: [{ slug: "giao-thong", nameVi: "Giao thông" }] });
  });

  it("finds a Vietnamese offer for an English problem", async () => {
    const ranked = await rankOffersFor({ majorProblemId: problemIds.get("NS-01")! }, { limit: 5 });
    expect(external(ranked[0]!.offerId)).toBe("M-WATER");
    const terms = ranked[0]!.reasons.find((reason) => reason.kind === "terms");
    // As the offer writes them, not folded.
    expect(terms && terms.kind === "terms" && terms.terms.some((term) => /rò rỉ|đường ống|cấp nước/.test(term))).toBe(
      true,
    );
  });

  it("never suggests draft or archived offers, however well they match", async () => {
    const organisation = await db.organisation.findFirstOrThrow({ where: { name: "Công ty Đèn Thông Minh" } });
    for (const status of ["DRAFT", "ARCHIVED"] as const) {
      const offer = await db.offer.create({
        data: {
          organisationId: organisation.id,
          slug: `nhap-${status.toLowerCase()}`,
          status,
          titleVi: "Ùn tắc giao thông giờ cao điểm: điều khiển đèn tín hiệu",
          summaryVi: "Chống ùn tắc giao thông giờ cao điểm tại nút giao.",
          descriptionMd: "Ùn tắc giao thông giờ cao điểm, nút giao, phương tiện dồn ứ.",
        },
      });
      await enqueueSearchSync(db, { type: "offer", id: offer.id });
      offerIds.set(`draft-${status}`, offer.id);
    }
    await syncSearch();
    const ranked = await rankOffersFor({ majorProblemId: problemIds.get("UT-01")! }, { limit: 20 });
    expect(ranked.length).toBeGreaterThan(0);
    expect(ranked.map((match) => external(match.offerId))).not.toContain("draft-DRAFT");
    expect(ranked.map((match) => external(match.offerId))).not.toContain("draft-ARCHIVED");
  });

  it("puts an offer staff rejected for this problem last, and lifts an offer approved for a similar problem", async () => {
    const before = await rankOffersFor({ majorProblemId: problemIds.get("UT-02")! }, { limit: 10 });
    const first = before[0]!.offerId;
    await db.match.create({
      data: { offerId: first, majorProblemId: problemIds.get("UT-02")!, status: "REJECTED", rejectReason: null },
    });
    const after = await rankOffersFor({ majorProblemId: problemIds.get("UT-02")! }, { limit: 10 });
    expect(after.at(-1)!.offerId).toBe(first);
    expect(after[0]!.offerId).not.toBe(first);

    // Approved for UT-01, which reads much like UT-02: a reason says so.
    const approved = after[0]!.offerId;
    await db.match.create({
      data: { offerId: approved, majorProblemId: problemIds.get("UT-01")!, status: "APPROVED" },
    });
    const learned = await rankOffersFor({ majorProblemId: problemIds.get("UT-02")! }, { limit: 10 });
    const lifted = learned.find((match) => match.offerId === approved)!;
    expect(lifted.reasons).toContainEqual({ kind: "curation", approvedForSimilar: 1 });
    expect(lifted.score).toBeGreaterThan(after[0]!.score);
    await db.match.deleteMany();
  });

  it("says whether a statement's budget and wanted TRL are met", async () => {
    const agency = await makeAgency(staffId);
    const statement = await makeStatement(agency.id, staffId, { status: "PUBLISHED" });
    const ranked = await rankOffersFor({ statementId: statement.id }, { limit: 10 });
    const english = ranked.find((match) => external(match.offerId) === "M-SIGNAL-EN")!;
    const vietnamese = ranked.find((match) => external(match.offerId) === "M-SIGNAL-VI")!;
    expect(english.reasons).toContainEqual({ kind: "trl", offerTrl: 8, wantedTrl: 6, fit: "meets" });
    expect(english.reasons).toContainEqual({
      kind: "budget",
      priceMinVnd: 900_000_000,
      budgetMaxVnd: 3_000_000_000,
      fit: "within",
    });
    expect(vietnamese.reasons).toContainEqual({ kind: "trl", offerTrl: 5, wantedTrl: 6, fit: "below" });
    expect(vietnamese.reasons).toContainEqual({
      kind: "budget",
      priceMinVnd: 5_000_000_000,
      budgetMaxVnd: 3_000_000_000,
      fit: "over",
    });
  });

  it("gives nothing for an unknown target", async () => {
    expect(await rankOffersFor({ majorProblemId: "no-such-problem" }, { limit: 10 })).toEqual([]);
    expect(await rankOffersFor({ statementId: "no-such-statement" }, { limit: 10 })).toEqual([]);
  });
});

describe("rankNeedsForOffer", () => {
  it("lists published major problems and open published statements, never drafts or closed ones", async () => {
    const agency = await makeAgency(staffId);
    const open = await makeStatement(agency.id, staffId, { status: "PUBLISHED" });
    const draft = await makeStatement(agency.id, staffId, { status: "DRAFT" });
    const closed = await makeStatement(agency.id, staffId, { status: "CLOSED" });
    await syncSearch();
    const needs = await rankNeedsForOffer(offerIds.get("M-SIGNAL-VI")!, { limit: 20 });
    const statementIds = needs.flatMap((need) => ("statementId" in need.target ? [need.target.statementId] : []));
    const majorIds = needs.flatMap((need) => ("majorProblemId" in need.target ? [need.target.majorProblemId] : []));
    expect(statementIds).toContain(open.id);
    expect(statementIds).not.toContain(draft.id);
    expect(statementIds).not.toContain(closed.id);
    expect(majorIds).toContain(problemIds.get("UT-01"));
    expect(majorIds).not.toContain(problemIds.get("NS-01"));
    for (const need of needs) expect(need.reasons.length).toBeGreaterThan(0);
  });

  it("gives nothing for an unknown offer", async () => {
    expect(await rankNeedsForOffer("no-such-offer", { limit: 5 })).toEqual([]);
  });
});
