// The reverse direction on the provider's own offer page: members see the
// open needs their published offer may fit and propose it in one click;
// nobody else sees the panel or can post to it.
import { afterEach, beforeAll, describe, expect, it, vi as vitest } from "vitest";
import { db } from "~/db.server";
import vi from "~/i18n/vi";
import { startTestServer, type TestBrowser, visibleText } from "~/test-support/http";
import { type OpenApiWorld, seedOpenApiWorld } from "~/test-support/open-api-fixtures";
import { fill, searchEngineInTest } from "~/test-support/search-fixtures";

const server = startTestServer();
const f = vi.openApi.fits;
let world: OpenApiWorld;
let member: TestBrowser;
let outsider: TestBrowser;

const pageOf = (offer: { id: string }, orgId = world.provider.id) => `/orgs/${orgId}/offers/${offer.id}`;
const propose = (
  browser: TestBrowser,
  form: Record<string, string>,
  offer: { id: string } = world.offer,
  orgId = world.provider.id,
) => browser.post(`${pageOf(offer, orgId)}/propose`, form);

afterEach(() => {
  vitest.restoreAllMocks();
});

beforeAll(async () => {
  world = await seedOpenApiWorld();
  member = await server.signedIn(world.member);
  outsider = await server.signedIn(world.outsider);
});

describe("the fits panel", () => {
  it("shows a member the open needs the offer may fit, with reasons and a propose button", async () => {
    const page = await member.get(pageOf(world.offer));
    expect(page.status).toBe(200);
    const text = visibleText(page.text);
    expect(text).toContain(f.title);
    expect(text).toContain("Giảm ùn tắc giao thông tại các nút giao nội đô");
    expect(text).toContain("Điều khiển đèn tín hiệu giao thông thích ứng tại 20 nút giao");
    expect(text).toContain(`${f.majorProblem} BT-01`);
    expect(text).toMatch(/Trùng từ ngữ|Cùng lĩnh vực/);
    expect(page.text).toContain(`action="${pageOf(world.offer)}/propose"`);
    // Closed, solved and unpublished needs are not suggested.
    for (const hidden of [
      "Đèn tín hiệu đã đóng",
      "Số hoá hồ sơ bệnh án",
      "Tiêu đề chưa công bố",
      "Đèn tín hiệu bản nháp bí mật",
    ])
      expect(text).not.toContain(hidden);
  });

  it("is never on the public offer page, nor for a draft, and other organisations get 404", async () => {
    for (const browser of [server.browser(), member, outsider]) {
      const page = await browser.get(`/offers/${world.offer.slug}`);
      expect(page.status).toBe(200);
      expect(visibleText(page.text)).not.toContain(f.title);
    }
    expect(visibleText((await member.get(pageOf(world.draftOffer))).text)).toContain(f.notPublished);
    expect((await outsider.get(pageOf(world.offer))).status).toBe(404);
  });

  it("still shows the offer page when the matching service fails, saying suggestions are unavailable", async () => {
    vitest.spyOn(searchEngineInTest(), "similar").mockRejectedValue(new Error("connection refused"));
    // Suggestions ranked before the failure stay current until the data
    // changes; after a change they must be ranked again, with the engine down.
    await db.offer.update({ where: { id: world.offer.id }, data: { contactName: "Người liên hệ mới" } });
    const page = await member.get(pageOf(world.offer));
    expect(page.status).toBe(200);
    expect(visibleText(page.text)).toContain(f.unavailable);
    expect(visibleText(page.text)).toContain("Điều khiển đèn tín hiệu giao thông thích ứng");
  });
});

