// An agency's problem statement from draft to closed: the agency writes and
// submits it, staff send it back or publish it, and every step is audited;
// drafts stay private. What the form refuses and what it adds (an English
// summary, a link to a major problem) is in problems.form.
import { beforeAll, describe, expect, it } from "vitest";
import { db } from "~/db.server";
import vi from "~/i18n/vi";
import { addMember, makeUser } from "~/test-support/factories";
import { startTestServer, type TestBrowser, visibleText } from "~/test-support/http";
import { makeAgency, makeProvider, makeStatement, statementForm } from "~/test-support/statement-factories";
import { formatVnd } from "~/utils/format";

const server = startTestServer();
const fill = (template: string, vars: Record<string, string | number>) =>
  template.replace(/\{\{(\w+)\}\}/g, (_, key: string) => String(vars[key] ?? ""));

let agency: TestBrowser;
let agencyMember: TestBrowser;
let staff: TestBrowser;
let provider: TestBrowser;
let agencyId = "";
let agencyUserId = "";
let staffId = "";

beforeAll(async () => {
  const owner = await makeUser({ name: "Vũ Quang Huy" });
  const member = await makeUser({ name: "Thành viên Sở" });
  const curator = await makeUser({ role: "STAFF", name: "Cán bộ HiHUB" });
  const providerOwner = await makeUser({ name: "Lê Hoàng Anh" });
  agencyUserId = owner.id;
  staffId = curator.id;
  agencyId = (await makeAgency(owner.id, "Sở Giao thông Vận tải Thử nghiệm")).id;
  await addMember(member.id, agencyId);
  await makeProvider(providerOwner.id);
  agency = await server.signedIn(owner);
  agencyMember = await server.signedIn(member);
  staff = await server.signedIn(curator);
  provider = await server.signedIn(providerOwner);
});

