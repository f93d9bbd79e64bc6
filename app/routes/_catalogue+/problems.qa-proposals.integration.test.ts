import { beforeAll, describe, expect, it } from "vitest";
import { db } from "~/db.server";
import vi from "~/i18n/vi";
import { makeUser } from "~/test-support/factories";
import { startTestServer, type TestBrowser, visibleText } from "~/test-support/http";
import {
  makeAgency,
  makeOffer,
  makeProvider,
  makeStatement,
  pdfBytes,
  postMultipart,
} from "~/test-support/statement-factories";

const server = startTestServer();

let agency: TestBrowser;
let staff: TestBrowser;
let providerA: TestBrowser;
let providerB: TestBrowser;
let newcomer: TestBrowser;
let agencyId = "";
let agencyUserId = "";
let orgA = { id: "", name: "" };
let researchA = { id: "", name: "" };
let orgB = { id: "", name: "" };

beforeAll(async () => {
  const agencyOwner = await makeUser({ name: "Chủ Sở" });
  const curator = await makeUser({ role: "STAFF" });
  const a = await makeUser({ name: "Nhà cung cấp A" });
  const b = await makeUser({ name: "Nhà cung cấp B" });
  const nobody = await makeUser({ name: "Người mới" });
  agencyUserId = agencyOwner.id;
  agencyId = (await makeAgency(agencyOwner.id, "Sở Thông tin Thử")).id;
  orgA = await makeProvider(a.id, "Công ty Bí Danh Alpha");
  researchA = await makeProvider(a.id, "Viện Nghiên cứu Bí Danh Gamma", "RESEARCH");
  orgB = await makeProvider(b.id, "Công ty Beta Cạnh Tranh");
  agency = await server.signedIn(agencyOwner);
  staff = await server.signedIn(curator);
  providerA = await server.signedIn(a);
  providerB = await server.signedIn(b);
  newcomer = await server.signedIn(nobody);
});

describe("public Q&A", () => {
  it("hides the asking organisation from the public and other providers, shows it to the agency and staff", async () => {
    const statement = await makeStatement(agencyId, agencyUserId, { status: "PUBLISHED" });
    const url = `/problems/${statement.slug}`;

    // Provider A belongs to two organisations, so the form asks which one.
    const form = (await providerA.get(url)).text;
    expect(visibleText(form)).toContain(vi.statements.qa.askAs);
    const asked = await providerA.post(url, {
      intent: "ask",
      organisationId: researchA.id,
      body: "Dữ liệu camera có định dạng gì?",
    });
    expect(asked.status).toBe(302);
    const question = await db.question.findFirstOrThrow({ where: { problemStatementId: statement.id } });
    expect(question.askerOrganisationId).toBe(researchA.id);

    for (const browser of [providerB, server.browser(), newcomer]) {
      const page = await browser.get(url);
      expect(visibleText(page.text)).toContain("Dữ liệu camera có định dạng gì?");
      expect(page.text).not.toContain(researchA.name);
      expect(page.text).not.toContain(researchA.id);
    }
    for (const browser of [agency, staff]) expect(visibleText((await browser.get(url)).text)).toContain(researchA.name);

    // The agency answers in public, then corrects its answer.
    expect(
      (
        await agency.post(url, {
          intent: "answer",
          questionId: question.id,
          answer: "Định dạng MP4, 25 khung hình/giây.",
        })
      ).status,
    ).toBe(302);
    expect(
      (
        await agency.post(url, {
          intent: "answer",
          questionId: question.id,
          answer: "Định dạng H.264, 25 khung hình/giây.",
        })
      ).status,
    ).toBe(302);
    const publicPage = visibleText((await server.browser().get(url)).text);
    expect(publicPage).toContain("Định dạng H.264, 25 khung hình/giây.");
    expect(publicPage).not.toContain("MP4");
    const edits = await db.auditEntry.findMany({ where: { entityId: question.id }, orderBy: { createdAt: "asc" } });
    expect(edits.map((e) => e.action)).toEqual(["question.asked", "question.answered", "question.answer_edited"]);
    expect(JSON.parse(edits[2]!.before!)).toEqual({ answer: "Định dạng MP4, 25 khung hình/giây." });
  });

  it("lets only provider and research members ask, only the agency answer, and keeps a failed question's text", async () => {
    const statement = await makeStatement(agencyId, agencyUserId, { status: "PUBLISHED" });
    const url = `/problems/${statement.slug}`;
    expect((await newcomer.post(url, { intent: "ask", organisationId: orgA.id, body: "Câu hỏi?" })).status).toBe(403);
    expect((await agency.post(url, { intent: "ask", organisationId: orgA.id, body: "Câu hỏi?" })).status).toBe(403);
    expect(
      (await server.browser().post(url, { intent: "ask", organisationId: orgA.id, body: "Câu hỏi?" })).status,
    ).toBe(403);
    // Asking on behalf of someone else's organisation.
    const foreign = await providerB.post(url, { intent: "ask", organisationId: orgA.id, body: "Hỏi thay người khác" });
    expect(foreign.status).toBe(400);
    expect(visibleText(foreign.text)).toContain(vi.validation.invalidChoice);
    expect(foreign.text).toContain("Hỏi thay người khác");
    const tooLong = await providerB.post(url, { intent: "ask", organisationId: orgB.id, body: "x".repeat(10_000) });
    expect(tooLong.status).toBe(400);
    expect(await db.question.count({ where: { problemStatementId: statement.id } })).toBe(0);

    const question = await db.question.create({
      data: { problemStatementId: statement.id, askerOrganisationId: orgB.id, body: "Hỏi?" },
    });
    expect(
      (await providerB.post(url, { intent: "answer", questionId: question.id, answer: "Tự trả lời" })).status,
    ).toBe(403);
    expect(
      (await staff.post(url, { intent: "answer", questionId: question.id, answer: "Cán bộ trả lời" })).status,
    ).toBe(403);
    expect((await db.question.findUniqueOrThrow({ where: { id: question.id } })).answer).toBeNull();
  });
});

