// The per-IP limit on /api/v1, with a small limit for this file only (the
// server reads API_RATE_LIMIT_POINTS when it starts).
import { beforeAll, describe, expect, it, vi as vitest } from "vitest";
import en from "~/i18n/en";
import vi from "~/i18n/vi";
import { startTestServer } from "~/test-support/http";
import { apiClient, seedOpenApiWorld } from "~/test-support/open-api-fixtures";
import { problemsWith, responseSchema } from "~/test-support/openapi-conformance";

vitest.hoisted(() => {
  process.env.API_RATE_LIMIT_POINTS = "4";
  process.env.API_RATE_LIMIT_WINDOW_SECONDS = "120";
});

const server = startTestServer();
const api = apiClient(server);

beforeAll(async () => {
  await seedOpenApiWorld();
});

describe("the /api/v1 rate limit", () => {
  it("counts every request, then answers 429 with Retry-After in the language asked for, on any endpoint", async () => {
    const remaining: string[] = [];
    for (const path of ["/api/v1/offers", "/api/v1/offers?perPage=999", "/api/v1/nope", "/api/v1/organisations"]) {
      const { status, headers } = await api(path);
      expect(status, path).not.toBe(429);
      expect(headers.get("ratelimit-limit")).toBe("4");
      remaining.push(headers.get("ratelimit-remaining")!);
    }
    expect(remaining).toEqual(["3", "2", "1", "0"]);

    const blocked = await api("/api/v1/major-problems");
    expect(blocked.status).toBe(429);
    const wait = Number(blocked.headers.get("retry-after"));
    expect(wait).toBeGreaterThan(0);
    expect(wait).toBeLessThanOrEqual(120);
    expect(blocked.headers.get("cache-control")).toBe("no-store");
    expect(blocked.body.error).toEqual({
      code: "rate_limited",
      message: vi.openData.rateLimited.replace("{{seconds}}", String(wait)),
    });
    expect(problemsWith(blocked.body, responseSchema("/api/v1/major-problems", "429"))).toEqual([]);

    const english = await api("/api/v1/search?q=den&lng=en");
    expect(english.status).toBe(429);
    expect(english.body.error?.message).toMatch(
      new RegExp(`^${en.openData.rateLimited.replace("{{seconds}}", "\\d+").replace(/\./g, "\\.")}$`),
    );
    expect(english.headers.get("access-control-expose-headers")).toContain("Retry-After");
  });

  it("leaves the rest of the site alone", async () => {
    expect((await server.browser().get("/")).status).toBe(200);
  });
});
