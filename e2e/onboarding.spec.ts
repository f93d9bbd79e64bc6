// The first visit of a technology provider: sign up, create the organisation,
// invite a colleague, switch to English, sign out and back in; then the
// colleague joins through the emailed link. Selectors use the UI catalogues,
// so a changed wording fails here the way it would confuse a user.
import { expect, test, type Locator, type Page } from "@playwright/test";
import en from "../app/i18n/en";
import vi from "../app/i18n/vi";
import { hydrated, linksIn, uniqueEmail, uniqueTaxCode, waitForEmail } from "./support";

// "{{name}}" placeholders, as i18next fills them.
function fill(template: string, vars: Record<string, string>): string {
  return template.replace(/\{\{(\w+)\}\}/g, (_, key: string) => vars[key] ?? `{{${key}}}`);
}

const escapeRegExp = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");

const owner = {
  name: "Trần Thị Minh Thư",
  email: uniqueEmail("chu-so-huu"),
  password: "mật khẩu dài của tôi ở phố Hàng Bạc 2026",
};
const invitee = {
  name: "Lê Văn Quang",
  email: uniqueEmail("thanh-vien"),
  password: "một cụm từ rất dài có dấu tiếng Việt",
};
const organisation = {
  name: `Công ty Cổ phần Công nghệ Sông Đà ${owner.email.slice(11, 15).toUpperCase()}`,
  taxCode: uniqueTaxCode(),
  website: "https://songda-tech.example.vn",
  address: "Số 1 Đại Cồ Việt, phường Bạch Mai, Hà Nội",
  description: "Giải pháp giám sát giao thông bằng trí tuệ nhân tạo cho các quận nội thành.",
};

const html = (page: Page) => page.locator("html");
const header = (page: Page) => page.getByRole("banner");
const main = (page: Page) => page.getByRole("main");
const flash = (page: Page) => page.getByRole("status");
const h1 = (page: Page, name: string) => page.getByRole("heading", { level: 1, name, exact: true });

async function signUp(page: Page, person: { name: string; email: string; password: string }) {
  await page.getByLabel(vi.auth.name, { exact: true }).fill(person.name);
  await page.getByLabel(vi.auth.email, { exact: true }).fill(person.email);
  await page.getByLabel(vi.auth.password, { exact: true }).fill(person.password);
  await page.getByRole("button", { name: vi.auth.submitSignUp, exact: true }).click();
}

function memberRow(page: Page, email: string): Locator {
  return page.getByRole("row").filter({ has: page.getByRole("cell", { name: email, exact: true }) });
}

