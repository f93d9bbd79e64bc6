// Organisations and approved matches in the open API: what the public pages
// already show, and nothing of what stays inside the exchange (members,
// e-mails, tax codes, drafts, matches still being curated or rejected).
import { beforeAll, describe, expect, it } from "vitest";
import { db } from "~/db.server";
import en from "~/i18n/en";
import vi from "~/i18n/vi";
import { startTestServer } from "~/test-support/http";
import { DRAFT_OFFER, type OpenApiWorld, apiClient, seedOpenApiWorld } from "~/test-support/open-api-fixtures";
import { problemsWith, responseSchema } from "~/test-support/openapi-conformance";

const server = startTestServer();
const api = apiClient(server);
let world: OpenApiWorld;
const TAX_CODE = "0109998887";
const STAFF_NOTE = "Ghi chú nội bộ không được công bố";
const DROP_REASON = "Lý do dừng nội bộ";

type Organisation = {
  slug: string;
  name: string;
  kind: string;
  verified: boolean;
  publishedOffers: number;
  publicStatements: number;
};
type Match = {
  id: string;
  offer: { id: string };
  need: { type: string; id: string; code: string | null; slug: string | null };
  stage: string | null;
  approvedAt: string;
};

beforeAll(async () => {
  world = await seedOpenApiWorld();
  await db.organisation.update({
    where: { id: world.provider.id },
    data: { taxCode: TAX_CODE, verifiedAt: new Date("2026-05-01T03:00:00Z") },
  });
  const decided = {
    decidedAt: new Date("2026-06-01T02:00:00Z"),
    decidedById: world.staff.id,
    assigneeId: world.staff.id,
  };
  const approvedStatement = await db.match.create({
    data: {
      offerId: world.offer.id,
      problemStatementId: world.statement.id,
      status: "APPROVED",
      stage: "PILOT",
      introducedAt: new Date("2026-06-02T00:00:00Z"),
      pilotAt: new Date("2026-07-01T00:00:00Z"),
      ...decided,
    },
  });
  await db.matchNote.create({ data: { matchId: approvedStatement.id, authorId: world.staff.id, body: STAFF_NOTE } });
  await db.match.create({
    data: {
      offerId: world.otherOffer.id,
      majorProblemId: world.bt01.id,
      status: "APPROVED",
      stage: "DROPPED",
      droppedAt: new Date(),
      dropReason: DROP_REASON,
      ...decided,
    },
  });
  // Never public: rejected, merely suggested or shortlisted, on a draft offer, on a draft statement, on an unpublished list.
  await db.match.create({
    data: {
      offerId: world.unrelated.id,
      problemStatementId: world.statement.id,
      status: "REJECTED",
      rejectReason: "OUT_OF_SCOPE",
    },
  });
  await db.match.create({ data: { offerId: world.unrelated.id, majorProblemId: world.bt01.id, status: "SUGGESTED" } });
  await db.match.create({ data: { offerId: world.offer.id, majorProblemId: world.bt01.id, status: "SHORTLISTED" } });
  await db.match.create({
    data: { offerId: world.draftOffer.id, problemStatementId: world.statement.id, status: "APPROVED", ...decided },
  });
  await db.match.create({
    data: { offerId: world.offer.id, problemStatementId: world.draft.id, status: "APPROVED", ...decided },
  });
  await db.match.create({
    data: { offerId: world.offer.id, majorProblemId: world.unpublished.items[0]!.id, status: "APPROVED", ...decided },
  });
});

