// Pages that invite action (issue 14 part 6): the home page's open
// opportunities and week in numbers, a major problem's accountable facts and
// ways in (sign in / follow / propose), and an agency's "what is new" on its
// statement page.
import { beforeAll, describe, expect, it } from "vitest";
import { db } from "~/db.server";
import en from "~/i18n/en";
import vi from "~/i18n/vi";
import { majorProblemFollowers } from "~/models/major-problem-follow.server";
import { moveMatches } from "~/models/curation-board.server";
import { deadlineFromDateInput } from "~/models/problem-tracking.server";
import { decideProposal } from "~/models/proposal.server";
import { formatDate } from "~/utils/format";
import { makeUser } from "~/test-support/factories";
import { startTestServer, type TestBrowser, visibleText } from "~/test-support/http";
import { makeMatch } from "~/test-support/match-factories";
import {
  inDays,
  makeAgency,
  makeOffer,
  makeProposal,
  makeProvider,
  makePublishedMajorProblem,
  makeQuestion,
  makeStatement,
} from "~/test-support/statement-factories";

const server = startTestServer();
const o = vi.opportunities;

let staffId = "";
let agencyUserId = "";
let agencyId = "";
let provider: TestBrowser;
let providerUserId = "";
let providerOrg = { id: "", name: "" };
let staff: TestBrowser;
let agency: TestBrowser;

// i18next's plural forms for Vietnamese use the _other string.
const plural = (text: string, count: number) => text.replace("{{count}}", String(count));

beforeAll(async () => {
  const staffUser = await makeUser({ role: "STAFF", name: "Trần Phụ Trách" });
  const agencyOwner = await makeUser({ name: "Lê Cơ Quan" });
  const providerUser = await makeUser({ name: "Phạm Nhà Cung Cấp" });
  staffId = staffUser.id;
  agencyUserId = agencyOwner.id;
  providerUserId = providerUser.id;
  agencyId = (await makeAgency(agencyOwner.id, "Sở Cơ hội Thử")).id;
  providerOrg = await makeProvider(providerUser.id, "Công ty Cơ hội Alpha");
  staff = await server.signedIn(staffUser);
  agency = await server.signedIn(agencyOwner);
  provider = await server.signedIn(providerUser);
});

describe("home page", () => {
  it("shows open statements closing soonest first with days left, the city's list, and non-zero counts for the last 7 days", async () => {
    const before = visibleText((await server.browser().get("/")).text);
    expect(before).toContain(o.home.openNone);
    expect(before).toContain(o.home.listNone);

    const later = await makeStatement(agencyId, agencyUserId, {
      status: "PUBLISHED",
      form: { title: "Bài toán hạn xa về cấp nước", proposalDeadline: inDays(40) },
    });
    const sooner = await makeStatement(agencyId, agencyUserId, {
      status: "PUBLISHED",
      form: { title: "Bài toán hạn gần về chiếu sáng", proposalDeadline: inDays(5) },
    });
    await makeStatement(agencyId, agencyUserId, {
      status: "SUBMITTED",
      form: { title: "Bài toán chưa duyệt không được hiện" },
    });
    const major = await makePublishedMajorProblem(staffId);
    const offer = await makeOffer(providerOrg.id, { title: "Giải pháp chiếu sáng thông minh" });
    await db.offer.update({ where: { id: offer.id }, data: { publishedAt: new Date() } });
    await makeProposal(sooner.id, offer);
    const card = await makeMatch({ majorProblemId: major.id }, offer.id, { status: "SHORTLISTED" });
    expect(
      (
        await moveMatches(
          staffId,
          { majorProblemId: major.id },
          [{ matchId: card.id, expectedVersion: card.version }],
          "APPROVED",
        )
      ).ok,
    ).toBe(true);

    const page = await server.browser().get("/");
    expect(page.status).toBe(200);
    const text = visibleText(page.text);
    expect(text).toContain(o.home.openTitle);
    // Closing soonest first, each with its closing day and days left.
    expect(text.indexOf("Bài toán hạn gần về chiếu sáng")).toBeGreaterThan(-1);
    expect(text.indexOf("Bài toán hạn gần về chiếu sáng")).toBeLessThan(text.indexOf("Bài toán hạn xa về cấp nước"));
    expect(text).toContain(o.home.closesOn.replace("{{date}}", formatDate(sooner.proposalDeadline!, "vi")));
    expect(text).toContain(plural(o.home.daysLeft_other, 5));
    expect(text).toContain(plural(o.home.daysLeft_other, 40));
    expect(text).not.toContain("Bài toán chưa duyệt không được hiện");
    expect(page.text).toContain(`href="/problems/${later.slug}"`);
    expect(text).toContain(plural(o.home.allOpen_other, 2));

    // The city's list: a link, its count of open problems and their titles.
    expect(text).toContain(o.home.listTitle);
    expect(text).toContain(plural(o.home.openProblems_other, 1));
    expect(page.text).toContain(`href="/major-problems/${major.listSlug}/${major.code}"`);
    expect(text).toContain(major.title);

    // The last 7 days, each figure next to its label.
    for (const label of [o.home.weekStatements, o.home.weekProposals, o.home.weekMatches, o.home.weekOffers]) {
      const figure = text.match(new RegExp(`(\\d+) ${label}`))?.[1];
      expect(Number(figure), label).toBeGreaterThan(0);
    }
    expect(text).toMatch(new RegExp(`2 ${o.home.weekStatements}`));
    expect(text).toMatch(new RegExp(`1 ${o.home.weekMatches}`));

    // English, for a reader who chose it.
    const english = visibleText((await server.browser({ language: "en" }).get("/")).text);
    expect(english).toContain(en.opportunities.home.openTitle);
    expect(english).toContain("5 days left");
  });
});

