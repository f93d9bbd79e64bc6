// The search page and its suggestions over HTTP: Vietnamese without
// diacritics, filters, tabs, sort and pagination that live in the URL;
// nobody sees another organisation's unpublished listings (in results,
// suggestions or counts); bad input gets a clear message, never a 500.
import { afterEach, beforeAll, describe, expect, it, vi } from "vitest";
import { db } from "~/db.server";
import en from "~/i18n/en";
import catalogue from "~/i18n/vi";
import type { SearchService } from "~/search.server";
import { addMember, makeOrganisation, makeUser } from "~/test-support/factories";
import { startTestServer, visibleText, type TestBrowser } from "~/test-support/http";
import { makeOffer, makeTerms, type Terms } from "~/test-support/offer-factories";
import { rebuildSearch } from "~/test-support/search";
import { makeAgency, makeStatement } from "~/test-support/statement-factories";

const server = startTestServer();
const s = catalogue.search;
const fill = (template: string, vars: Record<string, string | number>) => template.replace(/\{\{(\w+)\}\}/g, (_, key: string) => String(vars[key] ?? ""));
const count = (n: number) => fill(s.resultCount_other, { count: n });

let terms: Terms;
let otherTerms: Terms;
let outsider: TestBrowser;
let leakOwner: TestBrowser;
let leakMember: TestBrowser;
const slugs: Record<string, string> = {};
const SECRETS = ["Xà phòng sinh học bản nháp", "Xà phòng sinh học chờ duyệt", "Xà phòng sinh học cần sửa", "Xà phòng sinh học lưu trữ"];
const SECRET_STATEMENT = "Xà phòng sinh học cho trường học";

// The search page's own box (the header has another input named q).
function queryBoxValue(html: string): string | null {
  const tag = html.match(/<input[^>]*id="search-q"[^>]*>/)?.[0];
  if (!tag) return null;
  return visibleText(tag.match(/value="([^"]*)"/)?.[1] ?? "");
}

// The server runs in this process; the engine is shared through globalThis.
const engine = () => (globalThis as { __searchService?: SearchService }).__searchService!.engine;

const titlesIn = (html: string, titles: string[]) => titles.map((title) => visibleText(html).indexOf(title));

beforeAll(async () => {
  terms = await makeTerms();
  otherTerms = await makeTerms();
  const owner = await makeUser({ name: "Chủ Công ty A" });
  const orgA = await makeOrganisation(owner.id, "Công ty Môi trường Xanh");
  const offer = async (title: string, options: { terms?: Terms; price?: number; daysAgo?: number } = {}) => {
    const made = await makeOffer(orgA.id, owner.id, options.terms ?? terms, { status: "PUBLISHED", title });
    if (options.price !== undefined) await db.offerPackage.updateMany({ where: { offerId: made.id }, data: { priceVnd: BigInt(options.price) } });
    if (options.daysAgo !== undefined) await db.offer.update({ where: { id: made.id }, data: { publishedAt: new Date(Date.now() - options.daysAgo * 86_400_000) } });
    slugs[title] = made.slug;
  };
  await offer("Cảm biến bụi mịn PM2.5");
  await offer("Phần mềm một cửa điện tử", { terms: otherTerms });
  await offer("Trạm quan trắc nước sông Tô Lịch", { price: 300_000_000, daysAgo: 3 });
  await offer("Trạm quan trắc nước hồ Tây", { price: 10_000_000, daysAgo: 1 });
  await offer("Trạm quan trắc nước sông Hồng", { price: 1_200_000_000, daysAgo: 2 });
  const agencyOwner = await makeUser({ name: "Chủ Sở" });
  const agency = await makeAgency(agencyOwner.id, "Sở Tài nguyên Thử nghiệm");
  await makeStatement(agency.id, agencyOwner.id, { status: "PUBLISHED", form: { title: "Quan trắc nước hồ nội thành" } });

  // Another organisation's unpublished work, in every state.
  const secretOwner = await makeUser({ name: "Chủ Công ty B" });
  const secretMember = await makeUser({ name: "Thành viên Công ty B" });
  const orgB = await makeOrganisation(secretOwner.id, "Công ty Hoá chất B");
  await addMember(secretMember.id, orgB.id);
  const statuses = ["DRAFT", "SUBMITTED", "CHANGES_REQUESTED", "ARCHIVED"] as const;
  for (const [index, status] of statuses.entries()) await makeOffer(orgB.id, secretOwner.id, terms, { status, title: SECRETS[index] });
  const agencyB = await makeAgency(secretOwner.id, "Sở Thử nghiệm B");
  await makeStatement(agencyB.id, secretOwner.id, { form: { title: SECRET_STATEMENT } });

  await rebuildSearch();
  outsider = await server.signedIn(owner);
  leakOwner = await server.signedIn(secretOwner);
  leakMember = await server.signedIn(secretMember);
});

