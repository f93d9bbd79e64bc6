// The payment provider as the rest of the app sees it: a few calls in whole
// đồng, so orders and refunds do not depend on one provider's library.
// Stripe is the one implementation; tests point it at a loopback stand-in.
import Stripe from "stripe";
import { z } from "zod";
import { env, sessionSecret } from "~/env.server";
import { demoPlanPriceIds, demoStripeConfig, testPaymentsOn } from "~/payments/demo-payments.server";
import { PAID_TIERS, PRICE_ENV, type Interval, type PaidTier } from "~/payments/plans";

export type CheckoutKind = "payment" | "subscription";

export type CheckoutLineItem =
  | {
      name: string;
      // Whole đồng. VND is a zero-decimal currency for Stripe, so this is sent
      // as is: 500000 is 500.000 ₫, never multiplied by 100.
      unitAmountVnd: bigint;
      quantity: number;
    }
  // A recurring Price set up in Stripe (subscription mode): its amount lives there.
  | { priceId: string; quantity: number };

export type CheckoutSession = {
  id: string;
  url: string | null;
  status: "open" | "complete" | "expired";
  paymentStatus: "paid" | "unpaid" | "no_payment_required";
  amountTotalVnd: bigint | null;
  paymentIntentId: string | null;
  subscriptionId: string | null;
  customerId: string | null;
  metadata: Record<string, string>;
};

export type ProviderSubscription = {
  id: string;
  status: string;
  customerId: string | null;
  priceId: string | null;
  /** The recurring amount of the subscription's price, whole đồng. */
  unitAmountVnd: bigint | null;
  currentPeriodEnd: Date | null;
  cancelAtPeriodEnd: boolean;
  metadata: Record<string, string>;
};

export type PaymentIntent = {
  id: string;
  status: string;
  amountReceivedVnd: bigint;
  metadata: Record<string, string>;
};

export type ProviderRefund = { id: string; status: string; amountVnd: bigint };

export type WebhookEvent = { id: string; type: string; objectId: string | null; payload: string };

export interface PaymentProvider {
  createCheckoutSession(input: {
    kind: CheckoutKind;
    lineItems: CheckoutLineItem[];
    metadata: Record<string, string>;
    successUrl: string;
    cancelUrl: string;
    idempotencyKey: string;
  }): Promise<CheckoutSession>;
  retrieveCheckoutSession(id: string): Promise<CheckoutSession>;
  /** Closes an open session so it can no longer be paid; ProviderRejectedError if it is not open (paid or expired). */
  expireCheckoutSession(id: string, idempotencyKey: string): Promise<CheckoutSession>;
  retrieveSubscription(id: string): Promise<ProviderSubscription>;
  /** Another price (plan or interval) and/or cancelling at the end of the period already paid. */
  updateSubscription(
    id: string,
    change: { priceId?: string; cancelAtPeriodEnd?: boolean; idempotencyKey: string },
  ): Promise<ProviderSubscription>;
  retrievePaymentIntent(id: string): Promise<PaymentIntent>;
  /** Throws ProviderRejectedError for a definite refusal; other errors leave the outcome unknown. */
  createRefund(input: { paymentIntentId: string; amountVnd: bigint; idempotencyKey: string }): Promise<ProviderRefund>;
  /** Throws WebhookSignatureError for a missing, wrong or expired signature. */
  verifyWebhook(rawBody: string, signature: string | null): WebhookEvent;
}

export class WebhookSignatureError extends Error {}

/** A correctly signed body that is not an event object (null, [], 42, {}, a numeric id or type, no data.object). */
export class WebhookPayloadError extends Error {}

// The part of Stripe's event the app relies on: ids and types are what the
// event table stores (bounded like its columns), and data.object is what the
// worker re-reads from Stripe. Everything else in the event is left alone.
const webhookEnvelope = z.object({
  id: z.string().min(1).max(255),
  type: z.string().min(1).max(255),
  data: z.object({
    object: z.object({ id: z.string().min(1).max(255).optional() }).passthrough(),
  }),
});

/** The provider definitely refused (nothing happened), as opposed to an unknown outcome. */
export class ProviderRejectedError extends Error {}

export type StripeConfig = {
  secretKey: string;
  webhookSecret: string;
  host?: string;
  port?: number;
  protocol?: "http" | "https";
  timeoutMs?: number;
};

const CURRENCY = "vnd";

// Stripe's integer amount for whole đồng; refuses what Stripe would round.
export function toStripeAmount(amountVnd: bigint): number {
  if (amountVnd <= 0n || amountVnd > BigInt(Number.MAX_SAFE_INTEGER))
    throw new RangeError(`amount out of range: ${amountVnd}`);
  return Number(amountVnd);
}

