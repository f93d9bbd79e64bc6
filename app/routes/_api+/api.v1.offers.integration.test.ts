// The open API for offers: published ones only, no contact details, and
// the reverse direction (open needs an offer may fit), with the matching
// service's failure reported as 503 rather than 500.
import { afterEach, beforeAll, describe, expect, it, vi as vitest } from "vitest";
import { db } from "~/db.server";
import en from "~/i18n/en";
import vi from "~/i18n/vi";
import { startTestServer } from "~/test-support/http";
import {
  BAD_LIMITS,
  DRAFT_OFFER,
  type OpenApiWorld,
  SECRET_EMAIL,
  SECRET_PHONE,
  apiClient,
  seedOpenApiWorld,
} from "~/test-support/open-api-fixtures";
import { problemsWith, responseSchema } from "~/test-support/openapi-conformance";
import { searchEngineInTest } from "~/test-support/search-fixtures";

const server = startTestServer();
const api = apiClient(server);
let world: OpenApiWorld;

type Offer = { id: string; slug: string; title: string; externalId: string | null; provider: { name: string } };
type Need = { type: string; id: string; title: string; code?: string; slug?: string };
type Matches = { offer: Offer; matches: { need: Need; score: number; reasons: { kind: string; text: string }[] }[] };

beforeAll(async () => {
  world = await seedOpenApiWorld();
});
afterEach(() => {
  vitest.restoreAllMocks();
});

describe("GET /api/v1/offers", () => {
  it("lists published offers only, filtered by sector, as documented", async () => {
    const { status, headers, body, text } = await api<{ total: number; items: Offer[] }>("/api/v1/offers?perPage=50");
    expect(status).toBe(200);
    expect(headers.get("access-control-allow-origin")).toBe("*");
    expect(problemsWith(body, responseSchema("/api/v1/offers", "200"))).toEqual([]);
    expect(body.items.map((item) => item.id).sort()).toEqual(
      [world.offer.id, world.otherOffer.id, world.unrelated.id].sort(),
    );
    expect(text).not.toContain(DRAFT_OFFER);
    const sector = await api<{ items: Offer[] }>(`/api/v1/offers?sector=${world.terms.sector.slug}`);
    expect(sector.body.items.map((item) => item.id).sort()).toEqual([world.offer.id, world.otherOffer.id].sort());
    expect(
      (await api<{ items: Offer[] }>(`/api/v1/offers?technology=${world.terms.technology.slug}`)).body.items,
    ).toEqual([]);
  });

  it.each([
    ["?perPage=100", "perPage"],
    ["?sector=Giao%20thông", "sector"],
    ["?status=DRAFT", "status"],
    ["?page=-1", "page"],
  ])("answers %s with 400 naming %s", async (query, field) => {
    const { status, body } = await api(`/api/v1/offers${query}`);
    expect(status).toBe(400);
    expect(body.error?.details?.map((detail) => detail.field)).toContain(field);
  });
});

describe("GET /api/v1/offers/{slug}", () => {
  it("gives a published offer without contact details, the title in English with lng=en", async () => {
    const { status, body, text } = await api<{ offer: Offer & { titleVi: string } }>(
      `/api/v1/offers/${world.offer.slug}`,
    );
    expect(status).toBe(200);
    expect(problemsWith(body, responseSchema("/api/v1/offers/{slug}", "200"))).toEqual([]);
    expect(body.offer).toMatchObject({
      id: world.offer.id,
      externalId: "DTH-001",
      title: "Điều khiển đèn tín hiệu giao thông thích ứng",
    });
    for (const secret of [SECRET_EMAIL, SECRET_PHONE, "Người Liên Hệ Bí Mật", "contact"])
      expect(text).not.toContain(secret);
    const english = await api<{ offer: Offer }>(`/api/v1/offers/${world.offer.slug}?lng=en`);
    expect(english.body.offer.title).toBe("Adaptive traffic signal control");
  });

  it("answers 404 for a draft, even to its own members, and for an unknown slug", async () => {
    const owner = await server.signedIn(world.owner);
    for (const path of [
      `/api/v1/offers/${world.draftOffer.slug}`,
      `/api/v1/offers/${world.draftOffer.slug}/matches`,
      "/api/v1/offers/khong-co",
    ]) {
      const { status, body } = await api(path, { cookie: owner.cookieHeader() });
      expect(status, path).toBe(404);
      expect(body.error).toEqual({ code: "not_found", message: vi.openApi.notFound.offer });
    }
  });
});

