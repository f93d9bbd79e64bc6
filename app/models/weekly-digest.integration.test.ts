// The weekly digest as its readers see it: what arrives in the outbox, when.
import { beforeAll, describe, expect, it } from "vitest";
import { db } from "~/db.server";
import { makeUser, readOutbox, type OutboxMessage } from "~/test-support/factories";

// Only the weekly digests: the same people also get notices (e.g. a review decision) by email.
const digestsTo = async (email: string) =>
  (await readOutbox(email)).filter((mail) => mail.subject.startsWith("Bản tin tuần"));
import { syncSearch } from "~/test-support/search";
import { makeAgency, makeOffer, makeProvider, makeStatement } from "~/test-support/statement-factories";
import { seedTerms } from "../../prisma/seed-taxonomy";
import { sendWeeklyDigests, weekStart } from "./weekly-digest.server";
import { followMatches, followSector, saveSearch } from "./subscription.server";

type Headers = OutboxMessage & { headers?: Record<string, string> };
const DAY = 86_400_000;

const world = {} as {
  provider: Awaited<ReturnType<typeof makeUser>>;
  agencyUser: Awaited<ReturnType<typeof makeUser>>;
  quiet: Awaited<ReturnType<typeof makeUser>>;
  english: Awaited<ReturnType<typeof makeUser>>;
  publishedTitle: string;
  draftTitle: string;
  draftOfferTitle: string;
  offerTitle: string;
  offerTitleEn: string;
};

beforeAll(async () => {
  await db.taxonomyTerm.createMany({ data: seedTerms.map((term, sortOrder) => ({ ...term, sortOrder })) });
  const transport = await db.taxonomyTerm.findUniqueOrThrow({
    where: { kind_slug: { kind: "SECTOR", slug: "giao-thong" } },
  });

  world.provider = await makeUser({ name: "Trần Văn Cung" });
  const providerOrg = await makeProvider(world.provider.id);
  world.offerTitle = "Điều khiển đèn tín hiệu giao thông thích ứng theo lưu lượng";
  world.offerTitleEn = "Adaptive traffic signal control";
  const offer = await makeOffer(providerOrg.id, { title: world.offerTitle });
  // The factory writes the row directly; publishing through the model would stamp this.
  await db.offer.update({ where: { id: offer.id }, data: { publishedAt: new Date(), titleEn: world.offerTitleEn } });
  await db.offerTerm.create({ data: { offerId: offer.id, termId: transport.id } });

  world.agencyUser = await makeUser({ name: "Lê Thị Sở" });
  const agency = await makeAgency(world.agencyUser.id);
  await makeStatement(agency.id, world.agencyUser.id, {
    status: "PUBLISHED",
    form: { title: "Giảm ùn tắc tại nút giao vành đai 2" },
  });

  // Another agency: one published need, one draft that nobody outside it may see.
  const otherOwner = await makeUser();
  const otherAgency = await makeAgency(otherOwner.id);
  world.publishedTitle = "Đèn giao thông thông minh cho 20 nút giao Cầu Giấy";
  await makeStatement(otherAgency.id, otherOwner.id, { status: "PUBLISHED", form: { title: world.publishedTitle } });
  world.draftTitle = "Bản nháp mật: đèn giao thông quận Đống Đa";
  await makeStatement(otherAgency.id, otherOwner.id, { status: "DRAFT", form: { title: world.draftTitle } });
  // A draft offer about traffic from another provider: never in anyone's digest.
  const otherProvider = await makeProvider(otherOwner.id);
  world.draftOfferTitle = "Bản nháp mật: camera đếm xe giao thông";
  const draftOffer = await makeOffer(otherProvider.id, { status: "DRAFT", title: world.draftOfferTitle });
  await db.offerTerm.create({ data: { offerId: draftOffer.id, termId: transport.id } });

  world.quiet = await makeUser();
  await followSector(world.quiet.id, "y-te");
  world.english = await makeUser({ name: "Jane Reader" });
  await db.user.update({ where: { id: world.english.id }, data: { language: "en" } });
  await followSector(world.english.id, "giao-thong");

  expect((await followSector(world.provider.id, "giao-thong"))?.status).toBe("created");
  expect((await followMatches(world.provider.id, providerOrg.id))?.status).toBe("created");
  expect((await saveSearch(world.provider.id, "?q=đèn+giao+thông"))?.status).toBe("created");
  expect((await followMatches(world.agencyUser.id, agency.id))?.status).toBe("created");
  await syncSearch();
});

