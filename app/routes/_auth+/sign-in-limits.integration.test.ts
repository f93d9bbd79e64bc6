// Sign-in limits with the default settings (5 wrong passwords per account
// and address pair, 100 per address per 15 minutes, 50 per account per hour)
// and no trusted proxy. Different clients connect from different loopback
// addresses (127.0.0.x), so the server sees real, distinct addresses.
import { describe, expect, it } from "vitest";
import { db } from "~/db.server";
import en from "~/i18n/en";
import vi from "~/i18n/vi";
import { AddressBrowser } from "~/test-support/address-browser";
import { TEST_PASSWORD, makeUser, uniqueEmail } from "~/test-support/factories";
import { inputValue, startTestServer, visibleText, type Page } from "~/test-support/http";

const server = startTestServer();
const from = (address: string, language?: "vi" | "en") => new AddressBrowser(() => server.baseUrl, address, language);
const WRONG = "sai mật khẩu rồi";

function expectRateLimited(page: Page, message: string, maxSeconds: number) {
  expect(page.status).toBe(429);
  const wait = Number(page.headers.get("retry-after"));
  expect(wait).toBeGreaterThan(0);
  expect(wait).toBeLessThanOrEqual(maxSeconds);
  expect(visibleText(page.text)).toContain(message.replace("{{minutes}}", String(Math.ceil(wait / 60))));
}

describe("the per (account, address) limit", () => {
  it("stops the attacker's address after 5 wrong passwords, yet the owner gets in from another address", async () => {
    const owner = await makeUser();
    const attacker = from("127.0.0.2");
    for (let attempt = 0; attempt < 5; attempt++) {
      const page = await attacker.post("/login", { email: owner.email, password: `${WRONG} ${attempt}` });
      expect(page.status).toBe(400);
      expect(visibleText(page.text)).toContain(vi.validation.invalidCredentials);
    }
    const blocked = await attacker.post("/login", { email: owner.email, password: WRONG });
    expectRateLimited(blocked, vi.validation.rateLimited, 900);
    expect(inputValue(blocked.text, "email")).toBe(owner.email);
    expect(inputValue(blocked.text, "password")).toBe("");
    // Even the right password from that address is refused: the limit is not a password oracle.
    expect((await attacker.post("/login", { email: owner.email, password: TEST_PASSWORD })).status).toBe(429);

    const ownerBrowser = from("127.0.0.3");
    const signedIn = await ownerBrowser.post("/login", { email: owner.email, password: TEST_PASSWORD });
    expect(signedIn.status).toBe(302);
    expect((await ownerBrowser.get("/account")).status).toBe(200);

    // The attacker's address is not locked out of the site: other accounts still sign in from it.
    const colleague = await makeUser();
    expect((await attacker.post("/login", { email: colleague.email, password: TEST_PASSWORD })).status).toBe(302);
  });

  it("holds under 20 concurrent guesses: exactly 5 are judged, the rest answer 429", async () => {
    const owner = await makeUser();
    const attacker = from("127.0.0.14");
    const pages = await Promise.all(
      Array.from({ length: 20 }, (_, attempt) =>
        attacker.post("/login", { email: owner.email, password: `${WRONG} ${attempt}` }),
      ),
    );
    const statuses = pages.map((page) => page.status).sort();
    expect(statuses).toEqual([...Array(5).fill(400), ...Array(15).fill(429)]);
  });

  it("ignores X-Forwarded-For by default: a new address in the header each try still hits the limit", async () => {
    const owner = await makeUser();
    const attacker = from("127.0.0.4");
    const statuses: number[] = [];
    for (let attempt = 0; attempt < 7; attempt++) {
      const page = await attacker.post(
        "/login",
        { email: owner.email, password: WRONG },
        { "x-forwarded-for": `198.51.100.${attempt + 1}` },
      );
      statuses.push(page.status);
    }
    expect(statuses).toEqual([400, 400, 400, 400, 400, 429, 429]);
  });
});

describe("the per-address budget", () => {
  it("stops one address after 100 wrong passwords spread over many accounts, in the reader's language, except for accounts already signed in from there", async () => {
    const address = "127.0.0.5";
    // Someone in the same office signed in from this address before the attack.
    const officeUser = await makeUser();
    expect((await from(address).post("/login", { email: officeUser.email, password: TEST_PASSWORD })).status).toBe(302);

    const realAccounts = await Promise.all(Array.from({ length: 5 }, () => makeUser()));
    const emails = [
      ...realAccounts.map((user) => user.email),
      ...Array.from({ length: 20 }, () => uniqueEmail("stuffing")),
    ];
    const stuffer = from(address);
    for (const email of emails) {
      for (let attempt = 0; attempt < 4; attempt++) {
        expect((await stuffer.post("/login", { email, password: `${WRONG} ${attempt}` })).status).toBe(400);
      }
    }
    // 100 failures, no pair over its limit of 5: the address itself is now out of budget.
    const target = await makeUser();
    const blocked = await from(address, "en").post("/login", { email: target.email, password: TEST_PASSWORD });
    expectRateLimited(blocked, en.validation.rateLimited, 900);
    expect(blocked.text).toContain('lang="en"');
    expect(inputValue(blocked.text, "email")).toBe(target.email);

    // The same account from another address is fine, and so is the office user at the shared address.
    expect((await from("127.0.0.6").post("/login", { email: target.email, password: TEST_PASSWORD })).status).toBe(302);
    expect((await from(address).post("/login", { email: officeUser.email, password: TEST_PASSWORD })).status).toBe(302);
  });
});

