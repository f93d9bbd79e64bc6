import { beforeAll, describe, expect, it } from "vitest";
import en from "~/i18n/en";
import vi from "~/i18n/vi";
import { makeUser } from "~/test-support/factories";
import { startTestServer } from "~/test-support/http";
import { makeOffer, makeTerms } from "~/test-support/offer-factories";
import { syncSearch } from "~/test-support/search";
import { makeProvider, makeStatement } from "~/test-support/statement-factories";

const server = startTestServer();
let ownerEmail = "";
let draftId = "";
let publishedId = "";

type ApiBody = {
  total: number;
  page: number;
  hits: {
    id: string;
    type: string;
    slug: string;
    url: string;
    title: string;
    highlight: { title: string; snippet: string };
  }[];
  facets: Record<string, Record<string, number>>;
  error?: { code: string; message: string; details?: { field: string; message: string }[] };
};

async function api(query: string, headers: Record<string, string> = {}) {
  const response = await fetch(`${server.baseUrl}/api/v1/search${query}`, { headers });
  return { status: response.status, headers: response.headers, body: (await response.json()) as ApiBody };
}

beforeAll(async () => {
  const owner = await makeUser();
  ownerEmail = owner.email;
  const terms = await makeTerms();
  const provider = await makeProvider(owner.id, "Công ty Đèn Tín Hiệu Thử");
  publishedId = (
    await makeOffer(provider.id, owner.id, terms, { title: "Điều khiển đèn tín hiệu thích ứng", status: "PUBLISHED" })
  ).id;
  draftId = (await makeOffer(provider.id, owner.id, terms, { title: "Bản nháp đèn tín hiệu bí mật" })).id;
  await makeStatement(provider.id, owner.id, {
    status: "PUBLISHED",
    form: { title: "Giảm ùn tắc tại nút giao Ngã Tư Sở" },
  });
  await syncSearch();
});

describe("GET /api/v1/search", () => {
  it("returns published hits with highlights and facets, found without diacritics", async () => {
    const { status, headers, body } = await api("?q=den+tin+hieu&type=offer");
    expect(status).toBe(200);
    expect(headers.get("content-type")).toContain("application/json");
    expect(body.total).toBe(1);
    expect(body.hits[0]).toMatchObject({ id: publishedId, type: "offer", title: "Điều khiển đèn tín hiệu thích ứng" });
    expect(body.hits[0]!.url).toBe(`/offers/${body.hits[0]!.slug}`);
    expect(body.hits[0]!.highlight.title).toBe(
      "Điều khiển <mark>đèn</mark> <mark>tín</mark> <mark>hiệu</mark> thích ứng",
    );
    expect(body.facets.type).toMatchObject({ offer: 1 });
  });

  it("covers problem statements too, and keeps drafts out even for their own signed-in members", async () => {
    expect((await api("?q=nga+tu+so&type=problem")).body.hits.map((hit) => hit.title)).toEqual([
      "Giảm ùn tắc tại nút giao Ngã Tư Sở",
    ]);
    const member = await server.signedIn({ email: ownerEmail });
    const body = (await api("?q=bí+mật", { cookie: member.cookieHeader() })).body;
    expect(body.hits.map((hit) => hit.id)).not.toContain(draftId);
    expect(JSON.stringify(body)).not.toContain("bí mật");
  });

  it.each([
    ["?page=0", "page"],
    ["?page=abc", "page"],
    ["?page=99999", "page"],
    ["?perPage=500", "perPage"],
    ["?type=vendor", "type"],
    ["?sort=cheapest", "sort"],
    ["?trlBand=10-12", "trlBand"],
    ["?sector=%27%3B%20DROP%20TABLE", "sector"],
    [`?q=${"x".repeat(600)}`, "q"],
    ["?foo=bar", "foo"],
  ])("answers %s with 400 and a JSON error naming %s", async (query, field) => {
    const { status, body } = await api(query);
    expect(status).toBe(400);
    expect(body.error?.code).toBe("invalid_parameters");
    expect(body.error?.details?.map((detail) => detail.field)).toContain(field);
  });

  it("explains errors in Vietnamese by default and in English when asked", async () => {
    const vietnamese = await api("?page=99999");
    expect(vietnamese.body.error?.message).toContain(vi.search.validation.pageTooHigh.replace("{{max}}", "1000"));
    const english = await api("?page=99999&lng=en");
    expect(english.body.error?.message).toContain(en.search.validation.pageTooHigh.replace("{{max}}", "1000"));
  });

  it.each([[""], ["a"], ['" OR 1=1'], ["NEAR("], ["*"], ['"giao thông'], ["!!!"]])(
    "answers the query %j with 200",
    async (q) => {
      const { status, body } = await api(`?q=${encodeURIComponent(q)}`);
      expect(status).toBe(200);
      expect(Array.isArray(body.hits)).toBe(true);
    },
  );

  it("answers a page past the results with no hits and the true total", async () => {
    const { status, body } = await api("?q=den+tin+hieu&page=50");
    expect(status).toBe(200);
    expect(body.hits).toEqual([]);
    expect(body.total).toBeGreaterThan(0);
  });

  it("never includes the search engine's key", async () => {
    const { body } = await api("?q=den");
    expect(JSON.stringify(body)).not.toMatch(/MEILI|apiKey|masterKey/i);
  });
});
