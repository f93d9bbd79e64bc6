// The search page and its suggestions over HTTP: Vietnamese without
// diacritics, filters, tabs, sort and pagination that live in the URL;
// nobody sees another organisation's unpublished listings (in results,
// suggestions or counts). Bad input: search.bad-input.integration.test.ts.
import { afterEach, beforeAll, describe, expect, it, vi } from "vitest";
import catalogue from "~/i18n/vi";
import { startTestServer, visibleText, type TestBrowser } from "~/test-support/http";
import type { Terms } from "~/test-support/offer-factories";
import {
  fill,
  queryBoxValue,
  SECRET_STATEMENT,
  SECRETS,
  searchEngineInTest as engine,
  seedSearchCatalogue,
} from "~/test-support/search-fixtures";

const server = startTestServer();
const s = catalogue.search;

let terms: Terms;
let otherTerms: Terms;
let slugs: Record<string, string> = {};
let outsider: TestBrowser;
let leakOwner: TestBrowser;
let leakMember: TestBrowser;

// The one-line summary above the results, as a person reads it.
const summaryOf = (html: string) =>
  visibleText(html.match(/<h2 id="search-count"[^>]*>([\s\S]*?)<\/h2>/)?.[1] ?? "").trim();
// What the summary should say: "3 giải pháp cho “quan trac nuoc”" (Vietnamese has one plural form).
function said(total: number, q = "", type?: "offer" | "problem" | "major-problem") {
  const results = fill(type ? s.typeCount[`${type}_other`] : s.resultCount_other, { count: total });
  return q ? fill(s.resultsFor, { results, q }) : results;
}

const titlesIn = (html: string, titles: string[]) => titles.map((title) => visibleText(html).indexOf(title));

beforeAll(async () => {
  const seeded = await seedSearchCatalogue();
  ({ terms, otherTerms, slugs } = seeded);
  outsider = await server.signedIn(seeded.owner);
  leakOwner = await server.signedIn(seeded.secretOwner);
  leakMember = await server.signedIn(seeded.secretMember);
});

