// A buyer orders a priced package, pays on the (stand-in) Stripe page, the
// signed webhook marks the order paid, the provider sees it, staff refund
// half and the ledger shows it. Plus who may see what, and bad input.
import { randomUUID } from "node:crypto";
import { beforeAll, describe, expect, it } from "vitest";
import { db } from "~/db.server";
import { makeUser, TEST_PASSWORD } from "~/test-support/factories";
import { startTestServer, visibleText, type TestBrowser } from "~/test-support/http";
import { makeMarket, makePricedOffer, settleEvents, withStripeStandIn } from "~/test-support/payment-factories";
import { makeAgency } from "~/test-support/statement-factories";

// The stand-in first: the server reads its Stripe settings when it starts.
const stripe = withStripeStandIn({ webhookUrl: () => `${server.baseUrl}/webhooks/stripe` });
const server = startTestServer();
let market: Awaited<ReturnType<typeof makeMarket>>;
let buyer: TestBrowser;
let offer: Awaited<ReturnType<typeof makePricedOffer>>;

beforeAll(async () => {
  market = await makeMarket();
  offer = await makePricedOffer(market.providerOrg.id, market.seller.id);
  buyer = await server.signedIn(market.buyer);
});

async function inEnglish(user: { email: string }) {
  const browser = server.browser({ language: "en" });
  await browser.signIn(user.email, TEST_PASSWORD);
  return browser;
}

// Each call is a freshly rendered form (its own order key), as when the offer page is loaded again.
const order = (browser: TestBrowser, packageId: string, organisationId = market.buyerOrg.id) =>
  browser.post("/orders/new", { packageId, organisationId, orderKey: randomUUID(), returnTo: `/offers/${offer.offer.slug}` });

async function orderAndPay() {
  const started = await order(buyer, offer.pkg.id);
  expect(started.status).toBe(303);
  expect(started.location!.startsWith(`${stripe.standIn.baseUrl}/pay/`)).toBe(true);
  const checkoutPage = await fetch(started.location!);
  expect(await checkoutPage.text()).toContain("Thanh toán 500000 VND");
  const paid = await fetch(started.location!, { method: "POST", redirect: "manual" });
  expect(paid.status).toBe(303);
  await settleEvents();
  return db.order.findFirstOrThrow({ where: { checkoutSessionId: started.location!.split("/pay/")[1] } });
}

