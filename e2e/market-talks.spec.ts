// Issue 14's "Done when": the market talks, in each reader's language.
// A provider (Vietnamese) asks a question on a published statement; the
// agency's member, who chose English, sees the notice and the email in English
// only, follows the email's link and answers; the provider hears of the answer
// in Vietnamese; the provider proposes, the agency declines with a structured
// reason and a note, the provider reads the reason in a notice and an email and
// replies in the proposal's private thread, and the agency hears of the reply.
//
// Two browser contexts, one per person, so each keeps its own page language.
// The seeded statement, agency and provider are ones no other journey touches;
// the emails are still picked by their words, since demo accounts get others.
import { expect, test, type Browser, type Page } from "@playwright/test";
import en from "../app/i18n/en";
import vi from "../app/i18n/vi";
import { actionPath, waitForNoticeMail, type NoticeMail } from "./mail";
import { hydrated, signIn } from "./support";

// prisma/seed-data.ts, prisma/seed-market.ts, prisma/seed-offers.ts
const agency = { email: "xuan.truong@soxaydung.hanoi.example.vn", name: "Hồ Xuân Trường", org: "Sở Xây dựng Hà Nội" };
const provider = {
  email: "van.long@thuysach-iot.example.vn",
  name: "Hoàng Văn Long",
  org: "Công ty TNHH Giải pháp IoT Thủy Sạch",
};
const statement = "Bản đồ số 3D công trình ngầm khu vực Vành đai 1";
const offer = {
  vi: "Trạm phao IoT giám sát chất lượng nước hồ Thủy Sạch",
  en: "Thuy Sach IoT Buoy Stations for Lake Water Quality",
};

const run = Math.random().toString(36).slice(2, 7).toUpperCase();
const question = `Bản đồ có cần thể hiện cả mực nước ngầm và hồ điều hòa không? (${run})`;
const answer = `Có, cần lớp mực nước ngầm từ các giếng quan trắc hiện có. (${run})`;
const pitch = `Trạm phao đo mực nước hồ điều hòa, bổ sung lớp dữ liệu nước cho bản đồ ngầm. (${run})`;
const declineNote = `Sở cần dữ liệu công trình ngầm, không phải chất lượng nước hồ. (${run})`;
const reply = `Cảm ơn Sở, chúng tôi sẽ đề xuất lại khi có bài toán về hồ điều hòa. (${run})`;

// "{{name}}" placeholders, as i18next fills them (no escaping, like the notices).
const fill = (template: string, vars: Record<string, string> = {}) =>
  template.replace(/\{\{(\w+)\}\}/g, (_, key: string) => vars[key] ?? "");
const escapeRegExp = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");

type Catalogue = typeof vi;
const main = (page: Page) => page.getByRole("main");
const flash = (page: Page) => page.getByRole("status");
const headerNotices = (page: Page, t: Catalogue) =>
  page
    .getByRole("banner")
    .getByRole("link", { name: new RegExp(`^${escapeRegExp(t.curation.notifications.headerLink)}`) });

async function unreadCount(page: Page, t: Catalogue): Promise<number> {
  await page.goto("/");
  const text = await headerNotices(page, t).innerText();
  if (text.trim() === t.curation.notifications.headerLink) return 0;
  return Number(text.match(/\d+/)?.[0] ?? NaN);
}

// The header counts one more unread notice than before the event; on
// /notifications the notice says what happened and links straight to it.
async function seeNotice(
  page: Page,
  t: Catalogue,
  unreadBefore: number,
  notice: { title: string; says: string[]; link: string },
) {
  await page.goto("/");
  await expect(headerNotices(page, t)).toHaveText(
    fill(t.curation.notifications.headerUnread, { count: String(unreadBefore + 1) }),
  );
  await headerNotices(page, t).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(t.curation.notifications.title);
  const card = main(page)
    .getByRole("listitem")
    .filter({ has: page.getByRole("heading", { name: notice.title }) })
    .filter({ hasText: notice.says[0] });
  await expect(card).toHaveCount(1);
  await expect(card.getByRole("heading")).toHaveText(`${t.curation.notifications.unread} ${notice.title}`);
  for (const words of notice.says) await expect(card).toContainText(words);
  const open = card.getByRole("link", { name: t.curation.notifications.open, exact: true });
  await expect(open).toHaveAttribute("href", notice.link);
  return open;
}