const idOf = (value: string | { id: string } | null | undefined) =>
  value == null ? null : typeof value === "string" ? value : value.id;

function session(value: Stripe.Checkout.Session): CheckoutSession {
  return {
    id: value.id,
    url: value.url ?? null,
    status: (value.status ?? "open") as CheckoutSession["status"],
    paymentStatus: value.payment_status as CheckoutSession["paymentStatus"],
    amountTotalVnd: value.amount_total == null ? null : BigInt(value.amount_total),
    paymentIntentId: idOf(value.payment_intent),
    subscriptionId: idOf(value.subscription),
    customerId: idOf(value.customer),
    metadata: (value.metadata ?? {}) as Record<string, string>,
  };
}

function subscription(value: Stripe.Subscription): ProviderSubscription {
  const item = value.items?.data?.[0];
  // Newer API versions keep the period on the item; older ones on the subscription.
  const periodEnd =
    item?.current_period_end ?? (value as unknown as { current_period_end?: number }).current_period_end ?? null;
  return {
    id: value.id,
    status: value.status,
    customerId: idOf(value.customer as string | { id: string } | null),
    priceId: item?.price?.id ?? null,
    unitAmountVnd: item?.price?.unit_amount == null ? null : BigInt(item.price.unit_amount),
    currentPeriodEnd: periodEnd == null ? null : new Date(periodEnd * 1000),
    cancelAtPeriodEnd: Boolean(value.cancel_at_period_end),
    metadata: (value.metadata ?? {}) as Record<string, string>,
  };
}

export function createStripeProvider(config: StripeConfig): PaymentProvider {
  const stripe = new Stripe(config.secretKey, {
    host: config.host,
    port: config.port,
    protocol: config.protocol,
    // A buyer waits on this call; better a clear "try again" than a hung page.
    timeout: config.timeoutMs ?? 15_000,
    // Our idempotency keys make a retry safe, but a retry after a timeout
    // doubles the wait, so the app decides when to try again.
    maxNetworkRetries: 0,
    telemetry: false,
  });
  return {
    async createCheckoutSession(input) {
      const created = await stripe.checkout.sessions.create(
        {
          mode: input.kind,
          line_items: input.lineItems.map((item) =>
            "priceId" in item
              ? { quantity: item.quantity, price: item.priceId }
              : {
                  quantity: item.quantity,
                  price_data: {
                    currency: CURRENCY,
                    unit_amount: toStripeAmount(item.unitAmountVnd),
                    product_data: { name: item.name },
                  },
                },
          ),
          metadata: input.metadata,
          // The metadata travels on the object later events are about, so an
          // event that arrives before checkout.session.completed still finds its row.
          ...(input.kind === "payment"
            ? { payment_intent_data: { metadata: input.metadata } }
            : { subscription_data: { metadata: input.metadata } }),
          success_url: input.successUrl,
          cancel_url: input.cancelUrl,
        },
        { idempotencyKey: input.idempotencyKey },
      );
      return session(created);
    },
    async retrieveCheckoutSession(id) {
      return session(await stripe.checkout.sessions.retrieve(id));
    },
    async expireCheckoutSession(id, idempotencyKey) {
      try {
        return session(await stripe.checkout.sessions.expire(id, {}, { idempotencyKey }));
      } catch (error) {
        // Stripe answers 400 for a session that is no longer open (paid, or already expired).
        if (error instanceof Stripe.errors.StripeInvalidRequestError) throw new ProviderRejectedError(error.message);
        throw error;
      }
    },
    async retrieveSubscription(id) {
      return subscription(await stripe.subscriptions.retrieve(id));
    },
    async updateSubscription(id, change) {
      const params: Stripe.SubscriptionUpdateParams = {};
      if (change.cancelAtPeriodEnd !== undefined) params.cancel_at_period_end = change.cancelAtPeriodEnd;
      if (change.priceId) {
        const current = await stripe.subscriptions.retrieve(id);
        const item = current.items.data[0];
        params.items = [item ? { id: item.id, price: change.priceId } : { price: change.priceId }];
        params.proration_behavior = "create_prorations";
      }
      try {
        return subscription(await stripe.subscriptions.update(id, params, { idempotencyKey: change.idempotencyKey }));
      } catch (error) {
        if (error instanceof Stripe.errors.StripeInvalidRequestError) throw new ProviderRejectedError(error.message);
        throw error;
      }
    },
    async retrievePaymentIntent(id) {
      const intent = await stripe.paymentIntents.retrieve(id);
      return {
        id: intent.id,
        status: intent.status,
        amountReceivedVnd: BigInt(intent.amount_received ?? 0),
        metadata: (intent.metadata ?? {}) as Record<string, string>,
      };
    },
    async createRefund(input) {
      try {
        const refund = await stripe.refunds.create(
          { payment_intent: input.paymentIntentId, amount: toStripeAmount(input.amountVnd) },
          { idempotencyKey: input.idempotencyKey },
        );
        return { id: refund.id, status: refund.status ?? "pending", amountVnd: BigInt(refund.amount) };
      } catch (error) {
        // A 4xx is a definite "no"; anything else (5xx, timeout) may or may not have refunded.
        if (error instanceof Stripe.errors.StripeInvalidRequestError) throw new ProviderRejectedError(error.message);
        throw error;
      }
    },
    verifyWebhook(rawBody, signature) {
      if (!signature) throw new WebhookSignatureError("missing Stripe-Signature header");
      let event: Stripe.Event;
      try {
        event = stripe.webhooks.constructEvent(rawBody, signature, config.webhookSecret);
      } catch (error) {
        // constructEvent checks the signature first, then parses: a parse error means signed bytes that are not JSON.
        if (error instanceof SyntaxError) throw new WebhookPayloadError(`not JSON: ${error.message}`);
        throw new WebhookSignatureError((error as Error).message);
      }
      // A valid signature proves who sent the bytes, not that they are an event.
      const envelope = webhookEnvelope.safeParse(event);
      if (!envelope.success)
        throw new WebhookPayloadError(
          envelope.error.issues.map((i) => `${i.path.join(".") || "event"}: ${i.message}`).join("; "),
        );
      const { id, type, data } = envelope.data;
      return { id, type, objectId: data.object.id ?? null, payload: rawBody };
    },
  };
}

