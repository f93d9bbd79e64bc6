import type { Env } from "~/env.server";

// The order form posts to this site, which redirects to the provider's
// hosted payment page; browsers apply CSP form-action to that redirect, so
// the page's origin must be allowed. Only when payments are configured.
export function checkoutOrigins(env: Pick<Env, "STRIPE_SECRET_KEY" | "STRIPE_API_HOST" | "STRIPE_API_PORT" | "STRIPE_API_PROTOCOL">): string[] {
  if (!env.STRIPE_SECRET_KEY) return [];
  if (!env.STRIPE_API_HOST) return ["https://checkout.stripe.com"];
  const protocol = env.STRIPE_API_PROTOCOL ?? "https";
  return [`${protocol}://${env.STRIPE_API_HOST}${env.STRIPE_API_PORT ? `:${env.STRIPE_API_PORT}` : ""}`];
}