// The email is in the reader's language only: its greeting, words, action
// line, footer and HTML language, and none of the other language's wording.
function expectOneLanguage(
  mail: NoticeMail,
  language: "vi" | "en",
  name: string,
  kind: keyof Catalogue["notices"]["kinds"],
) {
  const [t, other] = language === "en" ? [en, vi] : [vi, en];
  expect(mail.text.startsWith(fill(t.notices.email.greeting, { name }))).toBe(true);
  expect(mail.text).toContain(`${t.notices.kinds[kind].action}: `);
  expect(mail.text).toContain(fill(t.notices.email.unsubscribe, { url: "" }).trim());
  expect(mail.html).toContain(`<html lang="${language}">`);
  expect(mail.headers?.["List-Unsubscribe-Post"]).toBe("List-Unsubscribe=One-Click");
  for (const foreign of [
    fill(other.notices.email.greeting, { name: "" }).replace(/,\s*$/, "").trim(),
    other.notices.kinds[kind].action,
    other.notices.email.signature,
  ]) {
    expect(mail.text).not.toContain(foreign);
    expect(mail.html).not.toContain(foreign);
  }
}

async function personIn(browser: Browser, baseURL: string | undefined): Promise<Page> {
  const context = await browser.newContext({ baseURL, locale: "en-US", timezoneId: "Asia/Ho_Chi_Minh" });
  return context.newPage();
}

