// From approval to deployment: introducing a match tells the agency and the
// provider (email and in-app, nobody else); each later stage has its date;
// the public page says where the problem stands.
import { beforeAll, describe, expect, it } from "vitest";
import { db } from "~/db.server";
import vi from "~/i18n/vi";
import { todayInHanoi } from "~/schemas/problem-statement";
import { addMember, makeUser, readOutbox } from "~/test-support/factories";
import { startTestServer, type TestBrowser, visibleText } from "~/test-support/http";
import { boardPath, cardRef, makeMatch, reloadMatch } from "~/test-support/match-factories";
import {
  makeAgency,
  makeOffer,
  makeProvider,
  makePublishedMajorProblem,
  makeStatement,
} from "~/test-support/statement-factories";

const server = startTestServer();

type User = Awaited<ReturnType<typeof makeUser>>;
let staff: TestBrowser;
let curator: User;
let people: Record<"agencyOwner" | "agencyMember" | "providerOwner" | "providerMember" | "bystander", User>;
let providerOrg = { id: "", name: "" };
let agencyOrg = { id: "", name: "" };

beforeAll(async () => {
  curator = await makeUser({ role: "STAFF" });
  people = {
    agencyOwner: await makeUser({ name: "Chủ Sở" }),
    agencyMember: await makeUser({ name: "Chuyên viên Sở" }),
    providerOwner: await makeUser({ name: "Chủ Công ty" }),
    providerMember: await makeUser({ name: "Kỹ sư Công ty" }),
    bystander: await makeUser({ name: "Người ngoài" }),
  };
  providerOrg = await makeProvider(people.providerOwner.id, "Công ty Đèn Thông Minh Giới Thiệu");
  agencyOrg = await makeAgency(people.agencyOwner.id, "Sở Giao thông Giới Thiệu");
  await addMember(people.providerMember.id, providerOrg.id);
  await addMember(people.agencyMember.id, agencyOrg.id);
  // Someone in another provider: must hear nothing.
  await makeProvider(people.bystander.id);
  staff = await server.signedIn(curator);
});

const fill = (template: string, vars: Record<string, string>) =>
  template.replace(/\{\{(\w+)\}\}/g, (_, key: string) => vars[key] ?? "");
const daysAgo = (days: number) => todayInHanoi(new Date(Date.now() - days * 86_400_000));

