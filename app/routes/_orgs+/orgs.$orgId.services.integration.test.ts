// One-off platform services through Checkout in payment mode: featured
// placement paid on the (stand-in) Stripe page puts the offer first on
// /offers with a "Nổi bật" label and extends from a running placement;
// a valuation is paid, staff mark it done, and the revenue shows on the
// staff services page, not in the providers' settlement ledger.
import { beforeAll, describe, expect, it } from "vitest";
import { db } from "~/db.server";
import { startTestServer, visibleText } from "~/test-support/http";
import { settleEvents } from "~/test-support/payment-factories";
import { givePlan, makeProviderTeam, publishedOffers } from "~/test-support/plan-factories";
import { withPlanStandIn } from "~/test-support/plan-stand-in";
import { makeUser, TEST_PASSWORD } from "~/test-support/factories";
import { makeAgency } from "~/test-support/statement-factories";

const stripe = withPlanStandIn({ webhookUrl: () => `${server.baseUrl}/webhooks/stripe` });
const server = startTestServer();
const DAY = 86_400_000;

type Team = Awaited<ReturnType<typeof makeProviderTeam>>;
const servicesPath = (team: Team) => `/orgs/${team.organisation.id}/services`;

async function buyAndPay(team: Team, form: Record<string, string>) {
  const owner = await server.signedIn(team.owner);
  const started = await owner.post(servicesPath(team), form);
  expect(started.status).toBe(303);
  expect(started.location!.startsWith(`${stripe.standIn.baseUrl}/pay/`)).toBe(true);
  const paid = await fetch(started.location!, { method: "POST", redirect: "manual" });
  expect(paid.headers.get("location")).toContain(`${servicesPath(team)}?checkout=success`);
  await settleEvents();
  return {
    owner,
    purchase: await db.servicePurchase.findFirstOrThrow({
      where: { checkoutSessionId: started.location!.split("/pay/")[1] },
    }),
  };
}

describe("featured placement", () => {
  let team: Team;
  let offerId: string;
  let title: string;
  let otherTitles: string[];
  beforeAll(async () => {
    team = await makeProviderTeam();
    await givePlan(team.organisation.id, "VERIFIED");
    const [offer] = await publishedOffers(team.organisation.id, team.owner.id, 1);
    offerId = offer!.id;
    title = offer!.titleVi;
    // Others' offers, newer, so "first" is earned by the placement.
    const others = await makeProviderTeam();
    otherTitles = (await publishedOffers(others.organisation.id, others.owner.id, 2)).map((o) => o.titleVi);
  });

  it("paid for 7 days: the offer is labelled Nổi bật and listed before the ranked results on /offers", async () => {
    const before = visibleText((await server.browser().get("/search?type=offer")).text);
    expect(before).not.toContain("Giải pháp nổi bật");

    const { owner, purchase } = await buyAndPay(team, { intent: "featured", offerId, days: "7" });
    expect(purchase).toMatchObject({ kind: "FEATURED_PLACEMENT", status: "PAID", amountPaidVnd: 350_000n, days: 7 });
    const session = [...stripe.standIn.sessions.values()].find((s) => s.metadata.servicePurchaseId === purchase.id)!;
    expect(session.amount_total).toBe(350_000);
    const until = (await db.offer.findUniqueOrThrow({ where: { id: offerId } })).featuredUntil!;
    expect(Math.abs(until.getTime() - (Date.now() + 7 * DAY))).toBeLessThan(60_000);

    expect((await server.browser().get("/offers")).location).toBe("/search?type=offer");
    const list = visibleText((await server.browser().get("/search?type=offer")).text);
    const featuredAt = list.indexOf("Giải pháp nổi bật Nổi bật");
    expect(featuredAt).toBeGreaterThan(-1);
    expect(list.indexOf(title)).toBeGreaterThan(featuredAt);
    for (const other of otherTitles) expect(list.indexOf(other)).toBeGreaterThan(list.indexOf(title));
    const english = visibleText((await server.browser({ language: "en" }).get("/search?type=offer")).text);
    expect(english).toContain("Featured offers Featured");

    const mine = visibleText((await owner.get(servicesPath(team))).text);
    expect(mine).toMatch(/Vị trí nổi bật .+ — 7 ngày 350\.000\s₫ Đã thanh toán/);
  });

  it("buying again extends from the end of the running placement, and a replayed webhook adds nothing", async () => {
    const before = (await db.offer.findUniqueOrThrow({ where: { id: offerId } })).featuredUntil!;
    const { purchase } = await buyAndPay(team, { intent: "featured", offerId, days: "30" });
    const after = (await db.offer.findUniqueOrThrow({ where: { id: offerId } })).featuredUntil!;
    expect(after.getTime() - before.getTime()).toBe(30 * DAY);

    const session = [...stripe.standIn.sessions.values()].find((s) => s.metadata.servicePurchaseId === purchase.id)!;
    await stripe.standIn.pay(session.id); // Stripe sending the same payment's events again
    await settleEvents();
    expect((await db.offer.findUniqueOrThrow({ where: { id: offerId } })).featuredUntil).toEqual(after);
    expect(await db.auditEntry.count({ where: { entityId: purchase.id, action: "service.paid" } })).toBe(1);
  });

  it("is not sold on the Free plan, with a message and a link to the plans; nothing is written", async () => {
    const free = await makeProviderTeam();
    const [offer] = await publishedOffers(free.organisation.id, free.owner.id, 1);
    const owner = await server.signedIn(free.owner);
    const page = visibleText((await owner.get(servicesPath(free))).text);
    expect(page).toContain("Vị trí nổi bật cần gói Xác thực hoặc Cao cấp. Xem các gói");
    const refused = await owner.post(servicesPath(free), { intent: "featured", offerId: offer!.id, days: "7" });
    expect(refused.status).toBe(400);
    expect(visibleText(refused.text)).toContain("Vị trí nổi bật cần gói Xác thực hoặc Cao cấp.");
    expect(await db.servicePurchase.count({ where: { organisationId: free.organisation.id } })).toBe(0);
  });

  it("refuses another organisation's offer and a number of days not on sale", async () => {
    const owner = await server.signedIn(team.owner);
    const others = await makeProviderTeam();
    const [theirs] = await publishedOffers(others.organisation.id, others.owner.id, 1);
    const count = await db.servicePurchase.count();
    expect((await owner.post(servicesPath(team), { intent: "featured", offerId: theirs!.id, days: "7" })).status).toBe(
      400,
    );
    const badDays = await owner.post(servicesPath(team), { intent: "featured", offerId, days: "5" });
    expect(badDays.status).toBe(400);
    expect(visibleText(badDays.text)).toContain("Hãy chọn dịch vụ, và với vị trí nổi bật: giải pháp và số ngày.");
    expect(await db.servicePurchase.count()).toBe(count);
  });
});

