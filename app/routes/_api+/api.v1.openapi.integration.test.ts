// The OpenAPI document as served, the page that introduces it, and the
// search API's real answers against what the document says of them.
import { beforeAll, describe, expect, it } from "vitest";
import { openApiDocument } from "~/api/openapi";
import en from "~/i18n/en";
import vi from "~/i18n/vi";
import { startTestServer, visibleText } from "~/test-support/http";
import { apiClient, seedOpenApiWorld } from "~/test-support/open-api-fixtures";
import { problemsWith, responseSchema } from "~/test-support/openapi-conformance";

const server = startTestServer();
const api = apiClient(server);

beforeAll(async () => {
  await seedOpenApiWorld();
});

describe("GET /api/v1/openapi.json", () => {
  it("serves the document, cacheable and readable from other origins", async () => {
    const { status, headers, body } = await api("/api/v1/openapi.json");
    expect(status).toBe(200);
    expect(headers.get("content-type")).toContain("application/json");
    expect(headers.get("access-control-allow-origin")).toBe("*");
    expect(headers.get("cache-control")).toContain("public");
    expect(body).toEqual(JSON.parse(JSON.stringify(openApiDocument)));
  });
});

describe("the /api page", () => {
  it("links the document and lists every endpoint, in Vietnamese first", async () => {
    const page = await server.browser().get("/api");
    expect(page.status).toBe(200);
    expect(page.text).toContain('href="/api/v1/openapi.json"');
    const text = visibleText(page.text);
    expect(text).toContain(vi.openApi.page.title);
    for (const path of Object.keys(openApiDocument.paths)) expect(text).toContain(`GET ${path}`);
    expect(text).toContain(vi.openApi.page.endpoints.getOfferMatches);
    // How to sync, with the limit this server applies, and the way to the bulk files.
    expect(text).toContain(vi.openData.page.syncText.replace("{{points}}", "600").replace("{{seconds}}", "60"));
    expect(page.text).toContain('href="/open-data"');
    // Found from any page's footer.
    expect((await server.browser().get("/")).text).toContain(`href="/api">${vi.openApi.page.footerLink}</a>`);
  });
});

describe("the search API against the document", () => {
  it("answers as documented, for results and for bad parameters", async () => {
    const ok = await api<{ hits: unknown[] }>("/api/v1/search?q=den+tin+hieu");
    expect(ok.status).toBe(200);
    expect(ok.body.hits.length).toBeGreaterThan(1);
    expect(problemsWith(ok.body, responseSchema("/api/v1/search", "200"))).toEqual([]);
    const bad = await api("/api/v1/search?page=0");
    expect(bad.status).toBe(400);
    expect(problemsWith(bad.body, responseSchema("/api/v1/search", "400"))).toEqual([]);
  });
});

describe("an unknown API address", () => {
  it("answers 404 in JSON, in the language asked for, whatever the method", async () => {
    for (const path of ["/api/v1/nope", "/api/v1/offers/x/y/z", "/api/v1/major-problems/BT-01/matches/extra"]) {
      const { status, headers, body } = await api(path);
      expect(status, path).toBe(404);
      expect(headers.get("content-type")).toContain("application/json");
      expect(body.error).toEqual({ code: "not_found", message: vi.openApi.notFound.endpoint });
    }
    expect((await api("/api/v1/nope?lng=en")).body.error?.message).toBe(en.openApi.notFound.endpoint);
    const posted = await fetch(`${server.baseUrl}/api/v1/nope`, { method: "POST" });
    expect(posted.status).toBe(404);
  });
});
