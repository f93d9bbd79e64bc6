// The curation board fills itself: publishing a statement or a change to a
// major problem list suggests offers in the background, and a provider's
// proposal lands on the major problem's board.
import { beforeAll, describe, expect, it } from "vitest";
import { db } from "~/db.server";
import vi from "~/i18n/vi";
import { makeUser } from "~/test-support/factories";
import { startTestServer, type TestBrowser, visibleText } from "~/test-support/http";
import { boardPath, cardHtml, makeBoardCast } from "~/test-support/match-factories";
import { syncSearch } from "~/test-support/search";
import {
  makeOffer,
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
let providerOrg = { id: "", name: "" };
let agencyOrg = { id: "", name: "" };
let agencyOwnerId = "";
let providerOwner: Awaited<ReturnType<typeof makeUser>>;

beforeAll(async () => {
  ({ staff, staffId, providerOrg, agencyOrg, agencyOwnerId, providerOwner } = await makeBoardCast(server));
});

async function waitFor<T>(read: () => Promise<T>, done: (value: T) => boolean, ms = 8000): Promise<T> {
  const until = Date.now() + ms;
  for (;;) {
    const value = await read();
    if (done(value) || Date.now() > until) return value;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

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
