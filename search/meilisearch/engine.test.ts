// The Meilisearch engine against a stand-in server (MSW): what it sends, and
// how it reads what Meilisearch answers. Relevance itself is Meilisearch's
// job and is covered by engine.live.test.ts against a real server.
import { http, HttpResponse } from "msw";
import { setupServer } from "msw/node";
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { createMeilisearchStandIn, type RecordedRequest } from "../../app/test-support/msw/meilisearch.ts";
import { searchDocument } from "../contract.ts";
import { toMarkedHtml } from "../highlight.ts";
import { fold, isStopWord } from "../text.ts";
import { FACET_FIELDS, type SearchDocument, type SearchResult } from "../types.ts";
import { MeilisearchEngine, MeilisearchTaskError, primaryKeyFor } from "./engine.ts";
import { meilisearchSettings, SEARCHABLE_ATTRIBUTES } from "./settings.ts";
import { MATCHING_READING_MAX_TERMS, READING_ID_WINDOW } from "../tuning/meilisearch.ts";

const API_KEY = "test-master-key-0123456789";
const INDEX = "hte-search";
const meili = createMeilisearchStandIn({ apiKey: API_KEY });
const server = setupServer(...meili.handlers);

beforeAll(() => server.listen({ onUnhandledRequest: "error" }));
afterEach(() => {
  server.resetHandlers();
  meili.reset();
});
afterAll(() => server.close());

const TIMEOUT_MS = 250;
const newEngine = () =>
  new MeilisearchEngine({ host: meili.url, apiKey: API_KEY, timeoutMs: TIMEOUT_MS, taskTimeoutMs: 2_000 });

const CORPUS: SearchDocument[] = [
  searchDocument({
    entityId: "cds-phuong",
    title: "Nền tảng chuyển đổi số cho phường",
    summary: "Số hoá hồ sơ một cửa cho UBND phường.",
    sector: ["dich-vu-cong"],
    trlBand: "7-9",
    priceMin: 12_000_000,
    publishedAt: Date.UTC(2026, 2, 1),
  }),
  searchDocument({
    entityId: "benh-vien",
    title: "Hệ thống quản lý bệnh viện",
    summary: "Bệnh án điện tử và thanh toán viện phí.",
    sector: ["y-te"],
    trlBand: "7-9",
    priceMin: 250_000_000,
    publishedAt: Date.UTC(2026, 1, 1),
  }),
  searchDocument({
    entityId: "den-tin-hieu",
    title: "Đèn tín hiệu giao thông thích ứng",
    summary: "Điều khiển pha đèn theo lưu lượng.",
    sector: ["giao-thong"],
    trlBand: "4-6",
    priceMin: 90_000_000,
    publishedAt: Date.UTC(2026, 3, 1),
  }),
  searchDocument({
    entityId: "camera-ai",
    title: "Camera AI đếm phương tiện",
    summary: "Đếm xe máy theo làn.",
    sector: ["giao-thong"],
    trlBand: "7-9",
    publishedAt: Date.UTC(2025, 0, 1),
  }),
  searchDocument({
    entityId: "draft-secret",
    title: "Bản nháp chuyển đổi số nội bộ",
    published: false,
    organisationId: "org-secret",
    sector: ["dich-vu-cong"],
  }),
  searchDocument({
    type: "problem",
    entityId: "ket-xe",
    title: "Giảm kẹt xe cửa ngõ phía Tây",
    sector: ["giao-thong"],
  }),
];

async function seeded() {
  const engine = newEngine();
  await engine.init();
  await engine.upsert(CORPUS);
  meili.requests.length = 0;
  return engine;
}

const multiSearches = () =>
  meili
    .requestsTo("POST", "/multi-search")
    .map((request) => (request.body as { queries: Record<string, unknown>[] }).queries);
const ids = (result: SearchResult) => result.hits.map((hit) => hit.entityId);
// The query that fetches the page (the others count totals or compounds).
const isPage = (query: Record<string, unknown>) =>
  Array.isArray(query.attributesToRetrieve) && (query.attributesToRetrieve as string[]).includes("id");
const pageQueries = () => multiSearches().flatMap((queries) => queries.filter(isPage));
const marked = (segments: { text: string; match: boolean }[]) =>
  segments.filter((segment) => segment.match).map((segment) => segment.text);

