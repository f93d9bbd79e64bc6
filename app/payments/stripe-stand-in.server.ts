// A stand-in for the parts of the Stripe API this app calls, on loopback, so
// the real `stripe` library is exercised end to end without the internet.
// It records every request (with its Idempotency-Key), can be told to
// answer 500 or never answer, and serves a hosted "checkout page" whose Pay
// button completes the session and delivers correctly signed webhooks.
// Subscription mode too: Prices are given at start (as if set up in
// Stripe's dashboard), paying creates a subscription, and subscriptions can
// be retrieved, changed and ended like Stripe's.
//
// Tests use it (app/test-support/stripe-stand-in.ts re-exports it), and so
// does the demo's test-payment mode (DEMO_TEST_PAYMENTS, see
// demo-payments.server.ts): it lives here, not in test-support, so the
// server never imports test code.
import { randomUUID } from "node:crypto";
import http from "node:http";
import type { AddressInfo } from "node:net";
import Stripe from "stripe";
import { PAID_TIERS, PLAN_PRICES_VND, PRICE_ENV } from "./plans";

export type RecordedRequest = { method: string; path: string; params: URLSearchParams; idempotencyKey: string | null };
type Session = {
  id: string;
  object: "checkout.session";
  mode: string;
  status: "open" | "complete" | "expired";
  payment_status: "paid" | "unpaid";
  amount_total: number;
  currency: string;
  payment_intent: string | null;
  subscription: string | null;
  customer: string | null;
  price: string | null;
  subscription_metadata: Record<string, string>;
  metadata: Record<string, string>;
  success_url: string;
  cancel_url: string;
  url: string;
  livemode: false;
  /** What the buyer is paying for (the first line item's name), shown on the checkout page. */
  description: string | null;
};
export type StandInPrice = { unit_amount: number; interval: "month" | "year" };
type Subscription = {
  id: string;
  object: "subscription";
  status: string;
  customer: string;
  cancel_at_period_end: boolean;
  canceled_at: number | null;
  metadata: Record<string, string>;
  livemode: false;
  items: {
    object: "list";
    data: {
      id: string;
      object: "subscription_item";
      current_period_end: number;
      price: { id: string; object: "price"; unit_amount: number; currency: string; recurring: { interval: string } };
    }[];
  };
};
type Intent = {
  id: string;
  object: "payment_intent";
  status: string;
  amount: number;
  amount_received: number;
  currency: string;
  metadata: Record<string, string>;
};

const stripe = new Stripe("sk_test_stand_in");

// The plan Prices as an operator would set them up in Stripe, with the
// environment that points the app at them.
export const standInPlanPrices: Record<string, StandInPrice> = {};
export const standInPriceEnv: Record<string, string> = {};
for (const tier of PAID_TIERS) {
  for (const interval of ["MONTH", "YEAR"] as const) {
    const id = `price_${tier.toLowerCase()}_${interval === "MONTH" ? "monthly" : "yearly"}`;
    standInPlanPrices[id] = {
      unit_amount: Number(PLAN_PRICES_VND[tier][interval]),
      interval: interval === "MONTH" ? "month" : "year",
    };
    standInPriceEnv[PRICE_ENV[tier][interval]] = id;
  }
}

export function signWebhook(payload: string, secret: string, timestamp?: number): string {
  return stripe.webhooks.generateTestHeaderString({ payload, secret, timestamp });
}

export function eventBody(type: string, object: object, id = `evt_${randomUUID().replace(/-/g, "")}`): string {
  return JSON.stringify({
    id,
    object: "event",
    type,
    api_version: "2026-10-28.endive",
    created: Math.floor(Date.now() / 1000),
    livemode: false,
    data: { object },
  });
}

const newId = (prefix: string) => `${prefix}_${randomUUID().replace(/-/g, "").slice(0, 20)}`;

const escapeHtml = (text: string) =>
  text.replace(/[&<>"']/g, (c) => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" }[c]!));

