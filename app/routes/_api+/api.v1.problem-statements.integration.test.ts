// The open API for agencies' problem statements: published and closed ones
// only (drafts and those awaiting review are 404 even for their agency), the
// "6 rõ" in full, ranked offers, strict parameters.
import { beforeAll, describe, expect, it } from "vitest";
import en from "~/i18n/en";
import vi from "~/i18n/vi";
import { startTestServer } from "~/test-support/http";
import { makeProposal, makeQuestion } from "~/test-support/statement-factories";
import {
  BAD_LIMITS,
  DRAFT_OFFER,
  DRAFT_STATEMENT,
  type OpenApiWorld,
  SUBMITTED_STATEMENT,
  apiClient,
  seedOpenApiWorld,
} from "~/test-support/open-api-fixtures";
import { problemsWith, responseSchema } from "~/test-support/openapi-conformance";

const server = startTestServer();
const api = apiClient(server);
let world: OpenApiWorld;

type Statement = {
  id: string;
  slug: string;
  title: string;
  status: string;
  responsiblePerson?: string;
  decisionAuthority?: string;
  budgetMaxVnd: number | null;
  majorProblem: unknown;
};
type Page = { total: number; items: Statement[] };
type Matches = {
  problem: Statement;
  matches: { offer: { id: string; title: string }; score: number; reasons: { kind: string; text: string }[] }[];
};

beforeAll(async () => {
  world = await seedOpenApiWorld();
  // Private to the agency, the provider and staff: never in the public API.
  await makeProposal(world.statement.id, world.offer);
  await makeQuestion(world.statement.id, world.provider.id, "Câu hỏi riêng của nhà cung cấp?");
});

describe("GET /api/v1/problem-statements", () => {
  it("lists published and closed statements, never drafts or those awaiting review", async () => {
    const { status, headers, body, text } = await api<Page>("/api/v1/problem-statements");
    expect(status).toBe(200);
    expect(headers.get("cache-control")).toBe("public, max-age=60");
    expect(problemsWith(body, responseSchema("/api/v1/problem-statements", "200"))).toEqual([]);
    expect(body.items.map((item) => item.slug).sort()).toEqual([world.statement.slug, world.closed.slug].sort());
    expect(body.total).toBe(2);
    expect(text).not.toContain(DRAFT_STATEMENT);
    expect(text).not.toContain(SUBMITTED_STATEMENT);
  });

  it("filters by status and sector, and pages", async () => {
    expect((await api<Page>("/api/v1/problem-statements?status=CLOSED")).body.items.map((item) => item.slug)).toEqual([
      world.closed.slug,
    ]);
    // A statement's sector is that of the major problem it answers.
    expect(
      (await api<Page>(`/api/v1/problem-statements?sector=${world.terms.sector.slug}`)).body.items.map(
        (item) => item.slug,
      ),
    ).toEqual([world.statement.slug]);
    expect((await api<Page>("/api/v1/problem-statements?sector=y-te")).body.items).toEqual([]);
    const first = (await api<Page>("/api/v1/problem-statements?perPage=1")).body;
    expect(first.items).toHaveLength(1);
    expect(first.total).toBe(2);
  });

  it.each([
    ["?status=DRAFT", "status"],
    ["?status=SUBMITTED", "status"],
    ["?perPage=0", "perPage"],
    ["?q=den", "q"],
    ["?page=", "page"],
  ])("answers %s with 400 naming %s", async (query, field) => {
    const { status, body } = await api(`/api/v1/problem-statements${query}`);
    expect(status).toBe(400);
    expect(body.error?.details?.map((detail) => detail.field)).toContain(field);
  });
});

describe("GET /api/v1/problem-statements/{slug}", () => {
  it("gives the published statement with its 6 rõ, and nothing private", async () => {
    const { status, body, text } = await api<{ problem: Statement }>(
      `/api/v1/problem-statements/${world.statement.slug}`,
    );
    expect(status).toBe(200);
    expect(problemsWith(body, responseSchema("/api/v1/problem-statements/{slug}", "200"))).toEqual([]);
    expect(body.problem).toMatchObject({
      id: world.statement.id,
      status: "PUBLISHED",
      responsiblePerson: "Ông Vũ Quang Huy, Phó Giám đốc",
      decisionAuthority: "Giám đốc Sở Giao thông Vận tải",
      budgetMaxVnd: 3_000_000_000,
      majorProblem: { code: "BT-01", listSlug: world.current.slug, url: `/major-problems/${world.current.slug}/BT-01` },
    });
    expect(text).not.toContain("Câu hỏi riêng");
    expect(text).not.toContain("30 nút giao");
    expect(text).not.toContain("pitch");
  });

  it("answers 404 for drafts and statements awaiting review, even to their agency's signed-in members", async () => {
    const member = await server.signedIn(world.agencyOwner);
    for (const slug of [world.draft.slug, world.submitted.slug, "khong-ton-tai"]) {
      for (const path of [`/api/v1/problem-statements/${slug}`, `/api/v1/problem-statements/${slug}/matches`]) {
        const { status, body } = await api(path, { cookie: member.cookieHeader() });
        expect(status, path).toBe(404);
        expect(problemsWith(body, responseSchema("/api/v1/problem-statements/{slug}", "404"))).toEqual([]);
        expect(body.error?.message).toBe(vi.openApi.notFound.problemStatement);
      }
    }
    expect((await api(`/api/v1/problem-statements/${world.draft.slug}?lng=en`)).body.error?.message).toBe(
      en.openApi.notFound.problemStatement,
    );
  });
});

describe("GET /api/v1/problem-statements/{slug}/matches", () => {
  it("ranks published offers for the statement, with readable reasons", async () => {
    const { status, body } = await api<Matches>(`/api/v1/problem-statements/${world.statement.slug}/matches?limit=3`);
    expect(status).toBe(200);
    expect(problemsWith(body, responseSchema("/api/v1/problem-statements/{slug}/matches", "200"))).toEqual([]);
    expect(body.matches.length).toBeGreaterThan(0);
    expect(body.matches.length).toBeLessThanOrEqual(3);
    expect(body.matches.map((match) => match.offer.id)).toContain(world.offer.id);
    expect(body.matches.map((match) => match.offer.title)).not.toContain(DRAFT_OFFER);
    for (const match of body.matches) for (const reason of match.reasons) expect(reason.text.length).toBeGreaterThan(5);
  });

  it.each(BAD_LIMITS.map((limit) => [limit]))("answers limit=%j with 400", async (limit) => {
    const { status, body } = await api(`/api/v1/problem-statements/${world.statement.slug}/matches?limit=${limit}`);
    expect(status).toBe(400);
    expect(body.error?.details?.map((detail) => detail.field)).toEqual(["limit"]);
  });

  it("refuses parameters it does not take", async () => {
    const { status, body } = await api(`/api/v1/problem-statements/${world.statement.slug}/matches?list=x`);
    expect(status).toBe(400);
    expect(body.error?.message).toContain(vi.openApi.validation.unknownParameter.replace("{{max}}", "list"));
  });
});