describe("index settings", () => {
  it("creates the index with a primary key and sends the settings in code", async () => {
    await newEngine().init();
    expect(meili.requestsTo("POST", "/indexes")[0]!.body).toEqual({ uid: INDEX, primaryKey: "pk" });
    const settings = meili.requestsTo("PATCH", `/indexes/${INDEX}/settings`)[0]!.body as Record<string, unknown>;
    expect(settings.searchableAttributes).toEqual([
      "title",
      "keywords",
      "summary",
      "body",
      "titleFolded",
      "keywordsFolded",
      "summaryFolded",
      "bodyFolded",
      "titleKeys",
      "keywordsKeys",
      "summaryKeys",
      "bodyKeys",
    ]);
    // Keys are exact spellings: no typo may turn "thông" into "thống" there.
    expect((settings.typoTolerance as { disableOnAttributes: string[] }).disableOnAttributes).toEqual([
      "titleKeys",
      "keywordsKeys",
      "summaryKeys",
      "bodyKeys",
    ]);
    expect(settings.typoTolerance).toMatchObject({ enabled: true, minWordSizeForTypos: { oneTypo: 5, twoTypos: 9 } });
    expect(settings.filterableAttributes).toEqual(
      expect.arrayContaining([...FACET_FIELDS, "published", "organisationId", "type"]),
    );
    expect(settings.sortableAttributes).toEqual(["publishedAt", "priceMin"]);
    expect(settings.rankingRules).toEqual(["words", "sort", "typo", "proximity", "attribute", "exactness"]);
    expect(settings.stopWords).toEqual(expect.arrayContaining(["và", "va", "những", "nhung", "the", "and"]));
    expect(settings.localizedAttributes).toEqual([{ attributePatterns: ["*"], locales: ["vie", "eng"] }]);
    expect((settings.pagination as { maxTotalHits: number }).maxTotalHits).toBeGreaterThanOrEqual(100_000);
    // A restart must not wipe the synonyms an administrator set.
    expect(settings).not.toHaveProperty("synonyms");
    expect(meili.index(INDEX)!.settings.searchableAttributes).toEqual([...SEARCHABLE_ATTRIBUTES]);
  });

  it("looks the index up on a restart instead of creating it again, leaving no failed task", async () => {
    await newEngine().init();
    meili.requests.length = 0;
    await expect(newEngine().init()).resolves.toBeUndefined();
    expect(meili.requestsTo("GET", `/indexes/${INDEX}`)).toHaveLength(1);
    expect(meili.requestsTo("POST", "/indexes")).toEqual([]);
    expect(meili.tasks().filter((task) => task.type === "indexCreation")).toHaveLength(1);
    expect(meili.tasks().filter((task) => task.status === "failed")).toEqual([]);
  });

  it("sends synonyms both ways, each also without diacritics", async () => {
    const engine = newEngine();
    await engine.init();
    await engine.setSynonyms([["kẹt xe", "ùn tắc", "congestion"], ["trí tuệ nhân tạo", "AI"], ["lonely"]]);
    const synonyms = (
      meili.requestsTo("PATCH", `/indexes/${INDEX}/settings`).at(-1)!.body as { synonyms: Record<string, string[]> }
    ).synonyms;
    expect(synonyms["kẹt xe"]).toEqual(expect.arrayContaining(["ket xe", "ùn tắc", "un tac", "congestion"]));
    expect(synonyms["congestion"]).toEqual(expect.arrayContaining(["kẹt xe", "ket xe", "ùn tắc", "un tac"]));
    expect(synonyms["un tac"]).toEqual(expect.arrayContaining(["kẹt xe", "congestion"]));
    expect(synonyms["ai"]).toEqual(expect.arrayContaining(["trí tuệ nhân tạo", "tri tue nhan tao"]));
    expect(synonyms["tri tue nhan tao"]).toEqual(expect.arrayContaining(["ai"]));
    expect(synonyms).not.toHaveProperty("lonely");
    for (const [phrase, others] of Object.entries(synonyms)) expect(others).not.toContain(phrase);
    // Once known, a later init() keeps sending them.
    await engine.init();
    expect(meili.requestsTo("PATCH", `/indexes/${INDEX}/settings`).at(-1)!.body).toHaveProperty("synonyms", synonyms);
  });

  it("sends only stop words that stay stop words once the server folds diacritics", () => {
    const stopWords = meilisearchSettings([]).stopWords ?? [];
    for (const word of stopWords) expect(isStopWord({ exact: fold(word), folded: fold(word) }), word).toBe(true);
    // "đến" would silence "đèn" (lamp) on a folding server; "và" is safe.
    expect(stopWords).not.toContain("đến");
    expect(stopWords).not.toContain("den");
    expect(stopWords).toContain("và");
  });
});

