// Money stays consistent under double clicks, crashes and cancellations
// (issue 13, part 4): one rendered order form gives one order and one
// Checkout session, the buyer can cancel an unpaid order (its session is
// expired at the stand-in Stripe through the real library), an order left
// without a session by a crash can be paid or cancelled and is swept after
// the configured delay, and the settlement ledger CSV keeps a negative net
// a number.
import { randomUUID } from "node:crypto";
import { beforeAll, describe, expect, it } from "vitest";
import vi from "~/i18n/vi";
import { db } from "~/db.server";
import { strandedOrderDelayMs } from "~/models/maintenance.server";
import { refundOrder, startOrder, sweepStrandedOrders, writeOrder } from "~/models/order.server";
import { makeUser, TEST_PASSWORD } from "~/test-support/factories";
import { inputValue, startTestServer, visibleText, type TestBrowser } from "~/test-support/http";
import { makeMarket, makePricedOffer, payAndSettle, withStripeStandIn } from "~/test-support/payment-factories";
import { makeAgency } from "~/test-support/statement-factories";

// The stand-in first: the server reads its Stripe settings when it starts.
const stripe = withStripeStandIn({ webhookUrl: () => `${server.baseUrl}/webhooks/stripe` });
const server = startTestServer();
let market: Awaited<ReturnType<typeof makeMarket>>;
let buyer: TestBrowser;

beforeAll(async () => {
  market = await makeMarket();
  buyer = await server.signedIn(market.buyer);
});

type Priced = Awaited<ReturnType<typeof makePricedOffer>>;

/** The order form as the review step renders it for the buyer (the package card links there). */
async function renderedForm(priced: Priced) {
  const page = await buyer.get(`/orders/new?package=${priced.pkg.id}`);
  expect(page.status).toBe(200);
  const orderKey = inputValue(page.text, "orderKey");
  expect(orderKey).toMatch(/^[A-Za-z0-9_-]{16,64}$/);
  return {
    packageId: priced.pkg.id,
    organisationId: market.buyerOrg.id,
    orderKey: orderKey!,
    returnTo: `/offers/${priced.offer.slug}`,
  };
}

const sessionsOf = (orderId: string) =>
  [...stripe.standIn.sessions.values()].filter((s) => s.metadata.orderId === orderId);
const checkoutCalls = (orderId: string) =>
  stripe.standIn.requests.filter(
    (r) => r.path === "/v1/checkout/sessions" && r.idempotencyKey === `order-${orderId}-checkout`,
  );

/** A crash right after the order's row was written: no Checkout session was ever asked for. */
async function strandedOrder(priced: Priced, ageMs = 0) {
  const pkg = await db.offerPackage.findUniqueOrThrow({ where: { id: priced.pkg.id }, include: { offer: true } });
  const order = await writeOrder({
    userId: market.buyer.id,
    buyerOrganisationId: market.buyerOrg.id,
    idempotencyKey: randomUUID(),
    pkg: { ...pkg, priceVnd: pkg.priceVnd! },
  });
  if (ageMs) await db.order.update({ where: { id: order.id }, data: { createdAt: new Date(Date.now() - ageMs) } });
  return order;
}

