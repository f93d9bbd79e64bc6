// No Stripe keys: the plan and services pages say payments are not set up,
// their buttons write nothing, and the rest of the provider's work (offers,
// the offer list) carries on.
import { describe, expect, it } from "vitest";
import { db } from "~/db.server";
import { choosePlan } from "~/models/plan.server";
import { createStripeProvider, setPaymentProvider, setPlanPriceIds } from "~/payments/provider.server";
import { startTestServer, visibleText } from "~/test-support/http";
import { makeOffer, makeTerms } from "~/test-support/offer-factories";
import { makeProviderTeam } from "~/test-support/plan-factories";

for (const name of [
  "STRIPE_SECRET_KEY",
  "STRIPE_WEBHOOK_SECRET",
  "STRIPE_PRICE_VERIFIED_MONTHLY",
  "STRIPE_PRICE_VERIFIED_YEARLY",
  "STRIPE_PRICE_PREMIUM_MONTHLY",
  "STRIPE_PRICE_PREMIUM_YEARLY",
]) {
  delete process.env[name];
}
const server = startTestServer();
const NOT_SET_UP = "Thanh toán trực tuyến chưa được thiết lập trên Sàn. Các chức năng khác vẫn dùng bình thường.";

describe("without Stripe keys", () => {
  it("shows the plans with 'payments are not set up' instead of buttons, and a tampered post writes nothing", async () => {
    const team = await makeProviderTeam();
    const owner = await server.signedIn(team.owner);
    const page = await owner.get(`/orgs/${team.organisation.id}/plan`);
    expect(page.status).toBe(200);
    const text = visibleText(page.text);
    expect(text).toContain(NOT_SET_UP);
    expect(text).toContain("Tổ chức đang dùng gói Miễn phí.");
    expect(text).not.toContain("Chọn gói Xác thực");
    const posted = await owner.post(`/orgs/${team.organisation.id}/plan`, {
      intent: "choose",
      tier: "VERIFIED",
      interval: "MONTH",
    });
    expect(posted.status).toBe(503);
    expect(visibleText(posted.text)).toContain(NOT_SET_UP);
    expect(await db.planSubscription.count({ where: { organisationId: team.organisation.id } })).toBe(0);
  });

  it("does the same for services", async () => {
    const team = await makeProviderTeam();
    const owner = await server.signedIn(team.owner);
    const page = visibleText((await owner.get(`/orgs/${team.organisation.id}/services`)).text);
    expect(page).toContain(NOT_SET_UP);
    expect(page).not.toContain("Mua dịch vụ định giá");
    const posted = await owner.post(`/orgs/${team.organisation.id}/services`, { intent: "valuation" });
    expect(posted.status).toBe(503);
    expect(await db.servicePurchase.count({ where: { organisationId: team.organisation.id } })).toBe(0);
  });

  it("still lets a provider send an offer for review and everyone browse offers", async () => {
    const team = await makeProviderTeam();
    const draft = await makeOffer(team.organisation.id, team.owner.id, await makeTerms(), {
      title: "Giải pháp khi chưa có thanh toán",
    });
    const owner = await server.signedIn(team.owner);
    expect((await owner.post(`/orgs/${team.organisation.id}/offers/${draft.id}`, { intent: "submit" })).location).toBe(
      `/orgs/${team.organisation.id}/offers/${draft.id}`,
    );
    expect((await db.offer.findUniqueOrThrow({ where: { id: draft.id } })).status).toBe("SUBMITTED");
    expect((await server.browser().get("/search?type=offer")).status).toBe(200);
  });
});

describe("keys set but a plan's price id missing", () => {
  it("refuses that plan as not configured, before asking Stripe anything", async () => {
    const team = await makeProviderTeam();
    // Nothing listens on port 9: any request would fail differently.
    setPaymentProvider(
      createStripeProvider({
        secretKey: "sk_test_x",
        webhookSecret: "whsec_x",
        host: "127.0.0.1",
        port: 9,
        protocol: "http",
        timeoutMs: 500,
      }),
    );
    setPlanPriceIds({ VERIFIED: { MONTH: "price_verified_monthly" } });
    try {
      await expect(
        choosePlan({ organisationId: team.organisation.id, userId: team.owner.id, tier: "PREMIUM", interval: "MONTH" }),
      ).rejects.toMatchObject({ code: "priceNotConfigured" });
      await expect(
        choosePlan({ organisationId: team.organisation.id, userId: team.owner.id, tier: "VERIFIED", interval: "YEAR" }),
      ).rejects.toMatchObject({ code: "priceNotConfigured" });
    } finally {
      setPaymentProvider(null);
      setPlanPriceIds(undefined);
    }
    expect(await db.planSubscription.count({ where: { organisationId: team.organisation.id } })).toBe(0);
  });
});
