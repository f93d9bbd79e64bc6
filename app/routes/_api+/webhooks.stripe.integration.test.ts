// POST /webhooks/stripe: signatures checked on the raw body, each event id
// applied once, and the order's state taken from the provider, not from
// the order in which events happen to arrive.
import { beforeAll, describe, expect, it } from "vitest";
import { db } from "~/db.server";
import { startOrder } from "~/models/order.server";
import { paymentProvider } from "~/payments/provider.server";
import { startTestServer } from "~/test-support/http";
import {
  makeMarket,
  makePricedOffer,
  settleEvents,
  WEBHOOK_SECRET,
  withStripeStandIn,
} from "~/test-support/payment-factories";
import { eventBody, signWebhook } from "~/test-support/stripe-stand-in";

const stripe = withStripeStandIn();
const server = startTestServer();
let market: Awaited<ReturnType<typeof makeMarket>>;

beforeAll(async () => {
  market = await makeMarket();
});

const post = (body: string, signature?: string) =>
  fetch(`${server.baseUrl}/webhooks/stripe`, {
    method: "POST",
    headers: { "Content-Type": "application/json", ...(signature ? { "Stripe-Signature": signature } : {}) },
    body,
  });
const paidAudits = (orderId: string) => db.auditEntry.count({ where: { entityId: orderId, action: "order.paid" } });

async function paidButNotDelivered() {
  const { pkg } = await makePricedOffer(market.providerOrg.id, market.seller.id);
  const { orderId } = await startOrder({
    userId: market.buyer.id,
    buyerOrganisationId: market.buyerOrg.id,
    packageId: pkg.id,
  });
  const order = await db.order.findUniqueOrThrow({ where: { id: orderId } });
  const { session, intent } = await stripe.standIn.pay(order.checkoutSessionId!, { deliver: false });
  return { orderId, session, intent };
}

describe("signature", () => {
  it("refuses a body changed after signing, and stores nothing", async () => {
    const { session } = await paidButNotDelivered();
    const body = eventBody("checkout.session.completed", session);
    const signature = signWebhook(body, WEBHOOK_SECRET);
    const response = await post(body.replace('"livemode":false', '"livemode":true'), signature);
    expect(response.status).toBe(400);
    expect(await db.paymentEvent.count({ where: { objectId: session.id } })).toBe(0);
  });

  it("refuses a missing signature and one made with another secret", async () => {
    const { session } = await paidButNotDelivered();
    const body = eventBody("checkout.session.completed", session);
    expect((await post(body)).status).toBe(400);
    expect((await post(body, signWebhook(body, "whsec_someone_else"))).status).toBe(400);
    expect(await db.paymentEvent.count({ where: { objectId: session.id } })).toBe(0);
  });

  it("refuses a correctly signed event whose timestamp is too old (replay window)", async () => {
    const { session } = await paidButNotDelivered();
    const body = eventBody("checkout.session.completed", session);
    const tenMinutesAgo = Math.floor(Date.now() / 1000) - 600;
    expect((await post(body, signWebhook(body, WEBHOOK_SECRET, tenMinutesAgo))).status).toBe(400);
  });
});

