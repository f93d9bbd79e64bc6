// The demo's test payments (DEMO_TEST_PAYMENTS=true, set by `npm start`
// when no Stripe keys are given). The server process starts the loopback
// Stripe stand-in on 127.0.0.1:STRIPE_API_PORT (default PORT + 1) and the
// app pays through it with the real `stripe` library, as it would through
// Stripe: its checkout page's "Thanh toán thử / Pay (test)" button completes
// the session and sends a signed checkout.session.completed to
// /webhooks/stripe. Nothing here runs unless the switch is on; env.server.ts
// refuses the switch beside real Stripe settings or a public APP_URL.
import { createHmac } from "node:crypto";
import type { Env } from "~/env.server";
import { PAID_TIERS, PRICE_ENV, type Interval, type PaidTier } from "./plans";
import { standInPlanPrices, standInPriceEnv, startStripeStandIn } from "./stripe-stand-in.server";

type DemoEnv = Pick<Env, "DEMO_TEST_PAYMENTS" | "PORT" | "STRIPE_API_PORT">;

export function testPaymentsOn(env: Partial<Pick<Env, "DEMO_TEST_PAYMENTS">>): boolean {
  return env.DEMO_TEST_PAYMENTS === "true";
}

/** Where the stand-in listens, and so the origin of its checkout page. */
export function demoStripePort(env: Pick<DemoEnv, "PORT" | "STRIPE_API_PORT">): number {
  return env.STRIPE_API_PORT ?? env.PORT + 1;
}

export const DEMO_STRIPE_HOST = "127.0.0.1";

// The stand-in and the app's webhook check run in one process but in two
// module copies (the server and the Remix build), so the secret is derived,
// not generated: from the session secret, which is this deployment's own, so
// nobody can sign a fake payment with a secret read in this file.
export function demoWebhookSecret(sessionSecret: string): string {
  return `whsec_demo_${createHmac("sha256", sessionSecret)
    .update("demo-test-payments-webhook")
    .digest("hex")
    .slice(0, 32)}`;
}

export function demoStripeConfig(env: DemoEnv, sessionSecret: string) {
  return {
    secretKey: "sk_test_demo_stand_in",
    webhookSecret: demoWebhookSecret(sessionSecret),
    host: DEMO_STRIPE_HOST,
    port: demoStripePort(env),
    protocol: "http" as const,
  };
}

// The plan Prices are the stand-in's (as an operator would set them up in
// Stripe's dashboard); in demo mode the app uses their ids.
export function demoPlanPriceIds(): Record<PaidTier, Record<Interval, string>> {
  const ids = {} as Record<PaidTier, Record<Interval, string>>;
  for (const tier of PAID_TIERS)
    ids[tier] = { MONTH: standInPriceEnv[PRICE_ENV[tier].MONTH]!, YEAR: standInPriceEnv[PRICE_ENV[tier].YEAR]! };
  return ids;
}

/**
 * Starts the demo's stand-in (the server calls this at boot when the switch
 * is on). Its payments are kept in memory; see StandInOptions.demo for why
 * refunds of payments it does not know still succeed.
 */
export async function startDemoPayments(
  env: DemoEnv,
  options: { sessionSecret: string; webhookUrl: () => string; port?: number },
) {
  return startStripeStandIn({
    webhookSecret: demoWebhookSecret(options.sessionSecret),
    webhookUrl: options.webhookUrl,
    prices: standInPlanPrices,
    port: options.port ?? demoStripePort(env),
    demo: true,
  });
}
