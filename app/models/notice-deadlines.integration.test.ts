// Issue 14 part 1, deadlines: one timed job (sendDeadlineReminders) tells
// providers following a statement that closes within 3 days, the owner of an
// overdue major problem, and the owners of stale offers; each reminder once,
// however often the job runs.
import { beforeAll, describe, expect, it } from "vitest";
import { db } from "~/db.server";
import { sendDeadlineReminders } from "~/models/notice-deadlines.server";
import { followSector } from "~/models/subscription.server";
import { addMember, makeUser } from "~/test-support/factories";
import { expectNotTold, expectTold, speaksEnglish, type Person } from "~/test-support/notice-checks";
import { makeOffer, makeTerms } from "~/test-support/offer-factories";
import {
  inDays,
  makeAgency,
  makeProposal,
  makeProvider,
  makePublishedMajorProblem,
  makeQuestion,
  makeStatement,
} from "~/test-support/statement-factories";

let staff: Person,
  agencyOwner: Person,
  asker: Person,
  askerColleague: Person,
  proposer: Person,
  problemFollower: Person,
  sectorFollower: Person,
  bystander: Person;
let agency = { id: "", name: "" },
  askerOrg = { id: "", name: "" },
  proposerOrg = { id: "", name: "" };

beforeAll(async () => {
  staff = await makeUser({ role: "STAFF", name: "Staff Owner EN" });
  agencyOwner = await makeUser({ name: "Chủ Sở Hạn" });
  asker = await makeUser({ name: "Người hỏi" });
  askerColleague = await makeUser({ name: "Asker Colleague EN" });
  proposer = await makeUser({ name: "Người đã đề xuất" });
  problemFollower = await makeUser({ name: "Người theo dõi bài toán lớn" });
  sectorFollower = await makeUser({ name: "Người theo dõi lĩnh vực" });
  bystander = await makeUser({ name: "Người ngoài cuộc" });
  agency = await makeAgency(agencyOwner.id);
  askerOrg = await makeProvider(asker.id, "Công ty Đã Hỏi");
  proposerOrg = await makeProvider(proposer.id, "Công ty Đã Đề xuất");
  await makeProvider(problemFollower.id);
  await makeProvider(sectorFollower.id);
  await makeProvider(bystander.id);
  await addMember(askerColleague.id, askerOrg.id);
  await speaksEnglish(askerColleague);
  await speaksEnglish(staff);
});

describe("statements closing soon", () => {
  it("reaches providers following the statement that have not proposed, once however often the job runs", async () => {
    const terms = await makeTerms();
    const problem = await makePublishedMajorProblem(staff.id);
    await db.majorProblem.update({ where: { id: problem.id }, data: { sectorId: terms.sector.id } });
    const closing = await makeStatement(agency.id, agencyOwner.id, {
      status: "PUBLISHED",
      form: { proposalDeadline: inDays(2) },
    });
    const later = await makeStatement(agency.id, agencyOwner.id, {
      status: "PUBLISHED",
      form: { proposalDeadline: inDays(10) },
    });
    for (const statement of [closing, later]) {
      await db.problemStatement.update({ where: { id: statement.id }, data: { majorProblemId: problem.id } });
      await makeQuestion(statement.id, askerOrg.id);
      await makeQuestion(statement.id, proposerOrg.id);
      await makeProposal(statement.id, await makeOffer(proposerOrg.id, proposer.id, terms, { status: "PUBLISHED" }));
    }
    await db.majorProblemFollow.create({ data: { userId: problemFollower.id, majorProblemId: problem.id } });
    expect(await followSector(sectorFollower.id, terms.sector.slug)).not.toBeNull();

    const first = await sendDeadlineReminders();
    expect(first.closingSoon).toBe(1);
    const link = `/problems/${closing.slug}`;
    const [year, month, day] = inDays(2).split("-");
    const values = { statement: closing.title, date: `${day}/${month}/${year}` };
    await expectTold(asker, "statement.closing_soon", { link, values });
    await expectTold(askerColleague, "statement.closing_soon", { link, values, language: "en" });
    await expectTold(problemFollower, "statement.closing_soon", { link, values });
    await expectTold(sectorFollower, "statement.closing_soon", { link, values });
    // Already proposed, or not concerned: nothing.
    for (const person of [proposer, bystander, agencyOwner, staff])
      await expectNotTold(person, "statement.closing_soon");
    // A statement closing in 10 days is not reminded yet.
    expect(
      await db.notification.count({ where: { kind: "statement.closing_soon", link: `/problems/${later.slug}` } }),
    ).toBe(0);

    const before = await db.notification.count({ where: { kind: "statement.closing_soon" } });
    const mails = await db.mailOutbox.count({ where: { kind: "statement.closing_soon" } });
    const again = await sendDeadlineReminders();
    expect(again.closingSoon).toBe(0);
    expect(await db.notification.count({ where: { kind: "statement.closing_soon" } })).toBe(before);
    expect(await db.mailOutbox.count({ where: { kind: "statement.closing_soon" } })).toBe(mails);
    await expectTold(asker, "statement.closing_soon", { link, values });
  });
});

