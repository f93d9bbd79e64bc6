// HiHUB staff publish a version of the city's list of major problems, then
// amend it: the public sees the amendment, and the first version stays
// readable as it was published.
import { expect, test, type Page } from "@playwright/test";
import vi from "../app/i18n/vi";
import { hydrated } from "./support";

const curator = { email: "curator@hihub.example.vn", password: "SanCongNghe@2026" };
const suffix = Math.random().toString(36).slice(2, 7).toUpperCase();
const listName = `Danh mục bài toán lớn thử nghiệm ${suffix}`;

const fill = (template: string, vars: Record<string, string>) =>
  template.replace(/\{\{(\w+)\}\}/g, (_, key: string) => vars[key] ?? "");

async function addProblem(page: Page, code: string, title: string) {
  await hydrated(page);
  const form = page.locator("form#add-item");
  await form.getByLabel(vi.majorProblems.code).fill(code);
  await form.getByLabel(vi.majorProblems.title, { exact: true }).fill(title);
  await form
    .getByLabel(vi.majorProblems.description)
    .fill("Giảm 30% số điểm ngập sau mưa lớn trên 100 mm trong nội thành.");
  await form.getByLabel(vi.majorProblems.sector).selectOption({ label: "Cấp thoát nước" });
  await form.getByLabel(vi.majorProblems.leadAgency).fill("Sở Xây dựng Hà Nội");
  await form.getByLabel(vi.majorProblems.priority).selectOption("HIGH");
  await form.getByRole("button", { name: vi.majorProblems.addItem }).click();
  await expect(page.getByRole("status")).toHaveText(fill(vi.majorProblems.itemAdded, { code }));
}

async function publish(page: Page, number: number, changelog: string) {
  await hydrated(page);
  await page.getByLabel(vi.majorProblems.changelog).fill(changelog);
  await page.getByRole("button", { name: fill(vi.majorProblems.publish, { number: String(number) }) }).click();
  await expect(page.getByRole("status")).toHaveText(fill(vi.majorProblems.published, { number: String(number) }));
}

test("staff publish a list version, amend it, and both versions stay readable", async ({ page }) => {
  await test.step("sign in as the HiHUB curator", async () => {
    await page.goto("/login");
    await hydrated(page);
    await page.getByLabel(vi.auth.email).fill(curator.email);
    await page.getByLabel(vi.auth.password).fill(curator.password);
    await page.getByRole("button", { name: vi.auth.submitSignIn }).click();
    await page.waitForURL(/\/orgs$/);
    await page.getByRole("banner").getByRole("link", { name: vi.layout.staffArea }).click();
    await page.getByRole("link", { name: vi.layout.staffMajorProblems }).click();
    await expect(page.getByRole("heading", { level: 1 })).toHaveText(vi.majorProblems.staffTitle);
  });

  await test.step("create a list and draft two problems", async () => {
    await hydrated(page);
    await page.getByLabel(vi.majorProblems.listName, { exact: true }).fill(listName);
    await page.getByLabel(vi.majorProblems.decisionNumber).fill("77/QĐ-UBND");
    await page.getByLabel(vi.majorProblems.decisionDate).fill("2026-05-19");
    await page.getByLabel(vi.majorProblems.periodStart).fill("2026");
    await page.getByLabel(vi.majorProblems.periodEnd).fill("2030");
    await page.getByRole("button", { name: vi.majorProblems.createList }).click();
    await expect(page.getByRole("heading", { level: 1 })).toHaveText(listName);
    await addProblem(page, `T${suffix}-1`, "Chống ngập úng cục bộ khu vực nội đô");
    await addProblem(page, `T${suffix}-2`, "Cảnh báo sớm lũ trên sông Nhuệ");
    await expect(
      page.getByText(fill(vi.majorProblems.pendingAdded, { codes: `T${suffix}-1, T${suffix}-2` })),
    ).toBeVisible();
  });

  await test.step("publish version 1; the public sees it", async () => {
    await publish(page, 1, "Ban hành lần đầu.");
    await page.getByRole("link", { name: new RegExp(vi.majorProblems.viewPublic) }).click();
    await expect(page.getByRole("heading", { level: 1 })).toHaveText(listName);
    await expect(page.getByRole("link", { name: "Chống ngập úng cục bộ khu vực nội đô" })).toBeVisible();
    await page.goBack();
  });

  await test.step("amend: retitle a problem and publish version 2 with a changelog", async () => {
    await page.getByRole("link", { name: fill(vi.majorProblems.editItem, { code: `T${suffix}-1` }) }).click();
    await expect(page.getByRole("heading", { level: 1 })).toHaveText(
      fill(vi.majorProblems.editItemTitle, { code: `T${suffix}-1` }),
    );
    await hydrated(page);
    await page
      .getByLabel(vi.majorProblems.title, { exact: true })
      .fill("Chống ngập úng và thoát nước thông minh khu vực nội đô");
    await page.getByRole("button", { name: vi.majorProblems.saveItem }).click();
    await expect(page.getByText(fill(vi.majorProblems.pendingChanged, { codes: `T${suffix}-1` }))).toBeVisible();
    await publish(page, 2, "Sửa đổi theo Quyết định 88/QĐ-UBND: mở rộng phạm vi bài toán T1.");
  });

  await test.step("the public sees version 2; version 1 is still readable as published", async () => {
    await page.getByRole("link", { name: new RegExp(vi.majorProblems.viewPublic) }).click();
    await expect(
      page.getByRole("link", { name: "Chống ngập úng và thoát nước thông minh khu vực nội đô" }),
    ).toBeVisible();
    await expect(page.getByText("Sửa đổi theo Quyết định 88/QĐ-UBND")).toBeVisible();
    await page.getByRole("link", { name: /^Phiên bản 1,/ }).click();
    await expect(page.getByText(fill(vi.majorProblems.oldVersionNotice, { number: "1" }))).toBeVisible();
    await expect(page.getByText("Chống ngập úng cục bộ khu vực nội đô")).toBeVisible();
    await expect(page.getByText("Chống ngập úng và thoát nước thông minh khu vực nội đô")).toHaveCount(0);
  });
});