describe("one rendered order form gives one order", () => {
  it("20 concurrent submits of the same form make 1 order and 1 Checkout session, and all 20 land on its page", async () => {
    const priced = await makePricedOffer(market.providerOrg.id, market.seller.id);
    const form = await renderedForm(priced);
    const answers = await Promise.all(Array.from({ length: 20 }, () => buyer.post("/orders/new", form)));

    expect(answers.map((a) => a.status)).toEqual(Array(20).fill(303));
    const orders = await db.order.findMany({ where: { packageId: priced.pkg.id } });
    expect(orders).toHaveLength(1);
    const order = orders[0]!;
    expect(order).toMatchObject({ status: "PENDING", idempotencyKey: form.orderKey, buyerUserId: market.buyer.id });
    expect(sessionsOf(order.id)).toHaveLength(1);
    expect(checkoutCalls(order.id)).toHaveLength(1);
    expect(new Set(answers.map((a) => a.location))).toEqual(new Set([order.checkoutUrl]));
    expect(order.checkoutUrl).toMatch(new RegExp(`^${stripe.standIn.baseUrl}/pay/cs_test_`));

    // Sent again later (the back button, a retry): still that order and that session.
    const again = await buyer.post("/orders/new", form);
    expect(again.location).toBe(order.checkoutUrl);
    expect(await db.order.count({ where: { packageId: priced.pkg.id } })).toBe(1);
    expect(sessionsOf(order.id)).toHaveLength(1);
    expect(await db.auditEntry.count({ where: { entityId: order.id, action: "order.create" } })).toBe(1);
  });

  it("holds when all 20 pass the first look-up before any writes (the losers catch the unique violation and read the winner)", async () => {
    const priced = await makePricedOffer(market.providerOrg.id, market.seller.id);
    const idempotencyKey = randomUUID();
    const results = await Promise.all(
      Array.from({ length: 20 }, () =>
        startOrder({
          userId: market.buyer.id,
          buyerOrganisationId: market.buyerOrg.id,
          packageId: priced.pkg.id,
          idempotencyKey,
        }),
      ),
    );
    const orders = await db.order.findMany({ where: { packageId: priced.pkg.id } });
    expect(orders).toHaveLength(1);
    expect(new Set(results.map((r) => r.orderId))).toEqual(new Set([orders[0]!.id]));
    expect(new Set(results.map((r) => r.checkoutUrl))).toEqual(new Set([orders[0]!.checkoutUrl]));
    expect(sessionsOf(orders[0]!.id)).toHaveLength(1);
  });

  it("lets the database refuse a second order with the same buyer and key (the unique constraint the race relies on)", async () => {
    const priced = await makePricedOffer(market.providerOrg.id, market.seller.id);
    const pkg = await db.offerPackage.findUniqueOrThrow({ where: { id: priced.pkg.id }, include: { offer: true } });
    const input = {
      userId: market.buyer.id,
      buyerOrganisationId: market.buyerOrg.id,
      idempotencyKey: randomUUID(),
      pkg: { ...pkg, priceVnd: pkg.priceVnd! },
    };
    await writeOrder(input);
    await expect(writeOrder(input)).rejects.toMatchObject({ code: "P2002" });
    // Another buyer may happen to send the same key: that is their own order.
    const other = await makeUser();
    await expect(writeOrder({ ...input, userId: other.id })).resolves.toMatchObject({ buyerUserId: other.id });
    expect(await db.order.count({ where: { packageId: priced.pkg.id } })).toBe(2);
  });

  it("gives every rendering of the page its own key, so ordering the same package again is a new order", async () => {
    const priced = await makePricedOffer(market.providerOrg.id, market.seller.id);
    const first = await renderedForm(priced);
    const second = await renderedForm(priced);
    expect(second.orderKey).not.toBe(first.orderKey);
    const a = await buyer.post("/orders/new", first);
    const b = await buyer.post("/orders/new", second);
    expect(a.location).not.toBe(b.location);
    expect(await db.order.count({ where: { packageId: priced.pkg.id } })).toBe(2);
  });

  it("sends a repeat of a form whose order is closed to that order's page, not to a new order", async () => {
    const priced = await makePricedOffer(market.providerOrg.id, market.seller.id);
    const form = await renderedForm(priced);
    await buyer.post("/orders/new", form);
    const order = await db.order.findFirstOrThrow({ where: { packageId: priced.pkg.id } });
    await buyer.post(`/orders/${order.id}`, { intent: "cancel" });
    const again = await buyer.post("/orders/new", form);
    expect(again).toMatchObject({ status: 303, location: `/orders/${order.id}` });
    expect(await db.order.count({ where: { packageId: priced.pkg.id } })).toBe(1);
  });

  it("refuses a form with no key (400) and a key reused for another package (409), writing nothing", async () => {
    const priced = await makePricedOffer(market.providerOrg.id, market.seller.id);
    const other = await makePricedOffer(market.providerOrg.id, market.seller.id);
    const form = await renderedForm(priced);
    const { orderKey: _unused, ...withoutKey } = form;
    const stale = await buyer.post("/orders/new", withoutKey);
    expect(stale.status).toBe(400);
    expect(visibleText(stale.text)).toContain(vi.payments.errors.orderFormStale);
    expect(await db.order.count({ where: { packageId: priced.pkg.id } })).toBe(0);

    expect((await buyer.post("/orders/new", form)).status).toBe(303);
    const reused = await buyer.post("/orders/new", { ...form, packageId: other.pkg.id });
    expect(reused.status).toBe(409);
    expect(visibleText(reused.text)).toContain(vi.payments.errors.orderFormUsed);
    expect(await db.order.count({ where: { packageId: other.pkg.id } })).toBe(0);
  });

  it("renders the review's Pay button as a plain form post carrying its key (it also disables itself with JavaScript)", async () => {
    const priced = await makePricedOffer(market.providerOrg.id, market.seller.id);
    const page = await buyer.get(`/orders/new?package=${priced.pkg.id}`);
    expect(page.text).toMatch(
      /<form method="post" action="\/orders\/new\?package=[^"]+"[^>]*>[\s\S]*?name="orderKey"[\s\S]*?<button type="submit"[^>]*>Thanh toán</,
    );
  });
});