describe("overdue major problems", () => {
  it("reaches the problem's owner once per deadline; not a deployed one, not one still on time, not one without an owner", async () => {
    const overdue = await makePublishedMajorProblem(staff.id);
    const onTime = await makePublishedMajorProblem(staff.id);
    const orphan = await makePublishedMajorProblem(staff.id);
    const past = new Date(Date.now() - 5 * 86_400_000);
    await db.majorProblem.update({ where: { id: overdue.id }, data: { ownerId: staff.id, deadline: past } });
    await db.majorProblem.update({
      where: { id: onTime.id },
      data: { ownerId: staff.id, deadline: new Date(Date.now() + 5 * 86_400_000) },
    });
    await db.majorProblem.update({ where: { id: orphan.id }, data: { deadline: past } });

    const report = await sendDeadlineReminders();
    expect(report.overdue).toBe(1);
    const link = `/staff/major-problems/${overdue.listId}/items/${overdue.id}`;
    const [year, month, day] = new Intl.DateTimeFormat("en-CA", { timeZone: "Asia/Ho_Chi_Minh" })
      .format(past)
      .split("-");
    await expectTold(staff, "major_problem.overdue", {
      link,
      language: "en",
      values: { problem: `${overdue.code}: ${overdue.title}`, date: `${day}/${month}/${year}` },
    });
    expect(await db.notification.count({ where: { kind: "major_problem.overdue" } })).toBe(1);

    expect((await sendDeadlineReminders()).overdue).toBe(0);
    expect(await db.notification.count({ where: { kind: "major_problem.overdue" } })).toBe(1);
    // A new deadline that passes too is a new reminder.
    await db.majorProblem.update({ where: { id: overdue.id }, data: { deadline: new Date(Date.now() - 86_400_000) } });
    expect((await sendDeadlineReminders()).overdue).toBe(1);
    expect(await db.notification.count({ where: { kind: "major_problem.overdue" } })).toBe(2);
    await expectNotTold(bystander, "major_problem.overdue");
  });
});

describe("stale offers", () => {
  it("arrive through the same job and channel: the owners get one notice and email listing the offer, once", async () => {
    const owner = await makeUser({ name: "Chủ Giải pháp Cũ" });
    const organisation = await makeProvider(owner.id, "Công ty Giải pháp Cũ");
    const member = await makeUser({ name: "Thành viên không phải chủ" });
    await addMember(member.id, organisation.id);
    const offer = await makeOffer(organisation.id, owner.id, await makeTerms(), {
      status: "PUBLISHED",
      title: "Giải pháp lâu chưa sửa",
    });
    await db.offer.update({
      where: { id: offer.id },
      data: { contentUpdatedAt: new Date(Date.now() - 200 * 86_400_000) },
    });

    const report = await sendDeadlineReminders();
    expect(report.staleOffers).toBe(1);
    const mail = await expectTold(owner, "offer.stale", {
      link: `/orgs/${organisation.id}/offers`,
      values: { count: "1", offers: "" },
      bodyHas: ["Giải pháp lâu chưa sửa"],
    });
    expect(mail.text).toContain(`http://localhost/orgs/${organisation.id}/offers/${offer.id}/edit`);
    await expectNotTold(member, "offer.stale");
    expect((await sendDeadlineReminders()).staleOffers).toBe(0);
    expect(await db.notification.count({ where: { kind: "offer.stale", userId: owner.id } })).toBe(1);
  });

  it("name each offer in the owner's language: English titles for an English reader, where there is one", async () => {
    const owner = await makeUser({ name: "Jane Owner" });
    const organisation = await makeProvider(owner.id, "Old Solutions Co");
    await speaksEnglish(owner);
    const terms = await makeTerms();
    const translated = await makeOffer(organisation.id, owner.id, terms, {
      status: "PUBLISHED",
      title: "Giải pháp có bản tiếng Anh",
      titleEn: "A solution with an English title",
    });
    const untranslated = await makeOffer(organisation.id, owner.id, terms, {
      status: "PUBLISHED",
      title: "Giải pháp chỉ có tiếng Việt",
    });
    await db.offer.updateMany({
      where: { id: { in: [translated.id, untranslated.id] } },
      data: { contentUpdatedAt: new Date(Date.now() - 200 * 86_400_000) },
    });

    expect((await sendDeadlineReminders()).staleOffers).toBe(1);
    const mail = await expectTold(owner, "offer.stale", {
      link: `/orgs/${organisation.id}/offers`,
      language: "en",
      values: { count: "2", offers: "" },
      bodyHas: ["A solution with an English title", "Giải pháp chỉ có tiếng Việt"],
    });
    expect(mail.text).not.toContain("Giải pháp có bản tiếng Anh");
  });
});