let current: PaymentProvider | null | undefined;

/** The configured provider, or null when payments are not set up. */
export function paymentProvider(): PaymentProvider | null {
  if (current === undefined) {
    current = testPaymentsOn(env)
      ? // The demo's loopback stand-in (the server started it at boot).
        createStripeProvider(demoStripeConfig(env, sessionSecret))
      : env.STRIPE_SECRET_KEY && env.STRIPE_WEBHOOK_SECRET
      ? createStripeProvider({
          secretKey: env.STRIPE_SECRET_KEY,
          webhookSecret: env.STRIPE_WEBHOOK_SECRET,
          host: env.STRIPE_API_HOST,
          port: env.STRIPE_API_PORT,
          protocol: env.STRIPE_API_PROTOCOL,
        })
      : null;
  }
  return current;
}

/**
 * What money pages tell people: "test" in the demo (no real money moves),
 * "off" when payments are not set up, "live" with real Stripe keys.
 */
export function paymentsMode(): "live" | "test" | "off" {
  if (testPaymentsOn(env)) return "test";
  return paymentProvider() ? "live" : "off";
}

// For scripts and tests whose configuration is only known after start-up
// (a stand-in on a random port).
export function setPaymentProvider(provider: PaymentProvider | null) {
  current = provider;
}

type PriceIds = Partial<Record<PaidTier, Partial<Record<Interval, string>>>>;
let prices: PriceIds | undefined;

function pricesFromEnv(): PriceIds {
  if (testPaymentsOn(env)) return demoPlanPriceIds();
  const source = env as unknown as Record<string, string | undefined>;
  return Object.fromEntries(
    PAID_TIERS.map((tier) => [tier, { MONTH: source[PRICE_ENV[tier].MONTH], YEAR: source[PRICE_ENV[tier].YEAR] }]),
  );
}

/** The Stripe Price id of a paid plan, or null when it is not configured. */
export function planPriceId(tier: PaidTier, interval: Interval): string | null {
  prices ??= pricesFromEnv();
  return prices[tier]?.[interval] ?? null;
}

/** Which plan a Stripe Price id stands for (a subscription changed in Stripe's dashboard too). */
export function planForPrice(priceId: string | null): { tier: PaidTier; interval: Interval } | null {
  if (!priceId) return null;
  for (const tier of PAID_TIERS)
    for (const interval of ["MONTH", "YEAR"] as const)
      if (planPriceId(tier, interval) === priceId) return { tier, interval };
  return null;
}

// Like setPaymentProvider: for tests whose price ids are only known after start-up.
export function setPlanPriceIds(next: PriceIds | undefined) {
  prices = next;
}

export function platformFeePercent(): number {
  return env.PLATFORM_FEE_PERCENT;
}
