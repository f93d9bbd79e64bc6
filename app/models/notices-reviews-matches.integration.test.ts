// Issue 14 part 1, review decisions and matches: staff's decisions on offers
// and statements reach the submitting organisation's members; each stage of
// a match after the introduction reaches the provider and the agency. Each in
// the reader's language, with the link; another organisation hears nothing.
import { beforeAll, describe, expect, it } from "vitest";
import { db } from "~/db.server";
import en from "~/i18n/en";
import { advanceStage } from "~/models/curation-board.server";
import { approveRevision, rejectRevision } from "~/models/offer-revisions.server";
import { publishOffer, requestChanges } from "~/models/offer-workflow.server";
import { updateOffer } from "~/models/offer-editing.server";
import { publishStatement, returnToDraft } from "~/models/problem-statement.server";
import { addMember, makeUser, readOutbox } from "~/test-support/factories";
import { makeMatch } from "~/test-support/match-factories";
import { expectNotTold, expectTold, speaksEnglish, type Person } from "~/test-support/notice-checks";
import { makeOffer, makeTerms, offerValue, type Terms } from "~/test-support/offer-factories";
import { makeAgency, makeProvider, makeStatement } from "~/test-support/statement-factories";

let staff: Person,
  providerOwner: Person,
  providerMember: Person,
  agencyOwner: Person,
  agencyMember: Person,
  bystander: Person;
let provider = { id: "", name: "" },
  agency = { id: "", name: "" };
let terms: Terms;

beforeAll(async () => {
  staff = await makeUser({ role: "STAFF", name: "Cán bộ duyệt" });
  providerOwner = await makeUser({ name: "Chủ Công ty Duyệt" });
  providerMember = await makeUser({ name: "Provider Member EN" });
  agencyOwner = await makeUser({ name: "Chủ Sở Duyệt" });
  agencyMember = await makeUser({ name: "Agency Member EN" });
  bystander = await makeUser({ name: "Người ngoài cuộc" });
  provider = await makeProvider(providerOwner.id, "Công ty Được Duyệt");
  agency = await makeAgency(agencyOwner.id, "Sở Được Duyệt");
  await makeProvider(bystander.id);
  await addMember(providerMember.id, provider.id);
  await addMember(agencyMember.id, agency.id);
  await speaksEnglish(providerMember);
  await speaksEnglish(agencyMember);
  terms = await makeTerms();
});