test.describe("a provider's first visit", () => {
  test.describe.configure({ mode: "serial" });
  let invitationLink: URL | undefined;

  test("signs up, creates an organisation, invites a colleague, switches to English, signs out and in", async ({
    page,
    baseURL,
  }) => {
    await test.step("the home page is Vietnamese by default, even for an English browser", async () => {
      await page.goto("/");
      await expect(html(page)).toHaveAttribute("lang", "vi");
      await expect(h1(page, vi.home.title)).toBeVisible();
      await main(page).getByRole("link", { name: vi.home.getStarted, exact: true }).click();
    });

    await test.step("sign up with a long Vietnamese password", async () => {
      await expect(page).toHaveURL(/\/signup$/);
      await expect(h1(page, vi.auth.signUpTitle)).toBeVisible();
      await signUp(page, owner);
      await expect(page).toHaveURL(/\/orgs$/);
      await expect(h1(page, vi.organisations.myTitle)).toBeVisible();
      await expect(main(page).getByText(vi.organisations.none)).toBeVisible();
      await expect(header(page).getByText(fill(vi.layout.signedInAs, { name: owner.name }))).toBeVisible();
    });

    await test.step("create the organisation", async () => {
      await main(page).getByRole("link", { name: vi.organisations.create, exact: true }).click();
      await expect(h1(page, vi.organisations.createTitle)).toBeVisible();
      await page.getByLabel(vi.organisations.name, { exact: true }).fill(organisation.name);
      await page
        .getByRole("group", { name: vi.organisations.kind })
        .getByRole("radio", { name: vi.organisationKinds.PROVIDER, exact: true })
        .check();
      // Optional fields carry "(không bắt buộc)" in their label.
      await page
        .getByLabel(`${vi.organisations.taxCode} ${vi.organisations.optional}`, { exact: true })
        .fill(organisation.taxCode);
      await page
        .getByLabel(`${vi.organisations.website} ${vi.organisations.optional}`, { exact: true })
        .fill(organisation.website);
      await page
        .getByLabel(`${vi.organisations.address} ${vi.organisations.optional}`, { exact: true })
        .fill(organisation.address);
      await page
        .getByLabel(`${vi.organisations.description} ${vi.organisations.optional}`, { exact: true })
        .fill(organisation.description);
      await page.getByRole("button", { name: vi.organisations.create, exact: true }).click();
    });

    await test.step("the organisation page shows it, with me as owner", async () => {
      await expect(page).toHaveURL(/\/orgs\/[^/]+$/);
      await expect(flash(page)).toHaveText(vi.organisations.created);
      await expect(h1(page, organisation.name)).toBeVisible();
      await expect(main(page).getByText(fill(vi.organisations.yourRole, { role: vi.roles.OWNER }))).toBeVisible();
      await expect(main(page).getByText(vi.organisations.notVerified, { exact: true })).toBeVisible();
      const details = main(page).locator("dl");
      await expect(details).toContainText(vi.organisationKinds.PROVIDER);
      await expect(details).toContainText(organisation.taxCode);
      await expect(details.getByRole("link", { name: organisation.website })).toBeVisible();
      await expect(details).toContainText(organisation.address);
      await expect(
        page.getByRole("heading", { level: 2, name: vi.organisations.membersTitle, exact: true }),
      ).toBeVisible();
      const me = memberRow(page, owner.email);
      await expect(me).toHaveCount(1);
      await expect(me).toContainText(owner.name);
      await expect(me).toContainText(vi.roles.OWNER);
    });
    const organisationPath = new URL(page.url()).pathname;

    await test.step("invite a colleague by email", async () => {
      await page.getByLabel(vi.organisations.inviteEmail, { exact: true }).fill(invitee.email);
      await expect(page.getByRole("combobox", { name: vi.organisations.inviteRole, exact: true })).toHaveValue(
        "MEMBER",
      );
      await page.getByRole("button", { name: vi.organisations.inviteSubmit, exact: true }).click();
      await expect(flash(page)).toHaveText(fill(vi.organisations.invited, { email: invitee.email }));
      await expect(page).toHaveURL(new RegExp(`${escapeRegExp(organisationPath)}$`));
      await expect(
        page.getByRole("heading", { level: 2, name: vi.organisations.invitationsTitle, exact: true }),
      ).toBeVisible();
      const pending = main(page).getByRole("listitem").filter({ hasText: invitee.email });
      await expect(pending).toHaveCount(1);
      await expect(pending).toContainText(vi.roles.MEMBER);
      await expect(
        pending.getByRole("button", { name: fill(vi.organisations.cancelInvitation, { email: invitee.email }) }),
      ).toBeVisible();
    });

    await test.step("the invitation email carries a link to the invitation", async () => {
      const email = await waitForEmail(invitee.email);
      expect(email.subject).toBe(
        fill(vi.email.inviteSubject, { inviter: owner.name, organisation: organisation.name }),
      );
      expect(email.text).toContain(organisation.name);
      const link = linksIn(email).find((url) => url.pathname.startsWith("/invitations/"));
      expect(link, `an /invitations/ link in:\n${email.text}`).toBeDefined();
      expect(link!.origin).toBe(new URL(baseURL!).origin);
      invitationLink = link;
    });

    await test.step("switch to English from the header", async () => {
      const switcher = header(page).getByRole("button", { name: vi.layout.switchToLabel, exact: true });
      await expect(switcher).toHaveText(vi.layout.switchTo);
      await switcher.click();
      await expect(html(page)).toHaveAttribute("lang", "en");
      await expect(page).toHaveURL(new RegExp(`${escapeRegExp(organisationPath)}$`));
      await expect(h1(page, organisation.name)).toBeVisible();
      await expect(
        page.getByRole("heading", { level: 2, name: en.organisations.membersTitle, exact: true }),
      ).toBeVisible();
      await expect(
        page.getByRole("heading", { level: 2, name: en.organisations.invitationsTitle, exact: true }),
      ).toBeVisible();
      await expect(main(page).getByText(fill(en.organisations.yourRole, { role: en.roles.OWNER }))).toBeVisible();
      await expect(memberRow(page, owner.email)).toContainText(en.roles.OWNER);
      await expect(header(page).getByRole("button", { name: en.layout.switchToLabel, exact: true })).toHaveText(
        en.layout.switchTo,
      );
    });

    await test.step("English is remembered on other pages and after a reload", async () => {
      await header(page).getByRole("link", { name: en.layout.myOrganisations, exact: true }).click();
      await expect(page).toHaveURL(/\/orgs$/);
      await expect(h1(page, en.organisations.myTitle)).toBeVisible();
      await expect(html(page)).toHaveAttribute("lang", "en");
      await page.reload();
      await expect(html(page)).toHaveAttribute("lang", "en");
      await expect(h1(page, en.organisations.myTitle)).toBeVisible();
      await expect(main(page).getByText(fill(en.organisations.yourRole, { role: en.roles.OWNER }))).toBeVisible();
    });

    await test.step("sign out", async () => {
      await header(page).getByRole("button", { name: en.layout.signOut, exact: true }).click();
      await expect(header(page).getByRole("link", { name: en.layout.signIn, exact: true })).toBeVisible();
      await expect(main(page).getByRole("status")).toHaveText(en.auth.signedOut);
      await expect(header(page).getByRole("button", { name: en.layout.signOut })).toHaveCount(0);
      await expect(header(page).getByText(fill(en.layout.signedInAs, { name: owner.name }))).toHaveCount(0);
      await expect(html(page)).toHaveAttribute("lang", "en");
    });

    await test.step("sign back in: my organisations, still in English", async () => {
      await header(page).getByRole("link", { name: en.layout.signIn, exact: true }).click();
      await expect(h1(page, en.auth.signInTitle)).toBeVisible();
      await page.getByLabel(en.auth.email, { exact: true }).fill(owner.email);
      await page.getByLabel(en.auth.password, { exact: true }).fill(owner.password);
      await page.getByRole("button", { name: en.auth.submitSignIn, exact: true }).click();
      await expect(page).toHaveURL(/\/orgs$/);
      await expect(html(page)).toHaveAttribute("lang", "en");
      await expect(h1(page, en.organisations.myTitle)).toBeVisible();
      const card = main(page).getByRole("listitem").filter({ hasText: organisation.name });
      await expect(card.getByRole("link", { name: organisation.name, exact: true })).toBeVisible();
      await expect(card).toContainText(fill(en.organisations.yourRole, { role: en.roles.OWNER }));
      await expect(card).toContainText(en.organisationKinds.PROVIDER);
    });
  });

  test("the invited colleague signs up from the emailed link and joins as a member", async ({ page }) => {
    expect(invitationLink, "the first test should have found the invitation link").toBeDefined();
    const link = invitationLink!;

    await test.step("the invitation page asks a stranger to sign in or sign up", async () => {
      await page.goto(link.href);
      await expect(html(page)).toHaveAttribute("lang", "vi");
      await expect(h1(page, fill(vi.invitation.title, { organisation: organisation.name }))).toBeVisible();
      await expect(
        main(page).getByText(
          fill(vi.invitation.lead, { inviter: owner.name, organisation: organisation.name, role: vi.roles.MEMBER }),
        ),
      ).toBeVisible();
      await expect(main(page).getByText(fill(vi.invitation.signInFirst, { email: invitee.email }))).toBeVisible();
      await expect(main(page).getByRole("link", { name: vi.layout.signIn, exact: true })).toBeVisible();
      await main(page).getByRole("link", { name: vi.layout.signUp, exact: true }).click();
    });

    await test.step("sign up, keeping the way back to the invitation", async () => {
      await expect(page).toHaveURL(/\/signup\?/);
      expect(new URL(page.url()).searchParams.get("redirectTo")).toBe(link.pathname);
      await expect(h1(page, vi.auth.signUpTitle)).toBeVisible();
      await signUp(page, invitee);
      await expect(page).toHaveURL(new RegExp(`${escapeRegExp(link.pathname)}$`));
      await expect(h1(page, fill(vi.invitation.title, { organisation: organisation.name }))).toBeVisible();
    });

    await test.step("accept: the organisation page shows me as a member", async () => {
      await main(page).getByRole("button", { name: vi.invitation.accept, exact: true }).click();
      await expect(page).toHaveURL(/\/orgs\/[^/]+$/);
      await expect(flash(page)).toHaveText(fill(vi.invitation.accepted, { organisation: organisation.name }));
      await expect(h1(page, organisation.name)).toBeVisible();
      await expect(main(page).getByText(fill(vi.organisations.yourRole, { role: vi.roles.MEMBER }))).toBeVisible();
      await expect(memberRow(page, invitee.email)).toContainText(vi.roles.MEMBER);
      await expect(memberRow(page, owner.email)).toContainText(vi.roles.OWNER);
      // Members do not manage the organisation.
      await expect(page.getByRole("heading", { name: vi.organisations.inviteTitle })).toHaveCount(0);
      await expect(page.getByRole("heading", { name: vi.organisations.invitationsTitle })).toHaveCount(0);
      await expect(main(page).getByRole("link", { name: vi.organisations.edit })).toHaveCount(0);
    });

    await test.step("the link works only once", async () => {
      await page.goto(link.href);
      await expect(main(page).getByRole("alert")).toHaveText(vi.invitation.invalid);
    });
  });
});