afterEach(() => {
  vi.restoreAllMocks();
});

describe("the search page", () => {
  it("finds a published offer from a query without diacritics and highlights the match", async () => {
    const page = await server.browser().get("/search?q=cam+bien+BUI");
    expect(page.status).toBe(200);
    const text = visibleText(page.text);
    expect(text).toContain(count(1));
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
    expect(visibleText(offersOnly.text)).toContain(count(3));
    expect(visibleText(offersOnly.text)).not.toContain("Quan trắc nước hồ nội thành");
    // The type stays when the form is submitted again.
    expect(offersOnly.text).toMatch(/<input type="hidden" name="type" value="offer"\/>/);

    const bySector = await server.browser().get(`/search?q=quan+trac+nuoc&sector=${terms.sector.slug}`);
    const filtered = visibleText(bySector.text);
    expect(filtered).toContain(count(3));
    expect(filtered).not.toContain("Quan trắc nước hồ nội thành");
    // Tab counts follow the other filters.
    expect(filtered).toContain(`${s.types.problem} (0)`);
    expect(bySector.text).toMatch(new RegExp(`<input type="checkbox" id="filter-sector-${terms.sector.slug}"[^>]* checked=""`));
    // The selected filter is a link that removes it and keeps the rest.
    expect(filtered).toContain(`${s.removeFilter}: ${s.fields.sector}: ${terms.sector.nameVi}`);
    expect(bySector.text).toContain(`href="/search?q=quan+trac+nuoc"`);

    const other = visibleText((await server.browser().get(`/search?sector=${otherTerms.sector.slug}`)).text);
    expect(other).toContain("Phần mềm một cửa điện tử");
    expect(other).toContain(count(1));
  });

  it("sorts by price and by date", async () => {
    const titles = ["Trạm quan trắc nước hồ Tây", "Trạm quan trắc nước sông Tô Lịch", "Trạm quan trắc nước sông Hồng"];
    const at = async (sort: string) => titlesIn((await server.browser().get(`/search?q=tram+quan+trac&sort=${sort}`)).text, titles);
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
    expect(firstText).toContain(count(3));
    expect(first.text).toMatch(new RegExp(`<a rel="next"[^>]* href="/search\\?${base.replace(/&/g, "&amp;").replace(/\+/g, "\\+")}&amp;page=2"`));
    const second = await server.browser().get(`/search?${base}&page=2`);
    const secondText = visibleText(second.text);
    expect(secondText).toContain(fill(s.page, { page: 2, pages: 2 }));
    expect(secondText).toContain("Trạm quan trắc nước sông Hồng");
    expect(secondText).not.toContain("Trạm quan trắc nước hồ Tây");
    expect(second.text).toMatch(new RegExp(`<a rel="prev"[^>]* href="/search\\?${base.replace(/&/g, "&amp;").replace(/\+/g, "\\+")}"`));
  });

  it("offers a correction when nothing matches, and a useful empty state", async () => {
    const page = await server.browser().get("/search?q=zzqqxx+wwvvyy");
    expect(page.status).toBe(200);
    const text = visibleText(page.text);
    expect(text).toContain(count(0));
    expect(text).toContain(s.emptyTitle);
    expect(text).toContain(s.tipSpelling);
    expect(page.text).toContain('href="/search?type=offer"');
    expect(page.text).toContain('href="/problems"');
    expect(page.text).toContain('href="/major-problems"');
    // The engine rarely needs to correct (it is typo-tolerant), so the page's part is checked with a canned answer.
    vi.spyOn(engine(), "search").mockResolvedValueOnce({ total: 0, page: 1, perPage: 20, hits: [], facets: {}, matchedTerms: [], didYouMean: "cảm biến" });
    const corrected = await server.browser().get("/search?q=cxm+bixn&type=offer");
    expect(visibleText(corrected.text)).toContain(`${s.didYouMean} cảm biến`);
    expect(corrected.text).toContain(`href="/search?q=${encodeURIComponent("cảm").replace(/%20/g, "+")}+${encodeURIComponent("biến")}&amp;type=offer"`);
  });
});

