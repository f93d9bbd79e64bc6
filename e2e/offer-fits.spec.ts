// A provider's member opens one of their published offers, sees which of
// the city's open problems it may fit and why, and proposes it in one click.
import { expect, test, type Page } from "@playwright/test";
import vi from "../app/i18n/vi";
import { hydrated } from "./support";

const member = { email: "thu.trang@songhongai.example.vn", password: "SanCongNghe@2026" };
const f = vi.openApi.fits;
const main = (page: Page) => page.getByRole("main");
const fill = (template: string, vars: Record<string, string>) =>
  template.replace(/\{\{(\w+)\}\}/g, (_, key: string) => vars[key] ?? "");

test("a provider proposes an offer to a problem it fits, in one click", async ({ page }) => {
  await test.step("sign in and open the organisation's traffic offer", async () => {
    await page.goto("/login");
    await hydrated(page);
    await page.getByLabel(vi.auth.email).fill(member.email);
    await page.getByLabel(vi.auth.password).fill(member.password);
    await page.getByRole("button", { name: vi.auth.submitSignIn }).click();
    await expect(page.getByRole("banner").getByRole("button", { name: vi.layout.signOut })).toBeVisible();
    await page.goto("/orgs");
    await main(page).getByRole("link", { name: "Công ty Cổ phần Công nghệ Sông Hồng AI", exact: true }).click();
    await main(page).getByRole("link", { name: vi.organisations.offersLink }).click();
    await main(page).getByRole("link", { name: "Nền tảng phân tích giao thông Sông Hồng AI" }).first().click();
  });

  const panel = page.getByRole("region", { name: f.title });
  const fit = panel
    .getByRole("listitem")
    .filter({ has: page.getByRole("button", { name: f.propose }) })
    .first();
  let title = "";
  await test.step("see problems it may fit, with reasons", async () => {
    await expect(panel).toBeVisible();
    await expect(fit).toBeVisible();
    title = (await fit.getByRole("heading", { level: 3 }).textContent())!.trim();
    expect(title.length).toBeGreaterThan(5);
    await expect(fit.getByRole("listitem").first()).toBeVisible();
  });

  await test.step("propose in one click; the problem then shows as proposed", async () => {
    await hydrated(page);
    await fit.getByRole("button", { name: f.propose }).click();
    await expect(main(page).getByRole("status")).toHaveText(fill(f.flashProposed, { title }));
    const proposed = panel.getByRole("listitem").filter({ has: page.getByRole("link", { name: title, exact: true }) });
    await expect(proposed.getByText(f.proposed, { exact: true })).toBeVisible();
    await expect(proposed.getByRole("button", { name: f.propose })).toHaveCount(0);
  });
});
