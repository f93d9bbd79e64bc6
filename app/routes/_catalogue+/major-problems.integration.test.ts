import { beforeAll, describe, expect, it } from "vitest";
import { db } from "~/db.server";
import en from "~/i18n/en";
import vi from "~/i18n/vi";
import { TEST_PASSWORD, makeUser } from "~/test-support/factories";
import { inputValue, startTestServer, type TestBrowser, visibleText } from "~/test-support/http";

const server = startTestServer();
let staff: TestBrowser;
let staffId = "";
let sectorId = "";

const problem = (code: string, title = `Bài toán ${code}`) => ({
  intent: "add",
  code,
  title,
  description: "Giảm 20% thời gian chờ tại 100 nút giao thí điểm.",
  sectorId,
  leadAgency: "Sở Xây dựng Hà Nội",
  priority: "HIGH",
  status: "OPEN",
});

async function createList(name: string) {
  const created = await staff.post("/staff/major-problems", {
    name,
    decisionNumber: "99/QĐ-UBND",
    decisionDate: "2026-03-16",
    periodStart: "2026",
    periodEnd: "2030",
  });
  expect(created.status).toBe(302);
  await staff.get(created.location!);
  return created.location!.split("/").pop()!;
}

beforeAll(async () => {
  const user = await makeUser({ role: "STAFF", name: "Cán bộ Biên tập" });
  staffId = user.id;
  staff = server.browser();
  await staff.signIn(user.email, TEST_PASSWORD);
  sectorId = (
    await db.taxonomyTerm.create({
      data: { kind: "SECTOR", slug: "giao-thong", nameVi: "Giao thông", nameEn: "Transport" },
    })
  ).id;
});

describe("publishing and amending a list", () => {
  it("freezes version 1, publishes an amendment as version 2, and keeps version 1 readable as it was", async () => {
    const listId = await createList("Danh mục bài toán lớn giai đoạn 2026–2030");
    const list = await db.majorProblemList.findUniqueOrThrow({ where: { id: listId } });
    expect(list.slug).toBe("danh-muc-bai-toan-lon-giai-doan-2026-2030");

    // Nothing is public before the first publication.
    expect((await server.browser().get(`/major-problems/${list.slug}`)).status).toBe(404);

    for (const code of ["HN-01", "HN-02"])
      expect((await staff.post(`/staff/major-problems/${listId}`, problem(code))).status).toBe(302);
    const v1 = await staff.post(`/staff/major-problems/${listId}`, {
      intent: "publish",
      changelog: "Ban hành lần đầu.",
    });
    expect(v1.status).toBe(302);
    expect(visibleText((await staff.get(v1.location!)).text)).toContain(
      vi.majorProblems.published.replace("{{number}}", "1"),
    );

    const publicV1 = visibleText((await server.browser().get(`/major-problems/${list.slug}`)).text);
    expect(publicV1).toContain("Bài toán HN-01");
    expect(publicV1).toContain("Phiên bản 1");

    // Amend: retitle one problem, add another. The public still sees version 1 until publication.
    const item = await db.majorProblem.findFirstOrThrow({ where: { listId, code: "HN-01" } });
    const edited = await staff.post(`/staff/major-problems/${listId}/items/${item.id}`, {
      ...problem("HN-01", "Tên mới sau sửa đổi"),
      intent: "",
    });
    expect(edited.status).toBe(302);
    await staff.post(`/staff/major-problems/${listId}`, problem("HN-03"));
    const working = visibleText((await staff.get(`/staff/major-problems/${listId}`)).text);
    expect(working).toContain(vi.majorProblems.pendingAdded.replace("{{codes}}", "HN-03"));
    expect(working).toContain(vi.majorProblems.pendingChanged.replace("{{codes}}", "HN-01"));
    expect(visibleText((await server.browser().get(`/major-problems/${list.slug}`)).text)).not.toContain(
      "Tên mới sau sửa đổi",
    );

    const v2 = await staff.post(`/staff/major-problems/${listId}`, {
      intent: "publish",
      changelog: "Sửa đổi theo Quyết định 100/QĐ-UBND: thêm HN-03.",
    });
    expect(v2.status).toBe(302);

    const latest = visibleText((await server.browser().get(`/major-problems/${list.slug}`)).text);
    expect(latest).toContain("Tên mới sau sửa đổi");
    expect(latest).toContain("Bài toán HN-03");
    expect(latest).toContain("Sửa đổi theo Quyết định 100/QĐ-UBND");

    const old = visibleText(
      (await server.browser({ language: "en" }).get(`/major-problems/${list.slug}?version=1`)).text,
    );
    expect(old).toContain(en.majorProblems.oldVersionNotice.replace("{{number}}", "1"));
    expect(old).toContain("Bài toán HN-01");
    expect(old).not.toContain("Tên mới sau sửa đổi");
    expect(old).not.toContain("Bài toán HN-03");

    const page = await server.browser().get(`/major-problems/${list.slug}/HN-03`);
    expect(page.status).toBe(200);
    expect(visibleText(page.text)).toContain("Sở Xây dựng Hà Nội");
    expect(page.text).toMatch(/<title>HN-03: Bài toán HN-03/);

    const audit = await db.auditEntry.findMany({ where: { entityId: listId, action: "major_problem_list.published" } });
    expect(audit).toHaveLength(2);
    expect(audit.every((entry) => entry.actorId === staffId)).toBe(true);
    const itemAudit = await db.auditEntry.findFirstOrThrow({
      where: { entityId: item.id, action: "major_problem.updated" },
    });
    expect(JSON.parse(itemAudit.before!)).toEqual({ title: "Bài toán HN-01" });
    expect(JSON.parse(itemAudit.after!)).toEqual({ title: "Tên mới sau sửa đổi" });
  });

  it("refuses to publish when nothing changed, and will not delete a published problem", async () => {
    const listId = await createList("Danh mục thử không đổi");
    await staff.post(`/staff/major-problems/${listId}`, problem("A-1"));
    await staff.post(`/staff/major-problems/${listId}`, { intent: "publish", changelog: "Lần đầu." });
    const again = await staff.post(`/staff/major-problems/${listId}`, {
      intent: "publish",
      changelog: "Không có gì mới.",
    });
    expect(again.status).toBe(400);
    expect(visibleText(again.text)).toContain(vi.majorProblems.nothingToPublish);
    expect(inputValue(again.text, "changelog")).toBe("Không có gì mới.");
    expect(await db.majorProblemListVersion.count({ where: { listId } })).toBe(1);

    const item = await db.majorProblem.findFirstOrThrow({ where: { listId } });
    const del = await staff.post(`/staff/major-problems/${listId}/items/${item.id}`, { intent: "delete" });
    expect(del.status).toBe(400);
    expect(visibleText(del.text)).toContain(vi.majorProblems.cannotDeletePublished);
    expect(await db.majorProblem.count({ where: { listId } })).toBe(1);
  });
});