describe("suggestions", () => {
  it("returns published titles as JSON with a public cache header", async () => {
    const response = await server.browser().get("/search/suggest?q=cam+bi");
    expect(response.status).toBe(200);
    expect(response.headers.get("content-type")).toContain("application/json");
    expect(response.headers.get("cache-control")).toBe("public, max-age=60");
    const body = JSON.parse(response.text) as { suggestions: { title: string; type: string; url: string }[] };
    expect(body.suggestions).toContainEqual({ title: "Cảm biến bụi mịn PM2.5", type: "offer", url: `/offers/${slugs["Cảm biến bụi mịn PM2.5"]}` });
    for (const suggestion of body.suggestions) expect(Object.keys(suggestion).sort()).toEqual(["title", "type", "url"]);
  });

  it("gives nothing for a 1-character query and a 400 for a long one", async () => {
    const short = await server.browser().get("/search/suggest?q=c");
    expect(short.status).toBe(200);
    expect(JSON.parse(short.text)).toEqual({ suggestions: [] });
    expect(JSON.parse((await server.browser().get("/search/suggest")).text)).toEqual({ suggestions: [] });
    const long = await server.browser().get(`/search/suggest?q=${"a".repeat(101)}`);
    expect(long.status).toBe(400);
    expect((JSON.parse(long.text) as { error: { message: string } }).error.message).toBe(fill(s.validation.queryTooLong, { max: 100 }));
  });
});

describe("nothing leaks", () => {
  const everything = [...SECRETS, SECRET_STATEMENT];

  it("hides another organisation's unpublished offers and statements from results, suggestions and counts", async () => {
    for (const browser of [server.browser(), outsider]) {
      const page = await browser.get("/search?q=xa+phong+sinh+hoc");
      const text = visibleText(page.text);
      for (const title of everything) expect(text).not.toContain(title);
      expect(text).toContain(count(0));
      expect(text).toContain(`${s.tabAll} (0)`);
      expect(text).not.toContain(s.unpublished);
      const browse = visibleText((await browser.get("/search")).text);
      for (const title of everything) expect(browse).not.toContain(title);
      expect(browse).toContain(count(6));
      expect(browse).toContain(`${s.types.offer} (5)`);
      expect(browse).toContain(`${terms.sector.nameVi} (4)`);
    }
    for (const browser of [server.browser(), leakOwner]) {
      const suggest = await browser.get("/search/suggest?q=xa+phong");
      expect(JSON.parse(suggest.text)).toEqual({ suggestions: [] });
    }
  });

  it("shows members their own organisation's unpublished work, marked as such", async () => {
    const member = visibleText((await leakMember.get("/search?q=xa+phong+sinh+hoc")).text);
    expect(member).toContain(count(3));
    for (const title of SECRETS.slice(0, 3)) expect(member).toContain(title);
    expect(member).not.toContain(SECRETS[3]);
    expect(member).not.toContain(SECRET_STATEMENT);
    expect(member).toContain(`${s.unpublished} — ${s.unpublishedHint}`);
    const owner = visibleText((await leakOwner.get("/search?q=xa+phong+sinh+hoc")).text);
    expect(owner).toContain(count(4));
    expect(owner).toContain(SECRET_STATEMENT);
    expect(owner).toContain(`${s.types.problem} (1)`);
    const browse = visibleText((await leakOwner.get("/search")).text);
    expect(browse).toContain(count(10));
  });
});