describe("weekly digest", () => {
  it("sends one combined email per person, in their language only, with only public items and an unsubscribe link per section", async () => {
    const report = await sendWeeklyDigests(new Date());
    expect(report.sent).toBe(3);

    const [mail, ...more] = (await digestsTo(world.provider.email)) as Headers[];
    expect(more).toHaveLength(0);
    expect(mail!.subject).toMatch(/^Bản tin tuần: \d+ mục mới/);
    expect(mail!.text).toContain("Xin chào Trần Văn Cung");
    expect(mail!.text).toContain(world.publishedTitle);
    expect(mail!.text).toContain("Lĩnh vực: Giao thông");
    expect(mail!.text).toContain("Tìm kiếm đã lưu: “đèn giao thông”");
    expect(mail!.text).not.toContain("Hello");
    expect(mail!.text).not.toContain("Sector: Transport");
    expect(mail!.html).toContain("Lĩnh vực: Giao thông");
    // Their own organisation's offer is not news to them.
    expect(mail!.text).not.toContain(world.offerTitle);
    expect(mail!.text).not.toContain(world.draftTitle);
    expect(mail!.text).not.toContain(world.draftOfferTitle);
    expect(mail!.text.match(/http:\/\/localhost\/unsubscribe\/[\w-]+/g)?.length).toBeGreaterThanOrEqual(2);
    expect(mail!.headers?.["List-Unsubscribe"]).toMatch(/^<http:\/\/localhost\/unsubscribe\/[\w-]+>$/);

    // The agency hears about the provider's published offer, never the other provider's draft.
    const [agencyMail] = await digestsTo(world.agencyUser.email);
    expect(agencyMail!.text).toContain(world.offerTitle);
    expect(agencyMail!.text).not.toContain(world.offerTitleEn);
    expect(agencyMail!.text).not.toContain(world.draftOfferTitle);
  });

  it("gives an English reader an offer's English title, and a statement nobody translated in Vietnamese", async () => {
    const [mail, ...more] = (await readOutbox(world.english.email)).filter((m) => m.subject.startsWith("Weekly"));
    expect(more).toHaveLength(0);
    expect(mail!.text).toContain("Hello Jane Reader");
    expect(mail!.text).toContain("Sector: Transport");
    expect(mail!.text).toContain(world.offerTitleEn);
    expect(mail!.text).not.toContain(world.offerTitle);
    expect(mail!.text).toContain(world.publishedTitle);
  });

  it("sends nothing to someone with nothing new, and nothing more when run again in the same week", async () => {
    expect(await digestsTo(world.quiet.email)).toHaveLength(0);
    const again = await sendWeeklyDigests(new Date(Date.now() + 60_000));
    expect(again.sent).toBe(0);
    expect(again.skippedThisWeek).toBe(3);
    expect(await digestsTo(world.provider.email)).toHaveLength(1);
    expect(await digestsTo(world.agencyUser.email)).toHaveLength(1);
    const quiet = await db.subscription.findFirstOrThrow({ where: { userId: world.quiet.id } });
    expect(quiet.lastSentAt).toBeNull();
  });

  it("next week lists only what was published after the last email", async () => {
    const nextWeek = new Date(weekStart(new Date()).getTime() + 7 * DAY + 3_600_000);
    const owner = await makeUser();
    const agency = await makeAgency(owner.id);
    const title = "Bãi đỗ xe thông minh quanh phố cổ";
    await makeStatement(agency.id, owner.id, { status: "PUBLISHED", form: { title } });
    await syncSearch();

    const report = await sendWeeklyDigests(nextWeek);
    expect(report.sent).toBeGreaterThanOrEqual(1);
    const mails = await digestsTo(world.provider.email);
    expect(mails).toHaveLength(2);
    expect(mails[1]!.text).toContain(title);
    expect(mails[1]!.text).not.toContain(world.publishedTitle);
  });
});

describe("two runs at once", () => {
  it("mail each person once, not twice", async () => {
    const inTwoWeeks = new Date(weekStart(new Date()).getTime() + 14 * DAY + 3_600_000);
    const owner = await makeUser();
    const agency = await makeAgency(owner.id);
    await makeStatement(agency.id, owner.id, { status: "PUBLISHED", form: { title: "Xe buýt điện cho tuyến nội đô" } });
    await syncSearch();
    // The earlier tests ran "next week"; put the last email back before this statement.
    await db.subscription.updateMany({
      where: { userId: world.provider.id },
      data: { lastSentAt: new Date(Date.now() - 60 * DAY) },
    });
    const before = (await digestsTo(world.provider.email)).length;
    const reports = await Promise.all([
      sendWeeklyDigests(inTwoWeeks),
      sendWeeklyDigests(new Date(inTwoWeeks.getTime() + 1)),
    ]);
    expect(reports.map((report) => report.sent).reduce((a, b) => a + b)).toBeGreaterThanOrEqual(1);
    expect(await digestsTo(world.provider.email)).toHaveLength(before + 1);
  });
});

describe("weekStart", () => {
  it("starts weeks on Monday at midnight in Hanoi", () => {
    // Sunday 23:30 in Hanoi is still the week that began six days earlier.
    expect(weekStart(new Date("2026-11-22T16:30:00Z")).toISOString()).toBe("2026-11-15T17:00:00.000Z");
    // Monday 00:30 in Hanoi (Sunday 17:30 UTC) is a new week.
    expect(weekStart(new Date("2026-11-22T17:30:00Z")).toISOString()).toBe("2026-11-22T17:00:00.000Z");
  });
});
