// The MSW stand-in (app/test-support/msw/meilisearch.ts) refuses what a real
// Meilisearch refuses, where the engine depends on it: settings checked on
// arrival and merged, cropped fields not highlighted unless asked, API key
// actions per route, the payload limit, swap-indexes, one-word phrases taken
// exactly. Each is driven through the official client (meilisearch-js), so
// the client's own error handling is exercised too. What a real server does
// is taken from Meilisearch's specifications, documentation and its tests
// (tests/settings/errors.rs); engine.live.test.ts runs against a real one.
import { Meilisearch, MeilisearchApiError, type IndexSwap } from "meilisearch";
import { setupServer } from "msw/node";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { createMeilisearchStandIn } from "../../app/test-support/msw/meilisearch.ts";

const MASTER = "stand-in-master-key";
const SEARCH_ONLY = "search-only-key";
const WRITER = "writer-without-index-creation";
const OTHER_INDEXES = "key-for-other-indexes";
const meili = createMeilisearchStandIn({
  url: "http://127.0.0.1:7721",
  apiKey: MASTER,
  processingPolls: 0,
  payloadLimitBytes: 10_000,
  keys: {
    [SEARCH_ONLY]: { actions: ["search"] },
    [WRITER]: { actions: ["documents.add", "settings.update", "tasks.get", "search"] },
    [OTHER_INDEXES]: { actions: ["*"], indexes: ["other*"] },
  },
});
const server = setupServer(...meili.handlers);
beforeAll(() => server.listen({ onUnhandledRequest: "error" }));
afterEach(() => meili.reset());
afterAll(() => server.close());

const client = (apiKey = MASTER) => new Meilisearch({ host: meili.url, apiKey, timeout: 2_000 });
const wait = { timeout: 2_000, interval: 10 };

/** The API error a call rejected with: HTTP status and Meilisearch's code. */
async function refusal(call: Promise<unknown>): Promise<{ status: number; code: string | undefined; message: string }> {
  const error = await call.then(
    () => null,
    (caught: unknown) => caught,
  );
  expect(error, "the call should have been refused").toBeInstanceOf(MeilisearchApiError);
  const api = error as MeilisearchApiError;
  return { status: api.response.status, code: api.cause?.code, message: api.message };
}

async function makeIndex(uid = "books") {
  await client().createIndex(uid, { primaryKey: "id" }).waitTask(wait);
  return client().index(uid);
}

describe("settings", () => {
  it("refuses an unknown field at once with 400 bad_request, and queues nothing", async () => {
    const index = await makeIndex();
    const before = meili.tasks().length;
    const refused = await refusal(index.updateSettings({ rankingRulez: ["words"] } as never));
    expect(refused).toMatchObject({ status: 400, code: "bad_request" });
    expect(refused.message).toMatch(/^Unknown field `rankingRulez`: expected one of `displayedAttributes`/);
    expect(meili.tasks()).toHaveLength(before);
  });

  it.each([
    [
      { rankingRules: "words" },
      "invalid_settings_ranking_rules",
      /Invalid value type at `\.rankingRules`: expected an array, but found a string/,
    ],
    [{ rankingRules: ["words", "doggo"] }, "invalid_settings_ranking_rules", /`doggo` ranking rule is invalid/],
    [
      { typoTolerance: { minWordSizeForTypo: { oneTypo: 4 } } },
      "invalid_settings_typo_tolerance",
      /Unknown field `minWordSizeForTypo` inside `\.typoTolerance`/,
    ],
    [
      { typoTolerance: { minWordSizeForTypos: "doggo" } },
      "invalid_settings_typo_tolerance",
      /at `\.typoTolerance\.minWordSizeForTypos`: expected an object/,
    ],
    [
      { pagination: { maxTotalHits: "many" } },
      "invalid_settings_pagination",
      /at `\.pagination\.maxTotalHits`: expected a positive integer/,
    ],
    [{ faceting: "doggo" }, "invalid_settings_faceting", /at `\.faceting`: expected an object/],
    [{ synonyms: { ai: "trí tuệ nhân tạo" } }, "invalid_settings_synonyms", /at `\.synonyms\.ai`: expected an array/],
    [{ filterableAttributes: "published" }, "invalid_settings_filterable_attributes", /expected an array/],
    [
      { localizedAttributes: [{ attributePatterns: ["*"], locale: ["vie"] }] },
      "invalid_settings_localized_attributes",
      /Unknown field `locale`/,
    ],
  ])("refuses %j with 400 %s", async (settings, code, message) => {
    const index = await makeIndex();
    const refused = await refusal(index.updateSettings(settings as never));
    expect(refused).toMatchObject({ status: 400, code });
    expect(refused.message).toMatch(message);
  });

  it("merges nested settings field by field, and null resets one", async () => {
    const index = await makeIndex();
    await index
      .updateSettings({
        typoTolerance: { enabled: false, minWordSizeForTypos: { oneTypo: 4 } },
        pagination: { maxTotalHits: 5_000 },
      })
      .waitTask(wait);
    await index
      .updateSettings({
        typoTolerance: { disableOnAttributes: ["code"], minWordSizeForTypos: { twoTypos: 10 } },
        faceting: { maxValuesPerFacet: 10 },
      })
      .waitTask(wait);
    const settings = await index.getSettings();
    expect(settings.typoTolerance).toEqual({
      enabled: false,
      minWordSizeForTypos: { oneTypo: 4, twoTypos: 10 },
      disableOnWords: [],
      disableOnAttributes: ["code"],
    });
    expect(settings.pagination).toEqual({ maxTotalHits: 5_000 });
    expect(settings.faceting).toMatchObject({ maxValuesPerFacet: 10 });
    await index.updateSettings({ typoTolerance: { enabled: null } }).waitTask(wait);
    expect((await index.getSettings()).typoTolerance).toMatchObject({ enabled: true, disableOnAttributes: ["code"] });
    await index.updateSettings({ typoTolerance: null }).waitTask(wait);
    expect((await index.getSettings()).typoTolerance).toMatchObject({ enabled: true, disableOnAttributes: [] });
  });
});

