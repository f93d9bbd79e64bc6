// The open API for the city's major problems: the latest published version
// only, codes resolved across lists, ranked offers with reasons, and strict
// parameters (400, never 500).
import { beforeAll, describe, expect, it } from "vitest";
import { db } from "~/db.server";
import en from "~/i18n/en";
import vi from "~/i18n/vi";
import { startTestServer } from "~/test-support/http";
import {
  BAD_LIMITS,
  DRAFT_OFFER,
  type OpenApiWorld,
  UNPUBLISHED_TITLE,
  apiClient,
  seedOpenApiWorld,
} from "~/test-support/open-api-fixtures";
import { problemsWith, responseSchema } from "~/test-support/openapi-conformance";

const server = startTestServer();
const api = apiClient(server);
let world: OpenApiWorld;

type Problem = {
  id: string;
  code: string;
  title: string;
  status: string;
  list: { slug: string; version: number };
  url: string;
};
type Page = { total: number; page: number; perPage: number; items: Problem[] };
type Matches = {
  problem: Problem;
  matches: {
    offer: { id: string; slug: string; title: string; provider: { name: string } };
    score: number;
    reasons: { kind: string; text: string }[];
  }[];
};

beforeAll(async () => {
  world = await seedOpenApiWorld();
});

describe("GET /api/v1/major-problems", () => {
  it("lists the problems of each list's latest published version, newest list first, as documented", async () => {
    const { status, headers, body } = await api<Page>("/api/v1/major-problems");
    expect(status).toBe(200);
    expect(headers.get("cache-control")).toBe("public, max-age=60");
    expect(problemsWith(body, responseSchema("/api/v1/major-problems", "200"))).toEqual([]);
    expect(body.items.map((item) => `${item.list.slug} ${item.code}`)).toEqual([
      `${world.current.slug} BT-01`,
      `${world.current.slug} BT-02`,
      `${world.older.slug} BT-01`,
    ]);
    expect(body.total).toBe(3);
    // The working copy's unpublished title and the never-published list stay out.
    expect(JSON.stringify(body)).not.toContain(UNPUBLISHED_TITLE);
    expect(JSON.stringify(body)).not.toContain("BT-77");
  });

  it("filters by status, sector and list, and pages", async () => {
    expect((await api<Page>("/api/v1/major-problems?status=SOLVED")).body.items.map((item) => item.title)).toEqual([
      "Số hoá hồ sơ bệnh án",
    ]);
    expect(
      (await api<Page>(`/api/v1/major-problems?sector=${world.terms.sector.slug}`)).body.items.map((item) => item.code),
    ).toEqual(["BT-01"]);
    expect(
      (await api<Page>(`/api/v1/major-problems?list=${world.older.slug}`)).body.items.map((item) => item.title),
    ).toEqual(["Chống ngập úng đô thị"]);
    const second = (await api<Page>("/api/v1/major-problems?perPage=2&page=2")).body;
    expect(second).toMatchObject({ total: 3, page: 2, perPage: 2 });
    expect(second.items.map((item) => item.list.slug)).toEqual([world.older.slug]);
    expect((await api<Page>("/api/v1/major-problems?page=9")).body.items).toEqual([]);
  });

  it.each([
    ["?page=0", "page"],
    ["?page=abc", "page"],
    ["?perPage=51", "perPage"],
    ["?perPage=-1", "perPage"],
    ["?status=DONE", "status"],
    ["?sector=%27%3B%20DROP", "sector"],
    ["?foo=bar", "foo"],
    ["?lng=fr", "lng"],
    ["?page=1&page=2", "page"],
  ])("answers %s with 400 naming %s", async (query, field) => {
    const { status, body } = await api(`/api/v1/major-problems${query}`);
    expect(status).toBe(400);
    expect(problemsWith(body, responseSchema("/api/v1/major-problems", "400"))).toEqual([]);
    expect(body.error?.code).toBe("invalid_parameters");
    expect(body.error?.details?.map((detail) => detail.field)).toContain(field);
  });
});