describe("ordering and paying", () => {
  it("shows Đặt mua on the offer page to a signed-in member of another organisation", async () => {
    const page = await buyer.get(`/offers/${offer.offer.slug}`);
    expect(page.text).toContain('action="/orders/new"');
    expect(visibleText(page.text)).toMatch(/Gói cơ bản: 500\.000\s₫ \/ tháng Đặt mua/);
    const anonymous = await server.browser().get(`/offers/${offer.offer.slug}`);
    expect(visibleText(anonymous.text)).toContain("Đăng nhập để đặt mua");
  });

  it("goes buyer → Stripe page → signed webhook → paid, visible to buyer and provider, hidden from others", async () => {
    const paid = await orderAndPay();
    expect(paid).toMatchObject({ status: "PAID", amountPaidVnd: 500_000n });

    const receipt = visibleText((await buyer.get(`/orders/${paid.id}`)).text);
    expect(receipt).toContain("Đã thanh toán");
    expect(receipt).toMatch(/Đã thanh toán 500\.000\s₫/);
    expect(visibleText((await buyer.get("/orders")).text)).toContain(paid.id);
    const english = visibleText((await (await inEnglish(market.buyer)).get(`/orders/${paid.id}`)).text);
    expect(english).toContain("Order receipt");
    expect(english).toMatch(/Paid ₫500,000/);

    const seller = await server.signedIn(market.seller);
    expect(visibleText((await seller.get(`/orgs/${market.providerOrg.id}/orders`)).text)).toContain(paid.id);
    expect((await seller.get(`/orders/${paid.id}`)).status).toBe(200);

    const outsiderUser = await makeUser();
    await makeAgency(outsiderUser.id);
    const outsider = await server.signedIn(outsiderUser);
    expect((await outsider.get(`/orders/${paid.id}`)).status).toBe(404);
    expect((await outsider.get(`/orgs/${market.providerOrg.id}/orders`)).status).toBe(404);
    expect(visibleText((await outsider.get("/orders")).text)).not.toContain(paid.id);
  });

  it("refuses to order in the name of an organisation the user is not a member of", async () => {
    const otherOwner = await makeUser();
    const other = await makeAgency(otherOwner.id);
    const before = await db.order.count();
    expect((await order(buyer, offer.pkg.id, other.id)).status).toBe(404);
    expect(await db.order.count()).toBe(before);
  });

  it("says in Vietnamese when the offer was archived, and in English when asked", async () => {
    const archived = await makePricedOffer(market.providerOrg.id, market.seller.id);
    await db.offer.update({ where: { id: archived.offer.id }, data: { status: "ARCHIVED" } });
    const page = await order(buyer, archived.pkg.id);
    expect(page.status).toBe(400);
    expect(visibleText(page.text)).toContain("Giải pháp này hiện không còn được chào bán.");
    const english = await order(await inEnglish(market.buyer), archived.pkg.id);
    expect(visibleText(english.text)).toContain("This offer is no longer on sale.");
  });

  it("says the payment service did not respond, and nothing is left pending, when Stripe fails", async () => {
    stripe.standIn.setFault("error500");
    let page;
    try {
      page = await order(buyer, offer.pkg.id);
    } finally {
      stripe.standIn.setFault("none");
    }
    expect(page.status).toBe(503);
    expect(visibleText(page.text)).toContain("Cổng thanh toán không phản hồi. Chưa có khoản tiền nào bị trừ");
    expect(await db.order.count({ where: { buyerOrganisationId: market.buyerOrg.id, status: "PENDING", checkoutSessionId: null } })).toBe(0);
    const cancelled = await db.order.findFirstOrThrow({ where: { buyerOrganisationId: market.buyerOrg.id, status: "CANCELLED" }, orderBy: { createdAt: "desc" } });
    const receipt = visibleText((await buyer.get(`/orders/${cancelled.id}`)).text);
    expect(receipt).toContain("Đã huỷ");
    expect(receipt).toContain("Cổng thanh toán không phản hồi khi mở trang thanh toán; chưa có tiền nào bị trừ.");
    expect(receipt).not.toContain("stand-in told to fail");
  });
});

describe("staff refunds and the ledger", () => {
  it("keeps what was typed and explains a bad amount, refuses a refund larger than paid, then refunds half", async () => {
    const paid = await orderAndPay();
    const staff = await server.signedIn(market.staff);
    const bad = await staff.post(`/orders/${paid.id}`, { intent: "refund", amountVnd: "250.000,5", reason: "Khách huỷ nửa gói" });
    expect(bad.status).toBe(400);
    expect(visibleText(bad.text)).toContain("Số tiền phải là số nguyên đồng lớn hơn 0");
    expect(bad.text).toContain("Khách huỷ nửa gói");

    const tooLarge = await staff.post(`/orders/${paid.id}`, { intent: "refund", amountVnd: "500001", reason: "Thử" });
    expect(tooLarge.status).toBe(400);
    expect(visibleText(tooLarge.text)).toContain("Số tiền hoàn lớn hơn số tiền còn lại của đơn hàng.");
    expect(await db.refund.count({ where: { orderId: paid.id } })).toBe(0);

    expect((await buyer.post(`/orders/${paid.id}`, { intent: "refund", amountVnd: "1000", reason: "Tự hoàn" })).status).toBe(403);

    const done = await staff.post(`/orders/${paid.id}`, { intent: "refund", amountVnd: "250000", reason: "Khách huỷ nửa gói" });
    expect(done.status).toBe(302);
    expect(visibleText((await buyer.get(`/orders/${paid.id}`)).text)).toContain("Đã hoàn tiền một phần");

    const ledger = visibleText((await staff.get("/staff/ledger")).text);
    expect(ledger).toContain(market.providerOrg.name);
    expect(ledger).toMatch(/250\.000\s₫/);
    const csv = await staff.get("/staff/ledger.csv");
    expect(csv.headers.get("content-type")).toContain("text/csv");
    const line = csv.text.split("\r\n").find((l) => l.includes(market.providerOrg.id))!;
    // Two paid orders of 500.000 ₫ this month for this provider, one refunded by half.
    expect(line).toContain(",2,1000000,100000,250000,25000,675000,");
    expect((await buyer.get("/staff/ledger.csv")).status).toBe(403);
  });
});