describe("Premium's included featured placement", () => {
  it("features up to two offers at a time at no charge, without Checkout", async () => {
    const team = await makeProviderTeam();
    await givePlan(team.organisation.id, "PREMIUM");
    const offers = await publishedOffers(team.organisation.id, team.owner.id, 3);
    const owner = await server.signedIn(team.owner);
    for (const offer of offers.slice(0, 2))
      expect((await owner.post(servicesPath(team), { intent: "included", offerId: offer.id })).status).toBe(302);
    const third = await owner.post(servicesPath(team), { intent: "included", offerId: offers[2]!.id });
    expect(third.status).toBe(400);
    expect(visibleText(third.text)).toContain("Gói đã dùng hết số giải pháp nổi bật miễn phí cùng lúc.");
    expect(
      await db.offer.count({ where: { id: { in: offers.map((o) => o.id) }, featuredUntil: { gt: new Date() } } }),
    ).toBe(2);
  });
});

describe("technology valuation", () => {
  it("is paid, marked done by staff, and counted as platform revenue outside the settlement ledger", async () => {
    const team = await makeProviderTeam();
    const { owner, purchase } = await buyAndPay(team, { intent: "valuation" });
    expect(purchase).toMatchObject({ kind: "TECHNOLOGY_VALUATION", status: "PAID", amountPaidVnd: 15_000_000n });
    expect(visibleText((await owner.get(servicesPath(team))).text)).toMatch(
      /Định giá công nghệ — 15\.000\.000\s₫ Đã thanh toán/,
    );
    const english = server.browser({ language: "en" });
    await english.signIn(team.owner.email, TEST_PASSWORD);
    expect(visibleText((await english.get(servicesPath(team))).text)).toMatch(
      /Technology valuation — ₫15,000,000 Paid/,
    );

    const staff = await server.signedIn(await makeUser({ role: "STAFF" }));
    const revenue = visibleText((await staff.get("/staff/services")).text);
    expect(revenue).toContain(team.organisation.name);
    const csv = (await staff.get("/staff/services.csv")).text;
    expect(csv).toContain(`${purchase.id},${team.organisation.name},TECHNOLOGY_VALUATION,,,PAID,15000000`);
    expect((await staff.get("/staff/ledger.csv")).text).not.toContain(team.organisation.name);

    expect((await staff.post("/staff/services", { intent: "fulfil-service", purchaseId: purchase.id })).status).toBe(
      302,
    );
    expect((await db.servicePurchase.findUniqueOrThrow({ where: { id: purchase.id } })).status).toBe("FULFILLED");
    expect((await owner.post("/staff/services", { intent: "fulfil-service", purchaseId: purchase.id })).status).toBe(
      403,
    );
  });

  it("is hidden from other organisations and bought only by owners", async () => {
    const team = await makeProviderTeam();
    const member = await server.signedIn(team.member);
    expect((await member.get(servicesPath(team))).status).toBe(200);
    expect((await member.post(servicesPath(team), { intent: "valuation" })).status).toBe(403);
    const outsiderUser = await makeUser();
    await makeAgency(outsiderUser.id);
    const outsider = await server.signedIn(outsiderUser);
    expect((await outsider.get(servicesPath(team))).status).toBe(404);
    expect((await outsider.post(servicesPath(team), { intent: "valuation" })).status).toBe(404);
    expect(await db.servicePurchase.count({ where: { organisationId: team.organisation.id } })).toBe(0);
  });

  it("says the payment provider did not respond when Stripe answers 500, and leaves the purchase cancelled", async () => {
    const team = await makeProviderTeam();
    const owner = await server.signedIn(team.owner);
    stripe.standIn.setFault("error500");
    let failed;
    try {
      failed = await owner.post(servicesPath(team), { intent: "valuation" });
    } finally {
      stripe.standIn.setFault("none");
    }
    expect(failed.status).toBe(503);
    expect(visibleText(failed.text)).toContain("Cổng thanh toán không phản hồi.");
    expect(
      await db.servicePurchase.findFirstOrThrow({ where: { organisationId: team.organisation.id } }),
    ).toMatchObject({ status: "CANCELLED" });
  });
});