export type StandInOptions = {
  webhookSecret: string;
  webhookUrl?: () => string;
  prices?: Record<string, StandInPrice>;
  /** Loopback port to listen on; 0 (the default) picks a free one. */
  port?: number;
  // The demo's long-running stand-in keeps its state in memory only, so
  // payments made before a restart, or by the seed's own stand-in, are
  // unknown to it. In demo mode a refund of an unknown payment intent
  // succeeds (the app has already checked the amount against the order),
  // so staff can refund any demo order. Tests leave it off: there an
  // unknown payment intent is Stripe's 404.
  demo?: boolean;
};

export async function startStripeStandIn(options: StandInOptions) {
  const prices = options.prices ?? {};
  const subscriptions = new Map<string, Subscription>();
  const requests: RecordedRequest[] = [];
  const sessions = new Map<string, Session>();
  const intents = new Map<string, Intent>();
  const refunded = new Map<string, number>();
  const byIdempotencyKey = new Map<string, { status: number; body: string }>();
  const hanging = new Set<http.ServerResponse>();
  let fault: "none" | "error500" | "hang" = "none";
  let base = "";

  const send = (res: http.ServerResponse, status: number, body: unknown) => {
    const text = typeof body === "string" ? body : JSON.stringify(body);
    res.writeHead(status, { "Content-Type": "application/json", "Request-Id": `req_${randomUUID().slice(0, 8)}` });
    res.end(text);
    return { status, body: text };
  };
  const apiError = (res: http.ServerResponse, status: number, message: string) =>
    send(res, status, { error: { type: "invalid_request_error", message } });
  const metadataOf = (params: URLSearchParams, prefix: string) => {
    const out: Record<string, string> = {};
    for (const [key, value] of params) {
      const match = key.match(new RegExp(`^${prefix.replace(/[[\]]/g, "\\$&")}\\[([^\\]]+)\\]$`));
      if (match) out[match[1]!] = value;
    }
    return out;
  };

  async function deliver(type: string, object: object) {
    if (!options.webhookUrl) return;
    const payload = eventBody(type, object);
    await fetch(options.webhookUrl(), {
      method: "POST",
      headers: { "Content-Type": "application/json", "Stripe-Signature": signWebhook(payload, options.webhookSecret) },
      body: payload,
    });
  }

  // Delivered after the API answer, as Stripe does; a closed app is not the stand-in's problem.
  const later = (type: string, object: object) => setTimeout(() => deliver(type, object).catch(() => {}), 20);

  function periodEnd(price: StandInPrice, from = Date.now()) {
    const days = price.interval === "year" ? 365 : 30;
    return Math.floor(from / 1000) + days * 86_400;
  }

  function subscriptionItem(priceId: string) {
    const price = prices[priceId]!;
    return {
      id: newId("si"),
      object: "subscription_item" as const,
      current_period_end: periodEnd(price),
      price: {
        id: priceId,
        object: "price" as const,
        unit_amount: price.unit_amount,
        currency: "vnd",
        recurring: { interval: price.interval },
      },
    };
  }

  const invoiceFor = (sub: Subscription) => ({
    id: newId("in"),
    object: "invoice",
    status: "paid",
    customer: sub.customer,
    amount_paid: sub.items.data[0]!.price.unit_amount,
    currency: "vnd",
    parent: { type: "subscription_details", subscription_details: { subscription: sub.id, metadata: sub.metadata } },
  });

  /** The Pay button on a subscription-mode page: a subscription starts, then the app is told. */
  async function paySubscription(sessionId: string, options: { deliver?: boolean } = {}) {
    const session = sessions.get(sessionId);
    if (session?.mode !== "subscription") throw new Error(`no subscription session ${sessionId}`);
    const sub: Subscription = {
      id: newId("sub"),
      object: "subscription",
      status: "active",
      customer: newId("cus"),
      cancel_at_period_end: false,
      canceled_at: null,
      metadata: session.subscription_metadata,
      livemode: false,
      items: { object: "list", data: [subscriptionItem(session.price!)] },
    };
    subscriptions.set(sub.id, sub);
    Object.assign(session, {
      status: "complete",
      payment_status: "paid",
      subscription: sub.id,
      customer: sub.customer,
    });
    if (options.deliver !== false) {
      await deliver("checkout.session.completed", session);
      await deliver("invoice.paid", invoiceFor(sub));
    }
    return { session, subscription: sub };
  }

  /** What the hosted page's Pay button does: complete, then notify the app. */
  async function pay(sessionId: string, options: { deliver?: boolean } = {}) {
    const session = sessions.get(sessionId);
    if (!session) throw new Error(`no session ${sessionId}`);
    const intent: Intent = {
      id: `pi_${randomUUID().replace(/-/g, "").slice(0, 20)}`,
      object: "payment_intent",
      status: "succeeded",
      amount: session.amount_total,
      amount_received: session.amount_total,
      currency: session.currency,
      metadata: session.metadata,
    };
    intents.set(intent.id, intent);
    Object.assign(session, { status: "complete", payment_status: "paid", payment_intent: intent.id });
    if (options.deliver !== false) {
      await deliver("checkout.session.completed", session);
      await deliver("payment_intent.succeeded", intent);
    }
    return { session, intent };
  }

  /** Stripe changing a subscription on its own (a failed renewal, the period ending), then telling the app. */
  async function changeSubscription(
    id: string,
    change: { status?: string; cancel_at_period_end?: boolean },
    options: { deliver?: boolean } = {},
  ) {
    const sub = subscriptions.get(id);
    if (!sub) throw new Error(`no subscription ${id}`);
    Object.assign(sub, change);
    if (sub.status === "canceled") sub.canceled_at ??= Math.floor(Date.now() / 1000);
    if (options.deliver !== false)
      await deliver(sub.status === "canceled" ? "customer.subscription.deleted" : "customer.subscription.updated", sub);
    return sub;
  }

  /** A refund made outside the app (Stripe's dashboard). */
  async function refundDirectly(paymentIntentId: string, amount: number) {
    refunded.set(paymentIntentId, (refunded.get(paymentIntentId) ?? 0) + amount);
  }

  /** What Stripe does to a session nobody paid within its lifetime. */
  async function expire(sessionId: string) {
    const session = sessions.get(sessionId);
    if (!session) throw new Error(`no session ${sessionId}`);
    session.status = "expired";
    await deliver("checkout.session.expired", session);
    return session;
  }

  function handleApi(req: http.IncomingMessage, res: http.ServerResponse, url: URL, params: URLSearchParams) {
    const key = req.headers["idempotency-key"];
    const idempotencyKey = typeof key === "string" ? key : null;
    requests.push({ method: req.method ?? "", path: url.pathname, params, idempotencyKey });
    if (fault === "hang") {
      hanging.add(res);
      return;
    }
    if (fault === "error500") return apiError(res, 500, "stand-in told to fail");
    // Like Stripe: the same key gives back the first answer, not a second object.
    const cacheKey = idempotencyKey && req.method === "POST" ? `${url.pathname} ${idempotencyKey}` : null;
    const cached = cacheKey ? byIdempotencyKey.get(cacheKey) : undefined;
    if (cached) return send(res, cached.status, cached.body);
    const result = route(req.method ?? "GET", url.pathname, params, res);
    if (cacheKey && result) byIdempotencyKey.set(cacheKey, result);
  }

  function route(method: string, pathname: string, params: URLSearchParams, res: http.ServerResponse) {
    let match: RegExpMatchArray | null;
    if (method === "POST" && pathname === "/v1/checkout/sessions") {
      let total = 0;
      const priceId = params.get("line_items[0][price]");
      for (let i = 0; params.has(`line_items[${i}][quantity]`); i++) {
        const price = params.get(`line_items[${i}][price]`);
        if (price && !prices[price]) return apiError(res, 400, `No such price: '${price}'`);
        const unit = price
          ? prices[price]!.unit_amount
          : Number(params.get(`line_items[${i}][price_data][unit_amount]`));
        if (!Number.isInteger(unit)) return apiError(res, 400, "unit_amount must be an integer");
        total += unit * Number(params.get(`line_items[${i}][quantity]`));
      }
      const id = `cs_test_${randomUUID().replace(/-/g, "")}`;
      const session: Session = {
        id,
        object: "checkout.session",
        mode: params.get("mode") ?? "payment",
        status: "open",
        payment_status: "unpaid",
        amount_total: total,
        currency: params.get("line_items[0][price_data][currency]") ?? "vnd",
        payment_intent: null,
        subscription: null,
        customer: null,
        price: priceId,
        subscription_metadata: metadataOf(params, "subscription_data[metadata]"),
        metadata: metadataOf(params, "metadata"),
        success_url: params.get("success_url") ?? "",
        cancel_url: params.get("cancel_url") ?? "",
        url: `${base}/pay/${id}`,
        livemode: false,
        description: params.get("line_items[0][price_data][product_data][name]") ?? priceId,
      };
      sessions.set(id, session);
      return send(res, 200, session);
    }
    if (method === "POST" && (match = pathname.match(/^\/v1\/checkout\/sessions\/([^/]+)\/expire$/))) {
      // Like Stripe: only an open session can be expired; the app hears of it by webhook too.
      const session = sessions.get(match[1]!);
      if (!session) return apiError(res, 404, "No such checkout.session");
      if (session.status !== "open")
        return apiError(
          res,
          400,
          `Only Checkout Sessions with a status in ["open"] can be expired; this one is ${session.status}.`,
        );
      session.status = "expired";
      later("checkout.session.expired", session);
      return send(res, 200, session);
    }
    if (method === "GET" && (match = pathname.match(/^\/v1\/checkout\/sessions\/([^/]+)$/))) {
      const session = sessions.get(match[1]!);
      return session ? send(res, 200, session) : apiError(res, 404, "No such checkout.session");
    }
    if (method === "GET" && (match = pathname.match(/^\/v1\/payment_intents\/([^/]+)$/))) {
      const intent = intents.get(match[1]!);
      return intent ? send(res, 200, intent) : apiError(res, 404, "No such payment_intent");
    }
    if ((match = pathname.match(/^\/v1\/subscriptions\/([^/]+)$/))) {
      const sub = subscriptions.get(match[1]!);
      if (!sub) return apiError(res, 404, "No such subscription");
      if (method === "GET") return send(res, 200, sub);
      if (method === "DELETE") {
        Object.assign(sub, { status: "canceled", canceled_at: Math.floor(Date.now() / 1000) });
        later("customer.subscription.deleted", sub);
        return send(res, 200, sub);
      }
      if (method === "POST") {
        if (sub.status === "canceled")
          return apiError(res, 400, "A canceled subscription can only update its cancellation_details and metadata.");
        const newPrice = params.get("items[0][price]");
        if (newPrice && !prices[newPrice]) return apiError(res, 400, `No such price: '${newPrice}'`);
        if (newPrice)
          sub.items.data = [{ ...subscriptionItem(newPrice), id: params.get("items[0][id]") ?? newId("si") }];
        if (params.has("cancel_at_period_end"))
          sub.cancel_at_period_end = params.get("cancel_at_period_end") === "true";
        // Stripe tells the app about the change too, after answering.
        later("customer.subscription.updated", sub);
        return send(res, 200, sub);
      }
    }
    if (method === "POST" && pathname === "/v1/refunds") {
      const intentId = params.get("payment_intent") ?? "";
      if (
        options.demo &&
        !intents.has(intentId) &&
        /^pi_\w+$/.test(intentId) &&
        Number.isInteger(Number(params.get("amount")))
      ) {
        // An intent paid before a restart, or on the seed's stand-in: see StandInOptions.demo.
        const amount = Number(params.get("amount"));
        return send(res, 200, {
          id: `re_${randomUUID().replace(/-/g, "").slice(0, 20)}`,
          object: "refund",
          amount,
          currency: "vnd",
          payment_intent: intentId,
          status: "succeeded",
        });
      }
      const intent = intents.get(intentId);
      if (!intent) return apiError(res, 404, "No such payment_intent");
      const amount = Number(params.get("amount") ?? intent.amount_received);
      const already = refunded.get(intent.id) ?? 0;
      if (amount > intent.amount_received - already)
        return apiError(res, 400, "Refund amount is greater than unrefunded amount");
      refunded.set(intent.id, already + amount);
      return send(res, 200, {
        id: `re_${randomUUID().replace(/-/g, "").slice(0, 20)}`,
        object: "refund",
        amount,
        currency: intent.currency,
        payment_intent: intent.id,
        status: "succeeded",
      });
    }
    return apiError(res, 404, `stand-in has no ${method} ${pathname}`);
  }

  const server = http.createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on("data", (chunk: Buffer) => chunks.push(chunk));
    req.on("end", () => {
      const url = new URL(req.url ?? "/", base);
      const body = Buffer.concat(chunks).toString("utf8");
      const params = new URLSearchParams(req.method === "GET" ? url.search : body);
      if (url.pathname.startsWith("/v1/")) return void handleApi(req, res, url, params);
      const match = url.pathname.match(/^\/pay\/([^/]+)$/);
      const session = match ? sessions.get(match[1]!) : undefined;
      if (!session) return void send(res, 404, "not found");
      if (req.method === "POST") {
        // A second click (or the back button) must not pay twice: Stripe shows a paid session as done.
        if (session.status !== "open") {
          res.writeHead(303, { Location: session.status === "complete" ? session.success_url : session.cancel_url });
          res.end();
          return;
        }
        void (session.mode === "subscription" ? paySubscription(session.id) : pay(session.id)).then(
          () => {
            res.writeHead(303, { Location: session.success_url });
            res.end();
          },
          (error: Error) => send(res, 500, error.message),
        );
        return;
      }
      res.writeHead(200, { "Content-Type": "text/html; charset=utf-8", "Cache-Control": "no-store" });
      res.end(checkoutPage(session));
    });
  });
  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(options.port ?? 0, "127.0.0.1", resolve);
  });
  const port = (server.address() as AddressInfo).port;
  base = `http://127.0.0.1:${port}`;

  return {
    port,
    baseUrl: base,
    requests,
    sessions,
    intents,
    subscriptions,
    pay,
    paySubscription,
    changeSubscription,
    expire,
    refundDirectly,
    setFault(next: "none" | "error500" | "hang") {
      fault = next;
    },
    /** A provider config for the app pointing at this stand-in. */
    config: (timeoutMs?: number) => ({
      secretKey: "sk_test_stand_in",
      webhookSecret: options.webhookSecret,
      host: "127.0.0.1",
      port,
      protocol: "http" as const,
      timeoutMs,
    }),
    async stop() {
      for (const res of hanging) res.destroy();
      server.closeAllConnections();
      await new Promise((resolve) => server.close(resolve));
    },
  };
}

