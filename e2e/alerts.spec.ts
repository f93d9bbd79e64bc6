// A provider gets sector suggestions while writing an offer, and saves a
// search as a weekly email alert, then stops it.
import { expect, test, type Page } from "@playwright/test";
import vi from "../app/i18n/vi";
import { hydrated, signIn } from "./support";

const provider = "hoang.anh@songhongai.example.vn";
const main = (page: Page) => page.getByRole("main");

test("sector suggestions follow the typing and are marked on the sector's own checkbox", async ({ page }) => {
  await signIn(page, provider);
  await page.goto("/orgs");
  await main(page).getByRole("link", { name: "Công ty Cổ phần Công nghệ Sông Hồng AI", exact: true }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Công ty Cổ phần Công nghệ Sông Hồng AI");
  await page.goto(`${new URL(page.url()).pathname}/offers/new`);
  await hydrated(page);

  await page.getByLabel(vi.offers.titleVi, { exact: true }).fill("Camera đếm xe giảm ùn tắc tại nút giao");
  await page
    .getByLabel(vi.offers.summaryVi, { exact: true })
    .fill("Điều khiển đèn tín hiệu giao thông theo lưu lượng thực tế.");
  const sectors = page.getByRole("group", { name: vi.offers.sectorsLegend });
  // The suggestion is a tag in the sector's own label ("Giao thông Gợi ý"),
  // not a second checkbox for the same sector.
  const suggested = sectors.getByRole("checkbox", { name: `Giao thông ${vi.offers.suggestedTag}`, exact: true });
  await expect(suggested).toBeVisible();
  await expect(suggested).not.toBeChecked();
  const box = page.getByRole("group", { name: vi.classify.title });
  await expect(box).toContainText("Giao thông");
  await expect(box.getByRole("checkbox")).toHaveCount(0);
  // A sector the text says nothing about has no tag.
  await expect(sectors.getByRole("checkbox", { name: "Y tế", exact: true })).toBeVisible();
  await suggested.check();
  await expect(suggested).toBeChecked();
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
  await main(page)
    .getByRole("button", { name: `Hủy thông báo: ${query}` })
    .click();
  await expect(main(page).getByRole("status")).toHaveText(vi.alerts.flash.deleted);
  await expect(main(page).getByRole("heading", { name: `${vi.alerts.kinds.SAVED_SEARCH}: ${query}` })).toHaveCount(0);
});
