// Provider plans through Stripe Checkout in subscription mode: the owner
// upgrades on the (stand-in) Stripe page, the signed webhook makes the plan
// active and the offer limit rises; events out of order or replayed end in
// Stripe's state, once; cancelling keeps the period paid; the Free limit
// stops a fourth offer with a message naming the plan.
import { beforeAll, describe, expect, it } from "vitest";
import { db } from "~/db.server";
import { choosePlan } from "~/models/plan.server";
import { startTestServer, visibleText, type TestBrowser } from "~/test-support/http";
import { settleEvents, WEBHOOK_SECRET } from "~/test-support/payment-factories";
import { givePlan, makeProviderTeam, publishedOffers } from "~/test-support/plan-factories";
import { withPlanStandIn } from "~/test-support/plan-stand-in";
import { makeOffer, makeTerms } from "~/test-support/offer-factories";
import { makeUser } from "~/test-support/factories";
import { makeAgency } from "~/test-support/statement-factories";
import { eventBody, signWebhook } from "~/test-support/stripe-stand-in";

// The stand-in first: the server reads its Stripe settings when it starts.
const stripe = withPlanStandIn({ webhookUrl: () => `${server.baseUrl}/webhooks/stripe` });
const server = startTestServer();

type Team = Awaited<ReturnType<typeof makeProviderTeam>>;
const planPath = (team: Team) => `/orgs/${team.organisation.id}/plan`;
const choose = (browser: TestBrowser, team: Team, tier: string, interval: string) =>
  browser.post(planPath(team), { intent: "choose", tier, interval });
const postEvent = (body: string) =>
  fetch(`${server.baseUrl}/webhooks/stripe`, {
    method: "POST",
    headers: { "Content-Type": "application/json", "Stripe-Signature": signWebhook(body, WEBHOOK_SECRET) },
    body,
  });
const planAudits = (organisationId: string) =>
  db.planSubscription
    .findMany({ where: { organisationId }, select: { id: true } })
    .then((rows) =>
      db.auditEntry.count({ where: { entityId: { in: rows.map((r) => r.id) }, action: { startsWith: "plan.sync" } } }),
    );

async function startCheckout(team: Team, tier = "VERIFIED", interval = "MONTH") {
  const owner = await server.signedIn(team.owner);
  const started = await choose(owner, team, tier, interval);
  expect(started.status).toBe(303);
  expect(started.location!.startsWith(`${stripe.standIn.baseUrl}/pay/`)).toBe(true);
  return { owner, sessionId: started.location!.split("/pay/")[1]!, checkoutUrl: started.location! };
}

describe("upgrading", () => {
  let team: Team;
  beforeAll(async () => {
    team = await makeProviderTeam();
    await publishedOffers(team.organisation.id, team.owner.id, 3);
  });

  it("goes owner → Stripe subscription page → signed webhook → Verified active, and the offer limit rises to 15", async () => {
    const { owner, sessionId, checkoutUrl } = await startCheckout(team);
    const create = stripe.standIn.requests.find(
      (r) => r.path === "/v1/checkout/sessions" && r.params.get("metadata[organisationId]") === team.organisation.id,
    )!;
    expect(create.params.get("mode")).toBe("subscription");
    expect(create.params.get("line_items[0][price]")).toBe("price_verified_monthly");
    expect(create.idempotencyKey).toMatch(/^plan-.+-checkout$/);
    // The Price holds 990.000 ₫ as 990000: whole đồng, never ×100.
    expect(stripe.standIn.sessions.get(sessionId)!.amount_total).toBe(990_000);
    expect(await (await fetch(checkoutUrl)).text()).toContain("Thanh toán 990000 VND");

    const paid = await fetch(checkoutUrl, { method: "POST", redirect: "manual" });
    expect(paid.headers.get("location")).toContain(`${planPath(team)}?checkout=success`);
    await settleEvents();
    const row = await db.planSubscription.findFirstOrThrow({ where: { organisationId: team.organisation.id } });
    expect(row).toMatchObject({
      tier: "VERIFIED",
      interval: "MONTH",
      status: "ACTIVE",
      amountVnd: 990_000n,
      cancelAtPeriodEnd: false,
    });
    expect(row.currentPeriodEnd!.getTime()).toBeGreaterThan(Date.now() + 25 * 86_400_000);

    const page = visibleText((await owner.get(planPath(team))).text);
    expect(page).toContain("Tổ chức đang dùng gói Xác thực.");
    expect(page).toContain("Giải pháp công khai hoặc chờ duyệt: 3/15");
    expect(page).toMatch(/990\.000\s₫ mỗi tháng Đang hoạt động/);
  });

  it("switches a live plan to Premium yearly by changing the subscription's price, not a second subscription", async () => {
    const owner = await server.signedIn(team.owner);
    const switched = await choose(owner, team, "PREMIUM", "YEAR");
    expect(switched.status).toBe(302);
    const rows = await db.planSubscription.findMany({
      where: { organisationId: team.organisation.id, status: { in: ["ACTIVE", "INCOMPLETE"] } },
    });
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({ tier: "PREMIUM", interval: "YEAR", amountVnd: 29_900_000n });
    expect(stripe.standIn.subscriptions.get(rows[0]!.providerSubscriptionId!)!.items.data[0]!.price.id).toBe(
      "price_premium_yearly",
    );
    expect(visibleText((await owner.get(planPath(team))).text)).toContain(
      "Giải pháp công khai hoặc chờ duyệt: 3 (không giới hạn)",
    );

    const again = await choose(owner, team, "PREMIUM", "YEAR");
    expect(again.status).toBe(400);
    expect(visibleText(again.text)).toContain("Tổ chức đã đang dùng gói này với kỳ thanh toán này.");
  });

  it("cancels at the end of the period paid, then Stripe ending it returns the organisation to Free", async () => {
    const owner = await server.signedIn(team.owner);
    expect((await owner.post(planPath(team), { intent: "cancel" })).status).toBe(302);
    const row = await db.planSubscription.findFirstOrThrow({
      where: { organisationId: team.organisation.id, status: "ACTIVE" },
    });
    expect(row.cancelAtPeriodEnd).toBe(true);
    expect(stripe.standIn.subscriptions.get(row.providerSubscriptionId!)!.cancel_at_period_end).toBe(true);
    expect(visibleText((await owner.get(planPath(team))).text)).toMatch(
      /Gói kết thúc ngày \d{2}\/\d{2}\/\d{4}; sau đó tổ chức về gói Miễn phí\./,
    );

    await stripe.standIn.changeSubscription(row.providerSubscriptionId!, { status: "canceled" });
    await settleEvents();
    expect(await db.planSubscription.findUniqueOrThrow({ where: { id: row.id } })).toMatchObject({
      status: "CANCELED",
    });
    const page = visibleText((await owner.get(planPath(team))).text);
    expect(page).toContain("Tổ chức đang dùng gói Miễn phí.");
    // Over the Free limit now, but nothing published was taken down.
    expect(page).toContain("Giải pháp công khai hoặc chờ duyệt: 3/3");
    expect(await db.offer.count({ where: { organisationId: team.organisation.id, status: "PUBLISHED" } })).toBe(3);
  });
});

