// The curation board refuses what it must: non-staff, unknown problems,
// stale moves, moves the workflow does not allow, and missing reasons.
import { beforeAll, describe, expect, it } from "vitest";
import { db } from "~/db.server";
import vi from "~/i18n/vi";
import { makeUser } from "~/test-support/factories";
import { startTestServer, type TestBrowser, visibleText } from "~/test-support/http";
import { boardPath, cardRef, makeMatch, postPairs, reloadMatch } from "~/test-support/match-factories";
import {
  makeAgency,
  makeOffer,
  makeProvider,
  makePublishedMajorProblem,
  makeStatement,
} from "~/test-support/statement-factories";

const server = startTestServer();

let staff: TestBrowser;
let otherStaff: TestBrowser;
let provider: TestBrowser;
let staffId = "";
let providerOrgId = "";
let agency = { id: "", ownerId: "" };

beforeAll(async () => {
  const curator = await makeUser({ role: "STAFF" });
  const second = await makeUser({ role: "STAFF" });
  const providerOwner = await makeUser();
  const agencyOwner = await makeUser();
  staffId = curator.id;
  providerOrgId = (await makeProvider(providerOwner.id)).id;
  agency = { id: (await makeAgency(agencyOwner.id)).id, ownerId: agencyOwner.id };
  staff = await server.signedIn(curator);
  otherStaff = await server.signedIn(second);
  provider = await server.signedIn(providerOwner);
});

const fill = (template: string, vars: Record<string, string>) =>
  template.replace(/\{\{(\w+)\}\}/g, (_, key: string) => vars[key] ?? "");

async function freshCard(status: "SUGGESTED" | "SHORTLISTED" | "APPROVED" = "SUGGESTED") {
  const problem = await makePublishedMajorProblem(staffId);
  const target = { majorProblemId: problem.id };
  const card = await makeMatch(target, (await makeOffer(providerOrgId)).id, { status });
  return { problem, target, card, url: boardPath(target) };
}

describe("who may curate", () => {
  it("refuses a signed-in provider (403) and sends an anonymous visitor to sign in, or 403 on a post", async () => {
    const { card, url } = await freshCard();
    expect((await provider.get(url)).status).toBe(403);
    expect((await provider.get("/staff/matches")).status).toBe(403);
    expect((await provider.post(url, { intent: "move", match: cardRef(card), to: "SHORTLISTED" })).status).toBe(403);
    const anonymous = server.browser();
    const get = await anonymous.get(url);
    expect(get.status).toBe(302);
    expect(get.location).toContain("/login");
    expect((await anonymous.post(url, { intent: "move", match: cardRef(card), to: "SHORTLISTED" })).status).toBe(403);
    expect(await reloadMatch(card.id)).toMatchObject({ status: "SUGGESTED", version: 0 });
  });

  it("answers 404 for an unknown problem, an unknown kind, an unpublished statement, and a card of another board", async () => {
    expect((await staff.get("/staff/matches/major/khong-ton-tai")).status).toBe(404);
    expect((await staff.get("/staff/matches/offer/khong-ton-tai")).status).toBe(404);
    const draft = await makeStatement(agency.id, agency.ownerId, { status: "SUBMITTED" });
    expect((await staff.get(`/staff/matches/statement/${draft.id}`)).status).toBe(404);
    const { card } = await freshCard();
    const other = await freshCard();
    const moved = await staff.post(other.url, { intent: "move", match: cardRef(card), to: "SHORTLISTED" });
    expect(moved.status).toBe(404);
    expect(visibleText(moved.text)).toContain(vi.curation.errors.notFound);
    expect((await reloadMatch(card.id)).status).toBe("SUGGESTED");
  });
});