describe("processing", () => {
  it("applies a replayed event once", async () => {
    const { orderId, session } = await paidButNotDelivered();
    const body = eventBody("checkout.session.completed", session);
    const signature = signWebhook(body, WEBHOOK_SECRET);
    const first = await post(body, signature);
    const second = await post(body, signature);
    expect([first.status, second.status]).toEqual([200, 200]);
    expect(await second.json()).toMatchObject({ duplicate: true });
    await settleEvents();
    expect(await db.paymentEvent.count({ where: { objectId: session.id } })).toBe(1);
    expect(await db.order.findUniqueOrThrow({ where: { id: orderId } })).toMatchObject({
      status: "PAID",
      amountPaidVnd: 500_000n,
    });
    expect(await paidAudits(orderId)).toBe(1);
    expect(await db.notification.count({ where: { kind: "order.paid", link: `/orders/${orderId}` } })).toBe(1);
  });

  it("ends paid when payment_intent.succeeded arrives before checkout.session.completed", async () => {
    const { orderId, session, intent } = await paidButNotDelivered();
    const intentBody = eventBody("payment_intent.succeeded", intent);
    expect((await post(intentBody, signWebhook(intentBody, WEBHOOK_SECRET))).status).toBe(200);
    await settleEvents();
    expect(await db.order.findUniqueOrThrow({ where: { id: orderId } })).toMatchObject({
      status: "PAID",
      paymentIntentId: intent.id,
      amountPaidVnd: 500_000n,
    });
    const sessionBody = eventBody("checkout.session.completed", session);
    expect((await post(sessionBody, signWebhook(sessionBody, WEBHOOK_SECRET))).status).toBe(200);
    await settleEvents();
    expect(await db.order.findUniqueOrThrow({ where: { id: orderId } })).toMatchObject({
      status: "PAID",
      paymentIntentId: intent.id,
    });
    expect(await paidAudits(orderId)).toBe(1);
  });

  it("does not trust the event's copy: a stale 'open' session in the body still ends paid", async () => {
    const { orderId, session } = await paidButNotDelivered();
    const stale = { ...session, status: "open", payment_status: "unpaid", amount_total: 1 };
    const body = eventBody("checkout.session.completed", stale);
    await post(body, signWebhook(body, WEBHOOK_SECRET));
    await settleEvents();
    expect(await db.order.findUniqueOrThrow({ where: { id: orderId } })).toMatchObject({
      status: "PAID",
      amountPaidVnd: 500_000n,
    });
  });

  it("answers 200 for a session with no order here, and changes nothing", async () => {
    const session = await paymentProvider()!.createCheckoutSession({
      kind: "payment",
      lineItems: [{ name: "Không thuộc Sàn", unitAmountVnd: 100_000n, quantity: 1 }],
      metadata: { orderId: "order-that-does-not-exist" },
      successUrl: "http://localhost/x",
      cancelUrl: "http://localhost/y",
      idempotencyKey: "stray-1",
    });
    const { session: paid } = await stripe.standIn.pay(session.id, { deliver: false });
    const ordersBefore = await db.order.findMany({ select: { id: true, status: true, updatedAt: true } });
    const body = eventBody("checkout.session.completed", paid);
    expect((await post(body, signWebhook(body, WEBHOOK_SECRET))).status).toBe(200);
    await settleEvents();
    expect(await db.paymentEvent.findFirstOrThrow({ where: { objectId: session.id } })).toMatchObject({
      lastError: null,
    });
    expect(await db.order.findMany({ select: { id: true, status: true, updatedAt: true } })).toEqual(ordersBefore);
  });

  it("retries an event with a delay while Stripe cannot be reached to re-fetch, then applies it", async () => {
    const { orderId, session } = await paidButNotDelivered();
    const body = eventBody("checkout.session.completed", session);
    stripe.standIn.setFault("error500");
    try {
      expect((await post(body, signWebhook(body, WEBHOOK_SECRET))).status).toBe(200);
      await expect(settleEvents(300)).rejects.toThrow(/unprocessed/);
    } finally {
      stripe.standIn.setFault("none");
    }
    const event = await db.paymentEvent.findFirstOrThrow({ where: { objectId: session.id } });
    expect(event.lastError).toBeTruthy();
    expect(event.availableAt.getTime()).toBeGreaterThan(Date.now());
    expect((await db.order.findUniqueOrThrow({ where: { id: orderId } })).status).toBe("PENDING");
    await db.paymentEvent.update({ where: { id: event.id }, data: { availableAt: new Date() } });
    await settleEvents();
    expect((await db.order.findUniqueOrThrow({ where: { id: orderId } })).status).toBe("PAID");
  });
});