describe("review decisions on offers", () => {
  it("published and changes requested (with the reason) reach the provider's members, named in each one's language", async () => {
    const published = await makeOffer(provider.id, providerOwner.id, terms, {
      status: "SUBMITTED",
      title: "Giải pháp được công bố",
      titleEn: "The published solution",
    });
    expect(await publishOffer(staff.id, published.id, "SELF_DECLARED")).toBe("ok");
    const slug = (await db.offer.findUniqueOrThrow({ where: { id: published.id } })).slug;
    await expectTold(providerOwner, "offer.published", {
      link: `/offers/${slug}`,
      values: { offer: "Giải pháp được công bố" },
    });
    // The English reader gets the offer's English title; the one without a translation below keeps its own.
    await expectTold(providerMember, "offer.published", {
      link: `/offers/${slug}`,
      language: "en",
      values: { offer: "The published solution" },
    });

    const sentBack = await makeOffer(provider.id, providerOwner.id, terms, {
      status: "SUBMITTED",
      title: "Giải pháp cần sửa",
    });
    expect(await requestChanges(staff.id, sentBack.id, "Thiếu tài liệu tham chiếu khách hàng.")).toBe("ok");
    const link = `/orgs/${provider.id}/offers/${sentBack.id}/edit`;
    const values = { offer: "Giải pháp cần sửa", reason: "Thiếu tài liệu tham chiếu khách hàng." };
    await expectTold(providerOwner, "offer.changes_requested", { link, values, bodyHas: [values.reason] });
    await expectTold(providerMember, "offer.changes_requested", {
      link,
      language: "en",
      values,
      bodyHas: [values.reason],
    });
    for (const person of [bystander, agencyOwner, staff]) {
      await expectNotTold(person, "offer.published");
      await expectNotTold(person, "offer.changes_requested");
    }
  });

  it("a revision approved or refused (with the reason) reaches the provider's members", async () => {
    const offer = await makeOffer(provider.id, providerOwner.id, terms, {
      status: "PUBLISHED",
      title: "Giải pháp đang chạy",
    });
    const edit = offerValue(terms, "Giải pháp đang chạy, bản mới", "Running solution, new version");
    expect(await updateOffer(providerOwner.id, provider.id, offer.id, edit, [])).toBe("pending-review");
    expect(await approveRevision(staff.id, offer.id)).toBe("ok");
    await expectTold(providerOwner, "offer.revision_approved", {
      link: `/offers/${offer.slug}`,
      values: { offer: "Giải pháp đang chạy, bản mới" },
    });
    // Named as the approved edit names it, in English for the English reader.
    await expectTold(providerMember, "offer.revision_approved", {
      link: `/offers/${offer.slug}`,
      language: "en",
      values: { offer: "Running solution, new version" },
    });

    expect(
      await updateOffer(providerOwner.id, provider.id, offer.id, offerValue(terms, "Giải pháp đổi tên lần hai"), []),
    ).toBe("pending-review");
    expect(await rejectRevision(staff.id, offer.id, "Tên mới không khớp tài liệu.")).toBe("ok");
    const link = `/orgs/${provider.id}/offers/${offer.id}`;
    const values = { offer: "Giải pháp đang chạy, bản mới", reason: "Tên mới không khớp tài liệu." };
    await expectTold(providerOwner, "offer.revision_refused", { link, values, bodyHas: [values.reason] });
    await expectTold(providerMember, "offer.revision_refused", {
      link,
      language: "en",
      values: { ...values, offer: "Running solution, new version" },
    });
    await expectNotTold(bystander, "offer.revision_approved");
    await expectNotTold(bystander, "offer.revision_refused");
  });
});

describe("review decisions on statements", () => {
  it("published and sent back (with the reason) reach the agency's members", async () => {
    const statement = await makeStatement(agency.id, agencyOwner.id, { status: "SUBMITTED" });
    expect(await publishStatement(staff.id, statement.id)).toBe("done");
    await expectTold(agencyOwner, "statement.published", {
      link: `/problems/${statement.slug}`,
      values: { statement: statement.title },
    });
    await expectTold(agencyMember, "statement.published", {
      link: `/problems/${statement.slug}`,
      language: "en",
      values: { statement: statement.title },
    });

    const returned = await makeStatement(agency.id, agencyOwner.id, { status: "SUBMITTED" });
    expect(await returnToDraft(staff.id, returned.id, "Chưa nêu tiêu chí nghiệm thu.")).toBe("done");
    const link = `/orgs/${agency.id}/problems/${returned.id}`;
    const values = { statement: returned.title, reason: "Chưa nêu tiêu chí nghiệm thu." };
    await expectTold(agencyOwner, "statement.sent_back", { link, values, bodyHas: [values.reason] });
    await expectTold(agencyMember, "statement.sent_back", { link, language: "en", values });
    for (const person of [providerOwner, bystander, staff]) {
      await expectNotTold(person, "statement.published");
      await expectNotTold(person, "statement.sent_back");
    }
  });
});