describe("formatting", () => {
  const long = `${"Mở đầu dài dòng về dự án. ".repeat(
    10,
  )}Camera đếm phương tiện tại nút giao. ${"Phần kết thúc rất dài. ".repeat(10)}`;

  it("crops without highlighting unless the attribute is also in attributesToHighlight", async () => {
    const index = await makeIndex();
    await index.addDocuments([{ id: 1, title: "Camera giao thông", body: long }]).waitTask(wait);
    const onlyCropped = await index.search("camera", {
      attributesToHighlight: ["title"],
      attributesToCrop: ["body"],
      cropLength: 6,
      attributesToRetrieve: ["id"],
    });
    const [hit] = onlyCropped.hits;
    expect(hit).not.toHaveProperty("body");
    expect(hit!._formatted!.title).toBe("<em>Camera</em> giao thông");
    expect(hit!._formatted!.body).toMatch(/^…[^<]*Camera[^<]*…$/);
    expect((hit!._formatted!.body as string).split(" ").length).toBeLessThanOrEqual(8);

    const both = await index.search("camera", {
      attributesToHighlight: ["title", "body"],
      attributesToCrop: ["body"],
      cropLength: 6,
    });
    expect(both.hits[0]!._formatted!.body).toMatch(/^…[^…]*<em>Camera<\/em>[^…]*…$/);
  });
});

describe("API keys", () => {
  it("refuses each action the key does not hold with 403 invalid_api_key", async () => {
    const index = await makeIndex();
    await index.addDocuments([{ id: 1, title: "Camera" }]).waitTask(wait);
    const reader = client(SEARCH_ONLY);
    expect((await reader.index("books").search("camera")).hits).toHaveLength(1);
    expect(await refusal(reader.createIndex("more").waitTask(wait))).toMatchObject({
      status: 403,
      code: "invalid_api_key",
    });
    expect(await refusal(reader.getRawIndex("books"))).toMatchObject({ status: 403, code: "invalid_api_key" });
    expect(await refusal(reader.index("books").updateSettings({ stopWords: [] }))).toMatchObject({
      status: 403,
      code: "invalid_api_key",
    });
    expect(await refusal(reader.index("books").addDocuments([{ id: 2 }]))).toMatchObject({
      status: 403,
      code: "invalid_api_key",
    });
    expect(await refusal(reader.index("books").getStats())).toMatchObject({ status: 403, code: "invalid_api_key" });
    expect(await refusal(reader.swapIndexes([{ indexes: ["books", "other"] } as IndexSwap]))).toMatchObject({
      status: 403,
    });
    expect(meili.documents("books").size).toBe(1);
  });

  it("holds a key to its indexes", async () => {
    await makeIndex("books");
    const scoped = client(OTHER_INDEXES);
    expect(await refusal(scoped.index("books").search("camera"))).toMatchObject({
      status: 403,
      code: "invalid_api_key",
    });
    expect(await refusal(scoped.multiSearch({ queries: [{ indexUid: "books", q: "" }] }))).toMatchObject({
      status: 403,
    });
    await scoped.createIndex("other-books").waitTask(wait);
    expect(meili.index("other-books")).not.toBeNull();
  });

  it("does not create a missing index on a write when the key lacks indexes.create", async () => {
    const writer = client(WRITER);
    const task = await writer
      .index("books")
      .addDocuments([{ id: 1, title: "Camera" }], { primaryKey: "id" })
      .waitTask(wait);
    expect(task.status).toBe("failed");
    expect(task.error?.code).toBe("index_not_found");
    const settings = await writer
      .index("books")
      .updateSettings({ filterableAttributes: ["published"] })
      .waitTask(wait);
    expect(settings.error?.code).toBe("index_not_found");
    expect(meili.index("books")).toBeNull();
    // With a key that may create indexes, the same write creates it, with default settings.
    await client()
      .index("books")
      .addDocuments([{ id: 1, title: "Camera" }], { primaryKey: "id" })
      .waitTask(wait);
    expect(meili.index("books")!.settings.filterableAttributes).toEqual([]);
  });

  it("asks every request for a key once one is set", async () => {
    expect(await refusal(new Meilisearch({ host: meili.url }).getRawIndex("books"))).toMatchObject({
      status: 401,
      code: "missing_authorization_header",
    });
    expect(await refusal(client("made-up").getRawIndex("books"))).toMatchObject({
      status: 403,
      code: "invalid_api_key",
    });
  });
});

