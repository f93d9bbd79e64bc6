// What each provider plan allows and costs, and the one-off services the
// platform sells. Client-safe (no env, no database): the pages show it, the
// models enforce it. Amounts are whole đồng; VND has no minor unit, so
// 990000 is 990.000 ₫ everywhere, Stripe included.

export const PLAN_TIERS = ["FREE", "VERIFIED", "PREMIUM"] as const;
export type PlanTierName = (typeof PLAN_TIERS)[number];
export const PAID_TIERS = ["VERIFIED", "PREMIUM"] as const;
export type PaidTier = (typeof PAID_TIERS)[number];
export const BILLING_INTERVALS = ["MONTH", "YEAR"] as const;
export type Interval = (typeof BILLING_INTERVALS)[number];

export type PlanLimits = {
  /** Offers that may be published (or waiting for review) at once; null is unlimited. */
  maxPublishedOffers: number | null;
  /** Whether the provider may buy featured placement. */
  featuredPlacement: boolean;
  /** Offers a plan may feature at once at no charge (30 days at a time). */
  featuredIncluded: number;
  /** Staff may show the "verified provider" badge once they have checked the organisation. */
  verifiedBadge: boolean;
};

export const PLAN_LIMITS: Record<PlanTierName, PlanLimits> = {
  FREE: { maxPublishedOffers: 3, featuredPlacement: false, featuredIncluded: 0, verifiedBadge: false },
  VERIFIED: { maxPublishedOffers: 15, featuredPlacement: true, featuredIncluded: 0, verifiedBadge: true },
  PREMIUM: { maxPublishedOffers: null, featuredPlacement: true, featuredIncluded: 2, verifiedBadge: true },
};

export const PLAN_PRICES_VND: Record<PaidTier, Record<Interval, bigint>> = {
  VERIFIED: { MONTH: 990_000n, YEAR: 9_900_000n },
  PREMIUM: { MONTH: 2_990_000n, YEAR: 29_900_000n },
};

/** The environment variable holding the Stripe Price id of each paid plan. */
export const PRICE_ENV: Record<PaidTier, Record<Interval, string>> = {
  VERIFIED: { MONTH: "STRIPE_PRICE_VERIFIED_MONTHLY", YEAR: "STRIPE_PRICE_VERIFIED_YEARLY" },
  PREMIUM: { MONTH: "STRIPE_PRICE_PREMIUM_MONTHLY", YEAR: "STRIPE_PRICE_PREMIUM_YEARLY" },
};

export const INCLUDED_FEATURED_DAYS = 30;

export const SERVICE_KINDS = ["TECHNOLOGY_VALUATION", "FEATURED_PLACEMENT"] as const;
export type ServiceKind = (typeof SERVICE_KINDS)[number];
export const VALUATION_PRICE_VND = 15_000_000n;
export const FEATURED_DAY_PRICE_VND = 50_000n;
export const FEATURED_DAYS = [7, 30, 90] as const;
export type FeaturedDays = (typeof FEATURED_DAYS)[number];

export function servicePrice(kind: ServiceKind, days?: number): bigint {
  if (kind === "TECHNOLOGY_VALUATION") return VALUATION_PRICE_VND;
  if (!days || !(FEATURED_DAYS as readonly number[]).includes(days))
    throw new RangeError(`featured placement is sold for ${FEATURED_DAYS.join("/")} days, not ${days}`);
  return FEATURED_DAY_PRICE_VND * BigInt(days);
}

export function limitsFor(tier: PlanTierName): PlanLimits {
  return PLAN_LIMITS[tier];
}

/** Whether one more offer may be published given how many already are (or wait for review). */
export function mayPublishAnother(tier: PlanTierName, inUse: number): boolean {
  const max = PLAN_LIMITS[tier].maxPublishedOffers;
  return max === null || inUse < max;
}
