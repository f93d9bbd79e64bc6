// Issue 14 part 1, money and membership: order paid, refunded and cancelled
// reach the buyer and the provider; a failed plan renewal reaches the owners;
// an accepted invitation reaches the owners, a role change the member, a
// verification the owners. Each in the reader's language, with the link; an
// unconcerned organisation hears nothing.
import { beforeAll, describe, expect, it } from "vitest";
import { db } from "~/db.server";
import { acceptInvitation } from "~/models/invitation.server";
import { cancelOrder, refundOrder, startOrder } from "~/models/order.server";
import { changeMemberRole, setOrganisationVerified } from "~/models/organisation.server";
import { applySubscriptionEvent, choosePlan } from "~/models/plan.server";
import { addMember, makeUser } from "~/test-support/factories";
import { startTestServer } from "~/test-support/http";
import { expectNotTold, expectTold, speaksEnglish, type Person } from "~/test-support/notice-checks";
import { makeMarket, makePricedOffer, payAndSettle } from "~/test-support/payment-factories";
import { withPlanStandIn } from "~/test-support/plan-stand-in";
import { makeProvider } from "~/test-support/statement-factories";
import { createToken } from "~/utils/token.server";

const stripe = withPlanStandIn();
const server = startTestServer();

let market: Awaited<ReturnType<typeof makeMarket>>;
let buyerColleague: Person, sellerColleague: Person, bystander: Person;

beforeAll(async () => {
  market = await makeMarket();
  buyerColleague = await makeUser({ name: "Buyer Colleague EN" });
  sellerColleague = await makeUser({ name: "Seller Colleague EN" });
  bystander = await makeUser({ name: "Người ngoài cuộc" });
  await makeProvider(bystander.id);
  await addMember(buyerColleague.id, market.buyerOrg.id);
  await addMember(sellerColleague.id, market.providerOrg.id);
  await speaksEnglish(buyerColleague);
  await speaksEnglish(sellerColleague);
});

async function paidOrder() {
  const { offer, pkg } = await makePricedOffer(market.providerOrg.id, market.seller.id, 500_000n, {
    titleEn: "A priced solution",
  });
  const { orderId } = await startOrder({
    userId: market.buyer.id,
    buyerOrganisationId: market.buyerOrg.id,
    packageId: pkg.id,
  });
  return { order: await payAndSettle(stripe.standIn, orderId), offer, pkg };
}

describe("orders", () => {
  it("a paid order reaches the provider's members and, as a receipt, the buyer's, with the amount in each reader's format", async () => {
    const { order, offer, pkg } = await paidOrder();
    expect(order.status).toBe("PAID");
    const link = `/orders/${order.id}`;
    const common = { offer: offer.titleVi, package: pkg.name, id: order.id };
    // English readers are given the offer's English title.
    const english = { ...common, offer: "A priced solution" };
    await expectTold(market.seller, "order.paid", {
      link,
      values: { ...common, buyer: market.buyerOrg.name, amount: "500.000 ₫" },
    });
    await expectTold(sellerColleague, "order.paid", {
      link,
      language: "en",
      values: { ...english, buyer: market.buyerOrg.name, amount: "₫500,000" },
    });
    await expectTold(market.buyer, "order.paid_buyer", {
      link,
      values: { ...common, provider: market.providerOrg.name, amount: "500.000 ₫" },
    });
    await expectTold(buyerColleague, "order.paid_buyer", {
      link,
      language: "en",
      values: { ...english, provider: market.providerOrg.name, amount: "₫500,000" },
    });
    for (const person of [bystander, market.staff]) {
      await expectNotTold(person, "order.paid");
      await expectNotTold(person, "order.paid_buyer");
    }
  });

  it("a refund reaches both sides with the refunded amount", async () => {
    const { order, offer, pkg } = await paidOrder();
    await refundOrder({
      orderId: order.id,
      amountVnd: 200_000n,
      reason: "Giao thiếu một hạng mục",
      actorId: market.staff.id,
    });
    const link = `/orders/${order.id}`;
    const values = { offer: offer.titleVi, package: pkg.name, id: order.id };
    const english = { ...values, offer: "A priced solution" };
    await expectTold(market.buyer, "order.refunded", { link, values: { ...values, amount: "200.000 ₫" } });
    await expectTold(buyerColleague, "order.refunded", {
      link,
      language: "en",
      values: { ...english, amount: "₫200,000" },
    });
    await expectTold(market.seller, "order.refunded", { link, values: { ...values, amount: "200.000 ₫" } });
    await expectTold(sellerColleague, "order.refunded", {
      link,
      language: "en",
      values: { ...english, amount: "₫200,000" },
    });
    await expectNotTold(bystander, "order.refunded");
  });

  it("an unpaid order the buyer cancels reaches the provider's members and the buyer's other members, not the one who cancelled", async () => {
    const { offer, pkg } = await makePricedOffer(market.providerOrg.id, market.seller.id, 300_000n);
    const { orderId } = await startOrder({
      userId: market.buyer.id,
      buyerOrganisationId: market.buyerOrg.id,
      packageId: pkg.id,
    });
    await cancelOrder({ orderId, buyerOrganisationId: market.buyerOrg.id, actorId: market.buyer.id });
    const link = `/orders/${orderId}`;
    await expectTold(market.seller, "order.cancelled", {
      link,
      values: { offer: offer.titleVi, package: pkg.name, buyer: market.buyerOrg.name, id: orderId },
    });
    await expectTold(sellerColleague, "order.cancelled", {
      link,
      language: "en",
      values: { offer: offer.titleVi, package: pkg.name, buyer: market.buyerOrg.name, id: orderId },
    });
    await expectTold(buyerColleague, "order.cancelled_buyer", {
      link,
      language: "en",
      values: { offer: offer.titleVi, package: pkg.name, member: market.buyer.name, id: orderId },
    });
    await expectNotTold(market.buyer, "order.cancelled_buyer");
    await expectNotTold(bystander, "order.cancelled");
  });
});

