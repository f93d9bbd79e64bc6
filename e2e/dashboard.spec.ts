// Staff open the dashboard from the staff area, filter by a sector, download
// the CSV of a table and find in it exactly the figures the page shows.
import fs from "node:fs/promises";
import { parse } from "csv-parse/sync";
import { expect, test } from "@playwright/test";
import vi from "../app/i18n/vi";
import { hydrated, signIn } from "./support";

const curator = "curator@hihub.example.vn";
const t = vi.dashboard;
// Two years back in Hanoi time covers every seeded offer.
const twoYearsAgo = new Date(Date.now() + 7 * 3_600_000 - 730 * 86_400_000).toISOString().slice(0, 10);

// "1.850.000.000" or "1,5" as the page shows them in Vietnamese, back to numbers.
const number = (text: string) => Number(text.replace(/\./g, "").replace(",", "."));

test("staff filter the dashboard by a sector and download a CSV with the page's figures", async ({ page }) => {
  await signIn(page, curator);
  await page.goto("/staff");
  await page.getByRole("main").getByRole("link", { name: t.title }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(t.title);
  await hydrated(page);

  await page.getByLabel(t.filters.from).fill(twoYearsAgo);
  await page.getByLabel(t.filters.granularity).selectOption("month");
  await page.getByLabel(t.filters.sector).selectOption({ label: "Giao thông" });
  await page.getByRole("button", { name: t.filters.apply }).click();
  await expect(page).toHaveURL(/sector=giao-thong/);
  await expect(page).toHaveURL(/granularity=month/);

  const table = page.locator('table[data-table="activity"]');
  // The URL changes as the navigation commits; wait for the monthly table itself.
  await expect(table.locator("tbody th").first()).toContainText("Tháng");
  const shown = await table
    .locator("tbody tr")
    .evaluateAll((rows) =>
      rows.map((row) => [
        row.getAttribute("data-period") ?? "",
        ...[...row.querySelectorAll("td")].map((cell) => cell.textContent ?? ""),
      ]),
    );
  expect(shown.length).toBeGreaterThanOrEqual(24);
  // The seed has transport offers, so the filtered table is not all zeros.
  expect(shown.flatMap((row) => row.slice(1).map(number)).reduce((a, b) => a + b, 0)).toBeGreaterThan(0);
  // The chart is drawn once the page has hydrated.
  await expect(page.locator('section[aria-labelledby="table-activity"] .dashboard-chart svg').first()).toBeVisible();

  const downloading = page.waitForEvent("download");
  await page.getByRole("link", { name: `${t.downloadCsv}: ${t.tables.activity}` }).click();
  const download = await downloading;
  expect(download.suggestedFilename()).toMatch(/^dashboard-activity-month-.*\.csv$/);
  const text = await fs.readFile((await download.path())!, "utf8");
  expect(text.charCodeAt(0)).toBe(0xfeff);
  const [header, ...rows] = parse(text.slice(1)) as string[][];
  expect(header).toEqual([
    t.period,
    ...[
      "offersNew",
      "offersPublished",
      "orgsNew",
      "orgsVerified",
      "statementsPosted",
      "statementsPublished",
      "questionsAnswered",
      "proposals",
    ].map((m) => t.metrics[m as keyof typeof t.metrics]),
  ]);
  expect(rows.map((row) => [row[0], ...row.slice(1).map(Number)])).toEqual(
    shown.map((row) => [row[0], ...row.slice(1).map(number)]),
  );
});
