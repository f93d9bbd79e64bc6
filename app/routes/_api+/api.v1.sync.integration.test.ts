// What a system that copies the exchange's data relies on: lists that page
// the same way everywhere (a hard maximum, an empty page past the end, a
// next link), updatedSince for fetching only what changed, and ETags so an
// unchanged answer costs a 304.
import { beforeAll, describe, expect, it } from "vitest";
import { db } from "~/db.server";
import en from "~/i18n/en";
import vi from "~/i18n/vi";
import { startTestServer } from "~/test-support/http";
import { type OpenApiWorld, apiClient, seedOpenApiWorld } from "~/test-support/open-api-fixtures";
import { problemsWith, responseSchema } from "~/test-support/openapi-conformance";

const server = startTestServer();
const api = apiClient(server);
let world: OpenApiWorld;

type Page = {
  total: number;
  page: number;
  perPage: number;
  next: string | null;
  items: { id: string; updatedAt: string }[];
};
const LISTS = [
  "/api/v1/offers",
  "/api/v1/problem-statements",
  "/api/v1/major-problems",
  "/api/v1/organisations",
  "/api/v1/matches",
];

beforeAll(async () => {
  world = await seedOpenApiWorld();
});

describe("paging, the same on every list", () => {
  it.each(LISTS)(
    "%s refuses a page size over the maximum instead of cutting it, in Vietnamese and in English",
    async (list) => {
      const vietnamese = await api(`${list}?perPage=51`);
      expect(vietnamese.status).toBe(400);
      expect(vietnamese.body.error?.details).toEqual([
        { field: "perPage", message: vi.openApi.validation.perPage.replace("{{max}}", "50") },
      ]);
      const english = await api(`${list}?perPage=51&lng=en`);
      expect(english.body.error?.details).toEqual([
        { field: "perPage", message: en.openApi.validation.perPage.replace("{{max}}", "50") },
      ]);
      expect(problemsWith(english.body, responseSchema(list, "400"))).toEqual([]);
    },
  );

  it("walks the offers page by page with next, and a page past the end is empty", async () => {
    const first = await api<Page>("/api/v1/offers?perPage=2&sector=" + world.terms.sector.slug);
    expect(first.body.total).toBe(2);
    expect(first.body.next).toBeNull();
    const all = await api<Page>("/api/v1/offers?perPage=1");
    expect(all.body.total).toBe(3);
    expect(all.body.next).toBe("/api/v1/offers?perPage=1&page=2");
    const second = await api<Page>(all.body.next!);
    const third = await api<Page>(second.body.next!);
    expect(third.body.next).toBeNull();
    const ids = [all, second, third].map((page) => page.body.items[0]!.id);
    expect(new Set(ids).size).toBe(3);
    const beyond = await api<Page>("/api/v1/offers?perPage=1&page=9");
    expect(beyond.status).toBe(200);
    expect(beyond.body).toMatchObject({ total: 3, page: 9, items: [], next: null });
  });
});