describe("introducing an approved match", () => {
  it("emails and notifies the agency's and the provider's members only, after an audited stage change", async () => {
    const statement = await makeStatement(agencyOrg.id, people.agencyOwner.id, { status: "PUBLISHED" });
    const target = { statementId: statement.id };
    const offer = await makeOffer(providerOrg.id, { title: "Đèn thích ứng được giới thiệu" });
    const card = await makeMatch(target, offer.id, { status: "APPROVED" });

    const response = await staff.post(boardPath(target), {
      intent: "stage",
      match: cardRef(card),
      stage: "INTRODUCED",
      date: daysAgo(2),
    });
    expect(response.status, response.text.slice(0, 300)).toBe(302);
    const introduced = await reloadMatch(card.id);
    expect(introduced).toMatchObject({ stage: "INTRODUCED", version: 1 });
    expect(todayInHanoi(introduced.introducedAt!)).toBe(daysAgo(2));

    const told = [people.agencyOwner, people.agencyMember, people.providerOwner, people.providerMember];
    for (const person of told) {
      // Only the introduction: the agency also hears of its statement's publication (issue 14).
      const mail = (await readOutbox(person.email)).filter((m) => m.subject.startsWith("Kết nối mới"));
      expect(mail, person.name).toHaveLength(1);
      expect(mail[0]!.subject).toBe(
        fill(vi.curation.email.introducedSubject, { offer: offer.titleVi, problem: statement.title }),
      );
      expect(mail[0]!.text).toContain(providerOrg.name);
      expect(mail[0]!.text).toContain(`http://localhost/problems/${statement.slug}`);
    }
    for (const person of [people.bystander, curator]) expect(await readOutbox(person.email)).toHaveLength(0);
    const notified = await db.notification.findMany({
      where: { kind: "match.introduced", title: { contains: offer.titleVi } },
      select: { userId: true },
    });
    expect(notified.map((n) => n.userId).sort()).toEqual(told.map((p) => p.id).sort());
    expect(await db.auditEntry.count({ where: { entityId: card.id, action: "match.stage_changed" } })).toBe(1);

    const page = visibleText((await server.browser().get(`/problems/${statement.slug}`)).text);
    expect(page).toContain(
      `${fill(vi.curation.public.approved_one, { count: "1" })}, ${fill(vi.curation.public.inStage_one, {
        count: "1",
        stage: vi.curation.public.stageLower.INTRODUCED,
      })}`,
    );
  });

  it("records each later stage with its date, refuses a date before the previous one, and shows the pilot publicly", async () => {
    const statement = await makeStatement(agencyOrg.id, people.agencyOwner.id, { status: "PUBLISHED" });
    const target = { statementId: statement.id };
    const piloting = await makeMatch(target, (await makeOffer(providerOrg.id)).id, { status: "APPROVED" });
    await makeMatch(target, (await makeOffer(providerOrg.id)).id, { status: "APPROVED" });
    const url = boardPath(target);
    expect(
      (await staff.post(url, { intent: "stage", match: cardRef(piloting), stage: "INTRODUCED", date: daysAgo(5) }))
        .status,
    ).toBe(302);
    const early = await staff.post(url, {
      intent: "stage",
      match: `${piloting.id}:1`,
      stage: "PILOT",
      date: daysAgo(9),
    });
    expect(early.status).toBe(400);
    expect(visibleText(early.text)).toContain(vi.curation.errors.beforePrevious.split("(")[0]!.trim());
    expect(
      (await staff.post(url, { intent: "stage", match: `${piloting.id}:1`, stage: "PILOT", date: daysAgo(1) })).status,
    ).toBe(302);
    expect(await reloadMatch(piloting.id)).toMatchObject({ stage: "PILOT", version: 2 });

    const page = visibleText((await server.browser().get(`/problems/${statement.slug}`)).text);
    expect(page).toContain(
      `${fill(vi.curation.public.approved_other, { count: "2" })}, ${fill(vi.curation.public.inStage_one, {
        count: "1",
        stage: vi.curation.public.stageLower.PILOT,
      })}`,
    );

    expect(
      (
        await staff.post(url, {
          intent: "stage",
          match: `${piloting.id}:2`,
          stage: "DROPPED",
          date: daysAgo(0),
          dropReason: "Sở dừng ngân sách.",
        })
      ).status,
    ).toBe(302);
    expect(await reloadMatch(piloting.id)).toMatchObject({ stage: "DROPPED", dropReason: "Sở dừng ngân sách." });
    // A dropped match's approval stays: it can no longer be moved back.
    const unapprove = await staff.post(url, { intent: "move", match: `${piloting.id}:3`, to: "SHORTLISTED" });
    expect(unapprove.status).toBe(400);
    expect(visibleText(unapprove.text)).toContain(vi.curation.errors.stageLocked);
  });

  it("for a major problem, tells the provider and the agencies whose public statements are linked to it", async () => {
    const problem = await makePublishedMajorProblem(curator.id);
    const linked = await makeStatement(agencyOrg.id, people.agencyOwner.id, { status: "PUBLISHED" });
    await db.problemStatement.update({ where: { id: linked.id }, data: { majorProblemId: problem.id } });
    const offer = await makeOffer(providerOrg.id, { title: "Nền tảng điều phối cho bài toán lớn" });
    const card = await makeMatch({ majorProblemId: problem.id }, offer.id, { status: "APPROVED" });
    const response = await staff.post(boardPath({ majorProblemId: problem.id }), {
      intent: "stage",
      match: cardRef(card),
      stage: "INTRODUCED",
      date: daysAgo(0),
    });
    expect(response.status).toBe(302);
    for (const person of [people.agencyOwner, people.providerMember]) {
      const mail = (await readOutbox(person.email)).filter((m) => m.subject.includes(offer.titleVi));
      expect(mail, person.name).toHaveLength(1);
      expect(mail[0]!.text).toContain("Sở Xây dựng Hà Nội");
    }
    expect((await readOutbox(people.bystander.email)).length).toBe(0);
  });
});
