import { describe, expect, it } from "vitest";
import { FEATURED_DAYS, mayPublishAnother, PAID_TIERS, PLAN_PRICES_VND, servicePrice } from "./plans";
import { toStripeAmount } from "./provider.server";

describe("plan and service prices in whole đồng", () => {
  it("sends every plan price to Stripe as the same number of đồng, never ×100", () => {
    expect(toStripeAmount(PLAN_PRICES_VND.VERIFIED.MONTH)).toBe(990_000);
    expect(toStripeAmount(PLAN_PRICES_VND.PREMIUM.YEAR)).toBe(29_900_000);
    for (const tier of PAID_TIERS) {
      for (const interval of ["MONTH", "YEAR"] as const)
        expect(toStripeAmount(PLAN_PRICES_VND[tier][interval])).toBe(Number(PLAN_PRICES_VND[tier][interval]));
    }
  });

  it("prices services in whole đồng: valuation fixed, featured placement per day", () => {
    expect(toStripeAmount(servicePrice("TECHNOLOGY_VALUATION"))).toBe(15_000_000);
    expect(FEATURED_DAYS.map((days) => toStripeAmount(servicePrice("FEATURED_PLACEMENT", days)))).toEqual([
      350_000, 1_500_000, 4_500_000,
    ]);
    expect(() => servicePrice("FEATURED_PLACEMENT", 5)).toThrow(RangeError);
    expect(() => servicePrice("FEATURED_PLACEMENT")).toThrow(RangeError);
  });
});

describe("offer limits", () => {
  it("allows a third offer on Free but not a fourth, fifteen on Verified, any number on Premium", () => {
    expect(mayPublishAnother("FREE", 2)).toBe(true);
    expect(mayPublishAnother("FREE", 3)).toBe(false);
    expect(mayPublishAnother("VERIFIED", 14)).toBe(true);
    expect(mayPublishAnother("VERIFIED", 15)).toBe(false);
    expect(mayPublishAnother("PREMIUM", 10_000)).toBe(true);
  });
});
