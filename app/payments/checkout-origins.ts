import type { Env } from "~/env.server";
import { DEMO_STRIPE_HOST, demoStripePort, testPaymentsOn } from "~/payments/demo-payments.server";

// The order form posts to this site, which redirects to the provider's
// hosted payment page; browsers apply CSP form-action to that redirect, so
// the page's origin must be allowed. Only when payments are configured, and
// the demo stand-in's loopback page only in the demo's test-payment mode.
export function checkoutOrigins(
  env: Pick<Env, "STRIPE_SECRET_KEY" | "STRIPE_API_HOST" | "STRIPE_API_PORT" | "STRIPE_API_PROTOCOL"> &
    Partial<Pick<Env, "DEMO_TEST_PAYMENTS" | "PORT">>,
): string[] {
  if (testPaymentsOn(env))
    return [
      `http://${DEMO_STRIPE_HOST}:${demoStripePort({ PORT: env.PORT ?? 3000, STRIPE_API_PORT: env.STRIPE_API_PORT })}`,
    ];
  if (!env.STRIPE_SECRET_KEY) return [];
  if (!env.STRIPE_API_HOST) return ["https://checkout.stripe.com"];
  const protocol = env.STRIPE_API_PROTOCOL ?? "https";
  return [`${protocol}://${env.STRIPE_API_HOST}${env.STRIPE_API_PORT ? `:${env.STRIPE_API_PORT}` : ""}`];
}
