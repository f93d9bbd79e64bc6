// Webhook events are stored once, keyed by the provider's event id, and
// applied later by a worker: the webhook answers quickly, a replay finds
// the row and does nothing, and a failure (provider down while re-fetching)
// is retried with a growing delay instead of being lost.
import { db } from "~/db.server";
import { applyPaymentEvent } from "~/models/order.server";
import { applyPlanSession, applySubscriptionEvent, subscriptionOfInvoice } from "~/models/plan.server";
import { applyServiceIntent, applyServiceSession } from "~/models/service-purchase.server";
import { retryDelay } from "~/models/search-sync.server";
import { paymentProvider, type WebhookEvent } from "~/payments/provider.server";
import { logger } from "~/utils/logger.server";

const BASE_DELAY_MS = 2_000;
const MAX_DELAY_MS = 30 * 60_000;
// A claimed event is hidden from other workers this long; one that crashed
// mid-way becomes due again afterwards.
const LEASE_MS = 60_000;

export async function recordPaymentEvent(event: WebhookEvent): Promise<"recorded" | "duplicate"> {
  try {
    await db.paymentEvent.create({ data: { id: event.id, type: event.type, objectId: event.objectId, payload: event.payload } });
    return "recorded";
  } catch (error) {
    if ((error as { code?: string }).code === "P2002") return "duplicate";
    throw error;
  }
}

// Plans and platform services share the webhook and the worker with
// package orders; what the event's object (re-fetched) is about decides who
// applies it. Orders re-fetch on their own, so theirs is fetched twice.
async function applyEvent(event: { type: string; objectId: string | null; payload: string }) {
  const provider = paymentProvider();
  if (!provider) throw new Error("payments are not configured");
  if (!event.objectId) return;
  if (event.type.startsWith("customer.subscription.")) return applySubscriptionEvent(event.objectId, event.type);
  if (event.type.startsWith("invoice.")) {
    const subscriptionId = subscriptionOfInvoice(event.payload);
    return subscriptionId ? applySubscriptionEvent(subscriptionId, event.type) : undefined;
  }
  if (event.type.startsWith("checkout.session.")) {
    const session = await provider.retrieveCheckoutSession(event.objectId);
    if (session.metadata.planSubscriptionId) return applyPlanSession(session, event.type);
    if (session.metadata.servicePurchaseId) return applyServiceSession(session, event.type);
  } else if (event.type.startsWith("payment_intent.")) {
    const intent = await provider.retrievePaymentIntent(event.objectId);
    if (intent.metadata.servicePurchaseId) return applyServiceIntent(intent, event.type);
  }
  await applyPaymentEvent(event);
}

export type PaymentDrainResult = { applied: number; failed: number };

/** Applies every due event once. Safe to run in several processes at once. */
export async function drainPaymentEvents(now = () => new Date()): Promise<PaymentDrainResult> {
  const result: PaymentDrainResult = { applied: 0, failed: 0 };
  const due = await db.paymentEvent.findMany({
    where: { processedAt: null, availableAt: { lte: now() } },
    orderBy: { receivedAt: "asc" },
    take: 100,
  });
  for (const event of due) {
    const claimed = await db.paymentEvent.updateMany({
      where: { id: event.id, processedAt: null, attempts: event.attempts },
      data: { attempts: event.attempts + 1, availableAt: new Date(now().getTime() + LEASE_MS) },
    });
    if (claimed.count === 0) continue;
    try {
      await applyEvent(event);
      await db.paymentEvent.update({ where: { id: event.id }, data: { processedAt: now(), lastError: null } });
      result.applied += 1;
    } catch (error) {
      const message = error instanceof Error ? error.message : String(error);
      logger.warn({ err: error, eventId: event.id, type: event.type }, "payment event failed; will retry");
      await db.paymentEvent.update({
        where: { id: event.id },
        data: { lastError: message.slice(0, 500), availableAt: new Date(now().getTime() + retryDelay(event.attempts + 1, BASE_DELAY_MS, MAX_DELAY_MS)) },
      });
      result.failed += 1;
    }
  }
  return result;
}

let running: Promise<unknown> | null = null;
let timer: NodeJS.Timeout | null = null;

/** Starts polling (for retries) on first use and drains now. */
export function kickPaymentWorker(intervalMs = 5_000) {
  if (!timer) {
    timer = setInterval(() => kickPaymentWorker(intervalMs), intervalMs);
    timer.unref();
  }
  if (running) return;
  running = drainPaymentEvents()
    .catch((error: unknown) => logger.error({ err: error }, "payment event worker failed"))
    .finally(() => {
      running = null;
    });
}
