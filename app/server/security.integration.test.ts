import { describe, expect, it } from "vitest";
import { db } from "~/db.server";
import en from "~/i18n/en";
import vi from "~/i18n/vi";
import { TEST_PASSWORD, makeUser } from "~/test-support/factories";
import { startTestServer, visibleText } from "~/test-support/http";

const server = startTestServer();

describe("cross-site requests", () => {
  it("refuses a form post from another site, before the action runs", async () => {
    const user = await makeUser();
    const browser = server.browser();
    await browser.signIn(user.email, TEST_PASSWORD);
    const attack = await browser.post(
      "/account",
      { intent: "profile", name: "Bị đổi tên" },
      { origin: "https://evil.example" },
    );
    expect(attack.status).toBe(403);
    expect(attack.text).toContain("Yêu cầu bị từ chối");
    const fetchSite = await browser.post(
      "/account",
      { intent: "profile", name: "Bị đổi tên" },
      { "sec-fetch-site": "cross-site" },
    );
    expect(fetchSite.status).toBe(403);
    expect((await db.user.findUniqueOrThrow({ where: { id: user.id } })).name).toBe(user.name);

    const ownSite = await browser.post(
      "/account",
      { intent: "profile", name: "Tên mới hợp lệ" },
      { "sec-fetch-site": "same-origin" },
    );
    expect(ownSite.status).toBe(302);
    expect((await db.user.findUniqueOrThrow({ where: { id: user.id } })).name).toBe("Tên mới hợp lệ");
  });

  it("refuses a cross-site sign-in attempt (login CSRF)", async () => {
    const user = await makeUser();
    const page = await server
      .browser()
      .post("/login", { email: user.email, password: TEST_PASSWORD }, { origin: "https://evil.example" });
    expect(page.status).toBe(403);
  });

  it("lets webhook routes through the origin check (they verify their own signatures)", async () => {
    const page = await server.browser().post("/webhooks/stripe", {}, { origin: "https://stripe.example" });
    expect(page.status).not.toBe(403);
  });
});

describe("headers", () => {
  it("sends a CSP whose nonce matches every inline script, and the usual security headers", async () => {
    const page = await server.browser().get("/");
    const csp = page.headers.get("content-security-policy") ?? "";
    const nonce = csp.match(/'nonce-([^']+)'/)?.[1];
    expect(nonce).toBeTruthy();
    expect(csp).toContain("default-src 'self'");
    expect(csp).toContain("frame-ancestors 'none'");
    expect(csp).toContain("object-src 'none'");
    const scripts = [...page.text.matchAll(/<script([^>]*)>/g)].map((m) => m[1]!);
    expect(scripts.length).toBeGreaterThan(0);
    for (const attributes of scripts) expect(attributes).toContain(`nonce="${nonce}"`);
    expect(page.headers.get("x-content-type-options")).toBe("nosniff");
    expect(page.headers.get("referrer-policy")).toBe("same-origin");
    expect(page.headers.get("x-powered-by")).toBeNull();
    const second = await server.browser().get("/");
    expect(second.headers.get("content-security-policy")).not.toBe(csp);
  });
});

describe("language", () => {
  it("is Vietnamese by default and remembers a switch to English", async () => {
    const browser = server.browser();
    const first = await browser.get("/login");
    expect(first.text).toContain('<html lang="vi"');
    expect(visibleText(first.text)).toContain(vi.auth.signInTitle);
    const switched = await browser.post("/language", { language: "en", redirectTo: "/login" });
    expect(switched.status).toBe(302);
    expect(switched.location).toBe("/login");
    const later = await browser.get("/signup");
    expect(later.text).toContain('<html lang="en"');
    expect(visibleText(later.text)).toContain(en.auth.signUpLead);
  });

  it("ignores a redirect target on another site", async () => {
    const page = await server.browser().post("/language", { language: "en", redirectTo: "//evil.example/x" });
    expect(page.location).toBe("/");
  });
});

describe("errors in production", () => {
  it("shows a generic page for an unknown address", async () => {
    const page = await server.browser().get("/khong-co-trang-nay");
    expect(page.status).toBe(404);
    expect(visibleText(page.text)).toContain(vi.errors.notFoundTitle);
  });

  // Runs last in this file: it breaks this file's private database on purpose.
  it("shows a generic page with no stack trace or SQL when the database fails", async () => {
    // Renaming works on both databases whatever depends on the table.
    await db.$executeRawUnsafe('ALTER TABLE "Organisation" RENAME TO "OrganisationGone"');
    const page = await server.browser().get("/");
    expect(page.status).toBe(500);
    const text = visibleText(page.text);
    expect(text).toContain(vi.errors.title);
    expect(text).toContain(vi.errors.generic);
    expect(page.text).not.toMatch(/\bat \S+ \(|node_modules|\.ts:\d+|no such table|does not exist|SQL|prisma/i);
  });
});