describe("stale and disallowed moves", () => {
  it("refuses a move made from a stale board with a conflict message and keeps the first move", async () => {
    const { card, url } = await freshCard("SHORTLISTED");
    // Both staff loaded the board at version 0; the first one approves.
    expect((await staff.post(url, { intent: "move", match: cardRef(card), to: "APPROVED" })).status).toBe(302);
    const late = await otherStaff.post(url, {
      intent: "move",
      match: cardRef(card),
      to: "REJECTED",
      rejectReason: "OVER_BUDGET",
    });
    expect(late.status).toBe(409);
    expect(visibleText(late.text)).toContain(vi.curation.errors.conflict);
    expect(await reloadMatch(card.id)).toMatchObject({ status: "APPROVED", rejectReason: null, version: 1 });
    expect(await db.auditEntry.count({ where: { entityId: card.id, action: "match.moved" } })).toBe(1);
  });

  it("lets exactly one of two simultaneous moves of the same card through", async () => {
    const { card, url } = await freshCard("SHORTLISTED");
    const [first, second] = await Promise.all([
      staff.post(url, { intent: "move", match: cardRef(card), to: "APPROVED" }),
      otherStaff.post(url, { intent: "move", match: cardRef(card), to: "REJECTED", rejectReason: "OTHER" }),
    ]);
    expect([first.status, second.status].sort()).toEqual([302, 409]);
    const final = await reloadMatch(card.id);
    expect(final.version).toBe(1);
    expect(final.status).toBe(first.status === 302 ? "APPROVED" : "REJECTED");
    expect(await db.auditEntry.count({ where: { entityId: card.id, action: "match.moved" } })).toBe(1);
  });

  it("moves nothing in a bulk move when one selected card is stale", async () => {
    const { target, card, url } = await freshCard();
    const second = await makeMatch(target, (await makeOffer(providerOrgId)).id);
    await db.match.update({ where: { id: second.id }, data: { status: "SHORTLISTED", version: 1 } });
    const response = await postPairs(server.baseUrl, staff, url, [
      ["intent", "move"],
      ["source", "bulk"],
      ["to", "REJECTED"],
      ["rejectReason", "DUPLICATE"],
      ["match", cardRef(card)],
      ["match", cardRef(second)],
    ]);
    expect(response.status).toBe(409);
    expect(visibleText(response.text)).toContain(vi.curation.errors.conflict);
    expect(await reloadMatch(card.id)).toMatchObject({ status: "SUGGESTED", version: 0 });
    expect(await reloadMatch(second.id)).toMatchObject({ status: "SHORTLISTED", version: 1 });
    expect(await db.auditEntry.count({ where: { entityId: { in: [card.id, second.id] } } })).toBe(0);
  });

  it("says which move is not allowed: approving a card that was never shortlisted", async () => {
    const { card, url } = await freshCard();
    const response = await staff.post(url, { intent: "move", match: cardRef(card), to: "APPROVED" });
    expect(response.status).toBe(400);
    expect(visibleText(response.text)).toContain(
      fill(vi.curation.errors.invalidTransition, {
        from: vi.curation.status.SUGGESTED,
        to: vi.curation.status.APPROVED,
      }),
    );
    expect((await reloadMatch(card.id)).status).toBe("SUGGESTED");
  });

  it("asks for a reason to reject and keeps the note that was typed", async () => {
    const { card, url } = await freshCard();
    const response = await staff.post(url, {
      intent: "move",
      match: cardRef(card),
      to: "REJECTED",
      rejectReason: "",
      note: "Đã trao đổi, chưa phù hợp.",
    });
    expect(response.status).toBe(400);
    expect(visibleText(response.text)).toContain(vi.curation.errors.reasonRequired);
    expect(response.text).toContain("Đã trao đổi, chưa phù hợp.</textarea>");
    expect(await reloadMatch(card.id)).toMatchObject({ status: "SUGGESTED", version: 0 });
    expect(await db.matchNote.count({ where: { matchId: card.id } })).toBe(0);
  });

  it("asks to select cards when the bulk form is sent with none, and refuses an empty note", async () => {
    const { card, url } = await freshCard();
    const none = await staff.post(url, { intent: "move", source: "bulk", to: "SHORTLISTED" });
    expect(none.status).toBe(400);
    expect(visibleText(none.text)).toContain(vi.curation.errors.noneSelected);
    const empty = await staff.post(url, { intent: "note", matchId: card.id, body: "   " });
    expect(empty.status).toBe(400);
    expect(visibleText(empty.text)).toContain(vi.curation.errors.noteRequired);
  });

  it("gives the messages in English when the staff member reads English", async () => {
    const { card, url } = await freshCard();
    const english = await server.signedIn(await db.user.findUniqueOrThrow({ where: { id: staffId } }));
    await english.post("/language", { language: "en", redirectTo: url });
    const response = await english.post(url, { intent: "move", match: cardRef(card), to: "REJECTED" });
    expect(response.status).toBe(400);
    expect(visibleText(response.text)).toContain("Choose a reason for rejecting.");
  });
});

describe("deployment stages", () => {
  it("refuses to introduce a match that is not approved, and to drop one without a reason", async () => {
    const shortlisted = await freshCard("SHORTLISTED");
    const early = await staff.post(shortlisted.url, {
      intent: "stage",
      match: cardRef(shortlisted.card),
      stage: "INTRODUCED",
      date: "2026-01-10",
    });
    expect(early.status).toBe(400);
    expect(visibleText(early.text)).toContain(vi.curation.errors.approveFirst);
    expect((await reloadMatch(shortlisted.card.id)).stage).toBeNull();

    const approved = await freshCard("APPROVED");
    const drop = await staff.post(approved.url, {
      intent: "stage",
      match: cardRef(approved.card),
      stage: "DROPPED",
      date: "2026-01-10",
      dropReason: "",
    });
    expect(drop.status).toBe(400);
    expect(visibleText(drop.text)).toContain(vi.curation.errors.dropReasonRequired);
    const skip = await staff.post(approved.url, {
      intent: "stage",
      match: cardRef(approved.card),
      stage: "DEPLOYED",
      date: "2026-01-10",
    });
    expect(skip.status).toBe(400);
    expect(visibleText(skip.text)).toContain(vi.curation.errors.introduceFirst);
    const future = await staff.post(approved.url, {
      intent: "stage",
      match: cardRef(approved.card),
      stage: "INTRODUCED",
      date: "2999-01-01",
    });
    expect(future.status).toBe(400);
    expect(visibleText(future.text)).toContain(vi.curation.errors.futureDate);
    expect(await reloadMatch(approved.card.id)).toMatchObject({ stage: null, version: 0 });
  });
});
