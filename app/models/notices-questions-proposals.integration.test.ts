// Issue 14 part 1, questions and proposals: each event reaches the people it
// concerns, in the app and by email, in each reader's language, with a link
// straight to the thing and what to do next; another organisation hears nothing.
import { beforeAll, describe, expect, it } from "vitest";
import { db } from "~/db.server";
import { createProposal } from "~/models/proposal.server";
import { addMember, makeUser } from "~/test-support/factories";
import { startTestServer, visibleText, type TestBrowser } from "~/test-support/http";
import { expectNotTold, expectTold, speaksEnglish, type Person } from "~/test-support/notice-checks";
import {
  makeAgency,
  makeOffer,
  makeProposal,
  makeProvider,
  makePublishedMajorProblem,
  makeStatement,
} from "~/test-support/statement-factories";
import en from "~/i18n/en";
import vi from "~/i18n/vi";

const server = startTestServer();

let agencyOwner: Person, agencyMember: Person, providerOwner: Person, providerMember: Person;
let rivalOwner: Person, follower: Person, bystander: Person, staff: Person, problemOwner: Person;
let agency = { id: "", name: "" },
  provider = { id: "", name: "" },
  rival = { id: "", name: "" };
let providerBrowser: TestBrowser, agencyBrowser: TestBrowser;

beforeAll(async () => {
  agencyOwner = await makeUser({ name: "Chủ Sở Hỏi Đáp" });
  agencyMember = await makeUser({ name: "Agency Member EN" });
  providerOwner = await makeUser({ name: "Chủ Công ty Hỏi" });
  providerMember = await makeUser({ name: "Provider Member EN" });
  rivalOwner = await makeUser({ name: "Chủ Công ty Đề xuất khác" });
  follower = await makeUser({ name: "Người theo dõi bài toán lớn" });
  bystander = await makeUser({ name: "Người ngoài cuộc" });
  staff = await makeUser({ role: "STAFF", name: "Cán bộ HiHUB" });
  problemOwner = await makeUser({ role: "STAFF", name: "Cán bộ phụ trách bài toán" });
  agency = await makeAgency(agencyOwner.id, "Sở Thông báo Hỏi đáp");
  provider = await makeProvider(providerOwner.id, "Công ty Hỏi Đáp");
  rival = await makeProvider(rivalOwner.id, "Công ty Đề xuất Trước");
  await makeProvider(follower.id, "Công ty Theo dõi");
  await makeProvider(bystander.id, "Công ty Ngoài cuộc");
  await addMember(agencyMember.id, agency.id);
  await addMember(providerMember.id, provider.id);
  await speaksEnglish(agencyMember);
  await speaksEnglish(providerMember);
  providerBrowser = await server.signedIn(providerOwner);
  agencyBrowser = await server.signedIn(agencyOwner);
});

async function publishedStatement(options: { majorProblemId?: string } = {}) {
  const statement = await makeStatement(agency.id, agencyOwner.id, { status: "PUBLISHED" });
  if (options.majorProblemId)
    await db.problemStatement.update({ where: { id: statement.id }, data: { majorProblemId: options.majorProblemId } });
  return statement;
}

describe("questions", () => {
  it("a question reaches the agency's members, each in their language, linking to the question; the asker and others hear nothing", async () => {
    const statement = await publishedStatement();
    const asked = await providerBrowser.post(`/problems/${statement.slug}`, {
      intent: "ask",
      organisationId: provider.id,
      body: "Camera xuất dữ liệu theo chuẩn nào?",
    });
    expect(asked.status).toBe(302);
    const question = await db.question.findFirstOrThrow({ where: { problemStatementId: statement.id } });
    const link = `/problems/${statement.slug}#question-${question.id}`;
    const values = { statement: statement.title, question: "Camera xuất dữ liệu theo chuẩn nào?" };
    await expectTold(agencyOwner, "question.asked", { link, values, bodyHas: [values.question] });
    const english = await expectTold(agencyMember, "question.asked", { link, language: "en", values });
    expect(english.subject).toBe(`New question about “${statement.title}”`);
    expect(english.text).toContain("Read and answer the question");
    for (const person of [providerOwner, providerMember, bystander, staff])
      await expectNotTold(person, "question.asked");

    // The English member sees it on /notifications, in English, with the link.
    const page = await (await server.signedIn(agencyMember)).get("/notifications");
    expect(page.status).toBe(200);
    expect(visibleText(page.text)).toContain(`New question about “${statement.title}”`);
    expect(page.text).toContain(`href="${link}"`);
  });

  it("an answer reaches the asking organisation, the providers that proposed on the statement and its major problem's followers; not the agency or others", async () => {
    const problem = await makePublishedMajorProblem(staff.id);
    const statement = await publishedStatement({ majorProblemId: problem.id });
    await db.majorProblemFollow.create({ data: { userId: follower.id, majorProblemId: problem.id } });
    await makeProposal(statement.id, await makeOffer(rival.id));
    expect(
      (
        await providerBrowser.post(`/problems/${statement.slug}`, {
          intent: "ask",
          organisationId: provider.id,
          body: "Có API mở không?",
        })
      ).status,
    ).toBe(302);
    const question = await db.question.findFirstOrThrow({ where: { problemStatementId: statement.id } });

    const answered = await agencyBrowser.post(`/problems/${statement.slug}`, {
      intent: "answer",
      questionId: question.id,
      answer: "Có, theo chuẩn NGSI-LD.",
    });
    expect(answered.status).toBe(302);
    const link = `/problems/${statement.slug}#question-${question.id}`;
    const values = { statement: statement.title, question: "Có API mở không?" };
    await expectTold(providerOwner, "question.answered", { link, values });
    await expectTold(providerMember, "question.answered", { link, values, language: "en" });
    await expectTold(rivalOwner, "question.answered", { link, values });
    await expectTold(follower, "question.answered", { link, values });
    for (const person of [agencyOwner, agencyMember, bystander, staff])
      await expectNotTold(person, "question.answered", link);
  });
});