describe("matches after the introduction", () => {
  it("pilot, procurement, deployed and dropped (with staff's reason) each reach the provider's and the agency's members", async () => {
    const statement = await makeStatement(agency.id, agencyOwner.id, { status: "PUBLISHED" });
    const target = { statementId: statement.id };
    const offer = await makeOffer(provider.id, providerOwner.id, terms, {
      status: "PUBLISHED",
      title: "Đèn thích ứng triển khai",
    });
    const card = await makeMatch(target, offer.id, { status: "APPROVED" });
    const link = `/problems/${statement.slug}`;
    const steps = [
      ["INTRODUCED", "2026-01-05"],
      ["PILOT", "2026-02-10"],
      ["PROCUREMENT", "2026-03-15"],
      ["DEPLOYED", "2026-04-20"],
    ] as const;
    for (const [index, [stage, date]] of steps.entries()) {
      expect(await advanceStage(staff.id, target, card.id, card.version + index, { stage, date })).toEqual({
        ok: true,
      });
    }
    for (const [stage, date] of steps.slice(1)) {
      const [year, month, day] = date.split("-");
      const rows = await db.notification.findMany({
        where: { kind: "match.stage_changed", link, body: { contains: `${day}/${month}/${year}` } },
        select: { userId: true },
      });
      expect(rows.map((r) => r.userId).sort(), stage).toEqual(
        [providerOwner.id, providerMember.id, agencyOwner.id, agencyMember.id].sort(),
      );
      // The English readers get the English stage name.
      const english = await db.notification.findFirstOrThrow({
        where: { kind: "match.stage_changed", userId: agencyMember.id, body: { contains: `${day}/${month}/${year}` } },
      });
      expect(english.title).toBe(`Match “${offer.titleVi}” moved to: ${en.curation.stage[stage]}`);
    }
    // Mail: one per stage per person (three stages), in their language.
    const englishMail = (await readOutbox(providerMember.email)).filter((m) =>
      m.subject.startsWith(`Match “${offer.titleVi}” moved to:`),
    );
    expect(englishMail.map((m) => m.subject).sort()).toEqual(
      steps
        .slice(1)
        .map(([stage]) => `Match “${offer.titleVi}” moved to: ${en.curation.stage[stage]}`)
        .sort(),
    );
    expect(englishMail[0]!.text).toContain(`http://localhost${link}`);
    const vietnameseMail = (await readOutbox(agencyOwner.email)).filter(
      (m) => m.subject.includes(offer.titleVi) && m.subject.includes("Đã triển khai"),
    );
    expect(vietnameseMail).toHaveLength(1);

    const dropped = await makeMatch(
      target,
      (
        await makeOffer(provider.id, providerOwner.id, terms, { status: "PUBLISHED", title: "Giải pháp dừng lại" })
      ).id,
      { status: "APPROVED" },
    );
    expect(
      await advanceStage(staff.id, target, dropped.id, dropped.version, { stage: "INTRODUCED", date: "2026-01-05" }),
    ).toEqual({ ok: true });
    expect(
      await advanceStage(staff.id, target, dropped.id, dropped.version + 1, {
        stage: "DROPPED",
        date: "2026-02-01",
        dropReason: "Sở dừng ngân sách năm nay.",
      }),
    ).toEqual({ ok: true });
    // Every stage notice links to the statement, so find the dropped one by its offer.
    const droppedNotice = await db.notification.findFirstOrThrow({
      where: { userId: providerOwner.id, kind: "match.stage_changed", title: { contains: "Giải pháp dừng lại" } },
    });
    expect(droppedNotice.title).toBe("Kết nối “Giải pháp dừng lại” chuyển sang giai đoạn: Đã dừng");
    expect(droppedNotice.body).toContain("01/02/2026");
    expect(droppedNotice.body).toContain("Sở dừng ngân sách năm nay.");
    const droppedMail = (await readOutbox(agencyMember.email)).filter(
      (m) => m.subject === `Match “Giải pháp dừng lại” moved to: ${en.curation.stage.DROPPED}`,
    );
    expect(droppedMail).toHaveLength(1);
    expect(droppedMail[0]!.text).toContain("Sở dừng ngân sách năm nay.");
    expect(droppedMail[0]!.text).toContain(`http://localhost${link}`);
    for (const person of [bystander, staff]) await expectNotTold(person, "match.stage_changed");
  });
});
