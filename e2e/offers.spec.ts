// A provider lists a solution with a priced package and a PDF brochure, sends
// it for review; the HiHUB curator publishes it; it appears in the public
// catalogue (the search page) with its price and brochure.
import { expect, test, type Page } from "@playwright/test";
import vi from "../app/i18n/vi";
import { hydrated, signIn, signOut } from "./support";

const provider = "hoang.anh@songhongai.example.vn";
const curator = "curator@hihub.example.vn";
const suffix = Math.random().toString(36).slice(2, 7).toUpperCase();
const title = `Camera đếm lưu lượng giao thông ${suffix}`;
const t = vi.offers;

const main = (page: Page) => page.getByRole("main");
const flash = (page: Page) => main(page).getByRole("status");

test("a provider lists a solution, HiHUB publishes it, the public finds it", async ({ page }) => {
  await test.step("the provider drafts the solution with two packages and a brochure", async () => {
    await signIn(page, provider);
    await page.goto("/orgs");
    await main(page).getByRole("link", { name: "Công ty Cổ phần Công nghệ Sông Hồng AI", exact: true }).click();
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("Công ty Cổ phần Công nghệ Sông Hồng AI");
    await page.goto(`${new URL(page.url()).pathname}/offers`);
    await main(page).getByRole("link", { name: t.newOffer }).click();
    await expect(page.getByRole("heading", { level: 1 })).toHaveText(t.newTitle);
    await hydrated(page);

    await page.getByLabel(t.titleVi, { exact: true }).fill(title);
    await page
      .getByLabel(t.summaryVi, { exact: true })
      .fill("Đếm xe theo làn bằng thị giác máy tính, cập nhật mỗi 15 giây.");
    await page
      .getByLabel(t.description, { exact: true })
      .fill("## Tính năng\n\n- Đếm xe theo làn\n- **Cảnh báo ùn tắc** tự động");
    await page.getByRole("group", { name: t.sectorsLegend }).getByLabel("Giao thông", { exact: true }).check();
    await page.getByLabel(t.trl, { exact: true }).selectOption("7");
    await page.getByLabel(t.deploymentModels.SAAS).check();
    const first = page.getByRole("group", { name: "Gói 1", exact: true });
    await first.getByLabel(t.packageName, { exact: true }).fill("Gói một nút giao");
    await first.getByLabel(t.packagePrice, { exact: true }).fill("1.500.000");
    await first.getByLabel(t.packageUnit, { exact: true }).fill("tháng");
    await first.getByLabel(t.packageDescription).fill("Camera và phần mềm cho một nút giao.");
    // The brochure is chosen before another package row is added: the
    // row is added in place, so the chosen file stays chosen.
    const brochureInput = page.getByLabel(t.brochure, { exact: true });
    await brochureInput.setInputFiles({
      name: "gioi-thieu-camera.pdf",
      mimeType: "application/pdf",
      buffer: Buffer.from("%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n"),
    });
    // The form starts with one package row; "add another" adds a second, keeping what was typed.
    await page.getByRole("button", { name: t.addPackage }).click();
    await expect(page.getByLabel(t.titleVi, { exact: true })).toHaveValue(title);
    const second = page.getByRole("group", { name: "Gói 2", exact: true });
    await second.getByLabel(t.packageName, { exact: true }).fill("Gói toàn quận");
    await second.getByLabel(t.packageOnRequest).check();
    await second.getByLabel(t.packageUnit, { exact: true }).fill("năm");
    expect(await brochureInput.evaluate((input: HTMLInputElement) => input.files?.[0]?.name)).toBe(
      "gioi-thieu-camera.pdf",
    );
    await expect(first.getByLabel(t.packageName, { exact: true })).toHaveValue("Gói một nút giao");
    await page.getByRole("button", { name: t.create }).click();
    await expect(flash(page)).toHaveText(t.created);
    await expect(page.getByRole("heading", { level: 1 })).toHaveText(title);
    await expect(main(page).getByText(t.statuses.DRAFT, { exact: true })).toBeVisible();
  });

  await test.step("and sends it to HiHUB for review", async () => {
    await page.getByRole("button", { name: t.submit }).click();
    await expect(flash(page)).toHaveText(t.submitted);
    await expect(main(page).getByText(t.statuses.SUBMITTED, { exact: true })).toBeVisible();
    await signOut(page);
  });

  await test.step("the curator publishes it with an evidence level", async () => {
    await signIn(page, curator);
    await page.goto("/staff/offers");
    await main(page).getByRole("link", { name: title }).click();
    await expect(page.getByRole("heading", { level: 1 })).toHaveText(t.reviewTitle.replace("{{title}}", title));
    await hydrated(page);
    await page.getByLabel(t.evidence, { exact: true }).selectOption("DOCUMENTS_VERIFIED");
    await page.getByRole("button", { name: t.publish }).click();
    await expect(flash(page)).toHaveText(t.published);
  });

  await test.step("the public finds it in the catalogue, with its price and brochure", async () => {
    await signOut(page);
    // The catalogue is the search page's offer tab; the index catches up with the publication within a second or so.
    await expect(async () => {
      await page.goto("/offers");
      await expect(page).toHaveURL(/\/search\?type=offer$/);
      await hydrated(page);
      await main(page).getByLabel(vi.search.queryLabel).fill(`camera dem luu luong giao thong ${suffix.toLowerCase()}`);
      await main(page).getByRole("button", { name: vi.search.submit, exact: true }).click();
      await expect(main(page).getByRole("link", { name: title })).toBeVisible({ timeout: 2_000 });
    }).toPass({ timeout: 20_000 });
    await main(page).getByRole("link", { name: title }).click();
    await expect(page.getByRole("heading", { level: 1 })).toHaveText(title);
    await expect(page).toHaveTitle(`${title} — Sàn Giao dịch Công nghệ Hà Nội`);
    await expect(main(page).getByText(/1\.500\.000\s₫ \/ tháng/)).toBeVisible();
    await expect(main(page).getByText(t.priceOnRequest, { exact: true })).toBeVisible();
    await expect(main(page).getByText("Camera và phần mềm cho một nút giao.", { exact: true })).toBeVisible();
    await expect(main(page).getByText(`${t.evidence}: ${t.evidenceLevels.DOCUMENTS_VERIFIED}`)).toBeVisible();
    const brochure = main(page).getByRole("link", { name: /gioi-thieu-camera\.pdf/ });
    const download = page.waitForEvent("download");
    await brochure.click();
    expect((await download).suggestedFilename()).toBe("gioi-thieu-camera.pdf");
  });
});
