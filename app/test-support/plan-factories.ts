// An organisation on a paid plan without going through Checkout, for tests
// (and benchmarks) about something else that publish more offers than the
// Free plan allows.
import { db } from "~/db.server";
import { PLAN_PRICES_VND, type PaidTier } from "~/payments/plans";

export async function givePlan(organisationId: string, tier: PaidTier = "PREMIUM") {
  return db.planSubscription.create({
    data: {
      organisationId, tier, interval: "YEAR", status: "ACTIVE", amountVnd: PLAN_PRICES_VND[tier].YEAR,
      providerSubscriptionId: `sub_test_${organisationId}_${Date.now()}`, currentPeriodEnd: new Date(Date.now() + 365 * 86_400_000),
    },
  });
}