describe("webhook order and replays", () => {
  it("ends active when customer.subscription.updated arrives before checkout.session.completed, and a replay changes nothing", async () => {
    const team = await makeProviderTeam();
    const { sessionId } = await startCheckout(team, "PREMIUM", "MONTH");
    const { session, subscription } = await stripe.standIn.paySubscription(sessionId, { deliver: false });

    const updated = eventBody("customer.subscription.updated", subscription);
    expect((await postEvent(updated)).status).toBe(200);
    await settleEvents();
    expect(
      await db.planSubscription.findFirstOrThrow({ where: { organisationId: team.organisation.id } }),
    ).toMatchObject({ status: "ACTIVE", tier: "PREMIUM", providerSubscriptionId: subscription.id });

    const completed = eventBody("checkout.session.completed", session);
    expect((await postEvent(completed)).status).toBe(200);
    const replay = await postEvent(completed);
    expect(await replay.json()).toMatchObject({ duplicate: true });
    await settleEvents();
    expect(await planAudits(team.organisation.id)).toBe(1);
    expect(await db.planSubscription.count({ where: { organisationId: team.organisation.id, status: "ACTIVE" } })).toBe(
      1,
    );
  });

  it("does not trust the event's copy: a stale 'active' body after Stripe cancelled still ends cancelled", async () => {
    const team = await makeProviderTeam();
    const { sessionId } = await startCheckout(team);
    const { subscription } = await stripe.standIn.paySubscription(sessionId, { deliver: false });
    const staleCopy = structuredClone(subscription);
    await stripe.standIn.changeSubscription(subscription.id, { status: "canceled" }, { deliver: false });
    await postEvent(eventBody("customer.subscription.updated", staleCopy));
    await settleEvents();
    expect(
      await db.planSubscription.findFirstOrThrow({ where: { organisationId: team.organisation.id } }),
    ).toMatchObject({ status: "CANCELED" });
  });
});

describe("a renewal that fails", () => {
  it("marks the plan past due from invoice.payment_failed (subscription re-read), keeping its limit meanwhile", async () => {
    const team = await makeProviderTeam();
    const { owner, sessionId } = await startCheckout(team);
    const { subscription } = await stripe.standIn.paySubscription(sessionId, { deliver: false });
    await stripe.standIn.changeSubscription(subscription.id, { status: "past_due" }, { deliver: false });
    const invoice = {
      id: "in_test_failed",
      object: "invoice",
      status: "open",
      parent: { type: "subscription_details", subscription_details: { subscription: subscription.id } },
    };
    expect((await postEvent(eventBody("invoice.payment_failed", invoice))).status).toBe(200);
    await settleEvents();
    expect(
      await db.planSubscription.findFirstOrThrow({ where: { organisationId: team.organisation.id } }),
    ).toMatchObject({ status: "PAST_DUE", tier: "VERIFIED" });
    const page = visibleText((await owner.get(planPath(team))).text);
    expect(page).toContain("Kỳ gia hạn chưa thanh toán được.");
    expect(page).toContain("Giải pháp công khai hoặc chờ duyệt: 0/15");
  });
});