describe("English text", () => {
  it("staff enter English names and summaries; English pages show them, or the Vietnamese text marked lang=vi with a note", async () => {
    const listId = await createList("Danh mục song ngữ");
    const saved = await staff.post(`/staff/major-problems/${listId}`, {
      intent: "list",
      name: "Danh mục song ngữ",
      summary: "Các bài toán thí điểm.",
      nameEn: "Bilingual list",
      summaryEn: "Pilot problems.",
      decisionNumber: "99/QĐ-UBND",
      decisionDate: "2026-03-16",
      periodStart: "2026",
      periodEnd: "2030",
    });
    expect(saved.status).toBe(302);
    const list = await db.majorProblemList.findUniqueOrThrow({ where: { id: listId } });
    expect(list).toMatchObject({
      nameEn: "Bilingual list",
      summaryEn: "Pilot problems.",
      summary: "Các bài toán thí điểm.",
      slug: "danh-muc-song-ngu",
    });
    const listAudit = await db.auditEntry.findFirstOrThrow({
      where: { entityId: listId, action: "major_problem_list.updated" },
    });
    expect(JSON.parse(listAudit.after!)).toEqual({
      summary: "Các bài toán thí điểm.",
      nameEn: "Bilingual list",
      summaryEn: "Pilot problems.",
    });

    await staff.post(`/staff/major-problems/${listId}`, {
      ...problem("EN-1", "Giảm ùn tắc"),
      titleEn: "Cutting congestion",
      summaryEn: "Shorter waits at 100 junctions.",
    });
    await staff.post(`/staff/major-problems/${listId}`, problem("EN-2", "Chống ngập"));
    expect(
      (await staff.post(`/staff/major-problems/${listId}`, { intent: "publish", changelog: "Lần đầu." })).status,
    ).toBe(302);
    const frozen = await db.majorProblemVersionItem.findFirstOrThrow({ where: { code: "EN-1", version: { listId } } });
    expect(frozen).toMatchObject({ titleEn: "Cutting congestion", summaryEn: "Shorter waits at 100 junctions." });

    const english = server.browser({ language: "en" });
    const index = visibleText((await english.get("/major-problems")).text);
    expect(index).toContain("Bilingual list");
    expect(index).toContain("Pilot problems.");
    const listPage = await english.get(`/major-problems/${list.slug}`);
    expect(listPage.text).toMatch(/<title>Bilingual list — /);
    expect(visibleText(listPage.text)).toContain("Cutting congestion");
    expect(listPage.text).toMatch(
      /<h2 lang="vi"><a [^>]*>Chống ngập<\/a><\/h2>\s*<p class="hint vietnamese-only">This text is available in Vietnamese only.<\/p>/,
    );
    expect(listPage.text).not.toMatch(/lang="vi"><a [^>]*>Cutting/);

    const translated = await english.get(`/major-problems/${list.slug}/EN-1`);
    expect(translated.text).toMatch(/<title>EN-1: Cutting congestion — /);
    expect(visibleText(translated.text)).toContain("Shorter waits at 100 junctions.");
    expect(translated.text).not.toContain(en.bilingual.viOnly);
    expect(translated.text).toContain('<p class="prose" lang="vi">Giảm 20% thời gian chờ');
    const untranslated = await english.get(`/major-problems/${list.slug}/EN-2`);
    expect(untranslated.text).toMatch(/<title>EN-2: Chống ngập — /);
    expect(untranslated.text).toContain('<h1 lang="vi">Chống ngập</h1>');
    expect(visibleText(untranslated.text)).toContain(en.bilingual.viOnly);

    // Vietnamese readers always get Vietnamese, with no note.
    const vietnamese = await server.browser().get(`/major-problems/${list.slug}/EN-1`);
    expect(vietnamese.text).toMatch(/<title>EN-1: Giảm ùn tắc — /);
    expect(visibleText(vietnamese.text)).not.toContain("Cutting congestion");
    expect(vietnamese.text).not.toContain(vi.bilingual.viOnly);

    // Clearing the English title on the working copy shows up as a pending change.
    const item = await db.majorProblem.findFirstOrThrow({ where: { listId, code: "EN-1" } });
    expect(
      (
        await staff.post(`/staff/major-problems/${listId}/items/${item.id}`, {
          ...problem("EN-1", "Giảm ùn tắc"),
          intent: "",
        })
      ).status,
    ).toBe(302);
    expect(await db.majorProblem.findUniqueOrThrow({ where: { id: item.id } })).toMatchObject({
      titleEn: null,
      summaryEn: null,
    });
    expect(visibleText((await staff.get(`/staff/major-problems/${listId}`)).text)).toContain(
      vi.majorProblems.pendingChanged.replace("{{codes}}", "EN-1"),
    );
  });

  it("rejects an over-long English title or list name with a clear message and saves nothing", async () => {
    const listId = await createList("Danh mục tên dài");
    const longItem = await staff.post(`/staff/major-problems/${listId}`, {
      ...problem("LONG-1"),
      titleEn: "x".repeat(201),
    });
    expect(longItem.status).toBe(400);
    expect(visibleText(longItem.text)).toContain(vi.validation.tooLong.replace("{{max}}", "200"));
    expect(await db.majorProblem.count({ where: { listId } })).toBe(0);
    const longList = await staff.post(`/staff/major-problems/${listId}`, {
      intent: "list",
      name: "Danh mục tên dài",
      nameEn: "List",
      summaryEn: "y".repeat(2001),
      decisionNumber: "99/QĐ-UBND",
      decisionDate: "2026-03-16",
      periodStart: "2026",
      periodEnd: "2030",
    });
    expect(longList.status).toBe(400);
    expect(visibleText(longList.text)).toContain(vi.validation.tooLong.replace("{{max}}", "2000"));
    expect((await db.majorProblemList.findUniqueOrThrow({ where: { id: listId } })).nameEn).toBeNull();
  });
});

