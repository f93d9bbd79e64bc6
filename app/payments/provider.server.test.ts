import { describe, expect, it } from "vitest";
import { checkoutOrigins } from "./checkout-origins";
import { feeFor } from "~/models/order.server";
import { toStripeAmount } from "./provider.server";

describe("amounts in whole đồng", () => {
  it("sends 500.000 ₫ as 500000, not ×100", () => {
    expect(toStripeAmount(500_000n)).toBe(500_000);
    expect(toStripeAmount(1n)).toBe(1);
  });

  it("refuses zero, negative and amounts a JavaScript number cannot hold exactly", () => {
    expect(() => toStripeAmount(0n)).toThrow(RangeError);
    expect(() => toStripeAmount(-5n)).toThrow(RangeError);
    expect(() => toStripeAmount(2n ** 53n + 1n)).toThrow(RangeError);
  });

  it("takes the platform fee in whole đồng, rounding down", () => {
    expect(feeFor(1_234_567n, 10)).toBe(123_456n);
    expect(feeFor(999n, 0)).toBe(0n);
    expect(feeFor(250_000n, 7)).toBe(17_500n);
  });
});

describe("checkout origins allowed as form targets", () => {
  it("is none without payments, Stripe's page with them, the stand-in when pointed at one", () => {
    expect(checkoutOrigins({})).toEqual([]);
    expect(checkoutOrigins({ STRIPE_SECRET_KEY: "sk_test_x" })).toEqual(["https://checkout.stripe.com"]);
    expect(
      checkoutOrigins({
        STRIPE_SECRET_KEY: "sk_test_x",
        STRIPE_API_HOST: "127.0.0.1",
        STRIPE_API_PORT: 12111,
        STRIPE_API_PROTOCOL: "http",
      }),
    ).toEqual(["http://127.0.0.1:12111"]);
  });

  it("allows the demo stand-in's loopback page only in test-payment mode", () => {
    expect(checkoutOrigins({ DEMO_TEST_PAYMENTS: "true", PORT: 3000 })).toEqual(["http://127.0.0.1:3001"]);
    expect(checkoutOrigins({ DEMO_TEST_PAYMENTS: "true", PORT: 3000, STRIPE_API_PORT: 4555 })).toEqual([
      "http://127.0.0.1:4555",
    ]);
    expect(checkoutOrigins({ DEMO_TEST_PAYMENTS: "false", PORT: 3000 })).toEqual([]);
  });
});