describe("writing one's own cover note instead", () => {
  it("opens the propose form with this offer already chosen, and ignores an offer the user may not propose", async () => {
    const selected = (html: string) =>
      html
        .match(/<option[^>]*selected=""[^>]*value="([^"]*)"|<option[^>]*value="([^"]*)"[^>]*selected=""/)
        ?.slice(1)
        .find(Boolean) ?? null;
    const panel = await member.get(pageOf(world.offer));
    expect(panel.text).toContain(`/problems/${world.statement.slug}/propose?offer=${world.offer.id}`);
    const form = await member.get(`/problems/${world.statement.slug}/propose?offer=${world.offer.id}`);
    expect(selected(form.text)).toBe(world.offer.id);
    const major = await member.get(`/major-problems/${world.current.slug}/BT-01/propose?offer=${world.offer.id}`);
    expect(selected(major.text)).toBe(world.offer.id);
    expect(
      selected((await member.get(`/problems/${world.statement.slug}/propose?offer=${world.otherOffer.id}`)).text),
    ).toBeNull();
  });
});

describe("one-click propose", () => {
  it("creates exactly one proposal with a pitch from the summary; a second click says it was already proposed", async () => {
    const form = { kind: "major-problem", targetId: world.bt01.id };
    const first = await propose(member, form);
    expect(first.status).toBe(302);
    expect(first.location).toBe(pageOf(world.offer));
    const after = await member.get(pageOf(world.offer));
    const title = "Giảm ùn tắc giao thông tại các nút giao nội đô";
    expect(visibleText(after.text)).toContain(fill(f.flashProposed, { title }));
    expect(visibleText(after.text)).toContain(f.proposed);
    const proposals = await db.proposal.findMany({ where: { offerId: world.offer.id, majorProblemId: world.bt01.id } });
    expect(proposals).toHaveLength(1);
    expect(proposals[0]).toMatchObject({ organisationId: world.provider.id, status: "RECEIVED" });
    expect(proposals[0]!.pitch).toContain("Camera đếm xe điều khiển đèn tín hiệu");
    expect(await db.auditEntry.count({ where: { action: "proposal.created", entityId: proposals[0]!.id } })).toBe(1);

    expect((await propose(member, form)).status).toBe(302);
    expect(visibleText((await member.get(pageOf(world.offer))).text)).toContain(fill(f.flashDuplicate, { title }));
    expect(await db.proposal.count({ where: { offerId: world.offer.id, majorProblemId: world.bt01.id } })).toBe(1);
  });

  it("proposes to a problem statement too, and two clicks at once still make one proposal", async () => {
    const form = { kind: "problem-statement", targetId: world.statement.id };
    const results = await Promise.all([propose(member, form), propose(member, form)]);
    expect(results.map((result) => result.status)).toEqual([302, 302]);
    expect(
      await db.proposal.count({ where: { offerId: world.offer.id, problemStatementId: world.statement.id } }),
    ).toBe(1);
  });

  it("refuses other organisations, drafts, closed and unknown needs without creating anything", async () => {
    const before = await db.proposal.count();
    // Someone else's member, on this organisation's URL or with this offer under their own organisation.
    expect((await propose(outsider, { kind: "major-problem", targetId: world.bt01.id })).status).toBe(404);
    expect(
      (await propose(outsider, { kind: "major-problem", targetId: world.bt01.id }, world.offer, world.otherProvider.id))
        .status,
    ).toBe(404);
    expect((await propose(server.browser(), { kind: "major-problem", targetId: world.bt01.id })).status).toBe(403);
    expect((await propose(member, { kind: "major-problem", targetId: world.bt01.id }, world.draftOffer)).status).toBe(
      403,
    );
    expect((await propose(member, { kind: "problem-statement", targetId: world.draft.id })).status).toBe(404);
    expect((await propose(member, { kind: "major-problem", targetId: world.unpublished.items[0]!.id })).status).toBe(
      404,
    );
    expect((await propose(member, { kind: "vendor", targetId: world.bt01.id })).status).toBe(400);
    const solved = await propose(member, { kind: "major-problem", targetId: world.current.items[1]!.id });
    expect(solved.status).toBe(302);
    expect(visibleText((await member.get(pageOf(world.offer))).text)).toContain(
      fill(f.flashClosed, { title: "Số hoá hồ sơ bệnh án" }),
    );
    expect(await db.proposal.count()).toBe(before);
  });
});
