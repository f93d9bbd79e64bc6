import { describe, expect, it } from "vitest";
import { db } from "~/db.server";
import vi from "~/i18n/vi";
import en from "~/i18n/en";
import { TEST_PASSWORD, linkIn, makeUser, readOutbox, uniqueEmail } from "~/test-support/factories";
import { inputValue, startTestServer, visibleText } from "~/test-support/http";

const server = startTestServer();

describe("sign up", () => {
  it("creates the account, signs the person in and lands on their organisations", async () => {
    const browser = server.browser();
    const email = uniqueEmail("signup");
    const page = await browser.post("/signup", {
      name: "Trần Văn Bình",
      email: email.toUpperCase(),
      password: TEST_PASSWORD,
    });
    expect(page.status).toBe(302);
    expect(page.location).toBe("/orgs");
    const orgs = await browser.get("/orgs");
    expect(orgs.status).toBe(200);
    expect(visibleText(orgs.text)).toContain(vi.layout.signedInAs.replace("{{name}}", "Trần Văn Bình"));
    // Stored lower-case, so the same person cannot register twice by case.
    expect(await db.user.count({ where: { email } })).toBe(1);
  });

  it.each([
    ["an invalid email", { name: "Lê Hoa", email: "le.hoa@", password: TEST_PASSWORD }, "email", vi.validation.email],
    ["an empty name", { name: "   ", email: uniqueEmail(), password: TEST_PASSWORD }, "name", vi.validation.required],
    [
      "a 10,000-character name",
      { name: "Â".repeat(10_000), email: uniqueEmail(), password: TEST_PASSWORD },
      "name",
      vi.validation.tooLong.replace("{{max}}", "120"),
    ],
    [
      "a short password",
      { name: "Lê Hoa", email: uniqueEmail(), password: "ngắn" },
      "password",
      vi.validation.passwordTooShort,
    ],
  ])(
    "rejects %s with a Vietnamese message, keeps what was typed, saves nothing",
    async (_label, form, field, message) => {
      const before = await db.user.count();
      const page = await server.browser().post("/signup", form);
      expect(page.status).toBe(400);
      const text = visibleText(page.text);
      expect(text).toContain(vi.errors.formErrorsTitle);
      expect(text).toContain(message);
      expect(page.text).toContain(`aria-invalid="true"`);
      if (field !== "email") expect(inputValue(page.text, "email")).toBe(form.email);
      if (field !== "name") expect(inputValue(page.text, "name")).toBe(form.name);
      expect(inputValue(page.text, "password")).toBe("");
      expect(page.text).not.toContain(`value="${form.password}"`);
      expect(await db.user.count()).toBe(before);
    },
  );

  it("refuses a duplicate account and says so in English when English is chosen", async () => {
    const existing = await makeUser();
    const page = await server.browser({ language: "en" }).post("/signup", {
      name: "Someone Else",
      email: existing.email,
      password: TEST_PASSWORD,
    });
    expect(page.status).toBe(400);
    expect(page.text).toContain('lang="en"');
    expect(visibleText(page.text)).toContain(en.validation.emailTaken);
    expect(inputValue(page.text, "name")).toBe("Someone Else");
    expect(await db.user.count({ where: { email: existing.email } })).toBe(1);
  });
});

describe("passwords", () => {
  it("accepts a long Vietnamese passphrase and rejects one that differs only in its last character", async () => {
    const passphrase = "Hồ Gươm sáng sớm có sương mù, tôi đạp xe quanh hồ và uống cà phê trứng ở phố cổ!";
    expect(passphrase.length).toBeGreaterThan(64);
    const email = uniqueEmail("long");
    expect((await server.browser().post("/signup", { name: "Phạm Minh", email, password: passphrase })).status).toBe(
      302,
    );
    const wrong = await server.browser().post("/login", { email, password: passphrase.slice(0, -1) + "?" });
    expect(wrong.status).toBe(400);
    expect(visibleText(wrong.text)).toContain(vi.validation.invalidCredentials);
    expect((await server.browser().post("/login", { email, password: passphrase })).status).toBe(302);
  });
});