describe("payload limit", () => {
  it("refuses a body over the limit with 413 payload_too_large, before any task", async () => {
    const index = await makeIndex();
    const refused = await refusal(index.addDocuments([{ id: 1, body: "x".repeat(10_001) }]));
    expect(refused).toMatchObject({ status: 413, code: "payload_too_large" });
    expect(meili.tasks().filter((task) => task.type === "documentAdditionOrUpdate")).toEqual([]);
    await index.addDocuments([{ id: 1, body: "x".repeat(9_000) }]).waitTask(wait);
    expect(meili.documents("books").size).toBe(1);
  });
});

describe("indexes", () => {
  it("swaps two indexes' documents and settings in one task, and fails it when one is missing", async () => {
    const live = await makeIndex("live");
    const fresh = await makeIndex("fresh");
    await live.addDocuments([{ id: 1, title: "old" }]).waitTask(wait);
    await fresh.updateSettings({ filterableAttributes: ["title"] }).waitTask(wait);
    await fresh.addDocuments([{ id: 2, title: "new" }]).waitTask(wait);
    const task = await client()
      .swapIndexes([{ indexes: ["live", "fresh"] } as IndexSwap])
      .waitTask(wait);
    expect(task.status).toBe("succeeded");
    expect([...meili.documents("live").keys()]).toEqual(["2"]);
    expect(meili.index("live")!.settings.filterableAttributes).toEqual(["title"]);
    expect([...meili.documents("fresh").keys()]).toEqual(["1"]);
    const missing = await client()
      .swapIndexes([{ indexes: ["live", "nowhere"] } as IndexSwap])
      .waitTask(wait);
    expect(missing.error?.code).toBe("index_not_found");
    await client().deleteIndex("fresh").waitTask(wait);
    expect(meili.index("fresh")).toBeNull();
    expect(await refusal(client().getRawIndex("fresh"))).toMatchObject({ status: 404, code: "index_not_found" });
  });
});

describe("phrases", () => {
  it("takes a quoted single word exactly: no prefix, no typo; bare, the last word is a prefix", async () => {
    const index = await makeIndex();
    await index
      .addDocuments([
        { id: 1, title: "AI camera" },
        { id: 2, title: "Aim tracking" },
        { id: 3, title: "Camerra repair" },
      ])
      .waitTask(wait);
    const titles = async (q: string) => (await index.search(q)).hits.map((hit) => hit.title as string).sort();
    expect(await titles('"ai"')).toEqual(["AI camera"]);
    expect(await titles("ai")).toEqual(["AI camera", "Aim tracking"]);
    expect(await titles('"camera"')).toEqual(["AI camera"]);
    expect(await titles("camera ")).toEqual(["AI camera", "Camerra repair"]);
  });

  it("drops a phrase of nothing but stop words, as Meilisearch does", async () => {
    const index = await makeIndex();
    await index.updateSettings({ stopWords: ["và"] }).waitTask(wait);
    await index
      .addDocuments([
        { id: 1, title: "Camera" },
        { id: 2, title: "Đèn" },
      ])
      .waitTask(wait);
    // A placeholder search: every document.
    expect((await index.search('"và"')).hits).toHaveLength(2);
  });
});
