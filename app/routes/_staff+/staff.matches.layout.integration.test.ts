// The curation board laid out for a screen: weak suggestions fold under
// “more”, proposals are marked, each card folds its reasons and controls, and
// a list view with checkboxes moves the ticked cards in bulk.
import { beforeAll, describe, expect, it } from "vitest";
import { db } from "~/db.server";
import en from "~/i18n/en";
import vi from "~/i18n/vi";
import { makeUser } from "~/test-support/factories";
import { startTestServer, type TestBrowser, visibleText } from "~/test-support/http";
import {
  boardPath,
  cardHtml,
  cardRef,
  makeBoardCast,
  makeMatch,
  postPairs,
  reloadMatch,
} from "~/test-support/match-factories";
import { makeOffer, makeProposal, makePublishedMajorProblem } from "~/test-support/statement-factories";

const server = startTestServer();

let staff: TestBrowser;
let staffId = "";
let colleague: Awaited<ReturnType<typeof makeUser>>;
let providerOrg = { id: "", name: "" };

beforeAll(async () => {
  ({ staff, staffId, colleague, providerOrg } = await makeBoardCast(server));
});

const fill = (template: string, vars: Record<string, string>) =>
  template.replace(/\{\{(\w+)\}\}/g, (_, key: string) => vars[key] ?? "");

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
