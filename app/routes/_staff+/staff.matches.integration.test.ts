// The curation board: staff move suggested offers through the columns, add
// notes and assignees; every move is audited and only approved offers reach
// the public problem page. Its layout is in staff.matches.layout, how it fills
// itself in staff.matches.suggestions.
import { beforeAll, describe, expect, it } from "vitest";
import { db } from "~/db.server";
import vi from "~/i18n/vi";
import { makeUser } from "~/test-support/factories";
import { startTestServer, type TestBrowser, visibleText } from "~/test-support/http";
import { boardPath, cardRef, makeBoardCast, makeMatch, postPairs, reloadMatch } from "~/test-support/match-factories";
import { makeOffer, makePublishedMajorProblem, makeStatement } from "~/test-support/statement-factories";

const server = startTestServer();

let staff: TestBrowser;
let staffId = "";
let colleague: Awaited<ReturnType<typeof makeUser>>;
let providerOrg = { id: "", name: "" };
let agencyOrg = { id: "", name: "" };
let agencyOwnerId = "";

beforeAll(async () => {
  ({ staff, staffId, colleague, providerOrg, agencyOrg, agencyOwnerId } = await makeBoardCast(server));
});

const fill = (template: string, vars: Record<string, string>) =>
  template.replace(/\{\{(\w+)\}\}/g, (_, key: string) => vars[key] ?? "");

describe("curating a major problem", () => {
  it("moves cards suggested → shortlisted → approved, audits each move, and shows only approved offers publicly", async () => {
    const problem = await makePublishedMajorProblem(staffId);
    const target = { majorProblemId: problem.id };
    const chosen = await makeOffer(providerOrg.id, { title: "Đèn tín hiệu thích ứng Sông Hồng" });
    const passedOver = await makeOffer(providerOrg.id, { title: "Bản đồ ngập úng Sông Hồng" });
    const rejected = await makeOffer(providerOrg.id, { title: "Camera đếm xe Sông Hồng" });
    const card = await makeMatch(target, chosen.id, { score: 0.9 });
    await makeMatch(target, passedOver.id, { score: 0.4 });
    const toReject = await makeMatch(target, rejected.id, { score: 0.3 });

    const board = await staff.get(boardPath(target));
    expect(board.status).toBe(200);
    const text = visibleText(board.text);
    expect(text).toContain(problem.title);
    expect(text).toContain("Đèn tín hiệu thích ứng Sông Hồng");
    expect(text).toContain(`${vi.curation.status.SUGGESTED} (3)`);

    const shortlisted = await staff.post(boardPath(target), {
      intent: "move",
      match: cardRef(card),
      to: "SHORTLISTED",
    });
    expect(shortlisted.status, shortlisted.text.slice(0, 300)).toBe(302);
    const afterShortlist = await reloadMatch(card.id);
    expect(afterShortlist).toMatchObject({ status: "SHORTLISTED", version: 1, decidedById: staffId });

    const approved = await staff.post(boardPath(target), {
      intent: "move",
      match: cardRef(afterShortlist),
      to: "APPROVED",
    });
    expect(approved.status).toBe(302);
    const flashed = visibleText((await staff.get(boardPath(target))).text);
    expect(flashed).toContain(fill(vi.curation.done.movedOne, { count: "1", status: vi.curation.status.APPROVED }));

    const rejectedMove = await staff.post(boardPath(target), {
      intent: "move",
      match: cardRef(toReject),
      to: "REJECTED",
      rejectReason: "TRL_TOO_LOW",
      note: "Mới ở mức phòng thí nghiệm.",
    });
    expect(rejectedMove.status).toBe(302);
    expect(await reloadMatch(toReject.id)).toMatchObject({ status: "REJECTED", rejectReason: "TRL_TOO_LOW" });
    expect((await db.matchNote.findFirstOrThrow({ where: { matchId: toReject.id } })).body).toBe(
      "Mới ở mức phòng thí nghiệm.",
    );

    const audits = await db.auditEntry.findMany({
      where: { action: "match.moved", entityId: { in: [card.id, toReject.id] } },
      orderBy: { createdAt: "asc" },
    });
    expect(audits.map((a) => [a.entityId, JSON.parse(a.before!).status, JSON.parse(a.after!).status])).toEqual([
      [card.id, "SUGGESTED", "SHORTLISTED"],
      [card.id, "SHORTLISTED", "APPROVED"],
      [toReject.id, "SUGGESTED", "REJECTED"],
    ]);
    expect(audits.every((a) => a.actorId === staffId)).toBe(true);

    const publicPage = visibleText(
      (await server.browser().get(`/major-problems/${problem.listSlug}/${problem.code}`)).text,
    );
    expect(publicPage).toContain(vi.curation.public.title);
    expect(publicPage).toContain("Đèn tín hiệu thích ứng Sông Hồng");
    expect(publicPage).toContain(fill(vi.curation.public.approved_one, { count: "1" }));
    expect(publicPage).not.toContain("Bản đồ ngập úng Sông Hồng");
    expect(publicPage).not.toContain("Camera đếm xe Sông Hồng");
  });

  it("moves several selected cards at once and counts them on the index", async () => {
    const problem = await makePublishedMajorProblem(staffId);
    const target = { majorProblemId: problem.id };
    const cards = await Promise.all(
      [0, 1, 2].map(async (i) => makeMatch(target, (await makeOffer(providerOrg.id)).id, { score: 0.5 + i / 10 })),
    );
    const bulk = await postPairs(server.baseUrl, staff, boardPath(target), [
      ["intent", "move"],
      ["source", "bulk"],
      ["to", "SHORTLISTED"],
      ...cards.slice(0, 2).map((c): [string, string] => ["match", cardRef(c)]),
    ]);
    expect(bulk.status).toBe(302);
    expect((await Promise.all(cards.map((c) => reloadMatch(c.id)))).map((c) => c.status)).toEqual([
      "SHORTLISTED",
      "SHORTLISTED",
      "SUGGESTED",
    ]);
    // A card ticked twice (two tabs of one form) is moved once.
    const ticked = cardRef({ id: cards[0]!.id, version: 1 });
    const again = await postPairs(server.baseUrl, staff, boardPath(target), [
      ["intent", "move"],
      ["source", "bulk"],
      ["to", "SUGGESTED"],
      ["match", ticked],
      ["match", ticked],
    ]);
    expect(again.status).toBe(302);
    expect(await reloadMatch(cards[0]!.id)).toMatchObject({ status: "SUGGESTED", version: 2 });
    await db.match.update({ where: { id: cards[0]!.id }, data: { status: "SHORTLISTED" } });

    const index = (await staff.get("/staff/matches")).text;
    expect(index).toContain(`href="${boardPath(target)}"`);
    const row = visibleText(
      index.slice(index.indexOf(boardPath(target)), index.indexOf("</tr>", index.indexOf(boardPath(target)))),
    );
    expect(row).toContain("1 2 0 0");
  });
});

