// Webhook events are stored once, keyed by the provider's event id, and
// applied later by a worker: the webhook answers quickly, a replay finds
// the row and does nothing, and a failure (provider down while re-fetching)
// is retried with a growing delay instead of being lost.
import { db } from "~/db.server";
import { recordAudit } from "~/models/audit.server";
import { applyPaymentEvent } from "~/models/order.server";
import { kickJob } from "~/models/scheduler.server";
import { applyPlanSession, applySubscriptionEvent, subscriptionOfInvoice } from "~/models/plan.server";
import { applyServiceIntent, applyServiceSession } from "~/models/service-purchase.server";
import { retryDelay } from "~/models/search-sync.server";
import { paymentProvider, type WebhookEvent } from "~/payments/provider.server";
import { logger } from "~/utils/logger.server";

const BASE_DELAY_MS = 2_000;
const MAX_DELAY_MS = 30 * 60_000;
// An event that still fails after this many tries is dead-lettered: kept,
// no longer retried, and listed for staff. With the delays above the tries
// span about an hour (2 s doubling to 30 min), so a short Stripe outage is
// ridden out, while an event that can never apply (a checkout session Stripe
// does not know) stops costing a worker pass and a Stripe call every 30 min.
export const MAX_ATTEMPTS = 12;
// A claimed event is hidden from other workers this long; one that crashed
// mid-way becomes due again afterwards.
const LEASE_MS = 60_000;

export async function recordPaymentEvent(event: WebhookEvent): Promise<"recorded" | "duplicate"> {
  try {
    await db.paymentEvent.create({
      data: { id: event.id, type: event.type, objectId: event.objectId, payload: event.payload },
    });
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

export type PaymentDrainResult = { applied: number; failed: number; deadLettered: number };

/** Applies every due event once. Safe to run in several processes at once. */
export async function drainPaymentEvents(now = () => new Date()): Promise<PaymentDrainResult> {
  const result: PaymentDrainResult = { applied: 0, failed: 0, deadLettered: 0 };
  const due = await db.paymentEvent.findMany({
    where: { processedAt: null, deadLetteredAt: null, availableAt: { lte: now() } },
    orderBy: { receivedAt: "asc" },
    take: 100,
  });
  for (const event of due) {
    const claimed = await db.paymentEvent.updateMany({
      where: { id: event.id, processedAt: null, deadLetteredAt: null, attempts: event.attempts },
      data: { attempts: event.attempts + 1, availableAt: new Date(now().getTime() + LEASE_MS) },
    });
    if (claimed.count === 0) continue;
    try {
      await applyEvent(event);
      await db.paymentEvent.update({ where: { id: event.id }, data: { processedAt: now(), lastError: null } });
      result.applied += 1;
    } catch (error) {
      const message = (error instanceof Error ? error.message : String(error)).slice(0, 500);
      const attempts = event.attempts + 1;
      if (attempts >= MAX_ATTEMPTS) {
        logger.error(
          { err: error, eventId: event.id, type: event.type, attempts },
          "payment event dead-lettered: giving up after the last attempt",
        );
        await db.paymentEvent.update({ where: { id: event.id }, data: { lastError: message, deadLetteredAt: now() } });
        result.deadLettered += 1;
      } else {
        logger.warn({ err: error, eventId: event.id, type: event.type, attempts }, "payment event failed; will retry");
        await db.paymentEvent.update({
          where: { id: event.id },
          data: {
            lastError: message,
            availableAt: new Date(now().getTime() + retryDelay(attempts, BASE_DELAY_MS, MAX_DELAY_MS)),
          },
        });
      }
      result.failed += 1;
    }
  }
  return result;
}

/** What staff see of the events given up on: how many, and the latest. */
export async function deadLetteredEvents(take = 50) {
  const where = { processedAt: null, deadLetteredAt: { not: null } };
  const [count, events] = await Promise.all([
    db.paymentEvent.count({ where }),
    db.paymentEvent.findMany({
      where,
      orderBy: { deadLetteredAt: "desc" },
      take,
      select: { id: true, type: true, attempts: true, lastError: true, deadLetteredAt: true },
    }),
  ]);
  return { count, events };
}

/**
 * Staff send a dead-lettered event back to the worker (after fixing what it
 * needed, e.g. Stripe was down longer than the tries lasted): it gets a
 * fresh set of attempts. False when the event is not dead-lettered.
 */
export async function retryDeadLetteredEvent(eventId: string, actorId: string): Promise<boolean> {
  const revived = await db.$transaction(async (tx) => {
    const moved = await tx.paymentEvent.updateMany({
      where: { id: eventId, processedAt: null, deadLetteredAt: { not: null } },
      data: { deadLetteredAt: null, attempts: 0, availableAt: new Date() },
    });
    if (moved.count)
      await recordAudit(tx, {
        actorId,
        action: "payment_event.retried",
        entityType: "paymentEvent",
        entityId: eventId,
      });
    return moved.count === 1;
  });
  if (revived) kickPaymentWorker();
  return revived;
}

/** The scheduler's name for the payment worker's poll (app/models/scheduled-jobs.server.ts). */
export const PAYMENT_JOB = "payment-events";

let running: Promise<unknown> | null = null;

/**
 * Applies newly recorded events now. With a scheduler in this process, its
 * "payment-events" job does it (one process at a time; the same job polls
 * for retries every few seconds). Without one (SCHEDULER=off, the test
 * server), this process drains itself: the per-event claims keep that safe
 * beside the scheduler's run elsewhere, and retries wait for that poll.
 */
export function kickPaymentWorker() {
  if (kickJob(PAYMENT_JOB)) return;
  if (running) return;
  running = drainPaymentEvents()
    .catch((error: unknown) => logger.error({ err: error }, "payment event worker failed"))
    .finally(() => {
      running = null;
    });
}