describe("the Free plan's offer limit", () => {
  it("stops a fourth offer with a message naming the plan and the limit, and lets it through after an upgrade", async () => {
    const team = await makeProviderTeam();
    await publishedOffers(team.organisation.id, team.owner.id, 3);
    const draft = await makeOffer(team.organisation.id, team.owner.id, await makeTerms(), {
      title: "Giải pháp thứ tư",
    });
    const owner = await server.signedIn(team.owner);
    const refused = await owner.post(`/orgs/${team.organisation.id}/offers/${draft.id}`, { intent: "submit" });
    expect(refused.location).toBe(`${planPath(team)}?blocked=offers`);
    expect(visibleText((await owner.get(refused.location!)).text)).toContain(
      "Gói Miễn phí cho phép tối đa 3 giải pháp công khai hoặc chờ duyệt; tổ chức đang có 3. Nâng cấp gói để đăng thêm.",
    );
    expect((await db.offer.findUniqueOrThrow({ where: { id: draft.id } })).status).toBe("DRAFT");

    await givePlan(team.organisation.id, "VERIFIED");
    const accepted = await owner.post(`/orgs/${team.organisation.id}/offers/${draft.id}`, { intent: "submit" });
    expect(accepted.location).toBe(`/orgs/${team.organisation.id}/offers/${draft.id}`);
    expect((await db.offer.findUniqueOrThrow({ where: { id: draft.id } })).status).toBe("SUBMITTED");
  });
});

describe("who may change the plan", () => {
  it("lets members see it but only owners change it; other organisations get 404", async () => {
    const team = await makeProviderTeam();
    const member = await server.signedIn(team.member);
    const seen = await member.get(planPath(team));
    expect(seen.status).toBe(200);
    expect(visibleText(seen.text)).toContain("Chỉ chủ sở hữu tổ chức mới thay đổi được gói.");
    expect((await choose(member, team, "VERIFIED", "MONTH")).status).toBe(403);

    const outsiderUser = await makeUser();
    await makeAgency(outsiderUser.id);
    const outsider = await server.signedIn(outsiderUser);
    expect((await outsider.get(planPath(team))).status).toBe(404);
    expect((await choose(outsider, team, "VERIFIED", "MONTH")).status).toBe(404);
    const agencyOwner = await makeUser();
    const agency = await makeAgency(agencyOwner.id);
    expect((await (await server.signedIn(agencyOwner)).get(`/orgs/${agency.id}/plan`)).status).toBe(404);
    expect(await db.planSubscription.count({ where: { organisationId: team.organisation.id } })).toBe(0);
  });

  it("refuses a made-up plan or period with a message, and writes nothing", async () => {
    const team = await makeProviderTeam();
    const owner = await server.signedIn(team.owner);
    const bad = await choose(owner, team, "GOLD", "WEEK");
    expect(bad.status).toBe(400);
    expect(visibleText(bad.text)).toContain("Hãy chọn một gói và kỳ thanh toán có trong danh sách.");
    expect(await db.planSubscription.count({ where: { organisationId: team.organisation.id } })).toBe(0);
  });
});

describe("Stripe failing", () => {
  it("shows a clear message when Stripe answers 500, leaves nothing pending, and a later try works", async () => {
    const team = await makeProviderTeam();
    const owner = await server.signedIn(team.owner);
    stripe.standIn.setFault("error500");
    let failed;
    try {
      failed = await choose(owner, team, "VERIFIED", "YEAR");
    } finally {
      stripe.standIn.setFault("none");
    }
    expect(failed.status).toBe(503);
    expect(visibleText(failed.text)).toContain(
      "Cổng thanh toán không phản hồi. Chưa có khoản tiền nào bị trừ; hãy thử lại sau ít phút.",
    );
    expect(
      await db.planSubscription.findFirstOrThrow({ where: { organisationId: team.organisation.id } }),
    ).toMatchObject({ status: "CANCELED" });
    expect((await choose(owner, team, "VERIFIED", "YEAR")).status).toBe(303);
  });

  it("gives up on a Stripe that never answers (timeout) with the same outcome", async () => {
    const team = await makeProviderTeam();
    stripe.standIn.setFault("hang");
    try {
      await expect(
        choosePlan({ organisationId: team.organisation.id, userId: team.owner.id, tier: "PREMIUM", interval: "MONTH" }),
      ).rejects.toMatchObject({ code: "providerUnavailable" });
    } finally {
      stripe.standIn.setFault("none");
    }
    expect(
      await db.planSubscription.findFirstOrThrow({ where: { organisationId: team.organisation.id } }),
    ).toMatchObject({ status: "CANCELED" });
    await expect(
      choosePlan({ organisationId: team.organisation.id, userId: team.owner.id, tier: "PREMIUM", interval: "MONTH" }),
    ).resolves.toMatchObject({ kind: "checkout" });
  });
});