test("a question, its answer, a declined proposal and a reply reach each side in its own language", async ({
  browser,
  baseURL,
}) => {
  const agencyPage = await personIn(browser, baseURL);
  const providerPage = await personIn(browser, baseURL);
  let statementPath = "";
  let questionLink = "";
  let proposalLink = "";
  let providerProposals = "";
  // Each person's unread count just before the other side acts.
  let agencyUnread = NaN;
  let providerUnread = NaN;

  await test.step("the agency's member chooses English for the site and for notices (/account)", async () => {
    const page = agencyPage;
    await signIn(page, agency.email);
    await page.getByRole("banner").getByRole("button", { name: vi.layout.switchToLabel }).click();
    await expect(page.locator("html")).toHaveAttribute("lang", "en");
    await page.getByRole("banner").getByRole("link", { name: en.layout.account, exact: true }).click();
    await page
      .getByRole("group", { name: en.notices.prefs.languageLegend })
      .getByRole("radio", { name: en.notices.prefs.languageEn, exact: true })
      .check();
    await main(page).getByRole("button", { name: en.notices.prefs.saveLanguage }).click();
    await expect(flash(page)).toHaveText(en.notices.prefs.languageSaved);
    await expect(page.getByRole("radio", { name: en.notices.prefs.languageEn, exact: true })).toBeChecked();
    agencyUnread = await unreadCount(page, en);
  });

  await test.step("1. the provider asks a question on the published statement", async () => {
    const page = providerPage;
    await signIn(page, provider.email);
    await page.goto("/problems");
    await main(page).getByRole("link", { name: statement, exact: true }).click();
    await expect(page.getByRole("heading", { level: 1 })).toHaveText(statement);
    statementPath = new URL(page.url()).pathname;
    expect(statementPath).toMatch(/^\/problems\/[^/]+$/);
    await hydrated(page);
    await page.getByLabel(vi.statements.qa.body, { exact: true }).fill(question);
    await page.getByRole("button", { name: vi.statements.qa.ask }).click();
    await expect(flash(page)).toHaveText(vi.statements.qa.asked);
    await expect(main(page).getByRole("listitem").filter({ hasText: question })).toContainText(
      vi.statements.qa.notAnswered,
    );
  });

  await test.step("2. the agency's member sees the notice and the email in English only, follows the email's link and answers", async () => {
    const page = agencyPage;
    const title = fill(en.notices.kinds["question.asked"].title, { statement });
    const mail = await waitForNoticeMail(agency.email, { subject: title, contains: [question] });
    expectOneLanguage(mail, "en", agency.name, "question.asked");
    expect(mail.text).toContain(fill(en.notices.kinds["question.asked"].body, { statement, question }));
    questionLink = actionPath(mail, en.notices.kinds["question.asked"].action);
    expect(questionLink).toMatch(new RegExp(`^${escapeRegExp(statementPath)}#question-[\\w-]+$`));
    await seeNotice(page, en, agencyUnread, { title, says: [question, statement], link: questionLink });

    await page.goto(questionLink);
    const card = page.locator(new URL(questionLink, "http://x").hash);
    await expect(card).toContainText(question);
    await expect(card).toContainText(fill(en.statements.qa.askedBy, { name: provider.org }));
    providerUnread = await unreadCount(providerPage, vi);
    await card.getByLabel(en.statements.qa.answerLabel).fill(answer);
    await card.getByRole("button", { name: en.statements.qa.saveAnswer }).click();
    await expect(flash(page)).toHaveText(en.statements.qa.answered);
    await expect(page.locator(new URL(questionLink, "http://x").hash)).toContainText(answer);
  });

  await test.step("3. the provider is told of the answer, in Vietnamese, and reads it where the link goes", async () => {
    const page = providerPage;
    const title = fill(vi.notices.kinds["question.answered"].title, { statement });
    const mail = await waitForNoticeMail(provider.email, { subject: title, contains: [question] });
    expectOneLanguage(mail, "vi", provider.name, "question.answered");
    const link = actionPath(mail, vi.notices.kinds["question.answered"].action);
    expect(link).toBe(questionLink);
    await (await seeNotice(page, vi, providerUnread, { title, says: [question], link })).click();
    await expect(page).toHaveURL(new RegExp(`${escapeRegExp(link)}$`));
    const card = page.locator(new URL(link, "http://x").hash);
    await expect(card).toContainText(question);
    await expect(card.getByRole("heading", { name: vi.statements.qa.answer })).toBeVisible();
    await expect(card).toContainText(answer);
  });

  await test.step("4a. the provider proposes its solution with the propose form", async () => {
    const page = providerPage;
    await page.goto(statementPath);
    await main(page).getByRole("link", { name: vi.statements.proposals.proposeLink }).click();
    await expect(page.getByRole("heading", { level: 1 })).toHaveText(
      fill(vi.statements.proposals.proposeTitle, { title: statement }),
    );
    agencyUnread = await unreadCount(agencyPage, en);
    await hydrated(page);
    await page
      .getByLabel(vi.statements.proposals.offer, { exact: true })
      .selectOption({ label: `${offer.vi} — ${provider.org}` });
    await page.getByLabel(vi.statements.proposals.pitch).fill(pitch);
    await page.getByRole("button", { name: vi.statements.proposals.propose }).click();
    await expect(flash(page)).toHaveText(vi.statements.proposals.proposed);
    providerProposals = new URL(page.url()).pathname;
    expect(providerProposals).toMatch(/^\/orgs\/[^/]+\/proposals$/);
    await expect(main(page).getByRole("row").filter({ hasText: statement })).toContainText(
      vi.statements.proposals.proposalStatus.RECEIVED,
    );
  });

  await test.step("4b. the agency hears of the proposal and declines it with a reason and a note on its statement's page", async () => {
    const page = agencyPage;
    const title = fill(en.notices.kinds["proposal.received"].title, { statement });
    // The agency reads English, so the offer is named by its English title, as on the card below.
    const mail = await waitForNoticeMail(agency.email, { subject: title, contains: [provider.org, offer.en] });
    expectOneLanguage(mail, "en", agency.name, "proposal.received");
    proposalLink = actionPath(mail, en.notices.kinds["proposal.received"].action);
    expect(proposalLink).toMatch(/^\/orgs\/[^/]+\/problems\/[^/]+#proposal-[\w-]+$/);
    await (
      await seeNotice(page, en, agencyUnread, { title, says: [provider.org, offer.en], link: proposalLink })
    ).click();
    await expect(page.getByRole("heading", { level: 1 })).toHaveText(statement);
    const card = page.locator(new URL(proposalLink, "http://x").hash);
    await expect(card.getByRole("heading", { name: offer.en })).toBeVisible();
    await expect(card).toContainText(pitch);
    await card
      .getByLabel(en.statements.proposals.declineReason)
      .selectOption({ label: en.statements.proposals.declineReasons.OUT_OF_SCOPE });
    await card.getByLabel(en.statements.proposals.declineNote).fill(declineNote);
    providerUnread = await unreadCount(providerPage, vi);
    await card.getByRole("button", { name: en.statements.proposals.decline, exact: true }).click();
    await expect(flash(page)).toHaveText(en.statements.proposals.decided);
    const decided = page.locator(new URL(proposalLink, "http://x").hash);
    await expect(decided).toContainText(en.statements.proposals.proposalStatus.DECLINED);
    await expect(decided).toContainText(
      `${en.statements.proposals.reason}: ${en.statements.proposals.declineReasons.OUT_OF_SCOPE} — ${declineNote}`,
    );
  });

  await test.step("5a. the provider reads the reason in a notice and an email, in Vietnamese", async () => {
    const page = providerPage;
    const reason = vi.statements.proposals.declineReasons.OUT_OF_SCOPE;
    const title = vi.notices.kinds["proposal.declined"].title;
    const mail = await waitForNoticeMail(provider.email, { subject: title, contains: [statement, declineNote] });
    expectOneLanguage(mail, "vi", provider.name, "proposal.declined");
    expect(mail.text).toContain(`Lý do: ${reason}\n${declineNote}`);
    const link = actionPath(mail, vi.notices.kinds["proposal.declined"].action);
    expect(link).toMatch(new RegExp(`^${escapeRegExp(providerProposals)}#proposal-[\\w-]+$`));
    expect(link.split("#proposal-")[1]).toBe(proposalLink.split("#proposal-")[1]);
    await (await seeNotice(page, vi, providerUnread, { title, says: [declineNote, statement, reason], link })).click();
    const row = page.locator(new URL(link, "http://x").hash);
    await expect(row).toContainText(statement);
    await expect(row).toContainText(vi.statements.proposals.proposalStatus.DECLINED);
    await expect(row).toContainText(`${vi.statements.proposals.reason}: ${reason} — ${declineNote}`);
  });

  await test.step("5b. the provider replies in the proposal's private thread", async () => {
    const page = providerPage;
    const proposalId = proposalLink.split("#proposal-")[1]!;
    await page.locator(`#proposal-${proposalId}`).getByRole("link", { name: vi.messages.open, exact: true }).click();
    await expect(page).toHaveURL(new RegExp(`/proposals/${proposalId}/messages$`));
    await expect(page.getByRole("heading", { level: 1 })).toHaveText(
      fill(vi.messages.proposalTitle, { offer: offer.vi }),
    );
    await expect(main(page)).toContainText(
      `${vi.statements.proposals.reason}: ${vi.statements.proposals.declineReasons.OUT_OF_SCOPE} — ${declineNote}`,
    );
    await hydrated(page);
    await page.getByLabel(vi.messages.body, { exact: true }).fill(reply);
    agencyUnread = await unreadCount(agencyPage, en);
    await page.getByRole("button", { name: vi.messages.send }).click();
    await expect(flash(page)).toHaveText(vi.messages.sent);
    const thread = main(page).getByRole("region", { name: vi.messages.title });
    await expect(thread.getByRole("listitem").filter({ hasText: reply })).toContainText(
      `${vi.messages.you} · ${provider.org}`,
    );
  });

  await test.step("5c. the agency is told of the message, in English, and reads it in the thread", async () => {
    const page = agencyPage;
    const subject = `${offer.vi} / ${statement}`;
    const title = fill(en.notices.kinds["message.received"].title, { subject });
    const mail = await waitForNoticeMail(agency.email, { subject: title, contains: [reply] });
    expectOneLanguage(mail, "en", agency.name, "message.received");
    expect(mail.text).toContain(`${provider.name} (${provider.org})`);
    const proposalId = proposalLink.split("#proposal-")[1]!;
    const link = actionPath(mail, en.notices.kinds["message.received"].action);
    expect(link).toMatch(new RegExp(`^/proposals/${proposalId}/messages#m-[\\w-]+$`));
    await seeNotice(page, en, agencyUnread, { title, says: [reply], link });

    await page.goto(link);
    await expect(page.getByRole("heading", { level: 1 })).toHaveText(
      fill(en.messages.proposalTitle, { offer: offer.en }),
    );
    const message = page.locator(new URL(link, "http://x").hash);
    await expect(message).toContainText(reply);
    await expect(message).toContainText(`${provider.name} · ${provider.org}`);
  });

  await agencyPage.context().close();
  await providerPage.context().close();
});