describe("major-problem page", () => {
  it("shows owner, deadline, lead agency, linked statements and approved solutions; a visitor is asked to sign in to propose", async () => {
    const owner = await makeUser({ role: "STAFF", name: "Nguyễn Chủ Trì" });
    const major = await makePublishedMajorProblem(staffId);
    const deadline = inDays(60);
    await db.majorProblem.update({
      where: { id: major.id },
      data: { ownerId: owner.id, deadline: deadlineFromDateInput(deadline) },
    });
    const linked = await makeStatement(agencyId, agencyUserId, {
      status: "PUBLISHED",
      form: { title: "Bài toán cụ thể gắn vấn đề lớn", majorProblemId: major.id },
    });
    const approvedOffer = await makeOffer(providerOrg.id, { title: "Giải pháp đã được phê duyệt" });
    await makeMatch({ majorProblemId: major.id }, approvedOffer.id, { status: "APPROVED" });
    const selectedOffer = await makeOffer(providerOrg.id, { title: "Giải pháp được chọn từ đề xuất" });
    const proposal = await makeProposal({ majorProblemId: major.id }, selectedOffer);
    expect(
      await decideProposal(staffId, { majorProblems: true }, { proposalId: proposal.id, status: "SHORTLISTED" }),
    ).toBe("done");
    expect(
      await decideProposal(staffId, { majorProblems: true }, { proposalId: proposal.id, status: "SELECTED" }),
    ).toBe("done");

    const url = `/major-problems/${major.listSlug}/${major.code}`;
    const page = await server.browser().get(url);
    expect(page.status).toBe(200);
    const text = visibleText(page.text);
    expect(text).toContain(`${o.majorProblem.owner} Nguyễn Chủ Trì`);
    expect(text).toContain(`${o.majorProblem.deadline} ${formatDate(deadlineFromDateInput(deadline), "vi")}`);
    expect(text).toContain(plural(o.majorProblem.daysLeft_other, 60));
    expect(text).toContain(`${vi.majorProblems.leadAgency} Sở Xây dựng Hà Nội`);
    expect(text).toContain("Bài toán cụ thể gắn vấn đề lớn");
    expect(page.text).toContain(`href="/problems/${linked.slug}"`);
    expect(text).toContain("Giải pháp đã được phê duyệt");
    expect(text).toContain(o.majorProblem.selectedTitle);
    expect(text).toContain("Giải pháp được chọn từ đề xuất");

    // The visitor's way in: sign in, then land on the propose page.
    expect(text).toContain(o.majorProblem.signInToPropose);
    const propose = `${url}/propose`;
    expect(page.text).toContain(`href="/login?redirectTo=${encodeURIComponent(propose)}"`);
    expect(text).not.toContain(o.majorProblem.follow);
    expect(page.text).not.toContain(`href="${propose}"`);
  });

  it("offers a provider follow and propose; following and unfollowing work without JavaScript", async () => {
    const major = await makePublishedMajorProblem(staffId);
    const url = `/major-problems/${major.listSlug}/${major.code}`;
    const page = await provider.get(url);
    const text = visibleText(page.text);
    expect(text).toContain(o.majorProblem.follow);
    expect(text).toContain(o.majorProblem.propose);
    expect(page.text).toContain(`href="${url}/propose"`);
    expect(text).not.toContain(o.majorProblem.signInToPropose);

    const followed = await provider.post(url, { intent: "follow" });
    expect(followed.status).toBe(302);
    expect(followed.location).toBe(url);
    expect(await majorProblemFollowers(db, major.id)).toEqual([providerUserId]);
    // A second click changes nothing.
    expect((await provider.post(url, { intent: "follow" })).status).toBe(302);
    expect(await db.majorProblemFollow.count({ where: { majorProblemId: major.id } })).toBe(1);
    const after = visibleText((await provider.get(url)).text);
    expect(after).toContain(o.majorProblem.followed);
    expect(after).toContain(o.majorProblem.following);
    expect(after).toContain(o.majorProblem.unfollow);

    expect((await provider.post(url, { intent: "unfollow" })).status).toBe(302);
    expect(await majorProblemFollowers(db, major.id)).toEqual([]);
    const again = visibleText((await provider.get(url)).text);
    expect(again).toContain(o.majorProblem.unfollowed);
    expect(again).toContain(o.majorProblem.follow);
  });

  it("shows staff and agency members no provider actions, and refuses their follow", async () => {
    const major = await makePublishedMajorProblem(staffId);
    const url = `/major-problems/${major.listSlug}/${major.code}`;
    for (const browser of [staff, agency]) {
      const page = await browser.get(url);
      expect(page.status).toBe(200);
      const text = visibleText(page.text);
      for (const label of [o.majorProblem.follow, o.majorProblem.propose, o.majorProblem.signInToPropose])
        expect(text).not.toContain(label);
      expect(page.text).not.toContain(`href="${url}/propose"`);
      expect((await browser.post(url, { intent: "follow" })).status).toBe(403);
    }
    expect(await db.majorProblemFollow.count({ where: { majorProblemId: major.id } })).toBe(0);
    // An anonymous post is refused, as every signed-in action is; an unknown intent or problem plainly.
    expect((await server.browser().post(url, { intent: "follow" })).status).toBe(403);
    expect((await provider.post(url, { intent: "delete-everything" })).status).toBe(400);
    expect((await provider.post(`/major-problems/${major.listSlug}/NO-SUCH`, { intent: "follow" })).status).toBe(404);
    expect(await db.majorProblemFollow.count()).toBe(0);
  });

  it("says a withdrawn problem takes no proposals but can still be followed", async () => {
    const major = await makePublishedMajorProblem(staffId, "WITHDRAWN");
    const url = `/major-problems/${major.listSlug}/${major.code}`;
    const page = await provider.get(url);
    const text = visibleText(page.text);
    expect(text).toContain(o.majorProblem.notTakingProposals);
    expect(page.text).not.toContain(`href="${url}/propose"`);
    expect((await provider.post(url, { intent: "follow" })).status).toBe(302);
    expect(await majorProblemFollowers(db, major.id)).toEqual([providerUserId]);
  });
});