describe("proposals", () => {
  it("accepts a published offer with a PDF, serves the PDF only to the agency, staff and the proposer, and walks the decision states", async () => {
    const statement = await makeStatement(agencyId, agencyUserId, { status: "PUBLISHED" });
    const offer = await makeOffer(orgA.id, { title: "Nền tảng phân tích giao thông Alpha" });
    const proposed = await postMultipart(
      server.baseUrl,
      providerA.cookieHeader(),
      `/problems/${statement.slug}/propose`,
      { offerId: offer.id, pitch: "Đã triển khai ở 30 nút giao." },
      { name: "thuyết minh.pdf", bytes: pdfBytes() },
    );
    expect(proposed.status, proposed.text.slice(0, 300)).toBe(302);
    expect(proposed.location).toBe(`/orgs/${orgA.id}/proposals`);
    const proposal = await db.proposal.findFirstOrThrow({ where: { problemStatementId: statement.id } });
    expect(proposal).toMatchObject({
      organisationId: orgA.id,
      status: "RECEIVED",
      attachmentName: "thuyết minh.pdf",
      attachmentMime: "application/pdf",
    });

    const attachment = `/problems/${statement.slug}/proposals/${proposal.id}/attachment`;
    for (const browser of [agency, staff, providerA]) {
      const file = await browser.get(attachment);
      expect(file.status).toBe(200);
      expect(file.headers.get("content-type")).toBe("application/pdf");
      expect(file.text.startsWith("%PDF")).toBe(true);
    }
    expect((await providerB.get(attachment)).status).toBe(404);
    expect((await newcomer.get(attachment)).status).toBe(404);
    expect((await server.browser().get(attachment)).status).toBe(302);

    // The agency sees the proposal; another provider does not, anywhere.
    const agencyView = `/orgs/${agencyId}/problems/${statement.id}`;
    expect(visibleText((await agency.get(agencyView)).text)).toContain("Nền tảng phân tích giao thông Alpha");
    expect((await providerB.get(`/orgs/${orgA.id}/proposals`)).status).toBe(404);
    expect((await providerB.get(`/problems/${statement.slug}`)).text).not.toContain(
      "Nền tảng phân tích giao thông Alpha",
    );

    // Selecting straight from RECEIVED skips the shortlist: refused.
    const skip = await agency.post(agencyView, { intent: "decide", proposalId: proposal.id, status: "SELECTED" });
    expect(visibleText((await agency.get(skip.location!)).text)).toContain(vi.statements.proposals.wrongStatus);
    expect(
      (await agency.post(agencyView, { intent: "decide", proposalId: proposal.id, status: "SHORTLISTED" })).status,
    ).toBe(302);
    expect(
      (
        await staff.post(`/staff/problems/${statement.id}`, {
          intent: "decide",
          proposalId: proposal.id,
          status: "SELECTED",
        })
      ).status,
    ).toBe(302);
    expect((await db.proposal.findUniqueOrThrow({ where: { id: proposal.id } })).status).toBe("SELECTED");
    const mine = visibleText((await providerA.get(`/orgs/${orgA.id}/proposals`)).text);
    expect(mine).toContain(vi.statements.proposals.proposalStatus.SELECTED);

    const audit = await db.auditEntry.findMany({ where: { entityId: proposal.id }, orderBy: { createdAt: "asc" } });
    expect(audit.map((e) => [e.action, JSON.parse(e.after!).status])).toEqual([
      ["proposal.created", "RECEIVED"],
      ["proposal.status_changed", "SHORTLISTED"],
      ["proposal.status_changed", "SELECTED"],
    ]);
  });

  it("declines with a structured reason the provider can read", async () => {
    const statement = await makeStatement(agencyId, agencyUserId, { status: "PUBLISHED" });
    const offer = await makeOffer(orgB.id);
    expect(
      (await providerB.post(`/problems/${statement.slug}/propose`, { offerId: offer.id, pitch: "Đề xuất của Beta." }))
        .status,
    ).toBe(302);
    const proposal = await db.proposal.findFirstOrThrow({ where: { problemStatementId: statement.id } });
    const view = `/orgs/${agencyId}/problems/${statement.id}`;
    const noReason = await agency.post(view, {
      intent: "decide",
      proposalId: proposal.id,
      status: "DECLINED",
      declineReason: "",
    });
    expect(noReason.status).toBe(400);
    expect(visibleText(noReason.text)).toContain(vi.validation.requiredChoice);
    expect(
      (
        await agency.post(view, {
          intent: "decide",
          proposalId: proposal.id,
          status: "DECLINED",
          declineReason: "OVER_BUDGET",
          declineNote: "Vượt 40% trần ngân sách.",
        })
      ).status,
    ).toBe(302);
    const mine = visibleText((await providerB.get(`/orgs/${orgB.id}/proposals`)).text);
    expect(mine).toContain(vi.statements.proposals.proposalStatus.DECLINED);
    expect(mine).toContain(vi.statements.proposals.declineReasons.OVER_BUDGET);
    expect(mine).toContain("Vượt 40% trần ngân sách.");
  });

  it("refuses an unpublished offer, another organisation's offer, a duplicate, a late proposal and a non-PDF file", async () => {
    const statement = await makeStatement(agencyId, agencyUserId, { status: "PUBLISHED" });
    const url = `/problems/${statement.slug}/propose`;
    const count = () => db.proposal.count({ where: { problemStatementId: statement.id } });

    const draftOffer = await makeOffer(orgA.id, { status: "DRAFT" });
    const unpublished = await providerA.post(url, { offerId: draftOffer.id, pitch: "Bản nháp" });
    expect(unpublished.status).toBe(400);
    expect(visibleText(unpublished.text)).toContain(vi.statements.proposals.offerNotAllowed);
    expect(unpublished.text).toContain("Bản nháp");

    const othersOffer = await makeOffer(orgB.id, { title: "Giải pháp riêng của Beta" });
    const foreign = await providerA.post(url, { offerId: othersOffer.id, pitch: "Mượn giải pháp" });
    expect(foreign.status).toBe(400);
    expect(visibleText(foreign.text)).toContain(vi.statements.proposals.offerNotAllowed);
    expect(foreign.text).not.toContain("Giải pháp riêng của Beta");

    const offer = await makeOffer(orgA.id);
    expect((await providerA.post(url, { offerId: offer.id, pitch: "Lần một" })).status).toBe(302);
    const duplicate = await providerA.post(url, { offerId: offer.id, pitch: "Lần hai" });
    expect(duplicate.status).toBe(400);
    expect(visibleText(duplicate.text)).toContain(vi.statements.proposals.duplicate);

    const notPdf = await postMultipart(
      server.baseUrl,
      providerA.cookieHeader(),
      url,
      { offerId: (await makeOffer(orgA.id)).id, pitch: "Tệp giả" },
      { name: "virus.pdf", bytes: new TextEncoder().encode("MZ not a pdf"), type: "application/pdf" },
    );
    expect(notPdf.status).toBe(400);
    expect(visibleText(notPdf.text)).toContain(vi.validation.fileType.replace("{{max}}", "pdf"));

    const tooLongPitch = await providerA.post(url, { offerId: (await makeOffer(orgA.id)).id, pitch: "x".repeat(2001) });
    expect(tooLongPitch.status).toBe(400);

    await db.problemStatement.update({
      where: { id: statement.id },
      data: { proposalDeadline: new Date(Date.now() - 60_000) },
    });
    const late = await providerA.post(url, { offerId: (await makeOffer(orgA.id)).id, pitch: "Muộn" });
    expect(late.status).toBe(400);
    expect(visibleText(late.text)).toContain(vi.statements.proposals.closedNotice);
    expect(await count()).toBe(1);

    // Drafts take no proposals at all; non-providers cannot open the form.
    const draft = await makeStatement(agencyId, agencyUserId);
    expect((await providerA.post(`/problems/${draft.slug}/propose`, { offerId: offer.id, pitch: "Sớm" })).status).toBe(
      404,
    );
    expect((await newcomer.get(url)).status).toBe(403);
    expect((await agency.get(url)).status).toBe(403);
    expect(await db.proposal.count({ where: { organisationId: orgA.id, problemStatementId: draft.id } })).toBe(0);
  });
});