describe("GET /api/v1/major-problems/{code}", () => {
  it("picks the newest list that has the code, or the list asked for", async () => {
    const newest = await api<{ problem: Problem }>("/api/v1/major-problems/BT-01");
    expect(newest.status).toBe(200);
    expect(problemsWith(newest.body, responseSchema("/api/v1/major-problems/{code}", "200"))).toEqual([]);
    expect(newest.body.problem).toMatchObject({
      id: world.bt01.id,
      title: "Giảm ùn tắc giao thông tại các nút giao nội đô",
      list: { slug: world.current.slug, version: 1 },
      url: `/major-problems/${world.current.slug}/BT-01`,
    });
    const older = await api<{ problem: Problem }>(`/api/v1/major-problems/BT-01?list=${world.older.slug}`);
    expect(older.body.problem.title).toBe("Chống ngập úng đô thị");
  });

  it("answers 404 in JSON for an unknown or unpublished code, in the language asked for", async () => {
    for (const path of [
      "/api/v1/major-problems/BT-99",
      "/api/v1/major-problems/BT-77",
      `/api/v1/major-problems/BT-02?list=${world.older.slug}`,
    ]) {
      const { status, body } = await api(path);
      expect(status, path).toBe(404);
      expect(body.error).toEqual({ code: "not_found", message: vi.openApi.notFound.majorProblem });
    }
    expect((await api("/api/v1/major-problems/BT-99?lng=en")).body.error?.message).toBe(
      en.openApi.notFound.majorProblem,
    );
    expect((await api("/api/v1/major-problems/BT-99/matches")).status).toBe(404);
  });
});

describe("GET /api/v1/major-problems/{code}/matches", () => {
  it("ranks published offers with reasons in Vietnamese, and in English with lng=en", async () => {
    const { status, body } = await api<Matches>("/api/v1/major-problems/BT-01/matches?limit=5");
    expect(status).toBe(200);
    expect(problemsWith(body, responseSchema("/api/v1/major-problems/{code}/matches", "200"))).toEqual([]);
    expect(body.problem.code).toBe("BT-01");
    const first = body.matches[0]!;
    expect([world.offer.id, world.otherOffer.id]).toContain(first.offer.id);
    expect(first.score).toBeGreaterThan(0);
    expect(first.reasons.length).toBeGreaterThan(0);
    expect(body.matches.map((match) => match.offer.title)).not.toContain(DRAFT_OFFER);
    expect(body.matches.length).toBeLessThanOrEqual(5);

    const english = await api<Matches>("/api/v1/major-problems/BT-01/matches?limit=5&lng=en");
    const ours = english.body.matches.find((match) => match.offer.id === world.offer.id)!;
    expect(ours.offer.title).toBe("Adaptive traffic signal control");
    const vietnamese = body.matches.find((match) => match.offer.id === world.offer.id)!;
    expect(ours.reasons.map((reason) => reason.kind)).toEqual(vietnamese.reasons.map((reason) => reason.kind));
    expect(ours.reasons.map((reason) => reason.text)).not.toEqual(vietnamese.reasons.map((reason) => reason.text));
  });

  it("respects the limit and leaves out offers staff rejected for the problem", async () => {
    expect((await api<Matches>("/api/v1/major-problems/BT-01/matches?limit=1")).body.matches).toHaveLength(1);
    const before = (await api<Matches>("/api/v1/major-problems/BT-01/matches?limit=50")).body.matches.map(
      (match) => match.offer.id,
    );
    expect(before).toContain(world.otherOffer.id);
    await db.match.create({
      data: {
        offerId: world.otherOffer.id,
        majorProblemId: world.bt01.id,
        status: "REJECTED",
        rejectReason: "OUT_OF_SCOPE",
      },
    });
    const after = (await api<Matches>("/api/v1/major-problems/BT-01/matches?limit=50")).body.matches.map(
      (match) => match.offer.id,
    );
    expect(after).not.toContain(world.otherOffer.id);
    expect(after).toContain(world.offer.id);
  });

  it.each(BAD_LIMITS.map((limit) => [limit]))(
    "answers limit=%j with 400 in Vietnamese, or English with lng=en",
    async (limit) => {
      const vietnamese = await api(`/api/v1/major-problems/BT-01/matches?limit=${limit}`);
      expect(vietnamese.status).toBe(400);
      expect(vietnamese.body.error?.details?.[0]).toEqual({
        field: "limit",
        message: vi.openApi.validation.limit.replace("{{max}}", "50"),
      });
      const english = await api(`/api/v1/major-problems/BT-01/matches?limit=${limit}&lng=en`);
      expect(english.body.error?.details?.[0]?.message).toBe(en.openApi.validation.limit.replace("{{max}}", "50"));
    },
  );
});