describe("the buyer cancels a pending order", () => {
  it("expires its Checkout session at Stripe, records why, tells the provider in the app, and shows the reason", async () => {
    const priced = await makePricedOffer(market.providerOrg.id, market.seller.id);
    const started = await buyer.post("/orders/new", await renderedForm(priced));
    const order = await db.order.findFirstOrThrow({ where: { packageId: priced.pkg.id } });
    expect(started.location).toBe(order.checkoutUrl);

    const page = visibleText((await buyer.get(`/orders/${order.id}`)).text);
    expect(page).toContain(vi.payments.receipt.cancel);
    const cancelled = await buyer.post(`/orders/${order.id}`, { intent: "cancel" });
    expect(cancelled).toMatchObject({ status: 302, location: `/orders/${order.id}` });

    expect(await db.order.findUniqueOrThrow({ where: { id: order.id } })).toMatchObject({
      status: "CANCELLED",
      failureReason: "cancelled_by_buyer",
    });
    expect(stripe.standIn.sessions.get(order.checkoutSessionId!)!.status).toBe("expired");
    const expireCall = stripe.standIn.requests.find(
      (r) => r.path === `/v1/checkout/sessions/${order.checkoutSessionId}/expire`,
    );
    expect(expireCall?.method).toBe("POST");
    const audit = await db.auditEntry.findFirstOrThrow({ where: { entityId: order.id, action: "order.cancel" } });
    expect(audit.actorId).toBe(market.buyer.id);
    const notice = await db.notification.findFirstOrThrow({
      where: { userId: market.seller.id, kind: "order.cancelled", link: `/orders/${order.id}` },
    });
    expect(notice.title).toContain(order.offerTitle);

    const after = visibleText((await buyer.get(`/orders/${order.id}`)).text);
    expect(after).toContain(vi.payments.flash.cancelled);
    expect(after).toContain(vi.payments.statuses.CANCELLED);
    expect(after).toContain(vi.payments.failureReasons.cancelled_by_buyer);
    expect(after).not.toContain(vi.payments.receipt.cancel);
  });

  it("is refused with 404 to another organisation's user and to the provider's members, changing nothing", async () => {
    const priced = await makePricedOffer(market.providerOrg.id, market.seller.id);
    await buyer.post("/orders/new", await renderedForm(priced));
    const order = await db.order.findFirstOrThrow({ where: { packageId: priced.pkg.id } });
    const outsider = await makeUser();
    await makeAgency(outsider.id);
    const outsiderBrowser = await server.signedIn(outsider);
    expect((await outsiderBrowser.post(`/orders/${order.id}`, { intent: "cancel" })).status).toBe(404);
    const seller = await server.signedIn(market.seller);
    expect(visibleText((await seller.get(`/orders/${order.id}`)).text)).not.toContain(vi.payments.receipt.cancel);
    expect((await seller.post(`/orders/${order.id}`, { intent: "cancel" })).status).toBe(404);
    expect((await db.order.findUniqueOrThrow({ where: { id: order.id } })).status).toBe("PENDING");
    expect(stripe.standIn.sessions.get(order.checkoutSessionId!)!.status).toBe("open");
    expect(
      stripe.standIn.requests.some((r) => r.path.endsWith("/expire") && r.path.includes(order.checkoutSessionId!)),
    ).toBe(false);
  });

  it("cannot cancel a paid order, nor one whose payment reached Stripe before the webhook did (the payment is recorded instead)", async () => {
    const priced = await makePricedOffer(market.providerOrg.id, market.seller.id);
    await buyer.post("/orders/new", await renderedForm(priced));
    const paidOrder = await payAndSettle(
      stripe.standIn,
      (
        await db.order.findFirstOrThrow({ where: { packageId: priced.pkg.id } })
      ).id,
    );
    expect(paidOrder.status).toBe("PAID");
    const refused = await buyer.post(`/orders/${paidOrder.id}`, { intent: "cancel" });
    expect(refused.status).toBe(409);
    expect(visibleText(refused.text)).toContain(vi.payments.errors.notCancellable);
    expect((await db.order.findUniqueOrThrow({ where: { id: paidOrder.id } })).status).toBe("PAID");

    const racing = await makePricedOffer(market.providerOrg.id, market.seller.id);
    await buyer.post("/orders/new", await renderedForm(racing));
    const pending = await db.order.findFirstOrThrow({ where: { packageId: racing.pkg.id } });
    await stripe.standIn.pay(pending.checkoutSessionId!, { deliver: false });
    const late = await buyer.post(`/orders/${pending.id}`, { intent: "cancel" });
    expect(late.status).toBe(409);
    expect(await db.order.findUniqueOrThrow({ where: { id: pending.id } })).toMatchObject({
      status: "PAID",
      amountPaidVnd: 500_000n,
    });
  });
});