afterEach(() => {
  vi.restoreAllMocks();
});
describe("the search page", () => {
  it("finds a published offer from a query without diacritics and highlights the match", async () => {
    const page = await server.browser().get("/search?q=cam+bien+BUI");
    expect(page.status).toBe(200);
    const text = visibleText(page.text);
    expect(summaryOf(page.text)).toBe(said(1, "cam bien BUI"));
    expect(text).toContain("Cảm biến bụi mịn PM2.5");
    expect(text).toContain("Công ty Môi trường Xanh");
    expect(text).not.toContain("Phần mềm một cửa");
    expect(page.text).toContain(`href="/offers/${slugs["Cảm biến bụi mịn PM2.5"]}"`);
    expect(page.text).toMatch(/<mark>Cảm<\/mark>/);
    expect(page.text).toMatch(/<mark>bụi<\/mark>/);
    expect(queryBoxValue(page.text)).toBe("cam bien BUI");
    expect(page.text).toContain("<title>“cam bien BUI” — Tìm kiếm — Sàn Giao dịch Công nghệ Hà Nội</title>");
    expect(page.text).toMatch(/<meta name="description" content="Tìm giải pháp công nghệ/);
  });

  it("shows per-type tab counts and filters by sector, keeping the state in every link", async () => {
    const page = await server.browser().get("/search?q=quan+trac+nuoc");
    const text = visibleText(page.text);
    expect(text).toContain(`${s.tabAll} (4)`);
    expect(text).toContain(`${s.types.offer} (3)`);
    expect(text).toContain(`${s.types.problem} (1)`);
    expect(text).toContain(`${s.types["major-problem"]} (0)`);
    expect(text).toContain("Quan trắc nước hồ nội thành");
    expect(text).toContain(`${terms.sector.nameVi} (3)`);
    expect(page.text).toContain(`href="/search?q=quan+trac+nuoc&amp;type=offer"`);

    const offersOnly = await server.browser().get("/search?q=quan+trac+nuoc&type=offer");
    expect(summaryOf(offersOnly.text)).toBe(said(3, "quan trac nuoc", "offer"));
    expect(visibleText(offersOnly.text)).not.toContain("Quan trắc nước hồ nội thành");
    // The type stays when the form is submitted again.
    expect(offersOnly.text).toMatch(/<input type="hidden" name="type" value="offer"\/>/);

    const bySector = await server.browser().get(`/search?q=quan+trac+nuoc&sector=${terms.sector.slug}`);
    const filtered = visibleText(bySector.text);
    expect(summaryOf(bySector.text)).toBe(said(3, "quan trac nuoc"));
    expect(filtered).not.toContain("Quan trắc nước hồ nội thành");
    // Tab counts follow the other filters.
    expect(filtered).toContain(`${s.types.problem} (0)`);
    expect(bySector.text).toMatch(
      new RegExp(`<input type="checkbox" id="filter-sector-${terms.sector.slug}"[^>]* checked=""`),
    );
    // The selected filter is a link that removes it and keeps the rest.
    expect(filtered).toContain(`${s.removeFilter}: ${s.fields.sector}: ${terms.sector.nameVi}`);
    expect(bySector.text).toContain(`href="/search?q=quan+trac+nuoc"`);

    const otherPage = await server.browser().get(`/search?sector=${otherTerms.sector.slug}`);
    expect(visibleText(otherPage.text)).toContain("Phần mềm một cửa điện tử");
    expect(summaryOf(otherPage.text)).toBe(said(1));
  });

  it("sorts by price and by date", async () => {
    const titles = ["Trạm quan trắc nước hồ Tây", "Trạm quan trắc nước sông Tô Lịch", "Trạm quan trắc nước sông Hồng"];
    const at = async (sort: string) =>
      titlesIn((await server.browser().get(`/search?q=tram+quan+trac&sort=${sort}`)).text, titles);
    const [cheap, middle, dear] = await at("price-asc");
    expect(cheap).toBeGreaterThan(-1);
    expect(cheap!).toBeLessThan(middle!);
    expect(middle!).toBeLessThan(dear!);
    const desc = await at("price-desc");
    expect(desc[2]!).toBeLessThan(desc[1]!);
    expect(desc[1]!).toBeLessThan(desc[0]!);
    // Newest: hồ Tây (1 day), sông Hồng (2), Tô Lịch (3).
    const newest = await at("newest");
    expect(newest[0]!).toBeLessThan(newest[2]!);
    expect(newest[2]!).toBeLessThan(newest[1]!);
    const sorted = await server.browser().get("/search?q=tram+quan+trac&sort=price-asc");
    expect(sorted.text).toMatch(/<option value="price-asc" selected="">/);
  });

  it("pages through results with links that keep the query, filters, sort and page size", async () => {
    const base = `q=tram+quan+trac&sector=${terms.sector.slug}&sort=price-asc&perPage=2`;
    const first = await server.browser().get(`/search?${base}`);
    const firstText = visibleText(first.text);
    expect(firstText).toContain(fill(s.page, { page: 1, pages: 2 }));
    expect(summaryOf(first.text)).toBe(said(3, "tram quan trac"));
    expect(first.text).toMatch(
      new RegExp(`<a rel="next"[^>]* href="/search\\?${base.replace(/&/g, "&amp;").replace(/\+/g, "\\+")}&amp;page=2"`),
    );
    const second = await server.browser().get(`/search?${base}&page=2`);
    const secondText = visibleText(second.text);
    expect(secondText).toContain(fill(s.page, { page: 2, pages: 2 }));
    expect(secondText).toContain("Trạm quan trắc nước sông Hồng");
    expect(secondText).not.toContain("Trạm quan trắc nước hồ Tây");
    expect(second.text).toMatch(
      new RegExp(`<a rel="prev"[^>]* href="/search\\?${base.replace(/&/g, "&amp;").replace(/\+/g, "\\+")}"`),
    );
  });

  it("offers a correction when nothing matches, and a useful empty state", async () => {
    const page = await server.browser().get("/search?q=zzqqxx+wwvvyy");
    expect(page.status).toBe(200);
    const text = visibleText(page.text);
    expect(summaryOf(page.text)).toBe(said(0, "zzqqxx wwvvyy"));
    expect(text).toContain(s.emptyTitle);
    expect(text).toContain(s.tipSpelling);
    expect(page.text).toContain('href="/search?type=offer"');
    expect(page.text).toContain('href="/problems"');
    expect(page.text).toContain('href="/major-problems"');
    // The engine rarely needs to correct (it is typo-tolerant), so the page's part is checked with a canned answer.
    vi.spyOn(engine(), "search").mockResolvedValueOnce({
      total: 0,
      page: 1,
      perPage: 20,
      hits: [],
      facets: {},
      matchedTerms: [],
      didYouMean: "cảm biến",
    });
    const corrected = await server.browser().get("/search?q=cxm+bixn&type=offer");
    expect(visibleText(corrected.text)).toContain(`${s.didYouMean} cảm biến`);
    expect(corrected.text).toContain(
      `href="/search?q=${encodeURIComponent("cảm").replace(/%20/g, "+")}+${encodeURIComponent("biến")}&amp;type=offer"`,
    );
  });
});

describe("suggestions", () => {
  it("returns published titles as JSON with a public cache header", async () => {
    const response = await server.browser().get("/search/suggest?q=cam+bi");
    expect(response.status).toBe(200);
    expect(response.headers.get("content-type")).toContain("application/json");
    expect(response.headers.get("cache-control")).toBe("public, max-age=60");
    const body = JSON.parse(response.text) as { suggestions: { title: string; type: string; url: string }[] };
    expect(body.suggestions).toContainEqual({
      title: "Cảm biến bụi mịn PM2.5",
      type: "offer",
      url: `/offers/${slugs["Cảm biến bụi mịn PM2.5"]}`,
    });
    for (const suggestion of body.suggestions) expect(Object.keys(suggestion).sort()).toEqual(["title", "type", "url"]);
  });

  it("gives nothing for a 1-character query and a 400 for a long one", async () => {
    const short = await server.browser().get("/search/suggest?q=c");
    expect(short.status).toBe(200);
    expect(JSON.parse(short.text)).toEqual({ suggestions: [] });
    expect(JSON.parse((await server.browser().get("/search/suggest")).text)).toEqual({ suggestions: [] });
    const long = await server.browser().get(`/search/suggest?q=${"a".repeat(101)}`);
    expect(long.status).toBe(400);
    expect((JSON.parse(long.text) as { error: { message: string } }).error.message).toBe(
      fill(s.validation.queryTooLong, { max: 100 }),
    );
  });
});

describe("nothing leaks", () => {
  const everything = [...SECRETS, SECRET_STATEMENT];

  it("hides another organisation's unpublished offers and statements from results, suggestions and counts", async () => {
    for (const browser of [server.browser(), outsider]) {
      const page = await browser.get("/search?q=xa+phong+sinh+hoc");
      const text = visibleText(page.text);
      for (const title of everything) expect(text).not.toContain(title);
      expect(summaryOf(page.text)).toBe(said(0, "xa phong sinh hoc"));
      expect(text).toContain(`${s.tabAll} (0)`);
      expect(text).not.toContain(s.unpublished);
      const browsePage = await browser.get("/search");
      const browse = visibleText(browsePage.text);
      for (const title of everything) expect(browse).not.toContain(title);
      expect(summaryOf(browsePage.text)).toBe(said(6));
      expect(browse).toContain(`${s.types.offer} (5)`);
      expect(browse).toContain(`${terms.sector.nameVi} (4)`);
    }
    for (const browser of [server.browser(), leakOwner]) {
      const suggest = await browser.get("/search/suggest?q=xa+phong");
      expect(JSON.parse(suggest.text)).toEqual({ suggestions: [] });
    }
  });

  it("shows members their own organisation's unpublished work, marked as such", async () => {
    const memberPage = await leakMember.get("/search?q=xa+phong+sinh+hoc");
    const member = visibleText(memberPage.text);
    expect(summaryOf(memberPage.text)).toBe(said(3, "xa phong sinh hoc"));
    for (const title of SECRETS.slice(0, 3)) expect(member).toContain(title);
    expect(member).not.toContain(SECRETS[3]);
    expect(member).not.toContain(SECRET_STATEMENT);
    expect(member).toContain(`${s.unpublished} — ${s.unpublishedHint}`);
    const ownerPage = await leakOwner.get("/search?q=xa+phong+sinh+hoc");
    const owner = visibleText(ownerPage.text);
    expect(summaryOf(ownerPage.text)).toBe(said(4, "xa phong sinh hoc"));
    expect(owner).toContain(SECRET_STATEMENT);
    expect(owner).toContain(`${s.types.problem} (1)`);
    expect(summaryOf((await leakOwner.get("/search")).text)).toBe(said(10));
  });
});

describe("the page and the JSON API count the same", () => {
  // The summary counts what the list below it shows (the chosen tab's type,
  // or all types), and for a guest it is the API's total for the same URL.
  // Once the page said "49 kết quả" over all types while the API, asked for
  // offers only, said 16: the summary now names the type it counts.
  const hitsShown = (html: string) => html.match(/<li class="search-result"/g)?.length ?? 0;

  it("gives a guest the API's total for the same query, type, filters and page", async () => {
    const queries: [string, string][] = [
      ["q=quan+trac+nuoc", said(4, "quan trac nuoc")],
      ["q=quan+trac+nuoc&type=offer", said(3, "quan trac nuoc", "offer")],
      ["q=quan+trac+nuoc&type=problem", said(1, "quan trac nuoc", "problem")],
      ["q=quan+trac+nuoc&type=major-problem", said(0, "quan trac nuoc", "major-problem")],
      [`q=quan+trac+nuoc&sector=${terms.sector.slug}`, said(3, "quan trac nuoc")],
      [
        `q=tram+quan+trac&type=offer&sector=${terms.sector.slug}&sort=price-asc&perPage=2&page=2`,
        said(3, "tram quan trac", "offer"),
      ],
      ["q=cam+bien+BUI", said(1, "cam bien BUI")],
      ["", said(6)],
      ["type=offer", said(5, "", "offer")],
    ];
    for (const [query, expected] of queries) {
      const page = await server.browser().get(`/search?${query}`);
      const api = await server.browser().get(`/api/v1/search?${query}`);
      expect(page.status, query).toBe(200);
      expect(api.status, query).toBe(200);
      const body = JSON.parse(api.text) as { total: number; hits: unknown[] };
      expect(summaryOf(page.text), query).toBe(expected);
      expect(Number(summaryOf(page.text).match(/^\d+/)?.[0]), query).toBe(body.total);
      // The list holds the same page of hits as the API's.
      expect(hitsShown(page.text), query).toBe(body.hits.length);
    }
  });

  it("counts the current tab: the tab's own number is the summary's", async () => {
    const page = await server.browser().get("/search?q=quan+trac+nuoc&type=offer");
    const tabs = page.text.match(/<nav class="search-tabs"[\s\S]*?<\/nav>/)?.[0] ?? "";
    const current = tabs.match(/<a[^>]*aria-current="page"[^>]*>([\s\S]*?)<\/a>/)?.[1] ?? "";
    expect(visibleText(current).trim()).toBe(`${s.types.offer} (3)`);
    expect(summaryOf(page.text)).toBe(said(3, "quan trac nuoc", "offer"));
  });

  it("adds only a member's own unpublished listings, each marked, to what the API says", async () => {
    const query = "q=xa+phong+sinh+hoc";
    const api = JSON.parse((await server.browser().get(`/api/v1/search?${query}`)).text) as { total: number };
    const page = await leakMember.get(`/search?${query}`);
    const marked =
      page.text.match(new RegExp(`class="tag tag-red search-unpublished">${s.unpublished}<`, "g"))?.length ?? 0;
    expect(api.total).toBe(0);
    expect(marked).toBe(3);
    expect(summaryOf(page.text)).toBe(said(api.total + marked, "xa phong sinh hoc"));
  });
});