describe("the per-account budget", () => {
  it("after 50 wrong passwords from 10 addresses in an hour, refuses new addresses but lets the owner in from an address they used before", async () => {
    const owner = await makeUser();
    const home = from("127.0.1.200");
    expect((await home.post("/login", { email: owner.email, password: TEST_PASSWORD })).status).toBe(302);

    for (let machine = 1; machine <= 10; machine++) {
      const bot = from(`127.0.1.${machine}`);
      for (let attempt = 0; attempt < 5; attempt++) {
        expect(
          (await bot.post("/login", { email: owner.email, password: `${WRONG} ${machine}.${attempt}` })).status,
        ).toBe(400);
      }
    }
    // An eleventh machine gets no guess at all, right password or not.
    const eleventh = await from("127.0.1.11").post("/login", { email: owner.email, password: TEST_PASSWORD });
    expectRateLimited(eleventh, vi.validation.rateLimited, 3600);
    expect(Number(eleventh.headers.get("retry-after"))).toBeGreaterThan(900);

    // The owner, from the address they signed in from before, is not locked out.
    const again = from("127.0.1.200");
    expect((await again.post("/login", { email: owner.email, password: TEST_PASSWORD })).status).toBe(302);
    expect((await again.get("/account")).status).toBe(200);
  });
});

describe("the current password on /account", () => {
  it("answers 429 with Retry-After after 5 wrong current passwords, in English when chosen, and changes nothing", async () => {
    const user = await makeUser();
    const browser = from("127.0.0.7", "en");
    expect((await browser.post("/login", { email: user.email, password: TEST_PASSWORD })).status).toBe(302);
    const change = (currentPassword: string) =>
      browser.post("/account", { intent: "password", currentPassword, newPassword: "mật khẩu mới an toàn 2026" });
    for (let attempt = 0; attempt < 5; attempt++) {
      const page = await change(`${WRONG} ${attempt}`);
      expect(page.status).toBe(400);
      expect(visibleText(page.text)).toContain(en.validation.wrongCurrentPassword);
    }
    const blocked = await change(WRONG);
    expectRateLimited(blocked, en.validation.rateLimited, 900);
    expect(inputValue(blocked.text, "currentPassword")).toBe("");
    expect(inputValue(blocked.text, "newPassword")).toBe("");
    // The right current password waits too, and the password stays as it was.
    expect((await change(TEST_PASSWORD)).status).toBe(429);
    expect((await from("127.0.0.8").post("/login", { email: user.email, password: TEST_PASSWORD })).status).toBe(302);
    // The page itself still works for the signed-in user.
    expect((await browser.get("/account")).status).toBe(200);
  });

  it("counts per person: another user is not slowed down", async () => {
    const [first, second] = [await makeUser(), await makeUser()];
    const one = from("127.0.0.9");
    const two = from("127.0.0.9");
    expect((await one.post("/login", { email: first.email, password: TEST_PASSWORD })).status).toBe(302);
    expect((await two.post("/login", { email: second.email, password: TEST_PASSWORD })).status).toBe(302);
    for (let attempt = 0; attempt < 6; attempt++) {
      await one.post("/account", {
        intent: "password",
        currentPassword: WRONG,
        newPassword: "mật khẩu mới an toàn 2026",
      });
    }
    const changed = await two.post("/account", {
      intent: "password",
      currentPassword: TEST_PASSWORD,
      newPassword: "mật khẩu mới an toàn 2026",
    });
    expect(changed.status).toBe(302);
  });
});

describe("signing in again", () => {
  it("replaces the browser's session: a new cookie, and the old one no longer works", async () => {
    const user = await makeUser();
    const browser = from("127.0.0.10");
    expect((await browser.post("/login", { email: user.email, password: TEST_PASSWORD })).status).toBe(302);
    const firstCookie = browser.cookieHeader();
    expect((await browser.get("/account")).status).toBe(200);

    expect((await browser.post("/login", { email: user.email, password: TEST_PASSWORD })).status).toBe(302);
    const secondCookie = browser.cookieHeader();
    expect(secondCookie).not.toBe(firstCookie);
    expect((await browser.get("/account")).status).toBe(200);

    const replay = await from("127.0.0.11").get("/account", { cookie: firstCookie });
    expect(replay.status).toBe(302);
    expect(replay.location).toMatch(/^\/login\?redirectTo=/);
    expect(await db.session.count({ where: { userId: user.id } })).toBe(1);
  });

  it("as someone else ends the first person's session in that browser", async () => {
    const [first, second] = [await makeUser(), await makeUser()];
    const shared = from("127.0.0.12");
    expect((await shared.post("/login", { email: first.email, password: TEST_PASSWORD })).status).toBe(302);
    const firstCookie = shared.cookieHeader();
    expect((await shared.post("/login", { email: second.email, password: TEST_PASSWORD })).status).toBe(302);
    expect((await from("127.0.0.13").get("/account", { cookie: firstCookie })).status).toBe(302);
    expect(await db.session.count({ where: { userId: first.id } })).toBe(0);
  });
});
