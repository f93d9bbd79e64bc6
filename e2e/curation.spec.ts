// A HiHUB curator takes a ranked suggestion for one of the city's major
// problems through the board — suggested → shortlisted → approved →
// introduced — the provider is emailed and notified, and the public problem
// page shows the approved offer and where it stands.
import { expect, test, type Page } from "@playwright/test";
import vi from "../app/i18n/vi";
import { hydrated, readOutbox } from "./support";

const password = "SanCongNghe@2026";
const curator = "curator@hihub.example.vn";
// The seeded traffic-analytics offer and the owner of its company.
const offerTitle = "Nền tảng phân tích giao thông Sông Hồng AI";
const providerOwner = "hoang.anh@songhongai.example.vn";
const problemCode = "HN-2026-01";

const fill = (template: string, vars: Record<string, string>) =>
  template.replace(/\{\{(\w+)\}\}/g, (_, key: string) => vars[key] ?? "");

async function signIn(page: Page, email: string) {
  await page.goto("/login");
  await hydrated(page);
  await page.getByLabel(vi.auth.email).fill(email);
  await page.getByLabel(vi.auth.password).fill(password);
  await page.getByRole("button", { name: vi.auth.submitSignIn }).click();
  await page.waitForURL(/\/orgs$/);
}

const column = (page: Page, status: keyof typeof vi.curation.status) =>
  page
    .locator("section.board-column")
    .filter({ has: page.getByRole("heading", { name: new RegExp(`^${vi.curation.status[status]} \\(`) }) });

const card = (page: Page, status: keyof typeof vi.curation.status) =>
  column(page, status)
    .locator("li.match-card")
    .filter({ has: page.getByRole("heading", { name: offerTitle }) });

// A card's reasons and controls are folded; open them as a curator would.
async function unfold(page: Page, status: keyof typeof vi.curation.status) {
  await card(page, status).locator("summary", { hasText: vi.curation.details }).click();
}

test("staff curate a suggestion through to introduction; the provider is emailed and the public sees the approved offer", async ({
  page,
  browser,
}) => {
  await test.step("the curator opens the board of a major problem and refreshes the suggestions", async () => {
    await signIn(page, curator);
    await page.getByRole("banner").getByRole("link", { name: vi.layout.staffArea }).click();
    await page.getByRole("link", { name: vi.curation.title }).click();
    await expect(page.getByRole("heading", { level: 1 })).toHaveText(vi.curation.title);
    await page.getByRole("link", { name: new RegExp(`^${problemCode}:`) }).click();
    await expect(page.getByRole("heading", { level: 1 })).toContainText(problemCode);
    await page.getByRole("button", { name: vi.curation.refresh }).click();
    await expect(page.getByRole("status")).toContainText(vi.curation.refreshedMany.split(":")[0]!);
    await expect(card(page, "SUGGESTED")).toBeVisible();
  });

  await test.step("shortlist, then approve", async () => {
    await unfold(page, "SUGGESTED");
    await card(page, "SUGGESTED").getByRole("button", { name: vi.curation.shortlist }).click();
    await expect(page.getByRole("status")).toHaveText(
      fill(vi.curation.done.movedOne, { count: "1", status: vi.curation.status.SHORTLISTED }),
    );
    await expect(card(page, "SHORTLISTED")).toBeVisible();
    await unfold(page, "SHORTLISTED");
    await card(page, "SHORTLISTED").getByRole("button", { name: vi.curation.approve }).click();
    await expect(page.getByRole("status")).toHaveText(
      fill(vi.curation.done.movedOne, { count: "1", status: vi.curation.status.APPROVED }),
    );
    await expect(card(page, "APPROVED")).toBeVisible();
  });

  await test.step("introduce the approved match; the provider's owner gets the email", async () => {
    const approved = card(page, "APPROVED");
    await hydrated(page);
    await unfold(page, "APPROVED");
    await approved.getByLabel(vi.curation.stageNext).selectOption("INTRODUCED");
    await approved.getByRole("button", { name: vi.curation.stageSave }).click();
    await expect(page.getByRole("status")).toHaveText(
      fill(vi.curation.done.staged, { stage: vi.curation.stage.INTRODUCED }),
    );
    await expect(card(page, "APPROVED").getByText(vi.curation.stage.INTRODUCED).first()).toBeVisible();
    await expect
      .poll(async () => (await readOutbox(providerOwner)).filter((m) => m.subject.includes(offerTitle)).length, {
        timeout: 10_000,
      })
      .toBe(1);
    const [mail] = (await readOutbox(providerOwner)).filter((m) => m.subject.includes(offerTitle));
    expect(mail!.text).toMatch(new RegExp(`https?://\\S+/major-problems/\\S+/${problemCode}`));
  });

  await test.step("the public problem page shows the approved offer and where it stands", async () => {
    await page.getByRole("link", { name: vi.curation.publicPage }).click();
    const section = page.locator("section", { has: page.getByRole("heading", { name: vi.curation.public.title }) });
    await expect(section.getByRole("link", { name: offerTitle })).toBeVisible();
    await expect(section).toContainText(
      `${fill(vi.curation.public.approved_one, { count: "1" })}, ${fill(vi.curation.public.inStage_one, {
        count: "1",
        stage: vi.curation.public.stageLower.INTRODUCED,
      })}`,
    );
  });

  await test.step("the provider's owner sees the notice in the notification centre", async () => {
    const context = await browser.newContext();
    const provider = await context.newPage();
    await signIn(provider, providerOwner);
    await provider
      .getByRole("banner")
      .getByRole("link", { name: new RegExp(vi.curation.notifications.headerLink) })
      .click();
    await expect(provider.getByRole("heading", { level: 2, name: new RegExp(offerTitle) })).toBeVisible();
    await context.close();
  });
});
