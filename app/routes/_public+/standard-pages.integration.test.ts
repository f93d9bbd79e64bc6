// The standard pages (how it works, FAQ, terms, privacy, accessibility,
// contact): each answers in the reader's language with its own title and
// heading, the footer of every page links to all of them, and anonymous
// visitors get them from the public page cache.
import { describe, expect, it } from "vitest";
import en from "~/i18n/en";
import vi from "~/i18n/vi";
import { startTestServer, visibleText, type Page } from "~/test-support/http";

const CONTACT = "du-lieu-ca-nhan@so-khcn.example.vn";
process.env.CONTACT_EMAIL = CONTACT;
process.env.PUBLIC_CACHE_SECONDS = "300";

const server = startTestServer();

const PAGES = [
  ["/how-it-works", "howItWorks"],
  ["/faq", "faq"],
  ["/terms", "terms"],
  ["/privacy", "privacy"],
  ["/accessibility", "accessibility"],
  ["/contact", "contact"],
] as const;

const CATALOGUES = { vi, en } as const;

function title(page: Page): string {
  return visibleText(/<title>([\s\S]*?)<\/title>/.exec(page.text)?.[1] ?? "").trim();
}

function h1(page: Page): string {
  return visibleText(/<h1[^>]*>([\s\S]*?)<\/h1>/.exec(page.text)?.[1] ?? "").trim();
}

function footer(page: Page): string {
  return /<footer[\s\S]*?<\/footer>/.exec(page.text)?.[0] ?? "";
}

describe("standard pages", () => {
  for (const language of ["vi", "en"] as const) {
    const catalogue = CATALOGUES[language];
    for (const [path, id] of PAGES) {
      it(`${path} answers in ${language} with its title and heading`, async () => {
        const page = await server.browser({ language }).get(path);
        expect(page.status).toBe(200);
        expect(page.text).toContain(`<html lang="${language}"`);
        const pageTitle = catalogue.standardPages.titles[id];
        expect(title(page)).toBe(`${pageTitle} — ${catalogue.meta.siteName}`);
        expect(h1(page)).toBe(pageTitle);
      });
    }

    it(`every page's footer links to all six pages, named in ${language}`, async () => {
      for (const pathname of ["/", "/faq", "/search"]) {
        const html = footer(await server.browser({ language }).get(pathname));
        for (const [path, id] of PAGES) {
          expect(html).toMatch(new RegExp(`<a[^>]*href="${path}"[^>]*>${catalogue.standardPages.titles[id]}</a>`));
        }
      }
    });
  }

  it("the privacy notice names Decree 13, what is kept and for how long, the rights, and the configured contact address", async () => {
    const viText = visibleText((await server.browser({ language: "vi" }).get("/privacy")).text);
    expect(viText).toContain("Nghị định 13/2023/NĐ-CP");
    for (const heading of [
      "Chúng tôi lưu gì",
      "Vì sao chúng tôi xử lý dữ liệu",
      "Chúng tôi giữ dữ liệu bao lâu",
      "Quyền của bạn",
      "Cách thực hiện quyền",
    ]) {
      expect(viText).toContain(heading);
    }
    // The figures the code enforces (session lifetime, reset link, invitation).
    expect(viText).toContain("tối đa 30 ngày");
    expect(viText).toContain("sau 1 giờ");
    expect(viText).toContain("sau 7 ngày");
    expect(viText).toContain(CONTACT);
    expect(viText).not.toContain("{{contactEmail}}");

    const enPage = await server.browser({ language: "en" }).get("/privacy");
    const enText = visibleText(enPage.text);
    expect(enText).toContain("Decree 13/2023/NĐ-CP");
    expect(enText).toContain("at most 30 days");
    expect(enText).toContain(CONTACT);
    // Only the reader's language is sent, in the page and in its data.
    expect(enPage.text).not.toContain("Chúng tôi giữ dữ liệu bao lâu");
  });

  it("the contact page links to the contact address", async () => {
    const page = await server.browser().get("/contact");
    expect(page.text).toContain(`href="mailto:${CONTACT}"`);
  });

  it("the accessibility statement names its target and how to report a problem", async () => {
    const text = visibleText((await server.browser({ language: "en" }).get("/accessibility")).text);
    expect(text).toContain("WCAG 2.1 at level AA");
    expect(text).toContain("What does not meet the target yet");
    expect(text).toContain(CONTACT);
  });

  it("anonymous visitors are served the pages from the public cache, each language its own", async () => {
    for (const language of ["vi", "en"] as const) {
      let hit: Page | null = null;
      for (let attempt = 0; attempt < 50 && !hit; attempt++) {
        await server.browser({ language }).get("/terms");
        const second = await server.browser({ language }).get("/terms");
        if (second.headers.get("x-cache") === "hit") hit = second;
        else await new Promise((resolve) => setTimeout(resolve, 100));
      }
      expect(hit).not.toBeNull();
      expect(h1(hit!)).toBe(CATALOGUES[language].standardPages.titles.terms);
    }
  });
});