describe("GET /api/v1/offers/{slug}/matches (the reverse direction)", () => {
  it("finds the open major problem and statement the offer fits, never closed, solved, draft or unpublished ones", async () => {
    const { status, body, text } = await api<Matches>(`/api/v1/offers/${world.offer.slug}/matches?limit=10`);
    expect(status).toBe(200);
    expect(problemsWith(body, responseSchema("/api/v1/offers/{slug}/matches", "200"))).toEqual([]);
    const ids = body.matches.map((match) => match.need.id);
    expect(ids).toContain(world.bt01.id);
    expect(ids).toContain(world.statement.id);
    for (const hidden of [
      world.closed.id,
      world.draft.id,
      world.submitted.id,
      world.current.items[1]!.id,
      world.unpublished.items[0]!.id,
    ])
      expect(ids).not.toContain(hidden);
    expect(text).not.toContain("Tiêu đề chưa công bố");
    const major = body.matches.find((match) => match.need.id === world.bt01.id)!;
    expect(major.need).toMatchObject({
      type: "major-problem",
      code: "BT-01",
      title: "Giảm ùn tắc giao thông tại các nút giao nội đô",
    });
    expect(major.reasons.length).toBeGreaterThan(0);
  });

  it("leaves out needs staff rejected for the offer, and says nothing about curation", async () => {
    await db.match.create({
      data: {
        offerId: world.offer.id,
        problemStatementId: world.statement.id,
        status: "REJECTED",
        rejectReason: "OUT_OF_SCOPE",
      },
    });
    await db.match.create({ data: { offerId: world.offer.id, majorProblemId: world.bt01.id, status: "SUGGESTED" } });
    const { body, text } = await api<Matches>(`/api/v1/offers/${world.offer.slug}/matches`);
    expect(body.matches.map((match) => match.need.id)).not.toContain(world.statement.id);
    expect(body.matches.map((match) => match.need.id)).toContain(world.bt01.id);
    expect(text).not.toMatch(/SUGGESTED|REJECTED|OUT_OF_SCOPE/);
    await db.match.deleteMany({ where: { offerId: world.offer.id } });
  });

  it("explains reasons in English with lng=en", async () => {
    const vietnamese = (await api<Matches>(`/api/v1/offers/${world.offer.slug}/matches`)).body.matches[0]!;
    const english = (await api<Matches>(`/api/v1/offers/${world.offer.slug}/matches?lng=en`)).body.matches[0]!;
    expect(english.need.id).toBe(vietnamese.need.id);
    expect(english.reasons.map((reason) => reason.text)).not.toEqual(vietnamese.reasons.map((reason) => reason.text));
  });

  it.each(BAD_LIMITS.map((limit) => [limit]))("answers limit=%j with 400", async (limit) => {
    const { status, body } = await api(`/api/v1/offers/${world.offer.slug}/matches?limit=${limit}&lng=en`);
    expect(status).toBe(400);
    expect(body.error?.details?.[0]).toEqual({
      field: "limit",
      message: en.openApi.validation.limit.replace("{{max}}", "50"),
    });
  });

  it("answers 503 in JSON when the matching engine fails, and keeps it out of caches", async () => {
    vitest.spyOn(searchEngineInTest(), "similar").mockRejectedValue(new Error("connection refused"));
    // Lists nobody asked for yet: an answer computed before the failure is
    // still current (no data changed) and is served from the public cache.
    const fresh = "?limit=7";
    for (const path of [
      `/api/v1/offers/${world.offer.slug}/matches${fresh}`,
      `/api/v1/major-problems/BT-01/matches${fresh}`,
      `/api/v1/problem-statements/${world.statement.slug}/matches${fresh}`,
    ]) {
      const { status, headers, body } = await api(path);
      expect(status, path).toBe(503);
      expect(headers.get("cache-control")).toBe("no-store");
      expect(problemsWith(body, responseSchema("/api/v1/offers/{slug}/matches", "503"))).toEqual([]);
      expect(body.error).toEqual({ code: "matching_unavailable", message: vi.openApi.matchingUnavailable });
    }
  });
});
