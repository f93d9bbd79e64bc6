// Page titles and the 404 page in the reader's language, over HTTP against
// the real build: what a reader sees in the browser tab and what a screen
// reader announces first.
import { beforeAll, describe, expect, it } from "vitest";
import { makeUser, TEST_PASSWORD } from "~/test-support/factories";
import { startTestServer, visibleText, type TestBrowser } from "~/test-support/http";
import {
  makeOffer,
  makeProvider,
  makePublishedMajorProblem,
  makeStatement,
  makeAgency,
} from "~/test-support/statement-factories";

const server = startTestServer();

const SITE_VI = "Sàn Giao dịch Công nghệ Hà Nội";
const SITE_EN = "Hanoi Tech Exchange";
// Vietnamese letters with diacritics (Latin-1 Supplement, Latin Extended-A/B
// and the Latin Extended Additional block, where most Vietnamese tones live).
const VIETNAMESE_LETTER = /[\u00C0-\u024F\u1E00-\u1EFF]/u;

function titleOf(html: string): string {
  const titles = [...html.matchAll(/<title>([^<]*)<\/title>/g)].map((m) => visibleText(m[1]!));
  expect(titles, "exactly one <title>").toHaveLength(1);
  return titles[0]!;
}

function htmlLang(html: string): string | null {
  return /<html[^>]*\slang="([^"]+)"/.exec(html)?.[1] ?? null;
}

// Pages everyone can open, with no user content in their title.
const PUBLIC_PAGES = [
  "/",
  "/login",
  "/signup",
  "/forgot-password",
  "/problems",
  "/major-problems",
  "/market",
  "/market/compare",
  "/organisations",
  "/results",
  "/api",
  "/open-data",
  "/search",
  "/search?q=giao+thong",
  "/reset-password/not-a-real-token",
  "/invitations/not-a-real-token",
];

// Signed-in pages (an administrator sees all of them).
const SIGNED_IN_PAGES = [
  "/account",
  "/account/notifications",
  "/account/alerts",
  "/notifications",
  "/orgs",
  "/orgs/new",
  "/orders",
  "/staff",
  "/staff/audit",
  "/staff/tracking",
  "/staff/taxonomy",
  "/staff/dashboard",
  "/staff/ledger",
  "/staff/matches",
  "/staff/offers",
  "/staff/problems",
  "/staff/organisations",
  "/staff/import",
  "/staff/search",
  "/staff/services",
  "/staff/major-problems",
  "/staff/major-problems/proposals",
  "/staff/reports/monthly",
  "/admin/users",
];

// Pages whose title quotes content (an organisation's name, a problem's
// title) that exists only in Vietnamese: the rest of the title is English.
const contentPages: Array<{ path: string; content: string }> = [];
let admin: { id: string; email: string };

beforeAll(async () => {
  admin = await makeUser({ role: "ADMIN" });
  const agencyOwner = await makeUser();
  const agency = await makeAgency(agencyOwner.id, "Sở Tiêu Đề Thử");
  const statement = await makeStatement(agency.id, agencyOwner.id, { status: "PUBLISHED" });
  const provider = await makeProvider((await makeUser()).id, "Công ty Tiêu Đề");
  const offer = await makeOffer(provider.id, { title: "Giải pháp tiêu đề thử" });
  const major = await makePublishedMajorProblem(admin.id);
  contentPages.push(
    { path: `/problems/${statement.slug}`, content: statement.title },
    { path: `/offers/${offer.slug}`, content: offer.titleVi },
    { path: `/major-problems/${major.listSlug}/${major.code}`, content: `${major.code}: ${major.title}` },
  );
});

async function englishBrowser(signedIn: boolean): Promise<TestBrowser> {
  const browser = server.browser({ language: "en" });
  if (signedIn) await browser.signIn(admin.email, TEST_PASSWORD);
  return browser;
}

