// A buyer organisation, a provider with a published offer whose one
// package costs 500.000 ₫, and the Stripe stand-in wired to the app.
import { randomInt, randomUUID } from "node:crypto";
import { afterAll, beforeAll, expect } from "vitest";
import { db } from "~/db.server";
import { drainPaymentEvents, recordPaymentEvent } from "~/models/payment-events.server";
import { createStripeProvider, setPaymentProvider } from "~/payments/provider.server";
import { makeUser, TEST_PASSWORD } from "./factories";
import { startTestServer, type TestBrowser } from "./http";
import { makeOffer, makeTerms } from "./offer-factories";
import { startStripeStandIn, type StripeStandIn } from "./stripe-stand-in";
import { makeAgency, makeProvider } from "./statement-factories";

export const WEBHOOK_SECRET = "whsec_test_stand_in_secret";
export const PACKAGE_PRICE = 500_000n;

// Starts the stand-in and points this process's models at it (timeouts
// short so a hanging stand-in is a quick test). `webhookUrl` is for tests
// that also run the built server.
export function withStripeStandIn(options: { webhookUrl?: () => string } = {}) {
  const state = { standIn: null as StripeStandIn | null };
  beforeAll(async () => {
    state.standIn = await startStripeStandIn({ webhookSecret: WEBHOOK_SECRET, webhookUrl: options.webhookUrl });
    setPaymentProvider(createStripeProvider(state.standIn.config(1_500)));
    // For the built server, which reads its environment when startTestServer() loads it (after this hook).
    Object.assign(process.env, {
      STRIPE_SECRET_KEY: "sk_test_stand_in",
      STRIPE_WEBHOOK_SECRET: WEBHOOK_SECRET,
      STRIPE_API_HOST: "127.0.0.1",
      STRIPE_API_PORT: String(state.standIn.port),
      STRIPE_API_PROTOCOL: "http",
    });
  });
  afterAll(async () => {
    setPaymentProvider(null);
    await state.standIn?.stop();
  });
  return {
    get standIn() {
      return state.standIn!;
    },
  };
}

// A random, well-formed mã số thuế (unique per organisation in the database).
export const makeTaxCode = () => String(randomInt(1_000_000_000, 10_000_000_000));

// Both sides have a tax code and an address, as a receipt needs; a test of
// the review step asking for them uses an organisation without.
export async function makeMarket() {
  const buyer = await makeUser({ name: "Trần Văn Mua" });
  const buyerOrg = await db.organisation.update({
    where: { id: (await makeAgency(buyer.id)).id },
    data: { taxCode: makeTaxCode(), address: "12 Lê Lai, Hoàn Kiếm, Hà Nội" },
  });
  const seller = await makeUser({ name: "Lê Thị Bán" });
  const providerOrg = await db.organisation.update({
    where: { id: (await makeProvider(seller.id)).id },
    data: { taxCode: makeTaxCode(), address: "1 Đại Cồ Việt, Hai Bà Trưng, Hà Nội" },
  });
  const staff = await makeUser({ role: "STAFF" });
  return { buyer, buyerOrg, seller, providerOrg, staff };
}

export async function makePricedOffer(
  providerOrgId: string,
  actorId: string,
  priceVnd = PACKAGE_PRICE,
  options: { titleEn?: string } = {},
) {
  const offer = await makeOffer(providerOrgId, actorId, await makeTerms(), { status: "PUBLISHED", ...options });
  const pkg = await db.offerPackage.findFirstOrThrow({ where: { offerId: offer.id } });
  await db.offerPackage.update({ where: { id: pkg.id }, data: { priceVnd } });
  return { offer, pkg };
}

/** Pays on the stand-in and applies both resulting events in this process. */
export async function payAndSettle(standIn: StripeStandIn, orderId: string) {
  const order = await db.order.findUniqueOrThrow({ where: { id: orderId } });
  const { session, intent } = await standIn.pay(order.checkoutSessionId!);
  await recordPaymentEvent({
    id: `evt_cs_${session.id}`,
    type: "checkout.session.completed",
    objectId: session.id,
    payload: "{}",
  });
  await recordPaymentEvent({
    id: `evt_pi_${intent.id}`,
    type: "payment_intent.succeeded",
    objectId: intent.id,
    payload: "{}",
  });
  await drainPaymentEvents();
  return db.order.findUniqueOrThrow({ where: { id: orderId } });
}

/** Waits until the webhook worker (here or in the server) has applied, or given up on, every stored event. */
export async function settleEvents(timeoutMs = 5_000) {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    await drainPaymentEvents();
    const open = await db.paymentEvent.count({ where: { processedAt: null, deadLetteredAt: null } });
    if (open === 0) return;
    if (Date.now() > deadline) throw new Error(`${open} payment events still unprocessed`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

/**
 * A signed-in buyer orders a package over HTTP (a freshly rendered form, so
 * its own order key), pays on the stand-in's page, and the signed webhook is
 * applied: the paid order, as the buyer left it.
 */
export async function orderAndPayOverHttp(
  browser: TestBrowser,
  standIn: StripeStandIn,
  order: { packageId: string; organisationId: string; returnTo: string },
) {
  const started = await browser.post("/orders/new", { ...order, orderKey: randomUUID() });
  expect(started.status).toBe(303);
  expect(started.location!.startsWith(`${standIn.baseUrl}/pay/`)).toBe(true);
  const checkoutPage = await fetch(started.location!);
  expect(await checkoutPage.text()).toContain("Thanh toán 500000 VND");
  const paid = await fetch(started.location!, { method: "POST", redirect: "manual" });
  expect(paid.status).toBe(303);
  await settleEvents();
  return db.order.findFirstOrThrow({ where: { checkoutSessionId: started.location!.split("/pay/")[1] } });
}

/**
 * A market (makeMarket) and the provider's priced offer, made by a beforeAll
 * hook. The objects are returned at once and filled in place by the hook, so
 * a test file can destructure them at load and read them inside its tests.
 */
export function withPricedMarket() {
  const market = {} as Awaited<ReturnType<typeof makeMarket>>;
  const offer = {} as Awaited<ReturnType<typeof makePricedOffer>>;
  beforeAll(async () => {
    Object.assign(market, await makeMarket());
    Object.assign(offer, await makePricedOffer(market.providerOrg.id, market.seller.id));
  });
  return { market, offer };
}

/**
 * What the order pages' HTTP tests share: the stand-in, the built server
 * wired to its webhook, withPricedMarket(), the market's buyer in a browser
 * (returned at once, signed in by a hook), and `orderAndPay` for a paid order
 * of the offer.
 */
export function withOrderingServer() {
  // The stand-in first: the server reads its Stripe settings when it starts.
  const stripe = withStripeStandIn({ webhookUrl: () => `${server.baseUrl}/webhooks/stripe` });
  const server = startTestServer();
  const { market, offer } = withPricedMarket();
  const buyer = server.browser();
  beforeAll(async () => {
    await buyer.signIn(market.buyer.email, TEST_PASSWORD);
  });
  const orderAndPay = () =>
    orderAndPayOverHttp(buyer, stripe.standIn, {
      packageId: offer.pkg.id,
      organisationId: market.buyerOrg.id,
      returnTo: `/offers/${offer.offer.slug}`,
    });
  return { stripe, server, market, offer, buyer, orderAndPay };
}
