// The public side of offers over HTTP: the old catalogue URLs land on search
// with their filters (published offers only), and an offer nobody has updated
// for 180 days shows a notice and reminds its owners once per stale period.
import { beforeAll, describe, expect, it } from "vitest";
import { db } from "~/db.server";
import vi_ from "~/i18n/vi";
import { remindStaleOffers } from "~/models/offer-reminders.server";
import { TEST_PASSWORD, makeOrganisation, makeUser, readOutbox } from "~/test-support/factories";
import { startTestServer, visibleText, type TestBrowser } from "~/test-support/http";
import { makeOffer, makeTerms, type Terms } from "~/test-support/offer-factories";
import { rebuildSearch } from "~/test-support/search";

const server = startTestServer();
const t = vi_.offers;
let terms: Terms;
let provider: TestBrowser;
let owner = { id: "", email: "" };
let orgId = "";

beforeAll(async () => {
  terms = await makeTerms();
  owner = await makeUser({ name: "Hoàng Anh" });
  orgId = (await makeOrganisation(owner.id, "Công ty Danh mục Thử nghiệm")).id;
  provider = server.browser();
  await provider.signIn(owner.email, TEST_PASSWORD);
});

describe("the public catalogue", () => {
  it("has moved to search: /offers redirects there with its filters; published offers only, filtered by sector, TRL, deployment and text", async () => {
    const other = await makeTerms();
    const air = await makeOffer(orgId, owner.id, terms, { status: "PUBLISHED", title: "Cảm biến bụi mịn PM2.5" });
    await makeOffer(orgId, owner.id, other, { status: "PUBLISHED", title: "Phần mềm một cửa điện tử" });
    await makeOffer(orgId, owner.id, terms, { title: "Bản nháp bí mật" });
    await rebuildSearch();
    const browser = server.browser();
    // Old links and bookmarks land on the search page's offer tab.
    const catalogue = async (query: string) => {
      const moved = await browser.get(`/offers${query}`);
      expect(moved.status, query).toBe(302);
      expect(moved.location!.startsWith("/search?type=offer"), moved.location!).toBe(true);
      const page = await browser.get(moved.location!);
      expect(page.status, moved.location!).toBe(200);
      return { location: moved.location!, text: visibleText(page.text) };
    };
    const all = (await catalogue("")).text;
    expect(all).toContain("Cảm biến bụi mịn PM2.5");
    expect(all).toContain("Phần mềm một cửa điện tử");
    expect(all).not.toContain("Bản nháp bí mật");

    const bySector = await catalogue(`?sector=${other.sector.slug}`);
    expect(bySector.location).toBe(`/search?type=offer&sector=${other.sector.slug}`);
    expect(bySector.text).toContain("Phần mềm một cửa điện tử");
    expect(bySector.text).not.toContain("Cảm biến bụi mịn");
    // Without diacritics, in any case.
    const byText = (await catalogue("?q=cam+bien+BUI")).text;
    expect(byText).toContain("Cảm biến bụi mịn PM2.5");
    expect(byText).not.toContain("Phần mềm một cửa");
    // "TRL at least N" becomes the TRL bands that reach N (the offer is TRL 6).
    const trl9 = await catalogue("?trlMin=9");
    expect(trl9.location).toBe("/search?type=offer&trlBand=7-9");
    expect(trl9.text).not.toContain("Cảm biến bụi mịn");
    const saas = await catalogue("?deployment=SAAS&trlMin=6");
    expect(saas.location).toBe("/search?type=offer&deployment=SAAS&trlBand=4-6&trlBand=7-9");
    expect(saas.text).toContain("Cảm biến bụi mịn");
    expect((await catalogue("?deployment=HARDWARE")).text).not.toContain("Cảm biến bụi mịn");
    // Nonsense filters are dropped rather than failing.
    expect((await catalogue("?trlMin=abc&deployment=ROCKET&page=-3")).location).toBe("/search?type=offer");
    expect(air.status).toBe("PUBLISHED");
  });
});

describe("stale offers", () => {
  it("shows a notice after 180 days and emails the owners once per stale period", async () => {
    const stale = await makeOffer(orgId, owner.id, terms, {
      status: "PUBLISHED",
      title: "Giải pháp lâu không cập nhật",
    });
    const longAgo = new Date(Date.now() - 200 * 24 * 60 * 60 * 1000);
    await db.offer.update({ where: { id: stale.id }, data: { contentUpdatedAt: longAgo } });
    const notice = t.staleNotice.split("(")[0]!.trim();
    expect(visibleText((await server.browser().get(`/offers/${stale.slug}`)).text)).toContain(notice);
    expect(visibleText((await provider.get(`/orgs/${orgId}/offers/${stale.id}`)).text)).toContain(notice);

    const before = (await readOutbox(owner.email)).length;
    expect(await remindStaleOffers(new Date())).toBe(1);
    expect(await remindStaleOffers(new Date())).toBe(0);
    const mail = (await readOutbox(owner.email)).slice(before);
    expect(mail).toHaveLength(1);
    expect(mail[0]!.subject).toBe(vi_.notices.kinds["offer.stale"].title);
    expect(mail[0]!.text).toContain("Giải pháp lâu không cập nhật");
    expect(mail[0]!.text).toContain(`/orgs/${orgId}/offers/${stale.id}/edit`);
    expect((await db.offer.findUniqueOrThrow({ where: { id: stale.id } })).staleRemindedAt).not.toBeNull();
    expect(await db.auditEntry.count({ where: { entityId: stale.id, action: "offer.stale_reminded" } })).toBe(1);
  });
});