describe("page titles in English", () => {
  it("every public page has an English title, with the site name in English", async () => {
    const browser = await englishBrowser(false);
    const vietnamese: string[] = [];
    for (const path of PUBLIC_PAGES) {
      const page = await browser.get(path);
      expect(page.status, path).toBeLessThan(500);
      expect(htmlLang(page.text), path).toBe("en");
      const title = titleOf(page.text);
      expect(title, path).toContain(SITE_EN);
      if (VIETNAMESE_LETTER.test(title)) vietnamese.push(`${path}: ${title}`);
    }
    expect(vietnamese, vietnamese.join("\n")).toEqual([]);
  });

  it("every signed-in page has an English title", async () => {
    const browser = await englishBrowser(true);
    const vietnamese: string[] = [];
    for (const path of SIGNED_IN_PAGES) {
      const page = await browser.get(path);
      expect(page.status, path).toBe(200);
      expect(htmlLang(page.text), path).toBe("en");
      const title = titleOf(page.text);
      if (VIETNAMESE_LETTER.test(title) || !title.includes(SITE_EN)) vietnamese.push(`${path}: ${title}`);
    }
    expect(vietnamese, vietnamese.join("\n")).toEqual([]);
  });

  it("pages titled with Vietnamese content keep the content and put the rest in English", async () => {
    const browser = await englishBrowser(false);
    for (const { path, content } of contentPages) {
      const page = await browser.get(path);
      expect(page.status, path).toBe(200);
      const title = titleOf(page.text);
      expect(title, path).toContain(content);
      const rest = title.replace(content, "");
      expect(rest, path).not.toMatch(VIETNAMESE_LETTER);
      expect(rest, path).toContain(SITE_EN);
    }
  });

  it("the same pages are titled in Vietnamese by default", async () => {
    const browser = server.browser();
    for (const path of ["/login", "/problems", "/market", "/results", "/api"]) {
      const page = await browser.get(path);
      expect(htmlLang(page.text), path).toBe("vi");
      const title = titleOf(page.text);
      expect(title, path).toContain(SITE_VI);
      expect(title, path).not.toContain(SITE_EN);
    }
    expect(titleOf((await browser.get("/login")).text)).toBe(`Đăng nhập — ${SITE_VI}`);
    expect(titleOf((await (await englishBrowser(false)).get("/login")).text)).toBe(`Sign in — ${SITE_EN}`);
  });
});

describe("the 404 page", () => {
  it("is rendered in English on the server for an English reader, with lang=en", async () => {
    const page = await (await englishBrowser(false)).get(`/no-such-page-${Date.now()}`);
    expect(page.status).toBe(404);
    expect(htmlLang(page.text)).toBe("en");
    expect(titleOf(page.text)).toBe(`Page not found — ${SITE_EN}`);
    const text = visibleText(page.text);
    expect(text).toContain("Page not found");
    expect(text).not.toContain("Không tìm thấy");
  });

  it("is Vietnamese by default, with lang=vi", async () => {
    const page = await server.browser().get(`/khong-co-trang-nay-${Date.now()}`);
    expect(page.status).toBe(404);
    expect(htmlLang(page.text)).toBe("vi");
    expect(titleOf(page.text)).toMatch(new RegExp(` — ${SITE_VI}$`));
    expect(titleOf(page.text)).not.toContain("Page not found");
    expect(visibleText(page.text)).not.toContain("Page not found");
  });

  it("keeps the signed-in header, and a form posted to an unknown path gets the same 404", async () => {
    const browser = await englishBrowser(true);
    const page = await browser.get("/no/such/deep/page");
    expect(page.status).toBe(404);
    expect(visibleText(page.text)).toContain("Sign out");
    const posted = await browser.post("/no-such-form", { a: "1" });
    expect(posted.status).toBe(404);
    expect(htmlLang(posted.text)).toBe("en");
  });

  it("an unknown record inside a known route is a 404 in the reader's language too", async () => {
    const page = await (await englishBrowser(false)).get("/problems/khong-ton-tai");
    expect(page.status).toBe(404);
    expect(htmlLang(page.text)).toBe("en");
    expect(titleOf(page.text)).toBe(`Page not found — ${SITE_EN}`);
  });
});