describe("updatedSince", () => {
  it.each([
    ["hôm qua", "updatedSinceFormat"],
    ["2026-11-01", "updatedSinceFormat"],
    ["2026-11-01T10:00:00", "updatedSinceFormat"],
    ["2026-02-30T00:00:00Z", "updatedSinceFormat"],
    [new Date(Date.now() + 60 * 60 * 1000).toISOString(), "updatedSinceFuture"],
  ] as const)("answers %j with 400 saying why", async (value, key) => {
    for (const list of LISTS) {
      const { status, body } = await api(`${list}?updatedSince=${encodeURIComponent(value)}`);
      expect(status, list).toBe(400);
      expect(body.error?.details).toEqual([{ field: "updatedSince", message: vi.openData.validation[key] }]);
    }
    const english = await api(`/api/v1/offers?lng=en&updatedSince=${encodeURIComponent(value)}`);
    expect(english.body.error?.details?.[0]?.message).toBe(en.openData.validation[key]);
  });

  it("accepts a clock a little ahead of ours, and an offset instead of Z", async () => {
    expect(
      (await api(`/api/v1/offers?updatedSince=${encodeURIComponent(new Date(Date.now() + 60_000).toISOString())}`))
        .status,
    ).toBe(200);
    expect((await api(`/api/v1/offers?updatedSince=${encodeURIComponent("2020-01-01T07:00:00+07:00")}`)).status).toBe(
      200,
    );
  });

  it("refuses after without updatedSince", async () => {
    const { status, body } = await api("/api/v1/offers?after=abc");
    expect(status).toBe(400);
    expect(body.error?.details).toEqual([{ field: "after", message: vi.openData.validation.afterWithoutSince }]);
  });

  it("returns only what changed since, oldest change first, and picks up a later edit", async () => {
    const everything = await api<Page>("/api/v1/offers?updatedSince=2000-01-01T00:00:00Z");
    expect(everything.body.total).toBe(3);
    const times = everything.body.items.map((item) => item.updatedAt);
    expect(times).toEqual([...times].sort());

    const mark = new Date(Date.now() + 1);
    await new Promise((resolve) => setTimeout(resolve, 5));
    const before = await api<Page>(`/api/v1/offers?updatedSince=${mark.toISOString()}`);
    expect(before.body).toMatchObject({ total: 0, items: [] });

    await db.offer.update({ where: { id: world.otherOffer.id }, data: { summaryVi: "Đã cập nhật mô tả ngắn." } });
    await db.problemStatement.update({ where: { id: world.statement.id }, data: { timeline: "Sáu tháng" } });
    await db.organisation.update({ where: { id: world.provider.id }, data: { website: "https://den.example.vn" } });
    for (const [list, id] of [
      ["/api/v1/offers", world.otherOffer.id],
      ["/api/v1/problem-statements", world.statement.id],
      ["/api/v1/organisations", world.provider.id],
    ]) {
      const after = await api<Page>(`${list}?updatedSince=${mark.toISOString()}`);
      expect(
        after.body.items.map((item) => item.id),
        list,
      ).toEqual([id]);
    }
  });

  it("pages an updatedSince walk by the last record, so an edit during the walk is not skipped", async () => {
    const since = "2000-01-01T00:00:00Z";
    const first = await api<Page>(`/api/v1/offers?perPage=1&updatedSince=${since}`);
    expect(first.body.next).toBe(
      `/api/v1/offers?perPage=1&updatedSince=${encodeURIComponent(first.body.items[0]!.updatedAt)}&after=${
        first.body.items[0]!.id
      }`,
    );
    // The record just read changes before the client asks for page two.
    await db.offer.update({ where: { id: first.body.items[0]!.id }, data: { summaryVi: "Sửa trong lúc đồng bộ." } });
    const seen = [first.body.items[0]!.id];
    let next = first.body.next;
    while (next) {
      const page = await api<Page>(next);
      seen.push(...page.body.items.map((item) => item.id));
      next = page.body.next;
    }
    expect(new Set(seen)).toEqual(new Set([world.offer.id, world.otherOffer.id, world.unrelated.id]));
    expect(seen.at(-1)).toBe(seen[0]);
  });
});

describe("ETag", () => {
  it("answers 304 to a matching If-None-Match on every list and detail, and a new tag after a change", async () => {
    const paths = [
      ...LISTS,
      `/api/v1/offers/${world.offer.slug}`,
      `/api/v1/organisations/${world.provider.slug}`,
      "/api/v1/openapi.json",
      "/api/v1/search?q=den",
    ];
    for (const path of paths) {
      const first = await api(path);
      const etag = first.headers.get("etag");
      expect(etag, path).toMatch(/^W\/".+"$/);
      const again = await fetch(server.baseUrl + path, { headers: { "If-None-Match": etag! } });
      expect(again.status, path).toBe(304);
      expect(await again.text(), path).toBe("");
    }
    const before = (await api(`/api/v1/offers/${world.offer.slug}`)).headers.get("etag")!;
    await db.offer.update({ where: { id: world.offer.id }, data: { summaryVi: "Tóm tắt mới sau khi sửa." } });
    const changed = await fetch(`${server.baseUrl}/api/v1/offers/${world.offer.slug}`, {
      headers: { "If-None-Match": before },
    });
    expect(changed.status).toBe(200);
    expect(changed.headers.get("etag")).not.toBe(before);
    expect(((await changed.json()) as { offer: { summary: string } }).offer.summary).toBe("Tóm tắt mới sau khi sửa.");
  });
});
