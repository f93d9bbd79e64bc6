// The problem statement form: bad input is refused without losing what was
// typed; an English summary and a link to one of the city's major problems
// show on the public pages.
import { beforeAll, describe, expect, it } from "vitest";
import { db } from "~/db.server";
import en from "~/i18n/en";
import vi from "~/i18n/vi";
import { makeUser } from "~/test-support/factories";
import { inputValue, startTestServer, type TestBrowser, visibleText } from "~/test-support/http";
import { inDays, makeAgency, makeStatement, statementForm } from "~/test-support/statement-factories";

const server = startTestServer();
const fill = (template: string, vars: Record<string, string | number>) =>
  template.replace(/\{\{(\w+)\}\}/g, (_, key: string) => String(vars[key] ?? ""));

let agency: TestBrowser;
let agencyId = "";
let agencyUserId = "";

beforeAll(async () => {
  const owner = await makeUser({ name: "Vũ Quang Huy" });
  agencyUserId = owner.id;
  agencyId = (await makeAgency(owner.id, "Sở Giao thông Vận tải Thử nghiệm")).id;
  agency = await server.signedIn(owner);
});

describe("bad input keeps what was typed and saves nothing", () => {
  const tooLong = fill(vi.validation.tooLong, { max: 5000 });
  it.each([
    ["a proposal deadline in the past", { proposalDeadline: inDays(-1) }, vi.statements.validation.pastDate],
    [
      "a proposal deadline after the deadline",
      { proposalDeadline: inDays(200) },
      vi.statements.validation.proposalAfterDeadline,
    ],
    [
      "a maximum budget below the minimum",
      { budgetMinVnd: "5.000.000", budgetMaxVnd: "1.000.000" },
      vi.statements.validation.budgetOrder,
    ],
    ["a negative budget", { budgetMinVnd: "-1000000" }, vi.statements.validation.vnd],
    ["a budget in words", { budgetMaxVnd: "1,5 tỷ" }, vi.statements.validation.vnd],
    ["TRL 0", { desiredTrl: "0" }, vi.statements.validation.trl],
    ["TRL 10", { desiredTrl: "10" }, vi.statements.validation.trl],
    ["a 10,000-character scope of work", { scopeOfWork: "Đ".repeat(10_000) }, tooLong],
    ["a missing responsible person", { responsiblePerson: "" }, vi.validation.required],
    [
      "a major problem that is not in a published list",
      { majorProblemId: "khong-ton-tai" },
      vi.validation.invalidChoice,
    ],
  ])("rejects %s", async (_label, change, message) => {
    const before = await db.problemStatement.count();
    const form = statementForm({ title: "Tiêu đề phải được giữ lại", ...change });
    const page = await agency.post(`/orgs/${agencyId}/problems/new`, form);
    expect(page.status).toBe(400);
    expect(visibleText(page.text)).toContain(message);
    expect(inputValue(page.text, "title")).toBe("Tiêu đề phải được giữ lại");
    expect(inputValue(page.text, "context")).toBe(form.context);
    expect(inputValue(page.text, "budgetMaxVnd")).toBe(form.budgetMaxVnd);
    expect(await db.problemStatement.count()).toBe(before);
  });

  it("rejects bad input on edit too, leaving the draft as it was", async () => {
    const draft = await makeStatement(agencyId, agencyUserId);
    const page = await agency.post(
      `/orgs/${agencyId}/problems/${draft.id}/edit`,
      statementForm({ title: "Tên mới", desiredTrl: "10" }),
    );
    expect(page.status).toBe(400);
    expect(inputValue(page.text, "title")).toBe("Tên mới");
    expect((await db.problemStatement.findUniqueOrThrow({ where: { id: draft.id } })).title).toBe(draft.title);
  });
});