describe("orders stranded between their row and their Checkout session", () => {
  it("offers the buyer Pay (same idempotency key, so never a second session) instead of a dead end", async () => {
    const order = await strandedOrder(await makePricedOffer(market.providerOrg.id, market.seller.id));
    const page = visibleText((await buyer.get(`/orders/${order.id}`)).text);
    expect(page).toContain(vi.payments.receipt.noCheckoutHint);
    expect(page).toContain(vi.payments.receipt.pay);
    expect(page).toContain(vi.payments.receipt.cancel);

    const paid = await buyer.post(`/orders/${order.id}`, { intent: "pay" });
    const saved = await db.order.findUniqueOrThrow({ where: { id: order.id } });
    expect(paid).toMatchObject({ status: 303, location: saved.checkoutUrl });
    expect(saved.checkoutSessionId).toMatch(/^cs_test_/);
    expect(checkoutCalls(order.id)).toHaveLength(1);
    // Pressed again: the page it has, no new session.
    expect((await buyer.post(`/orders/${order.id}`, { intent: "pay" })).location).toBe(saved.checkoutUrl);
    expect(sessionsOf(order.id)).toHaveLength(1);
  });

  it("keeps the order pending with a clear 503 when Stripe is down on that retry", async () => {
    const order = await strandedOrder(await makePricedOffer(market.providerOrg.id, market.seller.id));
    stripe.standIn.setFault("error500");
    let answer;
    try {
      answer = await buyer.post(`/orders/${order.id}`, { intent: "pay" });
    } finally {
      stripe.standIn.setFault("none");
    }
    expect(answer.status).toBe(503);
    expect(visibleText(answer.text)).toContain(vi.payments.errors.providerUnavailable);
    expect(await db.order.findUniqueOrThrow({ where: { id: order.id } })).toMatchObject({
      status: "PENDING",
      checkoutSessionId: null,
    });
  });

  it("lets the buyer cancel it without asking Stripe anything", async () => {
    const order = await strandedOrder(await makePricedOffer(market.providerOrg.id, market.seller.id));
    const before = stripe.standIn.requests.length;
    expect((await buyer.post(`/orders/${order.id}`, { intent: "cancel" })).status).toBe(302);
    expect(await db.order.findUniqueOrThrow({ where: { id: order.id } })).toMatchObject({
      status: "CANCELLED",
      failureReason: "cancelled_by_buyer",
    });
    expect(stripe.standIn.requests.length).toBe(before);
  });

  it("is cancelled by the sweeper after the delay (10 minutes by default) with a reason the buyer reads, and only then", async () => {
    expect(strandedOrderDelayMs()).toBe(10 * 60_000);
    const delay = strandedOrderDelayMs();
    const old = await strandedOrder(await makePricedOffer(market.providerOrg.id, market.seller.id), delay + 60_000);
    const young = await strandedOrder(await makePricedOffer(market.providerOrg.id, market.seller.id), delay - 60_000);
    // An old order that did get its session is not stranded.
    const withSession = await makePricedOffer(market.providerOrg.id, market.seller.id);
    await buyer.post("/orders/new", await renderedForm(withSession));
    const live = await db.order.findFirstOrThrow({ where: { packageId: withSession.pkg.id } });
    await db.order.update({ where: { id: live.id }, data: { createdAt: new Date(Date.now() - 2 * delay) } });

    const swept = await sweepStrandedOrders({ olderThanMs: delay });
    expect(swept.cancelled).toContain(old.id);
    expect(swept.cancelled).not.toContain(young.id);
    expect(swept.cancelled).not.toContain(live.id);
    expect(await db.order.findUniqueOrThrow({ where: { id: old.id } })).toMatchObject({
      status: "CANCELLED",
      failureReason: "checkout_not_started",
    });
    expect((await db.order.findUniqueOrThrow({ where: { id: young.id } })).status).toBe("PENDING");
    expect((await db.order.findUniqueOrThrow({ where: { id: live.id } })).status).toBe("PENDING");
    expect(await db.auditEntry.count({ where: { entityId: old.id, action: "order.stranded_cancelled" } })).toBe(1);
    expect(
      await db.notification.count({
        where: { userId: market.buyer.id, kind: "order.stranded_cancelled", link: `/orders/${old.id}` },
      }),
    ).toBe(1);

    // Run again (another process, the next minute): nothing more happens.
    expect((await sweepStrandedOrders({ olderThanMs: delay })).cancelled).not.toContain(old.id);
    expect(await db.auditEntry.count({ where: { entityId: old.id, action: "order.stranded_cancelled" } })).toBe(1);

    const page = visibleText((await buyer.get(`/orders/${old.id}`)).text);
    expect(page).toContain(vi.payments.statuses.CANCELLED);
    expect(page).toContain(vi.payments.failureReasons.checkout_not_started);
    expect(page).not.toContain(vi.payments.receipt.noCheckoutHint);
    const english = server.browser({ language: "en" });
    await english.signIn(market.buyer.email, TEST_PASSWORD);
    expect(visibleText((await english.get(`/orders/${old.id}`)).text)).toContain("nothing was charged");
  });
});