describe("curating an agency's problem statement", () => {
  it("keeps notes and the assignee on the card and shows the approved offer on the statement page", async () => {
    const statement = await makeStatement(agencyOrg.id, agencyOwnerId, { status: "PUBLISHED" });
    const target = { statementId: statement.id };
    const offer = await makeOffer(providerOrg.id, { title: "Điều khiển đèn bằng AI Sông Hồng" });
    const card = await makeMatch(target, offer.id, { status: "SHORTLISTED" });

    expect(
      (await staff.post(boardPath(target), { intent: "note", matchId: card.id, body: "Đã gọi điện cho nhà cung cấp." }))
        .status,
    ).toBe(302);
    expect(
      (await staff.post(boardPath(target), { intent: "assign", matchId: card.id, assigneeId: colleague.id })).status,
    ).toBe(302);
    const board = visibleText((await staff.get(boardPath(target))).text);
    expect(board).toContain("Đã gọi điện cho nhà cung cấp.");
    expect(board).toContain(vi.curation.done.assigned);
    expect((await reloadMatch(card.id)).assigneeId).toBe(colleague.id);
    // A note or an assignee is not a move: the card's version is unchanged, so nobody's open board goes stale.
    expect((await reloadMatch(card.id)).version).toBe(0);

    const mine = visibleText((await (await server.signedIn(colleague)).get("/staff/matches?assignee=me")).text);
    expect(mine).toContain(statement.title);

    const before = visibleText((await server.browser().get(`/problems/${statement.slug}`)).text);
    expect(before).toContain(vi.curation.public.none);
    expect((await staff.post(boardPath(target), { intent: "move", match: cardRef(card), to: "APPROVED" })).status).toBe(
      302,
    );
    const after = visibleText((await server.browser().get(`/problems/${statement.slug}`)).text);
    expect(after).toContain("Điều khiển đèn bằng AI Sông Hồng");
    expect(after).toContain(providerOrg.name);

    // An offer taken down after approval leaves the public page; the board says why.
    await db.offer.update({ where: { id: offer.id }, data: { status: "ARCHIVED" } });
    expect(visibleText((await server.browser().get(`/problems/${statement.slug}`)).text)).not.toContain(
      "Điều khiển đèn bằng AI Sông Hồng",
    );
    expect(visibleText((await staff.get(boardPath(target))).text)).toContain(vi.offers.statuses.ARCHIVED);
  });
});