test.describe("sign-up with bad input", () => {
  const typed = { name: "Nguyễn Văn Thử", email: "khong-phai-email", password: "ngan" };

  async function fillBadSignUp(page: Page, options: { javaScript: boolean }) {
    await page.goto("/signup");
    await expect(html(page)).toHaveAttribute("lang", "vi");
    if (options.javaScript) await hydrated(page);
    await page.getByLabel(vi.auth.name, { exact: true }).fill(typed.name);
    await page.getByLabel(vi.auth.email, { exact: true }).fill(typed.email);
    await page.getByLabel(vi.auth.password, { exact: true }).fill(typed.password);
    await page.getByRole("button", { name: vi.auth.submitSignUp, exact: true }).click();
  }

  async function expectErrors(page: Page) {
    const summary = main(page).getByRole("alert");
    await expect(summary.getByRole("heading", { name: vi.errors.formErrorsTitle })).toBeVisible();
    // Each summary entry links to its field.
    await expect(summary.getByRole("link", { name: vi.validation.email })).toHaveAttribute("href", /^#/);
    await expect(summary.getByRole("link", { name: vi.validation.passwordTooShort })).toHaveAttribute("href", /^#/);
    await expect(summary.getByRole("link")).toHaveCount(2);

    const email = page.getByLabel(vi.auth.email, { exact: true });
    const password = page.getByLabel(vi.auth.password, { exact: true });
    await expect(email).toHaveAttribute("aria-invalid", "true");
    await expect(email).toHaveAccessibleDescription(new RegExp(escapeRegExp(vi.validation.email)));
    await expect(password).toHaveAttribute("aria-invalid", "true");
    await expect(password).toHaveAccessibleDescription(new RegExp(escapeRegExp(vi.validation.passwordTooShort)));
    await expect(main(page).locator(".error-message").filter({ hasText: vi.validation.email })).toBeVisible();
    await expect(
      main(page).locator(".error-message").filter({ hasText: vi.validation.passwordTooShort }),
    ).toBeVisible();
    // Nothing wrong with the name.
    await expect(page.getByLabel(vi.auth.name, { exact: true })).not.toHaveAttribute("aria-invalid", "true");
    await expect(page.getByLabel(vi.auth.name, { exact: true })).toHaveValue(typed.name);
    await expect(email).toHaveValue(typed.email);
  }

  test.describe("checked by the server (no JavaScript)", () => {
    test.use({ javaScriptEnabled: false });

    test("shows Vietnamese errors, keeps name and email, empties the password", async ({ page }) => {
      await fillBadSignUp(page, { javaScript: false });
      await expect(page).toHaveURL(/\/signup$/);
      await expectErrors(page);
      await expect(page.getByLabel(vi.auth.password, { exact: true })).toHaveValue("");
    });
  });

  test("checked in the browser: Vietnamese errors before anything is sent", async ({ page }) => {
    const posts: string[] = [];
    page.on("request", (request) => {
      if (request.method() === "POST") posts.push(request.url());
    });
    await fillBadSignUp(page, { javaScript: true });
    await expectErrors(page);
    expect(posts, "an invalid form should not be posted").toEqual([]);
  });

  test("an email that already has an account: the server's Vietnamese error, password not sent back", async ({
    page,
  }) => {
    const password = "một mật khẩu đủ dài";
    await page.goto("/signup");
    await hydrated(page);
    await page.getByLabel(vi.auth.name, { exact: true }).fill(typed.name);
    await page.getByLabel(vi.auth.email, { exact: true }).fill("admin@hihub.example.vn");
    await page.getByLabel(vi.auth.password, { exact: true }).fill(password);
    const reply = page.waitForResponse(
      (response) => response.request().method() === "POST" && new URL(response.url()).pathname === "/signup",
    );
    await page.getByRole("button", { name: vi.auth.submitSignUp, exact: true }).click();
    const response = await reply;
    expect(response.status()).toBe(400);
    expect(await response.text(), "the server must not echo the password").not.toContain(password);
    const summary = main(page).getByRole("alert");
    await expect(summary.getByRole("link", { name: vi.validation.emailTaken })).toBeVisible();
    await expect(page.getByLabel(vi.auth.email, { exact: true })).toHaveAccessibleDescription(
      new RegExp(escapeRegExp(vi.validation.emailTaken)),
    );
    await expect(page.getByLabel(vi.auth.name, { exact: true })).toHaveValue(typed.name);
    await expect(page.getByLabel(vi.auth.email, { exact: true })).toHaveValue("admin@hihub.example.vn");
    // With JavaScript the typed password simply stays in the browser's field
    // (nothing is re-rendered from the server); without it, see above.
  });
});

test.describe("on a phone", () => {
  test.use({ viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true, deviceScaleFactor: 3 });

  test("the home page fits the screen and the skip link comes first", async ({ page }) => {
    await page.goto("/");
    await expect(h1(page, vi.home.title)).toBeVisible();
    const { scrollWidth, clientWidth } = await page.evaluate(() => ({
      scrollWidth: document.documentElement.scrollWidth,
      clientWidth: document.documentElement.clientWidth,
    }));
    expect(scrollWidth, `page is ${scrollWidth}px wide on a ${clientWidth}px screen`).toBeLessThanOrEqual(clientWidth);

    const skipLink = page.getByRole("link", { name: vi.layout.skipLink, exact: true });
    await page.keyboard.press("Tab");
    await expect(skipLink).toBeFocused();
    await expect(skipLink).toBeInViewport();
    await expect(skipLink).toHaveAttribute("href", "#main-content");
    await page.keyboard.press("Enter");
    await expect(page.locator("#main-content")).toBeFocused();
    await expect(page.getByRole("main")).toHaveAttribute("id", "main-content");
  });
});
