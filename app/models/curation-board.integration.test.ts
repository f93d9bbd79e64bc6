// Suggestions come from the ranking; refreshing adds new offers as SUGGESTED
// cards and re-scores cards still suggested, but never touches a card staff moved.
import { beforeAll, describe, expect, it } from "vitest";
import { db } from "~/db.server";
import { moveMatches, refreshSuggestions } from "~/models/curation-board.server";
import { makeUser } from "~/test-support/factories";
import { syncSearch } from "~/test-support/search";
import { makeAgency, makeOffer, makeProvider, makeStatement } from "~/test-support/statement-factories";

let staffId = "";
let agency = { id: "", ownerId: "" };
let providerId = "";

beforeAll(async () => {
  staffId = (await makeUser({ role: "STAFF" })).id;
  const owner = await makeUser();
  agency = { id: (await makeAgency(owner.id)).id, ownerId: owner.id };
  providerId = (await makeProvider((await makeUser()).id)).id;
});

describe("refreshing suggestions", () => {
  it("adds ranked offers as suggested cards, re-scores suggested ones and leaves moved ones alone", async () => {
    const statement = await makeStatement(agency.id, agency.ownerId, { status: "PUBLISHED" });
    const target = { statementId: statement.id };
    const lights = await makeOffer(providerId, { title: "Điều khiển đèn tín hiệu thích ứng theo lưu lượng" });
    const signals = await makeOffer(providerId, { title: "Đèn tín hiệu giao thông thích ứng cho nút giao" });
    const draft = await makeOffer(providerId, {
      status: "DRAFT",
      title: "Điều khiển đèn tín hiệu thích ứng (bản nháp)",
    });
    await syncSearch();

    const first = await refreshSuggestions(staffId, target);
    const cards = await db.match.findMany({ where: { problemStatementId: statement.id } });
    const offerIds = cards.map((c) => c.offerId);
    expect(offerIds).toEqual(expect.arrayContaining([lights.id, signals.id]));
    expect(offerIds).not.toContain(draft.id);
    expect(first.created).toBe(cards.length);
    expect(cards.every((c) => c.status === "SUGGESTED" && c.score > 0 && JSON.parse(c.reasons).length > 0)).toBe(true);

    const moved = cards.find((c) => c.offerId === lights.id)!;
    const kept = cards.find((c) => c.offerId === signals.id)!;
    expect(
      await moveMatches(staffId, target, [{ matchId: moved.id, expectedVersion: 0 }], "REJECTED", {
        rejectReason: "DUPLICATE",
      }),
    ).toEqual({ ok: true, count: 1 });
    await db.match.update({ where: { id: kept.id }, data: { score: 0.001, reasons: "[]" } });

    const second = await refreshSuggestions(staffId, target);
    expect(second.created).toBe(0);
    const rejected = await db.match.findUniqueOrThrow({ where: { id: moved.id } });
    expect(rejected).toMatchObject({ status: "REJECTED", rejectReason: "DUPLICATE", version: 1, score: moved.score });
    const rescored = await db.match.findUniqueOrThrow({ where: { id: kept.id } });
    expect(rescored.score).toBeGreaterThan(0.001);
    expect(JSON.parse(rescored.reasons).length).toBeGreaterThan(0);
    expect(
      await db.auditEntry.count({ where: { action: "match.suggestions_refreshed", entityId: statement.id } }),
    ).toBe(2);
  });
});