describe("sessions", () => {
  it("sign-out ends the session on the server: the old cookie no longer works", async () => {
    const user = await makeUser();
    const browser = server.browser();
    await browser.signIn(user.email, TEST_PASSWORD);
    const stolenCookie = browser.cookieHeader();
    expect((await browser.get("/account")).status).toBe(200);
    const out = await browser.post("/logout", {});
    expect(out.status).toBe(302);
    const replay = await server.browser().get("/account", { cookie: stolenCookie });
    expect(replay.status).toBe(302);
    expect(replay.location).toMatch(/^\/login\?redirectTo=/);
    expect(await db.session.count({ where: { userId: user.id } })).toBe(0);
  });

  it("a password change ends every other session but keeps the current one", async () => {
    const user = await makeUser();
    const laptop = server.browser();
    const phone = server.browser();
    await laptop.signIn(user.email, TEST_PASSWORD);
    await phone.signIn(user.email, TEST_PASSWORD);
    const changed = await laptop.post("/account", {
      intent: "password",
      currentPassword: TEST_PASSWORD,
      newPassword: "mật khẩu mới an toàn 2026",
    });
    expect(changed.status).toBe(302);
    expect((await laptop.get("/account")).status).toBe(200);
    expect((await phone.get("/account")).status).toBe(302);
  });

  it("a wrong current password changes nothing", async () => {
    const user = await makeUser();
    const browser = server.browser();
    await browser.signIn(user.email, TEST_PASSWORD);
    const page = await browser.post("/account", {
      intent: "password",
      currentPassword: "không phải mật khẩu",
      newPassword: "mật khẩu mới an toàn",
    });
    expect(page.status).toBe(400);
    expect(visibleText(page.text)).toContain(vi.validation.wrongCurrentPassword);
    await server.browser().signIn(user.email, TEST_PASSWORD);
  });

  it("sets the session cookie HttpOnly, SameSite=Lax and Secure in production", async () => {
    const user = await makeUser();
    const page = await server.browser().post("/login", { email: user.email, password: TEST_PASSWORD });
    const cookie = page.headers.getSetCookie().find((c) => c.startsWith("__session="));
    expect(cookie).toBeDefined();
    expect(cookie).toMatch(/; HttpOnly/i);
    expect(cookie).toMatch(/; SameSite=Lax/i);
    expect(cookie).toMatch(/; Secure/i);
  });
});

describe("password reset", () => {
  it("emails a one-time link that works once, then reads as stale", async () => {
    const user = await makeUser({ name: "Đỗ Thu Trang" });
    const sent = await server.browser().post("/forgot-password", { email: user.email });
    expect(sent.status).toBe(200);
    expect(visibleText(sent.text)).toContain(vi.auth.forgotSent.replace("{{email}}", user.email));
    const [email] = await readOutbox(user.email);
    expect(email?.subject).toBe(vi.email.resetSubject);
    expect(email?.text).toContain("Đỗ Thu Trang");
    const link = linkIn(email!);

    const signedIn = server.browser();
    await signedIn.signIn(user.email, TEST_PASSWORD);

    expect((await server.browser().get(link)).status).toBe(200);
    const reset = await server.browser().post(link, { password: "một mật khẩu hoàn toàn mới" });
    expect(reset.status).toBe(302);
    expect(reset.location).toBe("/login");
    // Every session that existed before the reset is gone.
    expect((await signedIn.get("/account")).status).toBe(302);
    await server.browser().signIn(user.email, "một mật khẩu hoàn toàn mới");

    const reused = await server.browser().post(link, { password: "lần thứ hai dùng lại link" });
    expect(reused.status).toBe(410);
    expect(visibleText(reused.text)).toContain(vi.auth.resetStale);
    expect((await server.browser().get(link)).status).toBe(410);
  });

  it("treats an expired link as stale and leaves the password alone", async () => {
    const user = await makeUser();
    await server.browser().post("/forgot-password", { email: user.email });
    const [email] = await readOutbox(user.email);
    await db.passwordResetToken.updateMany({
      where: { userId: user.id },
      data: { expiresAt: new Date(Date.now() - 1000) },
    });
    const page = await server.browser({ language: "en" }).post(linkIn(email!), { password: "mật khẩu hết hạn rồi" });
    expect(page.status).toBe(410);
    expect(visibleText(page.text)).toContain(en.auth.resetStale);
    await server.browser().signIn(user.email, TEST_PASSWORD);
  });

  it("says the same thing for an unknown address and sends nothing", async () => {
    const email = uniqueEmail("ghost");
    const page = await server.browser().post("/forgot-password", { email });
    expect(page.status).toBe(200);
    expect(visibleText(page.text)).toContain(vi.auth.forgotSent.replace("{{email}}", email));
    expect(await readOutbox(email)).toHaveLength(0);
  });
});

describe("rate limits", () => {
  it("answers 429 with Retry-After after repeated failed sign-ins, even for the right password", async () => {
    const user = await makeUser();
    const browser = server.browser();
    for (let attempt = 0; attempt < 5; attempt++) {
      expect((await browser.post("/login", { email: user.email, password: "sai mật khẩu" })).status).toBe(400);
    }
    const blocked = await browser.post("/login", { email: user.email, password: TEST_PASSWORD });
    expect(blocked.status).toBe(429);
    expect(Number(blocked.headers.get("retry-after"))).toBeGreaterThan(0);
    expect(visibleText(blocked.text)).toContain("Bạn đã thử quá nhiều lần");
    expect(inputValue(blocked.text, "email")).toBe(user.email);
  });

  it("limits password reset requests per address", async () => {
    const user = await makeUser();
    const statuses: number[] = [];
    for (let attempt = 0; attempt < 6; attempt++) {
      statuses.push((await server.browser().post("/forgot-password", { email: user.email })).status);
    }
    expect(statuses).toEqual([200, 200, 200, 200, 200, 429]);
    expect(await readOutbox(user.email)).toHaveLength(5);
  });
});
