// The curation board: staff move suggested offers through the columns, add
// notes and assignees; every move is audited and only approved offers reach
// the public problem page.
import { beforeAll, describe, expect, it } from "vitest";
import { db } from "~/db.server";
import en from "~/i18n/en";
import vi from "~/i18n/vi";
import { makeUser } from "~/test-support/factories";
import { startTestServer, type TestBrowser, visibleText } from "~/test-support/http";
import { boardPath, cardRef, makeMatch, postPairs, reloadMatch } from "~/test-support/match-factories";
import { syncSearch } from "~/test-support/search";
import {
  makeAgency,
  makeOffer,
  makeProposal,
  makeProvider,
  makePublishedMajorProblem,
  makeStatement,
  postMultipart,
  setMajorProblemStatus,
} from "~/test-support/statement-factories";

// This suite's server fills boards when a problem is published (the test
// process's own models, used by the factories, keep it off: see setup-database).
process.env.CURATION_AUTOFILL = "on";
const server = startTestServer();

let staff: TestBrowser;
let staffId = "";
let colleague: Awaited<ReturnType<typeof makeUser>>;
let providerOrg = { id: "", name: "" };
let agencyOrg = { id: "", name: "" };
let agencyOwnerId = "";
let providerOwner: Awaited<ReturnType<typeof makeUser>>;