describe("GET /api/v1/organisations", () => {
  it("lists organisations with the fields their public profile shows, as documented", async () => {
    const { status, body } = await api<{ total: number; items: Organisation[] }>("/api/v1/organisations?perPage=50");
    expect(status).toBe(200);
    expect(problemsWith(body, responseSchema("/api/v1/organisations", "200"))).toEqual([]);
    const provider = body.items.find((item) => item.slug === world.provider.slug)!;
    // One published offer; the draft is not counted.
    expect(provider).toMatchObject({
      name: "Công ty Đèn Tín Hiệu Sông Hồng",
      kind: "PROVIDER",
      verified: true,
      publishedOffers: 1,
      publicStatements: 0,
    });
    const agencies = await api<{ items: Organisation[] }>("/api/v1/organisations?kind=AGENCY");
    expect(agencies.body.items.map((item) => item.name)).toEqual(["Sở Giao thông Thử nghiệm"]);
    // Published and closed count; the draft and the one waiting for review do not.
    expect(agencies.body.items[0]!.publicStatements).toBe(2);
  });

  it("never shows members, their e-mails, the tax code or draft titles", async () => {
    const list = await api("/api/v1/organisations?perPage=50");
    const one = await api(`/api/v1/organisations/${world.provider.slug}`);
    expect(problemsWith(one.body, responseSchema("/api/v1/organisations/{slug}", "200"))).toEqual([]);
    for (const text of [list.text, one.text]) {
      for (const secret of [
        TAX_CODE,
        world.owner.email,
        world.member.email,
        world.owner.name,
        world.member.name,
        DRAFT_OFFER,
        "taxCode",
        "members",
      ]) {
        expect(text).not.toContain(secret);
      }
    }
  });

  it("answers 404 for an unknown organisation and 400 for an unknown kind, in the language asked for", async () => {
    const missing = await api("/api/v1/organisations/khong-co?lng=en");
    expect(missing.status).toBe(404);
    expect(missing.body.error).toEqual({ code: "not_found", message: en.openData.notFound.organisation });
    const bad = await api("/api/v1/organisations?kind=BANK");
    expect(bad.status).toBe(400);
    expect(bad.body.error?.details).toEqual([{ field: "kind", message: vi.openData.validation.kind }]);
  });
});

describe("GET /api/v1/matches", () => {
  it("lists only approved matches between published offers and published needs, with stage and dates", async () => {
    const { status, body, text } = await api<{ total: number; items: Match[] }>("/api/v1/matches");
    expect(status).toBe(200);
    expect(problemsWith(body, responseSchema("/api/v1/matches", "200"))).toEqual([]);
    expect(body.total).toBe(2);
    const statementMatch = body.items.find((match) => match.need.type === "problem-statement")!;
    expect(statementMatch).toMatchObject({
      offer: { id: world.offer.id },
      need: { id: world.statement.id, slug: world.statement.slug },
      stage: "PILOT",
      approvedAt: "2026-06-01T02:00:00.000Z",
    });
    const majorMatch = body.items.find((match) => match.need.type === "major-problem")!;
    expect(majorMatch).toMatchObject({
      offer: { id: world.otherOffer.id },
      need: { id: world.bt01.id, code: "BT-01" },
      stage: "DROPPED",
    });
    for (const secret of [
      STAFF_NOTE,
      DROP_REASON,
      "OUT_OF_SCOPE",
      "SUGGESTED",
      "SHORTLISTED",
      "REJECTED",
      world.staff.email,
      world.unrelated.id,
      world.draftOffer.id,
      world.draft.id,
    ]) {
      expect(text).not.toContain(secret);
    }
  });

  it("drops a match from the list when staff reject it after approving, and reports the change to updatedSince", async () => {
    const since = new Date().toISOString();
    const match = await db.match.findFirstOrThrow({
      where: { offerId: world.offer.id, problemStatementId: world.statement.id },
    });
    await db.match.update({ where: { id: match.id }, data: { stage: "DEPLOYED", deployedAt: new Date() } });
    const changed = await api<{ items: Match[] }>(`/api/v1/matches?updatedSince=${since}`);
    expect(changed.body.items.map((item) => [item.id, item.stage])).toEqual([[match.id, "DEPLOYED"]]);
    await db.match.update({ where: { id: match.id }, data: { status: "REJECTED" } });
    expect((await api<{ items: Match[] }>("/api/v1/matches")).body.items.map((item) => item.id)).not.toContain(
      match.id,
    );
  });
});

describe("a member signed in", () => {
  it("gets the same public answer, never their own organisation's private fields", async () => {
    const owner = await server.signedIn(world.owner);
    const anonymous = await api(`/api/v1/organisations/${world.provider.slug}`);
    const signedIn = await api(`/api/v1/organisations/${world.provider.slug}`, { cookie: owner.cookieHeader() });
    expect(signedIn.text).toBe(anonymous.text);
    expect(signedIn.text).not.toContain(TAX_CODE);
  });
});