describe("settlement ledger CSV", () => {
  it("writes a negative net (a refund in a month with no payment) as -1800, a number, not '-1800", async () => {
    // A provider of its own, so no other payment this month shares its line.
    const own = await makeMarket();
    const priced = await makePricedOffer(own.providerOrg.id, own.seller.id);
    const ownBuyer = await server.signedIn(own.buyer);
    const page = await ownBuyer.get(`/orders/new?package=${priced.pkg.id}`);
    await ownBuyer.post("/orders/new", {
      packageId: priced.pkg.id,
      organisationId: own.buyerOrg.id,
      orderKey: inputValue(page.text, "orderKey")!,
      returnTo: "/",
    });
    const order = await db.order.findFirstOrThrow({ where: { packageId: priced.pkg.id } });
    await payAndSettle(stripe.standIn, order.id);
    // Paid in an earlier month; refunded 2.000 ₫ now (10% fee: 200 ₫ of it comes back).
    await db.order.update({ where: { id: order.id }, data: { paidAt: new Date(Date.now() - 70 * 86_400_000) } });
    await refundOrder({ orderId: order.id, amountVnd: 2_000n, reason: "Hoàn một phần", actorId: own.staff.id });

    const staff = await server.signedIn(own.staff);
    const csv = await staff.get("/staff/ledger.csv");
    expect(csv.status).toBe(200);
    const line = csv.text.split("\r\n").find((l) => l.includes(own.providerOrg.id))!;
    expect(line).toContain(`,${own.providerOrg.id},0,0,0,2000,200,-1800,`);
    expect(line).not.toContain("'-1800");
  });
});
