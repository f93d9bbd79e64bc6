// The payment provider as the rest of the app sees it: a few calls in whole
// đồng, so orders and refunds do not depend on one provider's library.
// Stripe is the one implementation; tests point it at a loopback stand-in.
import Stripe from "stripe";
import { env } from "~/env.server";

export type CheckoutKind = "payment" | "subscription";

export type CheckoutLineItem = {
  name: string;
  // Whole đồng. VND is a zero-decimal currency for Stripe, so this is sent
  // as is: 500000 is 500.000 ₫, never multiplied by 100.
  unitAmountVnd: bigint;
  quantity: number;
};

export type CheckoutSession = {
  id: string;
  url: string | null;
  status: "open" | "complete" | "expired";
  paymentStatus: "paid" | "unpaid" | "no_payment_required";
  amountTotalVnd: bigint | null;
  paymentIntentId: string | null;
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
  retrievePaymentIntent(id: string): Promise<PaymentIntent>;
  /** Throws ProviderRejectedError for a definite refusal; other errors leave the outcome unknown. */
  createRefund(input: { paymentIntentId: string; amountVnd: bigint; idempotencyKey: string }): Promise<ProviderRefund>;
  /** Throws WebhookSignatureError for a missing, wrong or expired signature. */
  verifyWebhook(rawBody: string, signature: string | null): WebhookEvent;
}

export class WebhookSignatureError extends Error {}

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
  if (amountVnd <= 0n || amountVnd > BigInt(Number.MAX_SAFE_INTEGER)) throw new RangeError(`amount out of range: ${amountVnd}`);
  return Number(amountVnd);
}

const idOf = (value: string | { id: string } | null | undefined) => (value == null ? null : typeof value === "string" ? value : value.id);

function session(value: Stripe.Checkout.Session): CheckoutSession {
  return {
    id: value.id,
    url: value.url ?? null,
    status: (value.status ?? "open") as CheckoutSession["status"],
    paymentStatus: value.payment_status as CheckoutSession["paymentStatus"],
    amountTotalVnd: value.amount_total == null ? null : BigInt(value.amount_total),
    paymentIntentId: idOf(value.payment_intent),
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
          line_items: input.lineItems.map((item) => ({
            quantity: item.quantity,
            price_data: { currency: CURRENCY, unit_amount: toStripeAmount(item.unitAmountVnd), product_data: { name: item.name } },
          })),
          metadata: input.metadata,
          ...(input.kind === "payment" ? { payment_intent_data: { metadata: input.metadata } } : {}),
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
        throw new WebhookSignatureError((error as Error).message);
      }
      const object = event.data?.object as { id?: unknown } | undefined;
      return { id: event.id, type: event.type, objectId: typeof object?.id === "string" ? object.id : null, payload: rawBody };
    },
  };
}

let current: PaymentProvider | null | undefined;

/** The configured provider, or null when payments are not set up. */
export function paymentProvider(): PaymentProvider | null {
  if (current === undefined) {
    current =
      env.STRIPE_SECRET_KEY && env.STRIPE_WEBHOOK_SECRET
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

// For scripts and tests whose configuration is only known after start-up
// (a stand-in on a random port).
export function setPaymentProvider(provider: PaymentProvider | null) {
  current = provider;
}

export function platformFeePercent(): number {
  return env.PLATFORM_FEE_PERCENT;
}
