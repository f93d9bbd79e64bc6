// A visitor searches from the header without typing diacritics, sees
// suggestions, narrows by sector; the URL carries the whole search, so a
// reload keeps it; a result leads to the offer's page.
import { expect, test, type Page } from "@playwright/test";
import vi from "../app/i18n/vi";
import { hydrated } from "./support";

const s = vi.search;
const title = "Mạng lưới quan trắc bụi mịn PM2.5 theo phường";
const main = (page: Page) => page.getByRole("main");

test("a visitor searches without diacritics, filters by sector and opens a result", async ({ page }) => {
  await test.step("suggestions appear while typing in the header box", async () => {
    await page.goto("/");
    await hydrated(page);
    const box = page.getByRole("banner").getByRole("combobox", { name: s.headerLabel });
    await box.pressSequentially("quan trac bui min", { delay: 20 });
    const suggestions = page.getByRole("banner").getByRole("listbox", { name: s.suggestionsLabel });
    await expect(suggestions.getByRole("option", { name: new RegExp(title.replace(/[.]/g, "\\.")) })).toBeVisible();
    await expect(box).toHaveAttribute("aria-expanded", "true");
    // Arrow keys move through the options; Escape closes the list.
    await box.press("ArrowDown");
    await expect(box).toHaveAttribute("aria-activedescendant", "site-search-suggestion-0");
    await box.press("Escape");
    await expect(box).toHaveAttribute("aria-expanded", "false");
    await box.press("Enter");
    await expect(page).toHaveURL(/\/search\?q=quan\+trac\+bui\+min$/);
    await expect(
      main(page).getByRole("heading", { level: 2, name: /^\d+ kết quả cho “quan trac bui min”$/ }),
    ).toBeVisible();
    await expect(main(page).getByRole("link", { name: title })).toBeVisible();
  });

  await test.step("ticking a sector and applying the filters puts them in the URL", async () => {
    await hydrated(page);
    await main(page)
      .getByRole("group", { name: s.fields.sector })
      .getByLabel(/^Môi trường \(\d+\)$/)
      .check();
    await main(page).getByRole("button", { name: s.applyFilters }).click();
    await expect(page).toHaveURL(/\/search\?q=quan\+trac\+bui\+min&sector=moi-truong(&sort=relevance)?$/);
    await expect(
      main(page).getByRole("link", { name: `${s.removeFilter}: ${s.fields.sector}: Môi trường` }),
    ).toBeVisible();
  });

  await test.step("reloading keeps the search", async () => {
    await page.reload();
    await expect(main(page).getByLabel(s.queryLabel)).toHaveValue("quan trac bui min");
    await expect(
      main(page)
        .getByRole("group", { name: s.fields.sector })
        .getByLabel(/^Môi trường/),
    ).toBeChecked();
    await expect(main(page).getByRole("link", { name: title })).toBeVisible();
  });

  await test.step("a result opens the offer's page", async () => {
    await main(page).getByRole("link", { name: title }).click();
    await expect(page).toHaveURL(/\/offers\/[a-z0-9-]+$/);
    await expect(page.getByRole("heading", { level: 1 })).toHaveText(title);
  });
});