describe("the statement workflow", () => {
  it("goes draft → submitted → sent back with a note → resubmitted → published → closed, audited at every step", async () => {
    const form = statementForm({ title: "Đèn tín hiệu thông minh vành đai 2" });
    const created = await agencyMember.post(`/orgs/${agencyId}/problems/new`, form);
    expect(created.status, visibleText(created.text).slice(0, 400)).toBe(302);
    const statement = await db.problemStatement.findFirstOrThrow({
      where: { organisationId: agencyId, title: form.title },
    });
    expect(statement.slug).toBe("den-tin-hieu-thong-minh-vanh-dai-2");
    expect(statement.status).toBe("DRAFT");
    expect(statement.budgetMinVnd).toBe(1_500_000_000n);
    const viewUrl = `/orgs/${agencyId}/problems/${statement.id}`;
    expect(created.location).toBe(viewUrl);

    // The quality check sits next to the submit button.
    const view = visibleText((await agencyMember.get(viewUrl)).text);
    expect(view).toContain(vi.statements.mine.created);
    expect(view).toContain(fill(vi.statements.quality.score, { score: 100 }));
    expect(view).toContain(vi.statements.quality.successCriteria);
    expect(view).toContain(vi.statements.mine.submit);

    // Edit the draft: drop the data and make the criteria unmeasurable; the score drops.
    const edited = await agency.post(`${viewUrl}/edit`, {
      ...form,
      dataAvailable: "",
      successCriteria: "Giảm đáng kể thời gian chờ.",
    });
    expect(edited.status).toBe(302);
    expect(visibleText((await agency.get(viewUrl)).text)).toContain(fill(vi.statements.quality.score, { score: 60 }));

    // Drafts are private: 404 to the public and to a provider, visible to the agency and staff.
    expect((await server.browser().get(`/problems/${statement.slug}`)).status).toBe(404);
    expect((await provider.get(`/problems/${statement.slug}`)).status).toBe(404);
    expect((await agencyMember.get(`/problems/${statement.slug}`)).status).toBe(200);
    expect((await staff.get(`/problems/${statement.slug}`)).status).toBe(200);

    expect((await agencyMember.post(viewUrl, { intent: "submit" })).status).toBe(302);
    // Submitted statements are no longer editable.
    expect((await agency.get(`${viewUrl}/edit`)).location).toBe(viewUrl);
    expect((await agency.post(`${viewUrl}/edit`, form)).status).toBe(302);
    expect((await db.problemStatement.findUniqueOrThrow({ where: { id: statement.id } })).dataAvailable).toBeNull();

    const queue = visibleText((await staff.get("/staff/problems")).text);
    expect(queue).toContain(form.title);
    const review = visibleText((await staff.get(`/staff/problems/${statement.id}`)).text);
    expect(review).toContain(fill(vi.statements.quality.score, { score: 60 }));
    expect(review).toContain(vi.statements.quality.missing);

    const note = "Cần nêu tiêu chí thành công bằng con số cụ thể và dữ liệu sẵn có.";
    expect((await staff.post(`/staff/problems/${statement.id}`, { intent: "return", note })).status).toBe(302);
    const returned = visibleText((await agency.get(viewUrl)).text);
    expect(returned).toContain(note);
    expect(returned).toContain(vi.statements.status.DRAFT);

    expect((await agency.post(`${viewUrl}/edit`, form)).status).toBe(302);
    expect((await agency.post(viewUrl, { intent: "submit" })).status).toBe(302);
    expect((await staff.post(`/staff/problems/${statement.id}`, { intent: "publish" })).status).toBe(302);
    expect((await db.problemStatement.findUniqueOrThrow({ where: { id: statement.id } })).status).toBe("PUBLISHED");

    const list = visibleText((await server.browser().get("/problems")).text);
    expect(list).toContain(form.title);
    expect(list).toContain("Sở Giao thông Vận tải Thử nghiệm");
    // visibleText folds the no-break space Intl puts before "₫".
    const range = fill(vi.statements.budgetRange, {
      min: formatVnd(1_500_000_000, "vi"),
      max: formatVnd(3_000_000_000, "vi"),
    });
    expect(list).toContain(range.replace(/\s+/g, " "));

    const page = await server.browser().get(`/problems/${statement.slug}`);
    expect(page.status).toBe(200);
    expect(page.text).toMatch(/<title>Đèn tín hiệu thông minh vành đai 2 — /);
    expect(page.text).toContain('<meta name="description" content="Tại 20 nút giao');
    const text = visibleText(page.text);
    for (const label of Object.values(vi.statements.sixClear)) expect(text).toContain(label);
    for (const value of [
      form.responsiblePerson,
      form.scopeOfWork,
      form.accountableUnit,
      form.deliverable,
      form.successCriteria,
      form.decisionAuthority,
    ]) {
      expect(text).toContain(value);
    }

    // Closing needs an outcome.
    const empty = await agency.post(viewUrl, { intent: "close", outcome: "" });
    expect(empty.status).toBe(400);
    expect(visibleText(empty.text)).toContain(vi.validation.required);
    expect((await agency.post(viewUrl, { intent: "close", outcome: "Chọn giải pháp của Sông Hồng AI." })).status).toBe(
      302,
    );
    const closed = visibleText((await server.browser().get(`/problems/${statement.slug}`)).text);
    expect(closed).toContain(vi.statements.status.CLOSED);
    expect(closed).toContain("Chọn giải pháp của Sông Hồng AI.");

    const audit = await db.auditEntry.findMany({
      where: { entityType: "ProblemStatement", entityId: statement.id },
      orderBy: { createdAt: "asc" },
    });
    expect(audit.map((e) => e.action)).toEqual([
      "problem_statement.created",
      "problem_statement.updated",
      "problem_statement.submitted",
      "problem_statement.returned",
      "problem_statement.updated",
      "problem_statement.submitted",
      "problem_statement.published",
      "problem_statement.closed",
    ]);
    const returnEntry = audit[3]!;
    expect(returnEntry.actorId).toBe(staffId);
    expect(JSON.parse(returnEntry.before!)).toEqual({ status: "SUBMITTED" });
    expect(JSON.parse(returnEntry.after!)).toEqual({ status: "DRAFT" });
    expect(JSON.parse(returnEntry.data!)).toEqual({ note });
    expect(JSON.parse(audit[7]!.after!)).toEqual({ status: "CLOSED", outcome: "Chọn giải pháp của Sông Hồng AI." });
    expect(JSON.parse(audit[1]!.before!)).toMatchObject({ dataAvailable: form.dataAvailable });
  });

  it("staff can close a published statement; nobody can publish a draft or close twice", async () => {
    const draft = await makeStatement(agencyId, agencyUserId);
    const refused = await staff.post(`/staff/problems/${draft.id}`, { intent: "publish" });
    expect(visibleText((await staff.get(refused.location!)).text)).toContain(vi.statements.mine.wrongStatus);
    expect((await db.problemStatement.findUniqueOrThrow({ where: { id: draft.id } })).status).toBe("DRAFT");
    const published = await makeStatement(agencyId, agencyUserId, { status: "PUBLISHED" });
    expect(
      (await staff.post(`/staff/problems/${published.id}`, { intent: "close", outcome: "Dừng theo chỉ đạo." })).status,
    ).toBe(302);
    const again = await agency.post(`/orgs/${agencyId}/problems/${published.id}`, {
      intent: "close",
      outcome: "Lần hai.",
    });
    expect(again.status).toBe(302);
    expect(visibleText((await agency.get(again.location!)).text)).toContain(vi.statements.mine.wrongStatus);
    expect((await db.problemStatement.findUniqueOrThrow({ where: { id: published.id } })).outcome).toBe(
      "Dừng theo chỉ đạo.",
    );
  });

  it("refuses to submit a draft whose proposal deadline has passed meanwhile", async () => {
    const draft = await makeStatement(agencyId, agencyUserId);
    await db.problemStatement.update({
      where: { id: draft.id },
      data: { proposalDeadline: new Date(Date.now() - 86_400_000) },
    });
    const page = await agency.post(`/orgs/${agencyId}/problems/${draft.id}`, { intent: "submit" });
    expect(visibleText((await agency.get(page.location!)).text)).toContain(vi.statements.mine.deadlinePassed);
    expect((await db.problemStatement.findUniqueOrThrow({ where: { id: draft.id } })).status).toBe("DRAFT");
  });
});