// The hosted payment page. It says in both languages that this is a test and
// no money moves, so nobody mistakes the demo for Stripe.
function checkoutPage(session: Session): string {
  const amount = new Intl.NumberFormat("vi-VN").format(session.amount_total);
  const what = session.description ? `<p>${escapeHtml(session.description)}</p>` : "";
  const state =
    session.status === "open"
      ? `<form method="post"><button type="submit">Thanh toán thử / Pay (test)</button></form>`
      : `<p>${
          session.status === "complete"
            ? "Đã thanh toán / Paid"
            : "Phiên thanh toán đã hết hạn / This checkout session has expired"
        }</p>`;
  return `<!doctype html><html lang="vi"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><title>Thanh toán thử nghiệm / Test payment</title>
<style>body{font-family:system-ui,sans-serif;max-width:32rem;margin:2rem auto;padding:0 1rem}.test{background:#fff4ce;border:2px solid #b58100;padding:.75rem;border-radius:.5rem}button{font-size:1.1rem;padding:.6rem 1.2rem}</style></head>
<body><p class="test" role="note"><strong>Thanh toán thử nghiệm — không có tiền thật được chuyển.</strong><br>Test payments — no real money moves.</p>
<h1>Thanh toán ${session.amount_total} VND</h1><p>${amount} ₫${
    session.mode === "subscription" ? ` — đăng ký định kỳ / subscription: ${escapeHtml(session.price ?? "")}` : ""
  }</p>${what}
${state}<p><a href="${escapeHtml(session.cancel_url)}">Huỷ / Cancel</a></p></body></html>`;
}

export type StripeStandIn = Awaited<ReturnType<typeof startStripeStandIn>>;
