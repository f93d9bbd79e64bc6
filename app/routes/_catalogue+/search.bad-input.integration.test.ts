// Bad input on the search page: odd queries give a normal page, invalid
// parameters a 400 with the message in the page's language and what was
// typed kept, an engine failure a 503; never a 500.
import { afterEach, beforeAll, describe, expect, it, vi } from "vitest";
import en from "~/i18n/en";
import catalogue from "~/i18n/vi";
import { startTestServer, visibleText } from "~/test-support/http";
import type { Terms } from "~/test-support/offer-factories";
import {
  fill,
  queryBoxValue,
  resultCount as count,
  searchEngineInTest as engine,
  seedSearchCatalogue,
} from "~/test-support/search-fixtures";

const server = startTestServer();
const s = catalogue.search;
let terms: Terms;

beforeAll(async () => {
  ({ terms } = await seedSearchCatalogue());
});

afterEach(() => {
  vi.restoreAllMocks();
});

describe("bad input", () => {
  it("answers odd but harmless queries with a normal page", async () => {
    for (const q of [
      "",
      "c",
      "!!!???",
      '"dien tu',
      '" OR 1=1',
      "NEAR(",
      "*",
      "a AND",
      "%",
      "<script>alert(1)</script>",
    ]) {
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
    expect(one).toContain("1 result for “cam bien bui”");
    expect(one).toContain(`${en.search.filterToggle} `);
    expect(one).toContain(en.search.applyFilters);
    expect(one).toContain(`${en.search.types.offer} (1)`);
    expect(one).toContain(`${terms.sector.nameEn} (1)`);
    expect(one).toContain(en.search.sorts["price-asc"]);
    expect(visibleText((await english.get("/search?q=tram+quan+trac&type=offer")).text)).toContain(
      "3 offers for “tram quan trac”",
    );
    const bad = await english.get(`/search?q=${"x".repeat(600)}`);
    expect(bad.status).toBe(400);
    expect(visibleText(bad.text)).toContain(fill(en.search.validation.queryTooLong, { max: 500 }));
  });
});
