// The server as `npm start` runs it without DEMO_TEST_PAYMENTS and without
// Stripe keys: no stand-in starts and money pages say payments are off; the
// switch beside Stripe keys stops the boot. With the switch:
// demo-payments.integration.test.ts.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { OFF_BANNER_VI, signedIn, startServerEntry, TEST_BANNER_VI, type Running } from "~/test-support/demo-server";
import { visibleText } from "~/test-support/http";
import { withPricedMarket } from "~/test-support/payment-factories";

const { market, offer } = withPricedMarket();

describe("without the switch and without Stripe keys", () => {
  let plain: Running;

  beforeAll(async () => {
    plain = await startServerEntry({});
  });
  afterAll(async () => {
    await plain?.stop();
  });

  it("starts no stand-in, and money pages say plainly that payments are off", async () => {
    expect(plain.output()).not.toContain("TEST PAYMENTS");
    // Nothing listens where the demo's stand-in would (PORT + 1).
    await expect(fetch(`http://127.0.0.1:${plain.port + 1}/v1/checkout/sessions/cs_x`)).rejects.toThrow();

    const buyer = await signedIn(plain.base, market.buyer);
    const offerPage = await buyer.get(`/offers/${offer.offer.slug}`);
    expect(visibleText(offerPage.text)).toContain("Thanh toán trực tuyến chưa được thiết lập trên Sàn");
    expect(offerPage.text).not.toContain('action="/orders/new"');
    expect(offerPage.headers.get("content-security-policy")).toContain("form-action 'self';");
    const ordered = await buyer.post("/orders/new", {
      packageId: offer.pkg.id,
      organisationId: market.buyerOrg.id,
      orderKey: crypto.randomUUID(),
      returnTo: "/",
    });
    expect(ordered.status).toBe(503);

    const staff = await signedIn(plain.base, market.staff);
    const seller = await signedIn(plain.base, market.seller);
    for (const [browser, path] of [
      [buyer, "/orders"],
      [staff, "/staff/ledger"],
      [staff, "/staff/services"],
      [seller, `/orgs/${market.providerOrg.id}/orders`],
    ] as const) {
      const text = visibleText((await browser.get(path)).text);
      expect(text, path).toContain(OFF_BANNER_VI);
      expect(text, path).not.toContain(TEST_BANNER_VI);
    }
    for (const path of [`/orgs/${market.providerOrg.id}/plan`, `/orgs/${market.providerOrg.id}/services`]) {
      const text = visibleText((await seller.get(path)).text);
      expect(text, path).toContain("Thanh toán trực tuyến chưa được thiết lập trên Sàn");
      expect(text, path).not.toContain(TEST_BANNER_VI);
    }
  });

  it("refuses to boot with the switch beside Stripe keys", async () => {
    await expect(
      startServerEntry({
        DEMO_TEST_PAYMENTS: "true",
        STRIPE_SECRET_KEY: "sk_live_51Hdemo",
        STRIPE_WEBHOOK_SECRET: "whsec_live",
      }),
    ).rejects.toThrow(/DEMO_TEST_PAYMENTS[\s\S]*STRIPE_SECRET_KEY/);
  });
});