describe("plans", () => {
  it("a live plan whose renewal fails reaches the owners (in their language), not plain members; a second failed event tells nobody again", async () => {
    const owner = await makeUser({ name: "Plan Owner EN" });
    const organisation = await makeProvider(owner.id, "Công ty Gia hạn");
    const member = await makeUser({ name: "Thành viên thường" });
    await addMember(member.id, organisation.id);
    await speaksEnglish(owner);
    const started = await choosePlan({
      organisationId: organisation.id,
      userId: owner.id,
      tier: "VERIFIED",
      interval: "MONTH",
    });
    expect(started.kind).toBe("checkout");
    const sessionId = (started as { url: string }).url.split("/pay/")[1]!;
    const { subscription } = await stripe.standIn.paySubscription(sessionId, { deliver: false });
    await applySubscriptionEvent(subscription.id, "test");
    expect(await db.planSubscription.findFirstOrThrow({ where: { organisationId: organisation.id } })).toMatchObject({
      status: "ACTIVE",
    });

    await stripe.standIn.changeSubscription(subscription.id, { status: "past_due" }, { deliver: false });
    await applySubscriptionEvent(subscription.id, "invoice.payment_failed");
    await applySubscriptionEvent(subscription.id, "invoice.payment_failed");
    const link = `/orgs/${organisation.id}/plan`;
    await expectTold(owner, "plan.renewal_failed", {
      link,
      language: "en",
      values: { organisation: organisation.name, plan: "Verified" },
    });
    await expectNotTold(member, "plan.renewal_failed");
    await expectNotTold(bystander, "plan.renewal_failed");
  });
});

describe("membership", () => {
  it("an accepted invitation reaches the owners; a role change reaches the member; verification reaches the owners", async () => {
    const owner = await makeUser({ name: "Chủ Tổ chức" });
    const coOwner = await makeUser({ name: "Co-owner EN" });
    const organisation = await makeProvider(owner.id, "Công ty Thành viên Mới");
    await addMember(coOwner.id, organisation.id, "OWNER");
    await speaksEnglish(coOwner);
    const joiner = await makeUser({ name: "Người Mới Vào" });
    const { token, tokenHash } = createToken();
    await db.invitation.create({
      data: {
        organisationId: organisation.id,
        email: joiner.email,
        role: "MEMBER",
        tokenHash,
        invitedById: owner.id,
        expiresAt: new Date(Date.now() + 86_400_000),
      },
    });
    expect((await acceptInvitation(token, joiner)).status).toBe("accepted");
    const orgLink = `/orgs/${organisation.id}`;
    await expectTold(owner, "membership.invitation_accepted", {
      link: orgLink,
      values: { member: joiner.name, organisation: organisation.name },
    });
    await expectTold(coOwner, "membership.invitation_accepted", {
      link: orgLink,
      language: "en",
      values: { member: joiner.name, organisation: organisation.name },
    });
    await expectNotTold(joiner, "membership.invitation_accepted");
    await expectNotTold(bystander, "membership.invitation_accepted");

    // Role change, from the organisation page as an owner would.
    await speaksEnglish(joiner);
    const membership = await db.membership.findFirstOrThrow({
      where: { userId: joiner.id, organisationId: organisation.id },
    });
    const browser = await server.signedIn(owner);
    expect(
      (await browser.post(orgLink, { intent: "change-role", membershipId: membership.id, role: "OWNER" })).status,
    ).toBe(302);
    expect((await db.membership.findUniqueOrThrow({ where: { id: membership.id } })).role).toBe("OWNER");
    await expectTold(joiner, "membership.role_changed", {
      link: orgLink,
      language: "en",
      values: { organisation: organisation.name, role: "Owner" },
    });
    await expectNotTold(owner, "membership.role_changed");
    // The last owner cannot step down, and nobody is told of a change that did not happen.
    const solo = await makeUser();
    const soloOrg = await makeProvider(solo.id);
    const soloMembership = await db.membership.findFirstOrThrow({ where: { userId: solo.id } });
    expect(await changeMemberRole(solo.id, soloOrg.id, soloMembership.id, "MEMBER")).toBe("last-owner");
    await expectNotTold(solo, "membership.role_changed");

    const staff = await makeUser({ role: "STAFF" });
    await setOrganisationVerified(staff.id, organisation.id, true);
    await setOrganisationVerified(staff.id, organisation.id, true);
    for (const person of [owner, joiner])
      await expectTold(person, "organisation.verified", {
        link: orgLink,
        language: person === joiner ? "en" : "vi",
        values: { organisation: organisation.name },
      });
    await expectTold(coOwner, "organisation.verified", {
      link: orgLink,
      language: "en",
      values: { organisation: organisation.name },
    });
    await expectNotTold(bystander, "organisation.verified");
  });
});