describe("an English summary", () => {
  it("the agency adds one on the form; English readers get it above the Vietnamese text, marked lang=vi, with a note", async () => {
    const form = statementForm({ title: "Bãi đỗ xe thông minh", summaryEn: "Smart parking for the old quarter." });
    const created = await agency.post(`/orgs/${agencyId}/problems/new`, form);
    expect(created.status, visibleText(created.text).slice(0, 400)).toBe(302);
    const draft = await db.problemStatement.findFirstOrThrow({
      where: { organisationId: agencyId, title: form.title },
    });
    expect(draft.summaryEn).toBe("Smart parking for the old quarter.");
    expect(inputValue((await agency.get(`/orgs/${agencyId}/problems/${draft.id}/edit`)).text, "summaryEn")).toBe(
      "Smart parking for the old quarter.",
    );
    const tooLong = await agency.post(`/orgs/${agencyId}/problems/${draft.id}/edit`, {
      ...form,
      summaryEn: "x".repeat(2001),
    });
    expect(tooLong.status).toBe(400);
    expect(visibleText(tooLong.text)).toContain(fill(vi.validation.tooLong, { max: 2000 }));

    const withSummary = await makeStatement(agencyId, agencyUserId, {
      status: "PUBLISHED",
      form: { title: "Có tóm tắt tiếng Anh", summaryEn: "Fewer floods in Hoàng Mai." },
    });
    const englishPage = (await server.browser({ language: "en" }).get(`/problems/${withSummary.slug}`)).text;
    const englishText = visibleText(englishPage);
    expect(englishText).toContain("Fewer floods in Hoàng Mai.");
    expect(englishText).toContain(en.bilingual.restInVietnamese);
    expect(englishText.indexOf("Fewer floods in Hoàng Mai.")).toBeLessThan(
      englishText.indexOf(en.statements.fields.context),
    );
    expect(englishPage).toContain('<h1 lang="vi">Có tóm tắt tiếng Anh</h1>');
    expect(englishPage).toContain(`<span lang="vi">${withSummary.context}</span>`);

    const api = (await (await fetch(`${server.baseUrl}/api/v1/problem-statements/${withSummary.slug}`)).json()) as {
      problem: { summaryEn: string | null };
    };
    expect(api.problem.summaryEn).toBe("Fewer floods in Hoàng Mai.");

    const withoutSummary = await makeStatement(agencyId, agencyUserId, {
      status: "PUBLISHED",
      form: { title: "Không có bản tiếng Anh" },
    });
    const plain = visibleText((await server.browser({ language: "en" }).get(`/problems/${withoutSummary.slug}`)).text);
    expect(plain).toContain(en.bilingual.viOnly);
    expect(plain).not.toContain(en.bilingual.restInVietnamese);

    const vietnamese = (await server.browser().get(`/problems/${withSummary.slug}`)).text;
    expect(visibleText(vietnamese)).not.toContain("Fewer floods in Hoàng Mai.");
    expect(vietnamese).not.toContain('<span lang="vi">');
  });
});

describe("linking to the city's major problems", () => {
  it("offers only items of the latest published version, and the major problem lists the published statement", async () => {
    const list = await db.majorProblemList.create({
      data: {
        name: "Danh mục thử",
        slug: `danh-muc-thu-${Date.now()}`,
        decisionNumber: "1/QĐ",
        decisionDate: new Date(),
        periodStart: 2026,
        periodEnd: 2030,
      },
    });
    const published = await db.majorProblem.create({
      data: { listId: list.id, code: "GT-01", title: "Ùn tắc nội đô", description: "Mô tả", leadAgency: "Sở GTVT" },
    });
    const unpublished = await db.majorProblem.create({
      data: { listId: list.id, code: "GT-02", title: "Chưa ban hành", description: "Mô tả", leadAgency: "Sở GTVT" },
    });
    const version = await db.majorProblemListVersion.create({
      data: { listId: list.id, number: 1, changelog: "Lần đầu" },
    });
    await db.majorProblemVersionItem.create({
      data: {
        versionId: version.id,
        majorProblemId: published.id,
        code: "GT-01",
        title: "Ùn tắc nội đô",
        description: "Mô tả",
        leadAgency: "Sở GTVT",
        priority: "HIGH",
        status: "OPEN",
        sortOrder: 0,
      },
    });
    const formPage = (await agency.get(`/orgs/${agencyId}/problems/new`)).text;
    expect(formPage).toContain(`value="${published.id}"`);
    expect(formPage).not.toContain(`value="${unpublished.id}"`);
    expect(
      (await agency.post(`/orgs/${agencyId}/problems/new`, statementForm({ majorProblemId: unpublished.id }))).status,
    ).toBe(400);

    const statement = await makeStatement(agencyId, agencyUserId, {
      status: "PUBLISHED",
      form: { majorProblemId: published.id, title: "Bài toán gắn GT-01" },
    });
    const majorPage = visibleText((await server.browser().get(`/major-problems/${list.slug}/GT-01`)).text);
    expect(majorPage).toContain("Bài toán gắn GT-01");
    expect(majorPage).not.toContain(vi.majorProblems.linkedStatementsNone);
    expect(visibleText((await server.browser().get(`/problems/${statement.slug}`)).text)).toContain(
      "GT-01: Ùn tắc nội đô",
    );
  });
});