describe("writes", () => {
  it("sends documents with folded copies and keys Meilisearch accepts, and resolves once they are stored", async () => {
    const engine = newEngine();
    await engine.init();
    const odd = searchDocument({ entityId: "a_b:c/ü", title: "Đường ống" });
    const lookalike = searchDocument({ entityId: "a-b-c-ü", title: "Đường ống" });
    await engine.upsert([...CORPUS, odd, lookalike]);

    const sent = meili.requestsTo("POST", `/indexes/${INDEX}/documents`)[0]!;
    expect(sent.query.get("primaryKey")).toBe("pk");
    const documents = sent.body as Record<string, unknown>[];
    const den = documents.find((document) => document.id === "offer:den-tin-hieu")!;
    expect(den).toMatchObject({
      pk: "offer-den-tin-hieu",
      id: "offer:den-tin-hieu",
      title: "Đèn tín hiệu giao thông thích ứng",
      titleFolded: "den tin hieu giao thong thich ung",
      summaryFolded: "dieu khien pha den theo luu luong.",
      published: true,
    });
    expect(den.keywordsFolded).toEqual([]);
    expect(typeof den.bodyFolded).toBe("string");
    // Unpriced documents carry no price at all, so price sorts put them last.
    expect(documents.find((document) => document.id === "offer:camera-ai")).not.toHaveProperty("priceMin");

    const keys = documents.map((document) => document.pk as string);
    for (const key of keys) expect(key).toMatch(/^[A-Za-z0-9_-]{1,511}$/);
    expect(new Set(keys).size).toBe(keys.length);
    expect(primaryKeyFor("major-problem:x-1")).toBe("major-problem-x-1");
    expect(primaryKeyFor("offer:a_b")).not.toBe(primaryKeyFor("offer:a-b"));
    expect(primaryKeyFor("problem:major-problem-x")).not.toBe(primaryKeyFor("major-problem:x"));
    expect(primaryKeyFor("unknown:x")).toMatch(/^_/);

    // The stand-in applies a task only when it is polled to completion, so
    // the documents being there means the engine waited for the task.
    expect(meili.documents(INDEX).size).toBe(CORPUS.length + 2);
    expect(meili.tasks().every((task) => task.status === "succeeded" || task.type === "indexCreation")).toBe(true);
    expect(await engine.count()).toBe(CORPUS.length + 2);
  });

  it("replaces a document whole, so a removed price disappears", async () => {
    const engine = await seeded();
    await engine.upsert([{ ...CORPUS[0]!, priceMin: null }]);
    expect(meili.documents(INDEX).get("offer-cds-phuong")).not.toHaveProperty("priceMin");
  });

  it("removes by the same keys, and clears everything", async () => {
    const engine = await seeded();
    await engine.remove(["offer:benh-vien"]);
    expect(meili.requestsTo("POST", `/indexes/${INDEX}/documents/delete-batch`)[0]!.body).toEqual(["offer-benh-vien"]);
    expect(meili.documents(INDEX).has("offer-benh-vien")).toBe(false);
    expect(await engine.count()).toBe(CORPUS.length - 1);
    await engine.clear();
    expect(await engine.count()).toBe(0);
    expect(meili.index(INDEX)!.settings.sortableAttributes).toEqual(["publishedAt", "priceMin"]);
  });

  it("rejects when Meilisearch's task fails, so the outbox retries", async () => {
    const engine = newEngine();
    await engine.init();
    meili.fail("task-failed");
    const failure = await engine.upsert([CORPUS[0]!]).catch((error: unknown) => error);
    expect(failure).toBeInstanceOf(MeilisearchTaskError);
    expect((failure as MeilisearchTaskError).code).toBe("internal");
    expect(meili.documents(INDEX).size).toBe(0);
    await engine.upsert([CORPUS[0]!]);
    expect(meili.documents(INDEX).size).toBe(1);
  });

  it("rejects on an HTTP 500, for writes and deletes alike", async () => {
    const engine = await seeded();
    meili.fail("http-500", { path: /\/documents$/ });
    await expect(engine.upsert([CORPUS[0]!])).rejects.toThrow(/Simulated internal error/);
    meili.fail("http-500", { path: /delete-batch$/ });
    await expect(engine.remove(["offer:cds-phuong"])).rejects.toThrow();
    meili.fail("http-500", { path: /^\/tasks\// });
    await expect(engine.upsert([CORPUS[1]!])).rejects.toThrow();
    expect(meili.documents(INDEX).has("offer-cds-phuong")).toBe(true);
  });

  it("rejects within the request timeout when the server hangs", async () => {
    const engine = await seeded();
    meili.fail("hang", { method: "POST", path: /\/documents$/ });
    const started = Date.now();
    await expect(engine.upsert([CORPUS[0]!])).rejects.toThrow(/timed out|has failed/);
    expect(Date.now() - started).toBeLessThan(TIMEOUT_MS + 1_000);

    meili.fail("hang", { path: /multi-search/ });
    const searchStarted = Date.now();
    await expect(engine.search({ q: "bệnh viện" })).rejects.toThrow();
    expect(Date.now() - searchStarted).toBeLessThan(TIMEOUT_MS + 1_000);
  });

  it("rejects when a task never finishes", async () => {
    const engine = new MeilisearchEngine({
      host: meili.url,
      apiKey: API_KEY,
      timeoutMs: TIMEOUT_MS,
      taskTimeoutMs: 300,
    });
    await engine.init();
    meili.setProcessingPolls(Number.MAX_SAFE_INTEGER);
    await expect(engine.upsert([CORPUS[0]!])).rejects.toThrow(/timeout/);
  });
});

describe("credentials", () => {
  it("sends the API key only as a bearer Authorization header", async () => {
    const engine = await seeded();
    await engine.search({ q: "bệnh viện", facets: ["sector"] });
    await engine.suggest({ q: "bệnh" });
    await engine.count();
    await engine.upsert([CORPUS[0]!]);
    const all: RecordedRequest[] = meili.requests;
    expect(all.length).toBeGreaterThan(4);
    for (const request of all) {
      expect(request.headers.authorization).toBe(`Bearer ${API_KEY}`);
      expect(request.path + request.query.toString() + request.rawBody).not.toContain(API_KEY);
    }
  });

  it("fails loudly with a wrong key", async () => {
    const engine = new MeilisearchEngine({ host: meili.url, apiKey: "wrong", timeoutMs: TIMEOUT_MS });
    await expect(engine.init()).rejects.toThrow(/API key is invalid/);
  });
});

describe("searching", () => {
  it("always sends the visibility filter, widened only by the viewer's organisations", async () => {
    const engine = await seeded();
    const publicResult = await engine.search({ q: "chuyển đổi số" });
    expect(ids(publicResult)).toEqual(["cds-phuong"]);
    const member = await engine.search({ q: "chuyển đổi số", visibility: { organisationIds: ["org-secret", 'x"y'] } });
    expect(ids(member).sort()).toEqual(["cds-phuong", "draft-secret"]);
    const [first, second] = pageQueries();
    // The visibility filter first (a page drawn from several readings adds its documents' keys after it).
    expect((first!.filter as string[])[0]).toBe("published = true");
    expect((second!.filter as string[])[0]).toBe('(published = true OR organisationId IN ["org-secret", "x\\"y"])');
  });

  it("quotes and escapes facet values, so no value can change the filter", async () => {
    const engine = await seeded();
    const nasty = ['" OR 1=1', 'a\\" OR published = false OR "', "NEAR(", "x) OR (published = false", "back\\slash"];
    await engine.upsert([searchDocument({ entityId: "nasty", title: "Tài liệu lạ", sector: [nasty[1]!] })]);
    const result = await engine.search({
      q: "",
      filters: {
        sector: nasty,
        // Not a facet: ignored rather than put in the filter.
        ...({ "published = false OR title": ["x"] } as object),
      },
    });
    const filter = multiSearches().at(-1)![0]!.filter as string[];
    expect(filter).toEqual([
      "published = true",
      'sector IN ["\\" OR 1=1", "a\\\\\\" OR published = false OR \\"", "NEAR(", "x) OR (published = false", "back\\\\slash"]',
    ]);
    // The stand-in parses the filter like Meilisearch: the request succeeded
    // and the value round-tripped to match exactly the one document.
    expect(ids(result)).toEqual(["nasty"]);
    expect(result.total).toBe(1);
  });

  it("counts facets disjunctively: one multi-search, one facet-only query per filtered field", async () => {
    const engine = await seeded();
    const result = await engine.search({
      q: "",
      filters: { sector: ["giao-thong"], trlBand: ["7-9"] },
      facets: ["sector", "trlBand", "type"],
    });
    const queries = multiSearches();
    expect(queries).toHaveLength(1);
    const [main, total, sectorQuery, trlQuery] = queries[0]!;
    expect(main).toMatchObject({
      indexUid: INDEX,
      filter: ["published = true", 'sector IN ["giao-thong"]', 'trlBand IN ["7-9"]'],
    });
    expect(total).toMatchObject({
      indexUid: INDEX,
      facets: ["type"],
      hitsPerPage: 0,
      filter: ["published = true", 'sector IN ["giao-thong"]', 'trlBand IN ["7-9"]'],
    });
    expect(sectorQuery).toMatchObject({
      facets: ["sector"],
      limit: 0,
      filter: ["published = true", 'trlBand IN ["7-9"]'],
    });
    expect(trlQuery).toMatchObject({
      facets: ["trlBand"],
      limit: 0,
      filter: ["published = true", 'sector IN ["giao-thong"]'],
    });

    expect(ids(result)).toEqual(["camera-ai"]);
    expect(result.facets.sector).toEqual({ "dich-vu-cong": 1, "y-te": 1, "giao-thong": 1 });
    expect(result.facets.trlBand).toEqual({ "7-9": 1, "4-6": 1 });
    expect(result.facets.type).toEqual({ offer: 1 });
  });

  it("returns an empty count for a wanted facet with no values", async () => {
    const engine = await seeded();
    const result = await engine.search({ q: "", facets: ["deployment"] });
    expect(result.facets).toEqual({ deployment: {} });
  });

  it("asks for exact totals with page/hitsPerPage and maps the hits", async () => {
    const engine = await seeded();
    const result = await engine.search({ q: "", page: 2, perPage: 2, sort: "newest" });
    expect(multiSearches()[0]![0]).toMatchObject({ page: 2, hitsPerPage: 2, sort: ["publishedAt:desc"] });
    expect(result).toMatchObject({ total: 5, page: 2, perPage: 2, didYouMean: null, matchedTerms: [] });
    expect(ids(result)).toEqual(["benh-vien", "ket-xe"]);
    expect(result.hits[0]).toMatchObject({
      id: "offer:benh-vien",
      type: "offer",
      slug: "benh-vien",
      title: "Hệ thống quản lý bệnh viện",
      organisationName: "Công ty Thử nghiệm",
      published: true,
      priceMin: 250_000_000,
      publishedAt: Date.UTC(2026, 1, 1),
    });
    const far = await engine.search({ q: "", page: 999, perPage: 2 });
    expect(far.hits).toEqual([]);
    expect(far.total).toBe(5);
  });

  it("maps the sorts, with unpriced documents last", async () => {
    const engine = await seeded();
    const cheap = await engine.search({ q: "", sort: "price-asc", filters: { type: ["offer"] } });
    const dear = await engine.search({ q: "", sort: "price-desc", filters: { type: ["offer"] } });
    await engine.search({ q: "bệnh viện", sort: "relevance" });
    const sorts = pageQueries().map((query) => query.sort);
    expect(sorts).toEqual([["priceMin:asc"], ["priceMin:desc"], undefined]);
    expect(ids(cheap)).toEqual(["cds-phuong", "den-tin-hieu", "benh-vien", "camera-ai"]);
    expect(ids(dear)).toEqual(["benh-vien", "den-tin-hieu", "cds-phuong", "camera-ai"]);
    expect(cheap.hits.at(-1)!.priceMin).toBeNull();
  });

  it("highlights the matched words in the text as written, whatever diacritics were typed", async () => {
    const engine = await seeded();
    const result = await engine.search({ q: "chuyen doi so" });
    const [hit] = result.hits;
    expect(marked(hit!.highlight.title)).toEqual(["chuyển", "đổi", "số"]);
    expect(hit!.highlight.title.map((segment) => segment.text).join("")).toBe(hit!.title);
    expect(toMarkedHtml(hit!.highlight.title)).toBe(
      "Nền tảng <mark>chuyển</mark> <mark>đổi</mark> <mark>số</mark> cho phường",
    );
    expect(marked(hit!.highlight.snippet)).toContain("Số");
    // Highlight terms (search/highlight.ts): the compound as a phrase, the last word as a prefix.
    expect(result.matchedTerms).toEqual(expect.arrayContaining(["chuyen doi", "so*"]));
  });

  it("highlights whole words when Meilisearch marked only the typed prefix", async () => {
    const engine = await seeded();
    const result = await engine.search({ q: "quản lý bện" });
    expect(marked(result.hits[0]!.highlight.title)).toEqual(["quản", "lý", "bệnh"]);
    expect(result.matchedTerms).toContain("ben*");
  });

  it("still highlights when only the folded copies matched (a server that keeps diacritics)", async () => {
    const strict = createMeilisearchStandIn({ url: "http://127.0.0.1:7701", tokenizer: "lowercase" });
    server.use(...strict.handlers);
    const engine = new MeilisearchEngine({ host: strict.url, timeoutMs: TIMEOUT_MS });
    await engine.init();
    await engine.upsert(CORPUS);
    const result = await engine.search({ q: "tin hieu giao thong" });
    expect(ids(result)).toEqual(["den-tin-hieu"]);
    expect(marked(result.hits[0]!.highlight.title)).toEqual(["tín", "hiệu", "giao", "thông"]);
    const page = strict
      .requestsTo("POST", "/multi-search")
      .flatMap((request) => (request.body as { queries: Record<string, unknown>[] }).queries)
      .filter((query) => Array.isArray(query.attributesToHighlight))
      .at(-1)!;
    expect(page.attributesToHighlight).toEqual(expect.arrayContaining(["title", "titleFolded"]));
  });

  it("takes typo and synonym matches from Meilisearch's marks", async () => {
    const engine = await seeded();
    server.use(
      http.post(`${meili.url}/multi-search`, async ({ request }) => {
        const { queries } = (await request.json()) as { queries: Record<string, unknown>[] };
        const page = queries.find(isPage);
        // Totals (and compound counts): one document.
        if (!page)
          return HttpResponse.json({
            results: queries.map(() => ({
              indexUid: INDEX,
              hits: [],
              query: "",
              processingTimeMs: 1,
              page: 1,
              hitsPerPage: 0,
              totalHits: 1,
              totalPages: 0,
            })),
          });
        const [pre, post] = [page.highlightPreTag as string, page.highlightPostTag as string];
        const hit = {
          ...CORPUS[2],
          pk: "offer-den-tin-hieu",
          _rankingScore: 0.87,
          _formatted: {
            title: `Đèn tín hiệu ${pre}giao${post} thông`,
            summaryFolded: `dieu khien pha den theo luu ${pre}luong${post}`,
            keywords: [],
          },
        };
        return HttpResponse.json({
          results: queries.map(() => ({
            indexUid: INDEX,
            hits: [hit],
            query: "giao luongg",
            processingTimeMs: 1,
            page: 1,
            hitsPerPage: 20,
            totalHits: 1,
            totalPages: 1,
          })),
        });
      }),
    );
    const result = await engine.search({ q: "giao luongg" });
    expect(result.total).toBe(1);
    expect(result.hits[0]!.score).toBe(0.87);
    expect(result.matchedTerms).toEqual(expect.arrayContaining(["giao", "luong"]));
    expect(marked(result.hits[0]!.highlight.title)).toEqual(["giao"]);
    // Only the forgiven spelling is marked, not every word sharing letters.
    expect(marked(result.hits[0]!.highlight.snippet)).toEqual(["lượng"]);
    expect(result.didYouMean).toBe("giao luong");
  });

  it("sends only the words typed, at most ten, with quoted phrases kept", async () => {
    const engine = await seeded();
    await engine.search({ q: "-giao ^thông +AND title:x" });
    await engine.search({ q: '"giao thông" đèn' });
    await engine.search({ q: "một hai ba bốn năm sáu bảy tám chín mười mười một" });
    await engine.search({ q: '"giao thông' });
    await engine.search({ q: "bệnh " });
    const sent = multiSearches().flatMap((queries) => queries.map((query) => query.q as string));
    // A sentence is also read as matching reads a need, as far as the
    // embedded engine reads it (LONG_QUERY_MAX_WORDS): one quoted term per
    // search, no trailing space. The readings of the words stop at ten.
    const readingsSent = sent.filter((q) => !/^"[^"]*"$/.test(q));
    for (const q of readingsSent) expect(q).not.toMatch(/\bmuoi mot\b/);
    for (const queries of multiSearches())
      expect(queries.filter((query) => /^"[^"]*"$/.test(String(query.q))).length).toBeLessThanOrEqual(
        MATCHING_READING_MAX_TERMS,
      );
    // Only words (as folded words or ASCII keys) and balanced phrase quotes reach Meilisearch.
    for (const q of sent) {
      expect(q).toMatch(/^[a-z0-9" ]*$/);
      expect(q.split('"').length % 2, q).toBe(1);
    }
    // A quoted phrase stays a phrase, exact keys and folded; "đèn" asked as its key ("denzdf") and folded.
    expect(sent).toEqual(expect.arrayContaining(['"giao thongza" denzdf ', '"giao thong" den ', "benhzaj ", "benh "]));
  });

  it("asks for a long phrase by its short synonym, which Meilisearch can expand", async () => {
    const engine = await seeded();
    await engine.setSynonyms([["trí tuệ nhân tạo", "AI"]]);
    await engine.search({ q: "trí tuệ nhân tạo camera" });
    await engine.search({ q: "AI camera" });
    // The readings of the words (matching's quoted terms aside).
    const readingQueries = multiSearches()
      .flat()
      .filter((query) => query.hitsPerPage === READING_ID_WINDOW && !String(query.q).startsWith('"'));
    expect(new Set(readingQueries.map((query) => query.q))).toEqual(new Set(["ai camera "]));
  });

  it("finds what most of the words find when all of them together find nothing", async () => {
    const engine = await seeded();
    // Matching's reading of the words finds "bệnh viện" without the stray word…
    expect(ids(await engine.search({ q: "bệnh viện xyzzy" }))).toEqual(["benh-vien"]);
    // …and with a quoted phrase (no blend), Meilisearch drops words from the end.
    meili.requests.length = 0;
    const result = await engine.search({ q: '"bệnh viện" xyzzy' });
    expect(
      multiSearches()
        .flat()
        .some((query) => query.matchingStrategy === "last"),
    ).toBe(true);
    expect(ids(result)).toEqual(["benh-vien"]);
  });

  it("does not relax a search that found something, in at most three round trips", async () => {
    const engine = await seeded();
    await engine.search({ q: "bệnh viện" });
    // Compounds and typos; the readings' and matching's ids with their sectors; the page.
    expect(multiSearches().length).toBeLessThanOrEqual(3);
    expect(
      multiSearches()
        .flat()
        .every((query) => query.matchingStrategy !== "last"),
    ).toBe(true);
  });
});

describe("reading a need typed as a sentence", () => {
  it("reads it as matching reads a problem, in two round trips", async () => {
    const engine = await seeded();
    const result = await engine.search({
      q: "Sở cần giảm ùn tắc giờ cao điểm bằng điều khiển đèn tín hiệu tại nút giao",
    });
    expect(ids(result)[0]).toBe("den-tin-hieu");
    // Matching's terms and the index size in one multi-search, then the page.
    const trips = multiSearches();
    expect(trips).toHaveLength(2);
    expect(trips[0]!.length).toBeLessThanOrEqual(MATCHING_READING_MAX_TERMS + 1);
    expect(trips[0]!.every((query) => query.q === "" || /^"[^"]*"$/.test(String(query.q)))).toBe(true);
    expect(result.didYouMean).toBeNull();
  });
});

describe("suggestions", () => {
  it("searches published titles of the asked types", async () => {
    const engine = await seeded();
    const suggestions = await engine.suggest({ q: "giảm kẹt", types: ["problem"], limit: 3 });
    const body = meili.requestsTo("POST", `/indexes/${INDEX}/search`)[0]!.body as Record<string, unknown>;
    expect(body).toMatchObject({
      q: "giảm kẹt",
      attributesToSearchOn: ["title", "titleFolded"],
      filter: ["published = true", 'type IN ["problem"]'],
      limit: 3,
      matchingStrategy: "all",
    });
    expect(suggestions).toEqual([
      {
        id: "problem:ket-xe",
        type: "problem",
        slug: "ket-xe",
        title: "Giảm kẹt xe cửa ngõ phía Tây",
        highlight: [
          { text: "Giảm", match: true },
          { text: " ", match: false },
          { text: "kẹt", match: true },
          { text: " xe cửa ngõ phía Tây", match: false },
        ],
      },
    ]);
    expect((await engine.suggest({ q: "bản nh" })).map((suggestion) => suggestion.id)).not.toContain(
      "offer:draft-secret",
    );
    expect(await engine.suggest({ q: "!!!" })).toEqual([]);
  });
});

// The engine against a stand-in as strict as a real server where the engine
// depends on it (search/meilisearch/stand-in.test.ts shows the stand-in
// refusing what Meilisearch refuses).
describe("against a strict server", () => {
  const OPERATOR = "operator-key";
  // The key actions the README lists for a running app (no indexes.create:
  // the index exists after the first boot with a wider key).
  const APP_ACTIONS = [
    "search",
    "documents.add",
    "documents.delete",
    "indexes.get",
    "settings.update",
    "settings.get",
    "stats.get",
    "tasks.get",
  ];
  const APP = "app-key";
  const NO_SWAP = "no-swap-key";
  const strict = createMeilisearchStandIn({
    url: "http://127.0.0.1:7702",
    apiKey: OPERATOR,
    keys: {
      [APP]: { actions: APP_ACTIONS, indexes: [`${INDEX}*`] },
      [NO_SWAP]: { actions: [...APP_ACTIONS, "indexes.create", "indexes.delete"], indexes: [`${INDEX}*`] },
    },
  });
  const engineWith = (apiKey: string, options: Partial<ConstructorParameters<typeof MeilisearchEngine>[0]> = {}) =>
    new MeilisearchEngine({ host: strict.url, apiKey, timeoutMs: 1_000, taskTimeoutMs: 2_000, ...options });
  const strictSearches = () =>
    strict
      .requestsTo("POST", "/multi-search")
      .flatMap((request) => (request.body as { queries: Record<string, unknown>[] }).queries);
  beforeEach(() => {
    strict.reset();
    server.use(...strict.handlers);
  });

  it("restarts with a key that cannot create indexes once the index exists, and needs one for the first boot", async () => {
    await expect(engineWith(APP).init()).rejects.toThrow(
      `Meilisearch index ${INDEX} does not exist and the API key may not create it (indexes.create)`,
    );
    expect(strict.index(INDEX)).toBeNull();
    await engineWith(OPERATOR).init();
    const app = engineWith(APP);
    await app.init();
    await app.upsert(CORPUS);
    expect(ids(await app.search({ q: "bệnh viện" }))).toEqual(["benh-vien"]);
    await app.remove(["offer:benh-vien"]);
    expect(await app.count()).toBe(CORPUS.length - 1);
    expect(strict.tasks().filter((task) => task.status === "failed")).toEqual([]);
  });

  it("sends settings the server accepts on arrival", async () => {
    const engine = engineWith(OPERATOR);
    await engine.init();
    await engine.setSynonyms([["kẹt xe", "ùn tắc"]]);
    expect(
      strict
        .tasks()
        .filter((task) => task.type === "settingsUpdate")
        .every((task) => task.status === "succeeded"),
    ).toBe(true);
    expect(strict.index(INDEX)!.settings.typoTolerance).toMatchObject({
      enabled: true,
      disableOnAttributes: ["titleKeys", "keywordsKeys", "summaryKeys", "bodyKeys"],
    });
  });

  it("rebuilds into a new index and swaps it in: the swap body, the same settings, the old documents deleted", async () => {
    const first = engineWith(OPERATOR);
    await first.init();
    await first.setSynonyms([["kẹt xe", "ùn tắc"]]);
    await first.upsert(CORPUS);
    // Another process, which has not set the synonyms itself, rebuilds.
    const other = engineWith(OPERATOR);
    await other.init();
    const kept = CORPUS.filter((document) => document.entityId !== "benh-vien");
    expect(
      await other.replaceAll(
        (async function* () {
          yield kept;
        })(),
      ),
    ).toBe(kept.length);
    const [swap] = strict.requestsTo("POST", "/swap-indexes");
    const rebuild = (swap!.body as { indexes: string[] }[])[0]!.indexes[1]!;
    expect(swap!.body).toEqual([{ indexes: [INDEX, rebuild] }]);
    expect(rebuild).toMatch(new RegExp(`^${INDEX}_rebuild_[a-z0-9]+$`));
    expect(strict.index(rebuild)).toBeNull();
    expect(strict.requestsTo("DELETE", `/indexes/${rebuild}`)).toHaveLength(1);
    expect([...strict.documents(INDEX).keys()]).not.toContain("offer-benh-vien");
    expect(strict.index(INDEX)!.settings.synonyms).toMatchObject({ "kẹt xe": expect.arrayContaining(["ùn tắc"]) });
    expect(strict.index(INDEX)!.settings.filterableAttributes).toEqual(expect.arrayContaining(["published", "sector"]));
    expect(ids(await other.search({ q: "ket xe" }))).toContain("ket-xe");
  });

  it("leaves the live index and no rebuild index behind when the swap is refused", async () => {
    const engine = engineWith(OPERATOR);
    await engine.init();
    await engine.upsert(CORPUS);
    const limited = engineWith(NO_SWAP);
    await expect(
      limited.replaceAll(
        (async function* () {
          yield [CORPUS[0]!];
        })(),
      ),
    ).rejects.toThrow(/API key is invalid/);
    expect(strict.documents(INDEX).size).toBe(CORPUS.length);
    expect(
      [...strict.requestsTo("POST", "/indexes")]
        .map((request) => (request.body as { uid: string }).uid)
        .filter((uid) => uid !== INDEX),
    ).toHaveLength(1);
    const rebuild = (strict.requestsTo("POST", "/indexes").at(-1)!.body as { uid: string }).uid;
    expect(strict.index(rebuild)).toBeNull();
  });

  it("cuts writes below the payload limit, and says which document alone is over it", async () => {
    const tight = createMeilisearchStandIn({ url: "http://127.0.0.1:7703", payloadLimitBytes: 20_000 });
    server.use(...tight.handlers);
    const engine = new MeilisearchEngine({
      host: tight.url,
      timeoutMs: 1_000,
      taskTimeoutMs: 2_000,
      payloadLimitBytes: 20_000,
    });
    await engine.init();
    const many = Array.from({ length: 30 }, (_, n) =>
      searchDocument({ entityId: `doc-${n}`, title: `Tài liệu ${n}`, body: "Nội dung thử nghiệm ".repeat(20) }),
    );
    await engine.upsert(many);
    const sent = tight.requestsTo("POST", `/indexes/${INDEX}/documents`);
    expect(sent.length).toBeGreaterThan(1);
    for (const request of sent) expect(Buffer.byteLength(request.rawBody)).toBeLessThanOrEqual(20_000);
    expect(tight.documents(INDEX).size).toBe(30);
    // The same documents in one request: what the server refuses.
    const whole = JSON.stringify(sent.flatMap((request) => request.body as unknown[]));
    expect(Buffer.byteLength(whole)).toBeGreaterThan(20_000);
    const huge = searchDocument({ entityId: "huge", title: "Quá lớn", body: "chữ ".repeat(10_000) });
    await expect(engine.upsert([huge])).rejects.toThrow(
      /offer:huge is \d+ bytes as JSON, over Meilisearch's payload limit of 20000 bytes/,
    );
    expect(tight.requestsTo("POST", `/indexes/${INDEX}/documents`)).toHaveLength(sent.length);
  });

  it("highlights a match Meilisearch found only in the body, from the cropped body, without fetching the body whole", async () => {
    const engine = engineWith(OPERATOR);
    await engine.init();
    const body = `${"Giới thiệu chung về đơn vị cung cấp. ".repeat(
      12,
    )}Bản đồ số cho hạ tầng infrastructure của thành phố. ${"Kết luận. ".repeat(30)}`;
    await engine.upsert([searchDocument({ entityId: "map", title: "Bản đồ số", summary: "Cho quận huyện.", body })]);
    // A typo Meilisearch forgives: only its marks in the body say which word it read.
    const result = await engine.search({ q: "infrastucure" });
    expect(ids(result)).toEqual(["map"]);
    expect(marked(result.hits[0]!.highlight.snippet)).toEqual(["infrastructure"]);
    const snippetText = result.hits[0]!.highlight.snippet.map((segment) => segment.text).join("");
    expect(snippetText.length).toBeLessThan(body.length / 2);
    for (const query of strictSearches()) {
      if (Array.isArray(query.attributesToRetrieve)) expect(query.attributesToRetrieve).not.toContain("body");
      if (Array.isArray(query.attributesToCrop))
        expect(query.attributesToHighlight).toEqual(expect.arrayContaining(query.attributesToCrop as string[]));
    }
  });

  it("more like this takes a one-word term exactly, never as a prefix or with a typo", async () => {
    const engine = engineWith(OPERATOR);
    await engine.init();
    await engine.upsert([
      searchDocument({ entityId: "ai", title: "Camera AI đếm xe" }),
      searchDocument({ entityId: "aim", title: "Aim tracking for archery" }),
      searchDocument({ entityId: "typo", title: "Camerra repair" }),
      ...Array.from({ length: 20 }, (_, n) => searchDocument({ entityId: `filler-${n}`, title: `Dịch vụ công ${n}` })),
    ]);
    const hits = await engine.similar({
      terms: [
        { words: ["ai"], weight: 1 },
        { words: ["camera"], weight: 1 },
      ],
      limit: 10,
    });
    expect(hits.map((hit) => hit.entityId).sort()).toEqual(["ai"]);
    expect(
      strictSearches()
        .filter((query) => query.q !== "")
        .map((query) => query.q),
    ).toEqual(['"ai"', '"camera"']);
    // A term of nothing but stop words would be a placeholder search: it is not sent.
    strict.requests.length = 0;
    expect(await engine.similar({ terms: [{ words: ["va"], weight: 1 }], limit: 10 })).toEqual([]);
    expect(strictSearches()).toEqual([]);
  });
});