describe("bad input", () => {
  it("answers odd but harmless queries with a normal page", async () => {
    for (const q of ["", "c", "!!!???", '"dien tu', '" OR 1=1', "NEAR(", "*", "a AND", "%", "<script>alert(1)</script>"]) {
      const page = await server.browser().get(`/search?q=${encodeURIComponent(q)}`);
      expect(page.status, q).toBe(200);
      expect(queryBoxValue(page.text), q).toBe(q.replace(/\s+/g, " "));
      expect(page.text, q).not.toContain("<script>alert(1)");
    }
  });

  it("explains invalid parameters in an error summary with a 400, keeping what was typed", async () => {
    const long = "giao thông ".repeat(200).slice(0, 2000);
    const tooLong = await server.browser().get(`/search?q=${encodeURIComponent(long)}`);
    expect(tooLong.status).toBe(400);
    const text = visibleText(tooLong.text);
    expect(text).toContain(s.errorSummaryTitle);
    expect(text).toContain(fill(s.validation.queryTooLong, { max: 500 }));
    expect(tooLong.text).toContain('<a href="#search-q">');
    expect(queryBoxValue(tooLong.text)).toBe(long.replace(/\s+/g, " "));

    const cases: [string, string][] = [
      ["/search?q=den&page=99999", fill(s.validation.pageTooHigh, { max: 1000 })],
      ["/search?q=den&page=abc", s.validation.page],
      ["/search?q=den&page=0", s.validation.page],
      ["/search?type=video", s.validation.type],
      ["/search?sort=cheapest", s.validation.sort],
      ["/search?sector=KHONG%20HOP%20LE", s.validation.facetValue],
      ["/search?deployment=ROCKET", s.validation.facetValue],
    ];
    for (const [path, message] of cases) {
      const page = await server.browser().get(path);
      expect(page.status, path).toBe(400);
      expect(visibleText(page.text), path).toContain(message);
    }
    expect(queryBoxValue((await server.browser().get("/search?q=den+giao&page=abc")).text)).toBe("den giao");
  });

  it("says when the page is past the last one and links to the last page", async () => {
    const page = await server.browser().get("/search?q=tram+quan+trac&perPage=2&page=5");
    expect(page.status).toBe(400);
    expect(visibleText(page.text)).toContain(fill(s.validation.pageBeyond, { max: 2 }));
    expect(page.text).toContain('href="/search?q=tram+quan+trac&amp;perPage=2&amp;page=2"');
  });

  it("treats an unknown but well-formed filter value as matching nothing", async () => {
    const page = await server.browser().get("/search?sector=khong-ton-tai");
    expect(page.status).toBe(200);
    expect(visibleText(page.text)).toContain(count(0));
  });

  it("shows a 503 page when the engine is down", async () => {
    vi.spyOn(engine(), "search").mockRejectedValue(new Error("connection refused"));
    vi.spyOn(engine(), "suggest").mockRejectedValue(new Error("connection refused"));
    const page = await server.browser().get("/search?q=cam+bien");
    expect(page.status).toBe(503);
    expect(visibleText(page.text)).toContain(s.unavailable);
    expect(queryBoxValue(page.text)).toBe("cam bien");
    const suggest = await server.browser().get("/search/suggest?q=cam+bien");
    expect(suggest.status).toBe(503);
  });
});

describe("in English", () => {
  it("shows English labels, plurals and messages", async () => {
    const english = server.browser({ language: "en" });
    const one = visibleText((await english.get("/search?q=cam+bien+bui")).text);
    expect(one).toContain("1 result found");
    expect(one).toContain(en.search.applyFilters);
    expect(one).toContain(`${en.search.types.offer} (1)`);
    expect(one).toContain(`${terms.sector.nameEn} (1)`);
    expect(one).toContain(en.search.sorts["price-asc"]);
    expect(visibleText((await english.get("/search?q=tram+quan+trac&type=offer")).text)).toContain("3 results found");
    const bad = await english.get(`/search?q=${"x".repeat(600)}`);
    expect(bad.status).toBe(400);
    expect(visibleText(bad.text)).toContain(fill(en.search.validation.queryTooLong, { max: 500 }));
  });
});
