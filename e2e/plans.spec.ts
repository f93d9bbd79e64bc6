// A provider's owner upgrades to the Verified plan on the (stand-in) Stripe
// checkout page in subscription mode; the signed webhook makes the plan
// active and the organisation's offer limit rises from 3 to 15.
import { expect, test, type Page } from "@playwright/test";
import vi from "../app/i18n/vi";
import { signIn } from "./support";

const owner = "cong.vinh@songhongai.example.vn";
const organisationName = "Công ty Cổ phần Công nghệ Sông Hồng AI – Chi nhánh Long Biên";
const t = vi.plans;

const main = (page: Page) => page.getByRole("main");

test("a provider owner upgrades to Verified and can list more offers", async ({ page }) => {
  await test.step("the owner finds the plan page: Free, 0 of 3 offers", async () => {
    await signIn(page, owner);
    await page.goto("/orgs");
    await main(page).getByRole("link", { name: organisationName, exact: true }).click();
    await main(page).getByRole("link", { name: t.page.title, exact: true }).click();
    await expect(page.getByRole("heading", { level: 1 })).toHaveText(t.page.title);
    await expect(main(page)).toContainText(t.page.current.replace("{{plan}}", t.tiers.FREE));
    await expect(main(page)).toContainText(t.page.offersUsed.replace("{{used}}", "0").replace("{{limit}}", "3"));
  });

  await test.step("chooses Verified, paid monthly, and pays on the checkout page", async () => {
    const card = main(page).locator(".card", {
      has: page.getByRole("heading", { name: t.tiers.VERIFIED, exact: true }),
    });
    await card.getByLabel(t.intervalChoices.MONTH).check();
    await card.getByRole("button", { name: t.page.choose.replace("{{plan}}", t.tiers.VERIFIED) }).click();
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("Thanh toán 990000 VND");
    await page.getByRole("button", { name: "Thanh toán thử / Pay (test)" }).click();
    await expect(page).toHaveURL(/\/plan\?checkout=success$/);
  });

  await test.step("once the webhook is in, the plan is active and the limit is 15", async () => {
    const planPath = new URL(page.url()).pathname;
    await expect(async () => {
      await page.goto(planPath);
      await expect(main(page)).toContainText(t.page.current.replace("{{plan}}", t.tiers.VERIFIED), { timeout: 1_000 });
    }).toPass({ timeout: 15_000 });
    await expect(main(page)).toContainText(t.page.offersUsed.replace("{{used}}", "0").replace("{{limit}}", "15"));
    await expect(main(page)).toContainText(t.statuses.ACTIVE);
    await expect(main(page)).toContainText("990.000");
  });
});