describe("statement management page", () => {
  it("shows the agency its questions and proposals with what is new, and lets it answer there", async () => {
    const statement = await makeStatement(agencyId, agencyUserId, { status: "PUBLISHED" });
    const url = `/orgs/${agencyId}/problems/${statement.id}`;
    const first = await makeQuestion(statement.id, providerOrg.id, "Camera có xuất dữ liệu theo giờ không?");
    await makeQuestion(statement.id, providerOrg.id, "Có cần tích hợp với hệ thống cũ không?");
    const offer = await makeOffer(providerOrg.id, { title: "Giải pháp đèn thích ứng" });
    const second = await makeOffer(providerOrg.id, { title: "Giải pháp đèn thứ hai" });
    await makeProposal(statement.id, offer);
    const decided = await makeProposal(statement.id, second);
    expect(await decideProposal(agencyUserId, statement.id, { proposalId: decided.id, status: "SHORTLISTED" })).toBe(
      "done",
    );

    const page = await agency.get(url);
    expect(page.status).toBe(200);
    const text = visibleText(page.text);
    expect(text).toContain(o.statement.newRule);
    expect(text).toContain(plural(o.statement.newQuestions_other, 2));
    expect(text).toContain(plural(o.statement.newProposals_other, 1));
    expect(text).toContain(o.statement.questionsTitle.replace("{{count}}", "2"));
    expect(text).toContain(o.statement.proposalsTitle.replace("{{count}}", "2"));
    expect(text).toContain("Camera có xuất dữ liệu theo giờ không?");
    expect(text).toContain(providerOrg.name);
    expect(text).toContain("Giải pháp đèn thích ứng");

    // Answering from this page counts the question as no longer new.
    const answered = await agency.post(url, {
      intent: "answer",
      questionId: first.id,
      answer: "Có, theo từng giờ, định dạng CSV.",
    });
    expect(answered.status).toBe(302);
    expect(answered.location).toBe(`${url}#questions`);
    expect((await db.question.findUniqueOrThrow({ where: { id: first.id } })).answer).toBe(
      "Có, theo từng giờ, định dạng CSV.",
    );
    const afterAnswer = visibleText((await agency.get(url)).text);
    expect(afterAnswer).toContain(plural(o.statement.newQuestions_other, 1));
    expect(afterAnswer).toContain("Có, theo từng giờ, định dạng CSV.");

    // An empty answer is refused with a message and saves nothing.
    const empty = await agency.post(url, { intent: "answer", questionId: first.id, answer: "" });
    expect(empty.status).toBe(400);
    expect(visibleText(empty.text)).toContain(vi.validation.required);
    expect((await db.question.findUniqueOrThrow({ where: { id: first.id } })).answer).toBe(
      "Có, theo từng giờ, định dạng CSV.",
    );
  });

  it("says there is nothing new once everything is answered and decided", async () => {
    const statement = await makeStatement(agencyId, agencyUserId, { status: "PUBLISHED" });
    const text = visibleText((await agency.get(`/orgs/${agencyId}/problems/${statement.id}`)).text);
    expect(text).toContain(o.statement.nothingNew);
    expect(text).toContain(o.statement.questionsTitle.replace("{{count}}", "0"));
  });
});
