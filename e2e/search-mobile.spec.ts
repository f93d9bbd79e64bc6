// Search on a phone (390 × 844, the size of a common phone's screen in CSS
// pixels): one search box, a one-line summary and the results first, the
// filters behind one "Lọc" control that also works without JavaScript.
//
// The query is a three-syllable phrase from the seeded demo; its right offer
// (prisma/seed-offers.ts) has the phrase in its title. "Right" is what a
// person typing the phrase expects, whatever the ranking does today.
import { expect, test, type Locator, type Page } from "@playwright/test";
import vi from "../app/i18n/vi";
import { hydrated } from "./support";

const s = vi.search;
const SCREEN = { width: 390, height: 844 };
const QUERY = "hóa đơn điện tử";
const RIGHT_OFFER = "Hóa đơn điện tử Công số";
// A filter the right offer passes (it is TRL 9), so applying it keeps it.
const FILTER_LABEL = new RegExp(`^${s.trlBands["7-9"].replace(/[()]/g, "\\$&")} \\(\\d+\\)$`);
const FILTER_PARAM = "trlBand=7-9";
const ONE_ACTIVE = `${s.filterToggle} (${s.filterActive_one.replace("{{count}}", "1")})`;

test.use({ viewport: SCREEN });

const main = (page: Page) => page.getByRole("main");
const summary = (page: Page) =>
  main(page).getByRole("heading", { level: 2, name: new RegExp(`^\\d+ kết quả cho “${QUERY}”$`) });
const filterToggle = (page: Page) => main(page).locator("summary", { hasText: s.filterToggle });
const filterPanel = (page: Page) =>
  main(page).locator("details", { has: page.locator("summary", { hasText: s.filterToggle }) });
const rightOffer = (page: Page) => main(page).getByRole("link", { name: RIGHT_OFFER });

// The first screen is what shows before any scrolling: the element's top,
// measured from the top of the page, is above the bottom of the screen.
async function expectInFirstScreen(locator: Locator) {
  await expect(locator).toBeVisible();
  const box = await locator.boundingBox();
  expect(box, "the element has a box").not.toBeNull();
  const scrolled = await locator.page().evaluate(() => window.scrollY);
  expect(box!.y + scrolled, "top of the element, in CSS pixels from the top of the page").toBeLessThan(SCREEN.height);
}

// The results come straight after the summary: no filter checkbox in between.
async function expectResultsFirst(page: Page) {
  await expect(summary(page)).toBeVisible();
  await expectInFirstScreen(rightOffer(page));
  await expect(filterPanel(page)).not.toHaveAttribute("open", /.*/);
  await expect(main(page).getByRole("group", { name: s.fields.trlBand })).toBeHidden();
  // The filters are on the page (closed), not gone.
  const checkboxes = await main(page).locator('input[type="checkbox"]').all();
  expect(checkboxes.length).toBeGreaterThan(5);
  for (const checkbox of checkboxes) await expect(checkbox).toBeHidden();
}

/** Open Lọc, tick TRL 7–9 and apply: the filter is in the URL and counted, and the results still come first. */
async function applyTrlFilter(page: Page) {
  await filterToggle(page).click();
  await expect(filterPanel(page)).toHaveAttribute("open", "");
  const group = main(page).getByRole("group", { name: s.fields.trlBand });
  await expect(group).toBeVisible();
  await group.getByLabel(FILTER_LABEL).check();
  await main(page).getByRole("button", { name: s.applyFilters, exact: true }).click();
  await expect(page).toHaveURL(new RegExp(`[?&]${FILTER_PARAM}(&|$)`));
  await expect(filterToggle(page)).toContainText(ONE_ACTIVE);
  await expectResultsFirst(page);
}

test("on a phone, a phrase query shows its right offer in the first screen, with the filters behind Lọc", async ({
  page,
}) => {
  await test.step("the search page has one search box", async () => {
    await page.goto("/search");
    await hydrated(page);
    await expect(page.locator('input[name="q"]:visible')).toHaveCount(1);
  });

  await test.step("a phrase typed with its tone marks finds the right offer in the first screen", async () => {
    const box = main(page).getByLabel(s.queryLabel);
    await box.fill(QUERY);
    await box.press("Enter");
    await expect(page).toHaveURL(
      /\/search\?q=h%C3%B3a\+%C4%91%C6%A1n\+%C4%91i%E1%BB%87n\+t%E1%BB%AD(&sort=relevance)?$/,
    );
    await expectResultsFirst(page);
    await expect(filterToggle(page)).toHaveText(s.filterToggle);
  });

  await test.step("Lọc opens the filters; ticking one and applying it keeps the results first", async () => {
    await applyTrlFilter(page);
    await expect(
      main(page).getByRole("link", { name: `${s.removeFilter}: ${s.fields.trlBand}: ${s.trlBands["7-9"]}` }),
    ).toBeVisible();
  });
});

test.describe("without JavaScript", () => {
  test.use({ javaScriptEnabled: false });

  test("the Lọc control opens, and applying a filter reloads with the results first", async ({ page }) => {
    await page.goto(`/search?q=${encodeURIComponent(QUERY)}`);
    await expect(page.locator('input[name="q"]:visible')).toHaveCount(1);
    await expectResultsFirst(page);
    await applyTrlFilter(page);
  });
});
