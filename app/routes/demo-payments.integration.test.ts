// The demo's test payments, as `npm start` runs them: the real server entry
// with DEMO_TEST_PAYMENTS=true starts the loopback Stripe stand-in; a buyer
// orders on the offer page, opens the stand-in's checkout page, presses
// "Pay (test)", and the signed webhook marks the order paid. Every money page
// says no real money moves. Without the switch: demo-payments.off.integration.test.ts.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { db } from "~/db.server";
import { startOrder } from "~/models/order.server";
import { createStripeProvider, setPaymentProvider } from "~/payments/provider.server";
import { freeLoopbackPort } from "~/test-support/app-process";
import {
  OFF_BANNER_VI,
  signedIn,
  startServerEntry,
  TEST_BANNER_EN,
  TEST_BANNER_VI,
  type Running,
} from "~/test-support/demo-server";
import { inputValue, TestBrowser, visibleText } from "~/test-support/http";
import { payAndSettle, withPricedMarket } from "~/test-support/payment-factories";
import { startStripeStandIn } from "~/test-support/stripe-stand-in";

async function until(check: () => Promise<boolean>, what: string, timeoutMs = 10_000) {
  const deadline = Date.now() + timeoutMs;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

const { market, offer } = withPricedMarket();

describe("npm start's test payments (DEMO_TEST_PAYMENTS=true, no Stripe keys)", () => {
  let demo: Running;
  let standInPort: number;
  let paidElsewhereId: string;

  beforeAll(async () => {
    // An order paid on another stand-in that is gone by now, as the seed's
    // orders are (prisma/seed-market.ts): the demo's stand-in never saw its payment.
    const seedStandIn = await startStripeStandIn({ webhookSecret: "whsec_seed_elsewhere" });
    setPaymentProvider(createStripeProvider(seedStandIn.config(2_000)));
    try {
      const started = await startOrder({
        userId: market.buyer.id,
        buyerOrganisationId: market.buyerOrg.id,
        packageId: offer.pkg.id,
      });
      const paid = await payAndSettle(seedStandIn, started.orderId);
      expect(paid.status).toBe("PAID");
      paidElsewhereId = paid.id;
    } finally {
      setPaymentProvider(null);
      await seedStandIn.stop();
    }
    standInPort = await freeLoopbackPort();
    demo = await startServerEntry({ DEMO_TEST_PAYMENTS: "true", STRIPE_API_PORT: String(standInPort) });
  });
  afterAll(async () => {
    await demo?.stop();
  });

  it("lets a buyer order on the offer page, pay on the stand-in's test page, and the signed webhook marks the order paid", async () => {
    expect(demo.output()).toContain("TEST PAYMENTS");
    const buyer = await signedIn(demo.base, market.buyer);
    const offerPage = await buyer.get(`/offers/${offer.offer.slug}`);
    expect(visibleText(offerPage.text)).toContain(TEST_BANNER_VI);
    // The browser may follow the order form's redirect to the stand-in's page, and only there.
    expect(offerPage.headers.get("content-security-policy")).toContain(
      `form-action 'self' http://127.0.0.1:${standInPort};`,
    );

    const review = await buyer.get(`/orders/new?package=${offer.pkg.id}`);
    expect(visibleText(review.text)).toContain(TEST_BANNER_VI);
    const started = await buyer.post("/orders/new", {
      packageId: offer.pkg.id,
      organisationId: market.buyerOrg.id,
      orderKey: inputValue(review.text, "orderKey")!,
      returnTo: `/offers/${offer.offer.slug}`,
    });
    expect(started.status).toBe(303);
    expect(started.location).toMatch(new RegExp(`^http://127\\.0\\.0\\.1:${standInPort}/pay/cs_test_\\w+$`));
    const sessionId = started.location!.split("/pay/")[1]!;
    const order = await db.order.findFirstOrThrow({ where: { checkoutSessionId: sessionId } });
    expect(order.status).toBe("PENDING");

    const checkoutPage = visibleText(await (await fetch(started.location!)).text());
    expect(checkoutPage).toContain(TEST_BANNER_VI);
    expect(checkoutPage).toContain(TEST_BANNER_EN);
    expect(checkoutPage).toContain("Thanh toán thử / Pay (test)");
    expect(checkoutPage).toContain("500.000 ₫");

    // A webhook not signed with the demo's secret is refused.
    const forged = await fetch(`${demo.base}/webhooks/stripe`, {
      method: "POST",
      headers: { "Content-Type": "application/json", "Stripe-Signature": "t=1,v1=00" },
      body: JSON.stringify({
        id: "evt_forged",
        object: "event",
        type: "checkout.session.completed",
        data: { object: { id: sessionId } },
      }),
    });
    expect(forged.status).toBe(400);

    // "Thanh toán thử / Pay (test)".
    const paid = await fetch(started.location!, { method: "POST", redirect: "manual" });
    expect(paid.status).toBe(303);
    const success = new URL(paid.headers.get("location")!);
    expect(`${success.origin}${success.pathname}${success.search}`).toBe(
      `${demo.base}/orders/${order.id}?checkout=success`,
    );
    await until(
      async () => (await db.order.findUniqueOrThrow({ where: { id: order.id } })).status === "PAID",
      "the order to be paid",
    );
    const event = await db.paymentEvent.findFirstOrThrow({
      where: { type: "checkout.session.completed", objectId: sessionId },
    });
    expect(event.processedAt).not.toBeNull();
    expect(await db.order.findUniqueOrThrow({ where: { id: order.id } })).toMatchObject({ amountPaidVnd: 500_000n });

    const receipt = visibleText((await buyer.get(`${success.pathname}${success.search}`)).text);
    expect(receipt).toContain("Đã thanh toán");
    expect(receipt).toContain(TEST_BANNER_VI);

    // Pressing Pay again (the back button) pays nothing twice.
    const again = await fetch(started.location!, { method: "POST", redirect: "manual" });
    expect(again.status).toBe(303);
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(await db.paymentEvent.count({ where: { type: "checkout.session.completed", objectId: sessionId } })).toBe(1);
  });

  it("shows the test-payments banner on every page that touches money, Vietnamese first and English when chosen", async () => {
    const buyer = await signedIn(demo.base, market.buyer);
    const seller = await signedIn(demo.base, market.seller);
    const staff = await signedIn(demo.base, market.staff);
    const pages: [TestBrowser, string][] = [
      [new TestBrowser(() => demo.base), `/offers/${offer.offer.slug}`],
      [buyer, "/orders"],
      [buyer, `/orders/${paidElsewhereId}`],
      [seller, `/orgs/${market.providerOrg.id}/orders`],
      [seller, `/orgs/${market.providerOrg.id}/plan`],
      [seller, `/orgs/${market.providerOrg.id}/services`],
      [staff, "/staff/ledger"],
      [staff, "/staff/services"],
    ];
    for (const [browser, path] of pages) {
      const page = await browser.get(path);
      expect(page.status, path).toBe(200);
      expect(visibleText(page.text), path).toContain(TEST_BANNER_VI);
      expect(visibleText(page.text), path).not.toContain(OFF_BANNER_VI);
    }
    // Pages without money say nothing about payments.
    expect(visibleText((await buyer.get("/")).text)).not.toContain(TEST_BANNER_VI);
    // The plans can be bought in the demo too: their prices are the stand-in's.
    expect(visibleText((await seller.get(`/orgs/${market.providerOrg.id}/plan`)).text)).not.toContain(
      "chưa được thiết lập",
    );

    const english = await signedIn(demo.base, market.buyer, "en");
    expect(visibleText((await english.get("/orders")).text)).toContain(TEST_BANNER_EN);
    expect(
      visibleText((await new TestBrowser(() => demo.base, "en").get(`/offers/${offer.offer.slug}`)).text),
    ).toContain(TEST_BANNER_EN);
  });

  it("refunds an order the demo's stand-in never saw paid (the seed's orders, or any before a restart)", async () => {
    const staff = await signedIn(demo.base, market.staff);
    const done = await staff.post(`/orders/${paidElsewhereId}`, {
      intent: "refund",
      amountVnd: "500000",
      reason: "Hoàn tiền thử trong bản trình diễn",
    });
    expect(done.status).toBe(302);
    const refunded = await db.order.findUniqueOrThrow({ where: { id: paidElsewhereId }, include: { refunds: true } });
    expect(refunded).toMatchObject({ status: "REFUNDED", amountRefundedVnd: 500_000n });
    expect(refunded.refunds.map((r) => r.status)).toEqual(["SUCCEEDED"]);
  });
});
