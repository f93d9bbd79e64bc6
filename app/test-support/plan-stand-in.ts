// The Stripe stand-in with the plan Prices set up, for plan and service tests.
import { afterAll, beforeAll } from "vitest";
import { createStripeProvider, setPaymentProvider, setPlanPriceIds } from "~/payments/provider.server";
import { WEBHOOK_SECRET } from "./payment-factories";
import { standInPlanPrices, standInPriceEnv, startStripeStandIn, type StripeStandIn } from "./stripe-stand-in";

/**
 * The Stripe stand-in with the plan Prices set up, this process's models
 * pointed at it, and the environment the built server reads (with the four
 * price ids) for tests that start it afterwards.
 */
export function withPlanStandIn(options: { webhookUrl?: () => string } = {}) {
  const state = { standIn: null as StripeStandIn | null };
  beforeAll(async () => {
    state.standIn = await startStripeStandIn({
      webhookSecret: WEBHOOK_SECRET,
      webhookUrl: options.webhookUrl,
      prices: standInPlanPrices,
    });
    setPaymentProvider(createStripeProvider(state.standIn.config(1_500)));
    setPlanPriceIds(undefined);
    Object.assign(process.env, {
      STRIPE_SECRET_KEY: "sk_test_stand_in",
      STRIPE_WEBHOOK_SECRET: WEBHOOK_SECRET,
      STRIPE_API_HOST: "127.0.0.1",
      STRIPE_API_PORT: String(state.standIn.port),
      STRIPE_API_PROTOCOL: "http",
      ...standInPriceEnv,
    });
    setPlanPriceIds({
      VERIFIED: {
        MONTH: standInPriceEnv.STRIPE_PRICE_VERIFIED_MONTHLY,
        YEAR: standInPriceEnv.STRIPE_PRICE_VERIFIED_YEARLY,
      },
      PREMIUM: {
        MONTH: standInPriceEnv.STRIPE_PRICE_PREMIUM_MONTHLY,
        YEAR: standInPriceEnv.STRIPE_PRICE_PREMIUM_YEARLY,
      },
    });
  });
  afterAll(async () => {
    setPaymentProvider(null);
    setPlanPriceIds(undefined);
    await state.standIn?.stop();
  });
  return {
    get standIn() {
      return state.standIn!;
    },
  };
}