beforeAll(async () => {
  const curator = await makeUser({ role: "STAFF", name: "Cán bộ Duyệt" });
  colleague = await makeUser({ role: "STAFF", name: "Cán bộ Đồng nghiệp" });
  providerOwner = await makeUser({ name: "Chủ Công ty" });
  const agencyOwner = await makeUser({ name: "Chủ Sở" });
  staffId = curator.id;
  agencyOwnerId = agencyOwner.id;
  providerOrg = await makeProvider(providerOwner.id, "Công ty Tín Hiệu Sông Hồng");
  agencyOrg = await makeAgency(agencyOwner.id, "Sở Giao thông Thử nghiệm");
  staff = await server.signedIn(curator);
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

// The HTML of one card: from its <li> to the next card or the end of its column.
function cardHtml(html: string, title: string) {
  const start = html.lastIndexOf('<li class="card match-card"', html.indexOf(title));
  const ends = [html.indexOf('<li class="card match-card"', start + 1), html.indexOf("</section>", start)].filter(
    (i) => i > start,
  );
  return html.slice(start, Math.min(...ends));
}

async function waitFor<T>(read: () => Promise<T>, done: (value: T) => boolean, ms = 8000): Promise<T> {
  const until = Date.now() + ms;
  for (;;) {
    const value = await read();
    if (done(value) || Date.now() > until) return value;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

describe("a board that fits a screen", () => {
  it("folds weak suggestions under “more”, marks proposals, and folds each card's reasons and controls", async () => {
    const problem = await makePublishedMajorProblem(staffId);
    const target = { majorProblemId: problem.id };
    const strong = await makeOffer(providerOrg.id, { title: "Đèn tín hiệu thích ứng Hồng Hà" });
    const farm = await makeOffer(providerOrg.id, { title: "Gian hàng nông sản trực tuyến Đồng Quê" });
    const proposed = await makeOffer(providerOrg.id, { title: "Camera đếm xe Hồng Hà đề xuất" });
    await makeMatch(target, strong.id, { score: 0.9 });
    await makeMatch(target, farm.id, { score: 0.21 });
    await makeMatch(target, proposed.id, { score: 0.1 });
    await makeProposal(target, proposed);

    const html = (await staff.get(boardPath(target))).text;
    expect(visibleText(html)).toContain(`${vi.curation.status.SUGGESTED} (3)`);
    const more = html.indexOf(fill(vi.curation.weakMore, { n: "1" }));
    expect(more).toBeGreaterThan(-1);
    // Collapsed (no "open"), at the end of the column: the farm shop at 0.21 is inside, the others before it.
    expect(html).toMatch(/<details class="weak-suggestions"><summary>/);
    expect(html.indexOf("Đèn tín hiệu thích ứng Hồng Hà")).toBeLessThan(more);
    expect(html.indexOf("Gian hàng nông sản trực tuyến Đồng Quê")).toBeGreaterThan(more);
    // A proposal is never folded away, whatever its score, and says what it is.
    expect(html.indexOf("Camera đếm xe Hồng Hà đề xuất")).toBeLessThan(more);
    expect(visibleText(cardHtml(html, "Camera đếm xe Hồng Hà đề xuất"))).toContain(vi.curation.proposal);
    expect(visibleText(cardHtml(html, "Đèn tín hiệu thích ứng Hồng Hà"))).not.toContain(vi.curation.proposal);

    // Compact card: title, who and score, a one-line summary; reasons and forms inside a closed <details>.
    const card = cardHtml(html, "Đèn tín hiệu thích ứng Hồng Hà");
    const fold = card.indexOf('<details class="match-more">');
    expect(fold).toBeGreaterThan(-1);
    expect(card.indexOf("Tóm tắt giải pháp.")).toBeLessThan(fold);
    expect(card.indexOf("đèn tín hiệu")).toBeGreaterThan(fold);
    expect(card.indexOf(`>${vi.curation.shortlist}</button>`)).toBeGreaterThan(fold);
    expect(card).not.toContain('type="checkbox"');

    // The page takes the window's width and its columns stack on a narrow screen.
    expect(html).toContain('class="curation-page"');
    const cssHref = /<link rel="stylesheet" href="([^"]*curation[^"]*\.css)"/.exec(html)?.[1];
    const css = (await staff.get(cssHref!)).text;
    expect(css).toMatch(/main\.container:has\(> \.curation-page\)\s*{\s*max-width:\s*none/);
    expect(css).toMatch(/repeat\(auto-fit,\s*minmax\(min\(100%,\s*15rem\),\s*1fr\)\)/);

    const english = await server.signedIn(await db.user.findUniqueOrThrow({ where: { id: colleague.id } }));
    await english.post("/language", { language: "en", redirectTo: boardPath(target) });
    const inEnglish = visibleText((await english.get(boardPath(target))).text);
    expect(inEnglish).toContain(fill(en.curation.weakMore, { n: "1" }));
    expect(inEnglish).toContain(en.curation.proposal);
    expect(inEnglish).toContain(en.curation.details);
  });

  it("lists the cards with checkboxes and moves the ticked ones in bulk, all or none", async () => {
    const problem = await makePublishedMajorProblem(staffId);
    const target = { majorProblemId: problem.id };
    const cards = await Promise.all(
      [0.8, 0.7, 0.1].map(async (score) => makeMatch(target, (await makeOffer(providerOrg.id)).id, { score })),
    );
    const list = `${boardPath(target)}?view=list`;

    const html = (await staff.get(list)).text;
    expect(html.match(/<input type="checkbox" name="match"/g)).toHaveLength(3);
    expect(html).toContain(`action="${list}"`);
    expect(visibleText(html)).toContain(vi.curation.viewBoard);
    expect(html).toMatch(new RegExp(`name="to" value="SHORTLISTED"[^>]*>${vi.curation.bulkShortlist}<`));
    // The weak one is folded in the list too.
    expect(html.indexOf(cards[2]!.id)).toBeGreaterThan(html.indexOf(fill(vi.curation.weakMore, { n: "1" })));
    expect(visibleText((await staff.get(boardPath(target))).text)).toContain(vi.curation.viewList);

    const moved = await postPairs(server.baseUrl, staff, list, [
      ["intent", "move"],
      ["source", "bulk"],
      ["to", "SHORTLISTED"],
      ["match", cardRef(cards[0]!)],
      ["match", cardRef(cards[2]!)],
    ]);
    expect(moved.status, moved.text.slice(0, 300)).toBe(302);
    expect(moved.location).toBe(list);
    expect((await Promise.all(cards.map((c) => reloadMatch(c.id)))).map((c) => c.status)).toEqual([
      "SHORTLISTED",
      "SUGGESTED",
      "SHORTLISTED",
    ]);
    const audits = await db.auditEntry.findMany({
      where: { action: "match.moved", entityId: { in: cards.map((c) => c.id) } },
    });
    expect(audits.map((a) => a.entityId).sort()).toEqual([cards[0]!.id, cards[2]!.id].sort());
    expect(audits.every((a) => a.actorId === staffId && JSON.parse(a.after!).status === "SHORTLISTED")).toBe(true);

    // Dismissing needs a reason; a card of another board is refused; nothing is half-moved.
    const noReason = await postPairs(server.baseUrl, staff, list, [
      ["intent", "move"],
      ["source", "bulk"],
      ["to", "REJECTED"],
      ["match", cardRef(cards[1]!)],
    ]);
    expect(noReason.status).toBe(400);
    expect(visibleText(noReason.text)).toContain(vi.curation.errors.reasonRequired);
    const other = await makePublishedMajorProblem(staffId);
    const foreign = await makeMatch({ majorProblemId: other.id }, (await makeOffer(providerOrg.id)).id);
    const mixed = await postPairs(server.baseUrl, staff, list, [
      ["intent", "move"],
      ["source", "bulk"],
      ["to", "REJECTED"],
      ["rejectReason", "OUT_OF_SCOPE"],
      ["match", cardRef(cards[1]!)],
      ["match", cardRef(foreign)],
    ]);
    expect(mixed.status).toBe(404);
    expect(visibleText(mixed.text)).toContain(vi.curation.errors.notFound);
    expect(await reloadMatch(cards[1]!.id)).toMatchObject({ status: "SUGGESTED", version: 0 });
    expect(await reloadMatch(foreign.id)).toMatchObject({ status: "SUGGESTED", version: 0 });
  });
});

describe("a board that fills itself", () => {
  it("suggests offers as soon as staff publish a statement, and adds a provider's proposal to a major problem's board", async () => {
    const offer = await makeOffer(providerOrg.id, {
      title: "Điều khiển đèn tín hiệu thích ứng theo lưu lượng Hồng Hà",
    });
    await syncSearch();
    const statement = await makeStatement(agencyOrg.id, agencyOwnerId, { status: "SUBMITTED" });
    expect(await db.match.count({ where: { problemStatementId: statement.id } })).toBe(0);
    expect((await staff.post(`/staff/problems/${statement.id}`, { intent: "publish" })).status).toBe(302);
    const cards = await waitFor(
      () => db.match.findMany({ where: { problemStatementId: statement.id } }),
      (found) => found.length > 0,
    );
    expect(cards.map((c) => c.offerId)).toContain(offer.id);
    expect(
      await db.auditEntry.findFirst({ where: { action: "match.suggestions_refreshed", entityId: statement.id } }),
    ).toMatchObject({ actorId: staffId });

    const problem = await makePublishedMajorProblem(staffId);
    const pitched = await makeOffer(providerOrg.id, { title: "Bản đồ số cây xanh Hồng Hà" });
    const provider = await server.signedIn(providerOwner);
    const proposed = await postMultipart(
      server.baseUrl,
      provider.cookieHeader(),
      `/major-problems/${problem.listSlug}/${problem.code}/propose`,
      { offerId: pitched.id, pitch: "Đã lập bản đồ cây xanh cho 3 quận." },
    );
    expect(proposed.status, proposed.text.slice(0, 300)).toBe(302);
    const card = await waitFor(
      () => db.match.findFirst({ where: { majorProblemId: problem.id, offerId: pitched.id } }),
      Boolean,
    );
    expect(card).toMatchObject({ status: "SUGGESTED" });
    expect(
      visibleText(
        cardHtml((await staff.get(boardPath({ majorProblemId: problem.id }))).text, "Bản đồ số cây xanh Hồng Hà"),
      ),
    ).toContain(vi.curation.proposal);
  });

  it("suggests offers for a major problem when staff publish a change to its list", async () => {
    const problem = await makePublishedMajorProblem(staffId);
    const offer = await makeOffer(providerOrg.id, {
      title: "Giảm thời gian chờ tại nút giao bằng đèn thích ứng Hồng Hà",
    });
    await syncSearch();
    expect(await db.match.count({ where: { majorProblemId: problem.id } })).toBe(0);
    await setMajorProblemStatus(staffId, problem, "IN_PROGRESS", false);
    expect(
      (
        await staff.post(`/staff/major-problems/${problem.listId}`, {
          intent: "publish",
          changelog: "Bắt đầu triển khai.",
        })
      ).status,
    ).toBe(302);
    const cards = await waitFor(
      () => db.match.findMany({ where: { majorProblemId: problem.id } }),
      (found) => found.length > 0,
    );
    expect(cards.map((c) => c.offerId)).toContain(offer.id);
    expect(visibleText((await staff.get(boardPath({ majorProblemId: problem.id }))).text)).toContain(
      "Giảm thời gian chờ tại nút giao bằng đèn thích ứng Hồng Hà",
    );
  });
});