describe("bad input", () => {
  it.each([
    ["a duplicate code", { code: "DUP-1" }, vi.validation.codeTaken],
    ["a code with spaces and diacritics", { code: "mã số 1" }, vi.validation.code],
    ["a 10,000-character title", { title: "Đ".repeat(10_000) }, vi.validation.tooLong.replace("{{max}}", "200")],
    ["an empty lead agency", { leadAgency: "" }, vi.validation.required],
    ["an unknown priority", { priority: "URGENT" }, vi.validation.requiredChoice],
  ])("rejects %s with a clear message and saves nothing", async (_label, change, message) => {
    const listId = await createList(`Danh mục lỗi ${Math.random()}`);
    await staff.post(`/staff/major-problems/${listId}`, problem("DUP-1"));
    const before = await db.majorProblem.count({ where: { listId } });
    const form = { ...problem("NEW-1"), ...change };
    const page = await staff.post(`/staff/major-problems/${listId}`, form);
    expect(page.status).toBe(400);
    expect(visibleText(page.text)).toContain(message);
    expect(inputValue(page.text, "description")).toBe(form.description);
    expect(await db.majorProblem.count({ where: { listId } })).toBe(before);
  });

  it("rejects a list whose period ends before it starts, keeping the typed values", async () => {
    const before = await db.majorProblemList.count();
    const page = await staff.post("/staff/major-problems", {
      name: "Danh mục ngược",
      decisionNumber: "1/QĐ",
      decisionDate: "2026-01-01",
      periodStart: "2030",
      periodEnd: "2026",
    });
    expect(page.status).toBe(400);
    expect(visibleText(page.text)).toContain(vi.validation.periodOrder);
    expect(inputValue(page.text, "name")).toBe("Danh mục ngược");
    expect(await db.majorProblemList.count()).toBe(before);
  });
});