describe("proposals", () => {
  it("a new proposal on a statement reaches the agency's members, linking to it on the statement's management page", async () => {
    const statement = await publishedStatement();
    const offer = await makeOffer(provider.id, { title: "Đèn tín hiệu thích ứng" });
    const { outcome } = await createProposal(
      providerOwner.id,
      statement.id,
      { offerId: offer.id, pitch: "Đã chạy ở 30 nút giao." },
      null,
    );
    expect(outcome).toBe("proposed");
    const proposal = await db.proposal.findFirstOrThrow({ where: { problemStatementId: statement.id } });
    const link = `/orgs/${agency.id}/problems/${statement.id}#proposal-${proposal.id}`;
    const values = { statement: statement.title, provider: provider.name, offer: offer.titleVi };
    await expectTold(agencyOwner, "proposal.received", { link, values });
    const mail = await expectTold(agencyMember, "proposal.received", { link, values, language: "en" });
    expect(mail.text).toContain("Review the proposal and shortlist it");
    for (const person of [providerOwner, rivalOwner, bystander, staff])
      await expectNotTold(person, "proposal.received");
  });

  it("a proposal on a major problem reaches staff and the problem's owner, not agencies or other providers", async () => {
    const problem = await makePublishedMajorProblem(staff.id);
    const problemEn = "Coordinating the city's traffic";
    await db.majorProblem.update({ where: { id: problem.id }, data: { ownerId: problemOwner.id, titleEn: problemEn } });
    await speaksEnglish(problemOwner);
    const offer = await makeOffer(provider.id, { title: "Nền tảng điều phối giao thông" });
    await db.offer.update({ where: { id: offer.id }, data: { titleEn: "Traffic coordination platform" } });
    const { outcome } = await createProposal(
      providerMember.id,
      { majorProblemId: problem.id },
      { offerId: offer.id, pitch: "Điều phối 100 nút giao." },
      null,
    );
    expect(outcome).toBe("proposed");
    const proposal = await db.proposal.findFirstOrThrow({ where: { majorProblemId: problem.id } });
    const link = `/staff/major-problems/proposals?list=${problem.listId}#proposal-${proposal.id}`;
    const values = { problem: `${problem.code}: ${problem.title}`, provider: provider.name, offer: offer.titleVi };
    await expectTold(staff, "proposal.received_major", { link, values });
    // The English reader gets the problem and the offer by their English titles.
    await expectTold(problemOwner, "proposal.received_major", {
      link,
      language: "en",
      values: { ...values, problem: `${problem.code}: ${problemEn}`, offer: "Traffic coordination platform" },
    });
    for (const person of [agencyOwner, providerOwner, bystander])
      await expectNotTold(person, "proposal.received_major");
    await db.user.update({ where: { id: problemOwner.id }, data: { language: "vi" } });
  });

  it("shortlisted, selected and declined (with the structured reason, in the reader's language, and the note) reach the provider's members only", async () => {
    const statement = await publishedStatement();
    const kept = await makeProposal(statement.id, await makeOffer(provider.id, { title: "Giải pháp được chọn" }));
    const refused = await makeProposal(statement.id, await makeOffer(provider.id, { title: "Giải pháp bị từ chối" }));
    const here = `/orgs/${agency.id}/problems/${statement.id}`;
    expect(
      (await agencyBrowser.post(here, { intent: "decide", proposalId: kept.id, status: "SHORTLISTED" })).status,
    ).toBe(302);
    expect((await agencyBrowser.post(here, { intent: "decide", proposalId: kept.id, status: "SELECTED" })).status).toBe(
      302,
    );
    expect(
      (
        await agencyBrowser.post(here, {
          intent: "decide",
          proposalId: refused.id,
          status: "DECLINED",
          declineReason: "OVER_BUDGET",
          declineNote: "Ngân sách năm nay chỉ 200 triệu.",
        })
      ).status,
    ).toBe(302);

    const keptLink = `/orgs/${provider.id}/proposals#proposal-${kept.id}`;
    const keptValues = { statement: statement.title, offer: "Giải pháp được chọn" };
    for (const kind of ["proposal.shortlisted", "proposal.selected"] as const) {
      await expectTold(providerOwner, kind, { link: keptLink, values: keptValues });
      await expectTold(providerMember, kind, { link: keptLink, values: keptValues, language: "en" });
    }
    const refusedLink = `/orgs/${provider.id}/proposals#proposal-${refused.id}`;
    const refusedValues = { statement: statement.title, offer: "Giải pháp bị từ chối" };
    await expectTold(providerOwner, "proposal.declined", {
      link: refusedLink,
      values: refusedValues,
      bodyHas: [vi.statements.proposals.declineReasons.OVER_BUDGET, "Ngân sách năm nay chỉ 200 triệu."],
    });
    await expectTold(providerMember, "proposal.declined", {
      link: refusedLink,
      language: "en",
      values: refusedValues,
      bodyHas: [`Reason: ${en.statements.proposals.declineReasons.OVER_BUDGET}`, "Ngân sách năm nay chỉ 200 triệu."],
    });
    for (const person of [agencyOwner, agencyMember, rivalOwner, bystander]) {
      for (const kind of ["proposal.shortlisted", "proposal.selected", "proposal.declined"] as const)
        await expectNotTold(person, kind);
    }
  });

  it("the provider withdraws an undecided proposal from its proposals page and the agency is told; a decided one stays, and another organisation cannot", async () => {
    const statement = await publishedStatement();
    const offer = await makeOffer(provider.id, { title: "Giải pháp rút lại" });
    const open = await makeProposal(statement.id, offer);
    const decided = await makeProposal(statement.id, await makeOffer(provider.id));
    await db.proposal.update({ where: { id: decided.id }, data: { status: "SELECTED" } });

    const list = await providerBrowser.get(`/orgs/${provider.id}/proposals`);
    expect(list.status).toBe(200);
    // A withdraw button for the open proposal, none for the decided one.
    expect(list.text).toContain(`name="proposalId" value="${open.id}"`);
    expect(list.text).not.toContain(`name="proposalId" value="${decided.id}"`);

    const stranger = await server.signedIn(bystander);
    expect(
      (await stranger.post(`/orgs/${provider.id}/proposals`, { intent: "withdraw", proposalId: open.id })).status,
    ).toBe(404);
    expect((await db.proposal.findUniqueOrThrow({ where: { id: open.id } })).status).toBe("RECEIVED");

    const withdrawn = await providerBrowser.post(`/orgs/${provider.id}/proposals`, {
      intent: "withdraw",
      proposalId: open.id,
    });
    expect(withdrawn.status).toBe(302);
    const after = await db.proposal.findUniqueOrThrow({ where: { id: open.id } });
    expect(after.status).toBe("WITHDRAWN");
    expect(after.withdrawnAt).not.toBeNull();
    const page = visibleText((await providerBrowser.get(withdrawn.location!)).text);
    expect(page).toContain(vi.statements.proposals.withdrawn);
    expect(page).toContain(vi.statements.proposals.proposalStatus.WITHDRAWN);

    const link = `/orgs/${agency.id}/problems/${statement.id}#proposal-${open.id}`;
    const values = { statement: statement.title, provider: provider.name, offer: offer.titleVi };
    await expectTold(agencyOwner, "proposal.withdrawn", { link, values });
    await expectTold(agencyMember, "proposal.withdrawn", { link, values, language: "en" });
    for (const person of [providerOwner, providerMember, bystander]) await expectNotTold(person, "proposal.withdrawn");

    const late = await providerBrowser.post(`/orgs/${provider.id}/proposals`, {
      intent: "withdraw",
      proposalId: decided.id,
    });
    expect(late.status).toBe(302);
    expect(visibleText((await providerBrowser.get(late.location!)).text)).toContain(
      vi.statements.proposals.alreadyDecided,
    );
    expect((await db.proposal.findUniqueOrThrow({ where: { id: decided.id } })).status).toBe("SELECTED");
    expect(await db.notification.count({ where: { kind: "proposal.withdrawn", link: { contains: decided.id } } })).toBe(
      0,
    );
  });
});
