// An organisation on a paid plan without going through Checkout, for tests
// (and benchmarks) about something else that publish more offers than the
// Free plan allows.
import { randomUUID } from "node:crypto";
import { db } from "~/db.server";
import { PLAN_PRICES_VND, type PaidTier } from "~/payments/plans";
import { makeUser } from "./factories";
import { makeOffer, makeTerms } from "./offer-factories";
import { makeProvider } from "./statement-factories";

export async function givePlan(organisationId: string, tier: PaidTier = "PREMIUM") {
  return db.planSubscription.create({
    data: {
      organisationId,
      tier,
      interval: "YEAR",
      status: "ACTIVE",
      amountVnd: PLAN_PRICES_VND[tier].YEAR,
      providerSubscriptionId: `sub_test_${organisationId}_${Date.now()}`,
      currentPeriodEnd: new Date(Date.now() + 365 * 86_400_000),
    },
  });
}

/** A provider organisation with an owner and a plain member. */
export async function makeProviderTeam() {
  const owner = await makeUser({ name: "Phạm Chủ Sở Hữu" });
  const organisation = await makeProvider(owner.id);
  const member = await makeUser({ name: "Đỗ Thành Viên" });
  await db.membership.create({ data: { userId: member.id, organisationId: organisation.id, role: "MEMBER" } });
  return { owner, member, organisation };
}

export async function publishedOffers(organisationId: string, actorId: string, count: number) {
  const terms = await makeTerms();
  const offers = [];
  for (let i = 0; i < count; i++)
    offers.push(
      await makeOffer(organisationId, actorId, terms, {
        status: "PUBLISHED",
        title: `Giải pháp số ${i + 1} ${randomUUID().slice(0, 4)}`,
      }),
    );
  return offers;
}
