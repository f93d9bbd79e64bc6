// Ordering a priced package through the (stand-in) Stripe API with the real
// stripe library: exact đồng, idempotency keys, provider failures, and
// what the buyer ends up paying when the price changes.
import { beforeAll, describe, expect, it } from "vitest";
import { db } from "~/db.server";
import { orderingFor, OrderFailure, startOrder } from "~/models/order.server";
import { drainPaymentEvents, recordPaymentEvent } from "~/models/payment-events.server";
import { createStripeProvider, paymentProvider, setPaymentProvider } from "~/payments/provider.server";
import { readOutbox } from "~/test-support/factories";
import {
  makeMarket,
  makePricedOffer,
  PACKAGE_PRICE,
  payAndSettle,
  withStripeStandIn,
} from "~/test-support/payment-factories";

const stripe = withStripeStandIn();
let market: Awaited<ReturnType<typeof makeMarket>>;

beforeAll(async () => {
  market = await makeMarket();
});

const order = (packageId: string) =>
  startOrder({ userId: market.buyer.id, buyerOrganisationId: market.buyerOrg.id, packageId });
const failureOf = (promise: Promise<unknown>) =>
  promise.then(
    () => null,
    (error: unknown) => (error instanceof OrderFailure ? error.code : error),
  );

describe("starting an order", () => {
  it("sends 500.000 ₫ as unit_amount 500000 in VND, with an idempotency key, and keeps the session", async () => {
    const { offer, pkg } = await makePricedOffer(market.providerOrg.id, market.seller.id);
    const before = stripe.standIn.requests.length;
    const started = await order(pkg.id);
    const sent = stripe.standIn.requests.slice(before).filter((r) => r.path === "/v1/checkout/sessions");
    expect(sent).toHaveLength(1);
    expect(sent[0]!.params.get("line_items[0][price_data][unit_amount]")).toBe("500000");
    expect(sent[0]!.params.get("line_items[0][price_data][currency]")).toBe("vnd");
    expect(sent[0]!.params.get("metadata[orderId]")).toBe(started.orderId);
    expect(sent[0]!.idempotencyKey).toBe(`order-${started.orderId}-checkout`);
    expect(started.checkoutUrl).toMatch(new RegExp(`^${stripe.standIn.baseUrl}/pay/cs_test_`));
    const saved = await db.order.findUniqueOrThrow({ where: { id: started.orderId } });
    expect(saved).toMatchObject({
      status: "PENDING",
      amountVnd: PACKAGE_PRICE,
      unitPriceVnd: PACKAGE_PRICE,
      offerId: offer.id,
      offerTitle: offer.titleVi,
      providerOrganisationId: market.providerOrg.id,
    });
    expect(saved.checkoutSessionId).toMatch(/^cs_test_/);
  });

  it("records the paid amount in whole đồng and the platform fee from it", async () => {
    const { pkg } = await makePricedOffer(market.providerOrg.id, market.seller.id, 1_234_567n);
    const paid = await payAndSettle(stripe.standIn, (await order(pkg.id)).orderId);
    expect(paid).toMatchObject({
      status: "PAID",
      amountPaidVnd: 1_234_567n,
      platformFeePercent: 10,
      platformFeeVnd: 123_456n,
    });
    expect(paid.paymentIntentId).toMatch(/^pi_/);
    const notice = await db.notification.findFirstOrThrow({
      where: { userId: market.seller.id, kind: "order.paid", link: `/orders/${paid.id}` },
    });
    expect(notice.body).toMatch(/đã thanh toán 1\.234\.567\s₫/);
    const mail = (await readOutbox(market.seller.email)).find((m) => m.text.includes(paid.id));
    expect(mail?.subject).toBe(`Đơn hàng mới đã thanh toán: ${paid.offerTitle}`);
    // In the seller's language only (Vietnamese by default), with the amount as Vietnamese money.
    expect(mail?.text).toMatch(/đã thanh toán 1\.234\.567\s₫/);
    expect(mail?.text).not.toMatch(/paid ₫/);
  });

  it("refuses an archived offer before anything is sent", async () => {
    const { offer, pkg } = await makePricedOffer(market.providerOrg.id, market.seller.id);
    await db.offer.update({ where: { id: offer.id }, data: { status: "ARCHIVED" } });
    const before = stripe.standIn.requests.length;
    expect(await failureOf(order(pkg.id))).toBe("offerNotAvailable");
    expect(stripe.standIn.requests.length).toBe(before);
    expect(await db.order.count({ where: { packageId: pkg.id } })).toBe(0);
  });

  it("refuses a package on request (no price) and the buyer's own offer", async () => {
    const { pkg } = await makePricedOffer(market.providerOrg.id, market.seller.id);
    await db.offerPackage.update({ where: { id: pkg.id }, data: { priceVnd: null } });
    expect(await failureOf(order(pkg.id))).toBe("packageNotPriced");
    const own = await makePricedOffer(market.buyerOrg.id, market.buyer.id);
    expect(await failureOf(order(own.pkg.id))).toBe("ownOffer");
  });

  it("charges the price at ordering time when the provider changes it before payment", async () => {
    const { pkg } = await makePricedOffer(market.providerOrg.id, market.seller.id);
    const started = await order(pkg.id);
    await db.offerPackage.update({ where: { id: pkg.id }, data: { priceVnd: 900_000n } });
    const paid = await payAndSettle(stripe.standIn, started.orderId);
    expect(paid.amountPaidVnd).toBe(PACKAGE_PRICE);
    expect(paid.unitPriceVnd).toBe(PACKAGE_PRICE);
    expect(stripe.standIn.sessions.get(paid.checkoutSessionId!)!.amount_total).toBe(500_000);
  });

  it("cancels the order with the reason when Stripe answers 500", async () => {
    const { pkg } = await makePricedOffer(market.providerOrg.id, market.seller.id);
    stripe.standIn.setFault("error500");
    try {
      expect(await failureOf(order(pkg.id))).toBe("providerUnavailable");
    } finally {
      stripe.standIn.setFault("none");
    }
    const saved = await db.order.findFirstOrThrow({ where: { packageId: pkg.id } });
    expect(saved.status).toBe("CANCELLED");
    expect(saved.failureReason).toMatch(/^checkout_unavailable/);
    expect(saved.checkoutSessionId).toBeNull();
  });

  it("cancels the order with the reason when Stripe does not answer in time", async () => {
    const { pkg } = await makePricedOffer(market.providerOrg.id, market.seller.id);
    stripe.standIn.setFault("hang");
    const started = Date.now();
    try {
      expect(await failureOf(order(pkg.id))).toBe("providerUnavailable");
    } finally {
      stripe.standIn.setFault("none");
    }
    expect(Date.now() - started).toBeLessThan(10_000);
    const saved = await db.order.findFirstOrThrow({ where: { packageId: pkg.id } });
    expect(saved).toMatchObject({ status: "CANCELLED", checkoutSessionId: null });
  });

  it("says payments are not set up, and writes nothing, when no Stripe keys are configured", async () => {
    const { offer, pkg } = await makePricedOffer(market.providerOrg.id, market.seller.id);
    const configured = paymentProvider();
    setPaymentProvider(null);
    try {
      expect(await orderingFor(offer.id, market.buyer)).toMatchObject({
        configured: false,
        packages: [{ id: pkg.id, priceVnd: 500_000 }],
      });
      expect(await failureOf(order(pkg.id))).toBe("notConfigured");
    } finally {
      setPaymentProvider(configured ?? createStripeProvider(stripe.standIn.config()));
    }
    expect(await db.order.count({ where: { packageId: pkg.id } })).toBe(0);
    expect(await orderingFor(offer.id, market.buyer)).toMatchObject({
      configured: true,
      organisations: [{ id: market.buyerOrg.id }],
    });
    // The provider's own members are not offered to buy from themselves.
    expect((await orderingFor(offer.id, market.seller)).organisations).toEqual([]);
  });

  it("cancels a pending order when Stripe reports its checkout session expired", async () => {
    const { pkg } = await makePricedOffer(market.providerOrg.id, market.seller.id);
    const started = await order(pkg.id);
    const saved = await db.order.findUniqueOrThrow({ where: { id: started.orderId } });
    await stripe.standIn.expire(saved.checkoutSessionId!);
    await recordPaymentEvent({
      id: `evt_exp_${saved.id}`,
      type: "checkout.session.expired",
      objectId: saved.checkoutSessionId,
      payload: "{}",
    });
    await drainPaymentEvents();
    expect(await db.order.findUniqueOrThrow({ where: { id: saved.id } })).toMatchObject({
      status: "CANCELLED",
      failureReason: "checkout_expired",
    });
  });
});
