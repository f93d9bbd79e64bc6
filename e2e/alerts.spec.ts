// A provider gets sector suggestions while writing an offer, and saves a
// search as a weekly email alert, then stops it.
import { expect, test, type Page } from "@playwright/test";
import vi from "../app/i18n/vi";
import { hydrated, signIn } from "./support";

const provider = "hoang.anh@songhongai.example.vn";
const main = (page: Page) => page.getByRole("main");

test("sector suggestions follow the typing, and ticking one ticks the sector", async ({ page }) => {
  await signIn(page, provider);
  await page.goto("/orgs");
  await main(page).getByRole("link", { name: "Công ty Cổ phần Công nghệ Sông Hồng AI", exact: true }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Công ty Cổ phần Công nghệ Sông Hồng AI");
  await page.goto(`${new URL(page.url()).pathname}/offers/new`);
  await hydrated(page);

  await page.getByLabel(vi.offers.titleVi, { exact: true }).fill("Camera đếm xe giảm ùn tắc tại nút giao");
  await page.getByLabel(vi.offers.summaryVi, { exact: true }).fill("Điều khiển đèn tín hiệu giao thông theo lưu lượng thực tế.");
  const suggestions = page.getByRole("group", { name: vi.classify.title });
  const suggested = suggestions.getByRole("checkbox", { name: /^Giao thông/ });
  await expect(suggested).toBeVisible();
  const sector = page.getByRole("group", { name: vi.offers.sectorsLegend }).getByLabel("Giao thông", { exact: true });
  await expect(sector).not.toBeChecked();
  await suggested.check();
  await expect(sector).toBeChecked();
  // Unticking in the list below shows in the suggestion too.
  await sector.uncheck();
  await expect(suggested).not.toBeChecked();
});

test("a saved search becomes an email alert that can be stopped", async ({ page }) => {
  await signIn(page, provider);
  const query = `camera-${Math.random().toString(36).slice(2, 7)}`;
  await page.goto(`/search?q=${query}`);
  await hydrated(page);
  await main(page).getByRole("button", { name: vi.alerts.saveSearch }).click();
  await expect(page).toHaveURL(/\/account\/alerts$/);
  await expect(main(page).getByRole("status")).toHaveText(vi.alerts.flash.created);
  await expect(main(page).getByRole("heading", { name: `${vi.alerts.kinds.SAVED_SEARCH}: ${query}` })).toBeVisible();
  await main(page).getByRole("button", { name: `Hủy thông báo: ${query}` }).click();
  await expect(main(page).getByRole("status")).toHaveText(vi.alerts.flash.deleted);
  await expect(main(page).getByRole("heading", { name: `${vi.alerts.kinds.SAVED_SEARCH}: ${query}` })).toHaveCount(0);
});
