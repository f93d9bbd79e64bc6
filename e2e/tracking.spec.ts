// Results and the monthly report in a real browser: the public chart is
// drawn after hydration beside its table; the staff report prints without
// the site's navigation, footer or buttons.
import { expect, test } from "@playwright/test";
import vi from "../app/i18n/vi";
import { hydrated, signIn } from "./support";

test("the public results page draws a chart per list beside a table of the same figures", async ({ page }) => {
  await page.goto("/");
  await page.getByRole("contentinfo").getByRole("link", { name: vi.tracking.results.title }).click();
  await expect(page).toHaveURL(/\/results$/);
  await hydrated(page);
  await expect(page.getByRole("heading", { level: 1, name: vi.tracking.results.metaTitle })).toBeVisible();
  const section = page
    .locator("section")
    .filter({ has: page.locator("table[data-list]") })
    .first();
  await expect(section.locator("table caption")).toContainText(vi.tracking.results.tableCaption.split("{{")[0]!);
  // The chart is drawn once the page has hydrated, with one bar per measure.
  const chart = section.locator("figure.results-chart svg");
  await expect(chart).toBeVisible();
  await expect(chart.locator(".recharts-yAxis .recharts-cartesian-axis-tick")).toHaveCount(3);
  await expect(chart.locator(".recharts-yAxis")).toContainText(vi.tracking.results.inPilot);
});

test("staff print the monthly report without navigation, footer or buttons", async ({ page }) => {
  await signIn(page, "curator@hihub.example.vn");
  await page.goto("/staff/tracking");
  await hydrated(page);
  await page.getByRole("link", { name: vi.tracking.report.staffLink }).click();
  await hydrated(page);
  const print = page.getByRole("button", { name: vi.tracking.report.print });
  await expect(print).toBeVisible();
  await expect(page.getByRole("heading", { level: 2, name: vi.tracking.report.trackingTitle })).toBeVisible();
  await page.emulateMedia({ media: "print" });
  await expect(print).toBeHidden();
  await expect(page.locator("header.site-header")).toBeHidden();
  await expect(page.locator("footer.site-footer")).toBeHidden();
  await expect(page.getByRole("heading", { level: 2, name: vi.tracking.report.trackingTitle })).toBeVisible();
  const pdf = await page.pdf({ format: "A4" });
  expect(pdf.byteLength).toBeGreaterThan(1000);
});
