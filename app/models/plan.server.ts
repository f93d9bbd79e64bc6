// Provider plans: a Stripe subscription per paid plan, one live at a time
// per organisation. The row is written before Stripe is asked (its id is the
// idempotency key and travels in the metadata of the session and of the
// subscription); afterwards only Stripe's own state, re-fetched whenever an
// event says something changed, moves it. FREE is having no live row.
import { db, type PlanSubscriptionStatus, type Prisma } from "~/db.server";
import { changedFields, recordAudit } from "~/models/audit.server";
import { appBaseUrl } from "~/models/notification.server";
import { noticesFor, notify, organisationMembers } from "~/models/notify.server";
import {
  limitsFor,
  mayPublishAnother,
  PLAN_PRICES_VND,
  type Interval,
  type PaidTier,
  type PlanLimits,
  type PlanTierName,
} from "~/payments/plans";
import {
  paymentProvider,
  planForPrice,
  planPriceId,
  ProviderRejectedError,
  type CheckoutSession,
  type ProviderSubscription,
} from "~/payments/provider.server";
import { logger } from "~/utils/logger.server";

export type PlanError =
  | "notConfigured"
  | "priceNotConfigured"
  | "notProvider"
  | "alreadyOnPlan"
  | "noPlan"
  | "providerUnavailable"
  | "rejected";

export class PlanFailure extends Error {
  constructor(readonly code: PlanError) {
    super(code);
  }
}

// A past-due plan keeps its benefits while Stripe retries the renewal.
type PlanSubscription = Prisma.PlanSubscriptionGetPayload<object>;

const LIVE: PlanSubscriptionStatus[] = ["ACTIVE", "PAST_DUE"];
// A checkout nobody finished is reused for a second click within this time.
const REUSE_CHECKOUT_MS = 30 * 60_000;

async function liveRow(organisationId: string, client: Pick<Prisma.TransactionClient, "planSubscription"> = db) {
  return client.planSubscription.findFirst({
    where: { organisationId, status: { in: LIVE } },
    orderBy: { createdAt: "desc" },
  });
}

export type CurrentPlan = { tier: PlanTierName; subscription: PlanSubscription | null };

export async function currentPlan(organisationId: string): Promise<CurrentPlan> {
  const row = await liveRow(organisationId);
  return { tier: row?.tier ?? "FREE", subscription: row };
}

/** Offers that count against the plan: published ones and those waiting for review. */
export async function offersInUse(
  organisationId: string,
  client: Pick<Prisma.TransactionClient, "offer"> = db,
): Promise<number> {
  return client.offer.count({ where: { organisationId, status: { in: ["PUBLISHED", "SUBMITTED"] } } });
}

export async function planLimits(organisationId: string): Promise<PlanLimits & { tier: PlanTierName }> {
  const { tier } = await currentPlan(organisationId);
  return { tier, ...limitsFor(tier) };
}

/** Whether the organisation's plan lets one more offer be sent for review. */
export async function offerLimitAllowsAnother(organisationId: string): Promise<boolean> {
  const [{ tier }, used] = await Promise.all([currentPlan(organisationId), offersInUse(organisationId)]);
  return mayPublishAnother(tier, used);
}

async function requireOffering(organisationId: string) {
  const organisation = await db.organisation.findUnique({ where: { id: organisationId }, select: { kind: true } });
  if (organisation?.kind !== "PROVIDER" && organisation?.kind !== "RESEARCH") throw new PlanFailure("notProvider");
}

export type PlanChange = { kind: "checkout"; url: string } | { kind: "changed" };

/**
 * Buys a paid plan, or moves a live plan to another tier or interval.
 * A first plan goes through Checkout (subscription mode); a change to a live
 * one asks Stripe to switch the subscription's price (prorated).
 */
export async function choosePlan(input: {
  organisationId: string;
  userId: string;
  tier: PaidTier;
  interval: Interval;
}): Promise<PlanChange> {
  const provider = paymentProvider();
  if (!provider) throw new PlanFailure("notConfigured");
  const priceId = planPriceId(input.tier, input.interval);
  if (!priceId) throw new PlanFailure("priceNotConfigured");
  await requireOffering(input.organisationId);

  const live = await liveRow(input.organisationId);
  if (live) {
    if (live.tier === input.tier && live.interval === input.interval) throw new PlanFailure("alreadyOnPlan");
    await changePrice(live, input, priceId);
    return { kind: "changed" };
  }

  const row = await db.$transaction(async (tx) => {
    const open = await tx.planSubscription.findFirst({
      where: { organisationId: input.organisationId, status: "INCOMPLETE" },
      orderBy: { createdAt: "desc" },
    });
    // A double click, or back and forward again: the checkout already open.
    if (
      open &&
      open.tier === input.tier &&
      open.interval === input.interval &&
      open.checkoutUrl &&
      Date.now() - open.createdAt.getTime() < REUSE_CHECKOUT_MS
    )
      return open;
    if (open) {
      await tx.planSubscription.updateMany({
        where: { organisationId: input.organisationId, status: "INCOMPLETE" },
        data: { status: "CANCELED", canceledAt: new Date() },
      });
      await recordAudit(tx, {
        actorId: input.userId,
        action: "plan.checkout_abandoned",
        entityType: "PlanSubscription",
        entityId: open.id,
      });
    }
    const created = await tx.planSubscription.create({
      data: {
        organisationId: input.organisationId,
        tier: input.tier,
        interval: input.interval,
        amountVnd: PLAN_PRICES_VND[input.tier][input.interval],
        startedById: input.userId,
      },
    });
    await recordAudit(tx, {
      actorId: input.userId,
      action: "plan.checkout_started",
      entityType: "PlanSubscription",
      entityId: created.id,
      data: { tier: input.tier, interval: input.interval, amountVnd: created.amountVnd.toString() },
    });
    return created;
  });
  if (row.checkoutUrl) return { kind: "checkout", url: row.checkoutUrl };

  let session: CheckoutSession;
  try {
    session = await provider.createCheckoutSession({
      kind: "subscription",
      lineItems: [{ priceId, quantity: 1 }],
      metadata: { planSubscriptionId: row.id, organisationId: input.organisationId },
      successUrl: `${appBaseUrl()}/orgs/${input.organisationId}/plan?checkout=success`,
      cancelUrl: `${appBaseUrl()}/orgs/${input.organisationId}/plan?checkout=cancelled`,
      idempotencyKey: `plan-${row.id}-checkout`,
    });
  } catch (error) {
    const reason = `checkout_unavailable: ${(error as Error).message}`.slice(0, 500);
    logger.warn({ err: error, planSubscriptionId: row.id }, "plan checkout could not be created; closed");
    await db.$transaction(async (tx) => {
      await tx.planSubscription.update({ where: { id: row.id }, data: { status: "CANCELED", canceledAt: new Date() } });
      await recordAudit(tx, {
        actorId: input.userId,
        action: "plan.checkout_failed",
        entityType: "PlanSubscription",
        entityId: row.id,
        data: { reason },
      });
    });
    throw new PlanFailure("providerUnavailable");
  }
  await db.planSubscription.update({
    where: { id: row.id },
    data: { checkoutSessionId: session.id, checkoutUrl: session.url },
  });
  if (!session.url) throw new PlanFailure("providerUnavailable");
  return { kind: "checkout", url: session.url };
}

async function changePrice(
  live: PlanSubscription,
  input: { userId: string; tier: PaidTier; interval: Interval },
  priceId: string,
) {
  const provider = paymentProvider()!;
  if (!live.providerSubscriptionId) throw new PlanFailure("providerUnavailable");
  let updated: ProviderSubscription;
  try {
    updated = await provider.updateSubscription(live.providerSubscriptionId, {
      priceId,
      // Going back to a plan once left is a new change: the key names the target and the row's state.
      idempotencyKey: `plan-${live.id}-price-${priceId}-${live.updatedAt.getTime()}`,
    });
  } catch (error) {
    logger.warn({ err: error, planSubscriptionId: live.id }, "plan change refused or not answered");
    throw new PlanFailure(error instanceof ProviderRejectedError ? "rejected" : "providerUnavailable");
  }
  await applySubscriptionState(live.id, updated, { actorId: input.userId, action: "plan.changed" });
}

/** Cancel at the end of the period already paid (downgrade to FREE), or take that back. */
export async function setCancelAtPeriodEnd(input: { organisationId: string; userId: string; cancel: boolean }) {
  const provider = paymentProvider();
  if (!provider) throw new PlanFailure("notConfigured");
  const live = await liveRow(input.organisationId);
  if (!live?.providerSubscriptionId) throw new PlanFailure("noPlan");
  let updated: ProviderSubscription;
  try {
    updated = await provider.updateSubscription(live.providerSubscriptionId, {
      cancelAtPeriodEnd: input.cancel,
      idempotencyKey: `plan-${live.id}-cancel-${input.cancel}-${live.updatedAt.getTime()}`,
    });
  } catch (error) {
    logger.warn({ err: error, planSubscriptionId: live.id }, "plan cancellation refused or not answered");
    throw new PlanFailure(error instanceof ProviderRejectedError ? "rejected" : "providerUnavailable");
  }
  await applySubscriptionState(live.id, updated, {
    actorId: input.userId,
    action: input.cancel ? "plan.cancel_requested" : "plan.cancel_withdrawn",
  });
}

function statusOf(stripeStatus: string): PlanSubscriptionStatus {
  if (stripeStatus === "active" || stripeStatus === "trialing") return "ACTIVE";
  if (stripeStatus === "past_due" || stripeStatus === "unpaid" || stripeStatus === "paused") return "PAST_DUE";
  if (stripeStatus === "incomplete") return "INCOMPLETE";
  return "CANCELED";
}

/** Writes Stripe's view of a subscription onto its row; nothing (and no audit) when nothing changed. */
async function applySubscriptionState(
  rowId: string,
  sub: ProviderSubscription,
  audit: { actorId: string | null; action: string },
) {
  const plan = planForPrice(sub.priceId);
  if (sub.priceId && !plan)
    logger.warn({ subscriptionId: sub.id, priceId: sub.priceId }, "subscription on a price no plan uses; tier kept");
  const status = statusOf(sub.status);
  await db.$transaction(async (tx) => {
    const row = await tx.planSubscription.findUniqueOrThrow({ where: { id: rowId } });
    const next = {
      status,
      providerSubscriptionId: sub.id,
      providerCustomerId: sub.customerId ?? row.providerCustomerId,
      currentPeriodEnd: sub.currentPeriodEnd,
      cancelAtPeriodEnd: sub.cancelAtPeriodEnd,
      ...(plan ? { tier: plan.tier, interval: plan.interval } : {}),
      ...(sub.unitAmountVnd ? { amountVnd: sub.unitAmountVnd } : {}),
      canceledAt: status === "CANCELED" ? row.canceledAt ?? new Date() : null,
    };
    const diff = changedFields({ ...row, amountVnd: row.amountVnd.toString() } as Record<string, unknown>, {
      ...next,
      amountVnd: next.amountVnd?.toString() ?? row.amountVnd.toString(),
    });
    if (Object.keys(diff.after).length === 0) return;
    await tx.planSubscription.update({ where: { id: row.id }, data: next });
    // A paid plan replaces any other checkout the organisation left open.
    if (status === "ACTIVE") {
      await tx.planSubscription.updateMany({
        where: { organisationId: row.organisationId, status: "INCOMPLETE", id: { not: row.id } },
        data: { status: "CANCELED", canceledAt: new Date() },
      });
    }
    await recordAudit(tx, {
      actorId: audit.actorId,
      action: audit.action,
      entityType: "PlanSubscription",
      entityId: row.id,
      ...diff,
    });
    // A live plan falling past due is a renewal that did not go through; the
    // owners are told once per fall (a later event that keeps PAST_DUE changes nothing).
    if (row.status === "ACTIVE" && status === "PAST_DUE") {
      const organisation = await tx.organisation.findUniqueOrThrow({
        where: { id: row.organisationId },
        select: { name: true },
      });
      await notify(
        tx,
        noticesFor(await organisationMembers(tx, row.organisationId, { roles: ["OWNER"] }), {
          kind: "plan.renewal_failed",
          link: `/orgs/${row.organisationId}/plan`,
          values: { organisation: organisation.name, planKey: `plans.tiers.${next.tier ?? row.tier}` },
        }),
      );
    }
  });
}

async function rowFor(metadata: Record<string, string>, where: Prisma.PlanSubscriptionWhereInput) {
  if (metadata.planSubscriptionId) {
    const byId = await db.planSubscription.findUnique({ where: { id: metadata.planSubscriptionId } });
    if (byId) return byId;
  }
  return db.planSubscription.findFirst({ where });
}

/** checkout.session.* in subscription mode, the session already re-fetched. */
export async function applyPlanSession(session: CheckoutSession, source: string) {
  const row = await rowFor(session.metadata, { checkoutSessionId: session.id });
  if (!row) {
    logger.warn({ sessionId: session.id }, "plan event for a session with no plan here; ignored");
    return;
  }
  if (session.status === "complete" && session.subscriptionId) {
    const sub = await paymentProvider()!.retrieveSubscription(session.subscriptionId);
    await applySubscriptionState(row.id, sub, { actorId: null, action: `plan.sync:${source}` });
  } else if (session.status === "expired") {
    await db.$transaction(async (tx) => {
      const moved = await tx.planSubscription.updateMany({
        where: { id: row.id, status: "INCOMPLETE" },
        data: { status: "CANCELED", canceledAt: new Date() },
      });
      if (moved.count)
        await recordAudit(tx, {
          actorId: null,
          action: "plan.checkout_expired",
          entityType: "PlanSubscription",
          entityId: row.id,
        });
    });
  }
}

/** customer.subscription.* and invoice.*: the subscription re-fetched from Stripe decides. */
export async function applySubscriptionEvent(subscriptionId: string, source: string) {
  const sub = await paymentProvider()!.retrieveSubscription(subscriptionId);
  const row = await rowFor(sub.metadata, { providerSubscriptionId: sub.id });
  if (!row) {
    logger.warn({ subscriptionId }, "subscription event for no plan here; ignored");
    return;
  }
  await applySubscriptionState(row.id, sub, { actorId: null, action: `plan.sync:${source}` });
}

/** The invoice's subscription, from the stored event (an id only; its state is re-fetched). */
export function subscriptionOfInvoice(payload: string): string | null {
  try {
    const object = (JSON.parse(payload) as { data?: { object?: Record<string, unknown> } }).data?.object ?? {};
    const parent = object.parent as { subscription_details?: { subscription?: unknown } } | undefined;
    const id = parent?.subscription_details?.subscription ?? object.subscription;
    if (typeof id === "string") return id;
    if (id && typeof (id as { id?: unknown }).id === "string") return (id as { id: string }).id;
    return null;
  } catch {
    return null;
  }
}

export async function planHistory(organisationId: string) {
  const rows = await db.planSubscription.findMany({
    where: { organisationId },
    orderBy: { createdAt: "desc" },
    take: 50,
  });
  return rows.map((r) => ({
    id: r.id,
    tier: r.tier,
    interval: r.interval,
    status: r.status,
    amountVnd: Number(r.amountVnd),
    currentPeriodEnd: r.currentPeriodEnd,
    cancelAtPeriodEnd: r.cancelAtPeriodEnd,
    createdAt: r.createdAt,
    canceledAt: r.canceledAt,
  }));
}

/** Which paid plans can be bought right now (their Stripe price is set up). */
export function purchasablePlans(): Record<PaidTier, Record<Interval, boolean>> {
  const configured = paymentProvider() !== null;
  const can = (tier: PaidTier, interval: Interval) => configured && planPriceId(tier, interval) !== null;
  return {
    VERIFIED: { MONTH: can("VERIFIED", "MONTH"), YEAR: can("VERIFIED", "YEAR") },
    PREMIUM: { MONTH: can("PREMIUM", "MONTH"), YEAR: can("PREMIUM", "YEAR") },
  };
}

/** Everything the plan page shows. */
export async function planOverview(organisationId: string) {
  const [{ tier, subscription }, used, history, pending] = await Promise.all([
    currentPlan(organisationId),
    offersInUse(organisationId),
    planHistory(organisationId),
    db.planSubscription.findFirst({
      where: { organisationId, status: "INCOMPLETE", checkoutUrl: { not: null } },
      orderBy: { createdAt: "desc" },
    }),
  ]);
  return {
    tier,
    limits: limitsFor(tier),
    used,
    subscription: subscription && {
      interval: subscription.interval,
      status: subscription.status,
      amountVnd: Number(subscription.amountVnd),
      currentPeriodEnd: subscription.currentPeriodEnd,
      cancelAtPeriodEnd: subscription.cancelAtPeriodEnd,
    },
    pending:
      pending && Date.now() - pending.createdAt.getTime() < REUSE_CHECKOUT_MS
        ? { tier: pending.tier, checkoutUrl: pending.checkoutUrl! }
        : null,
    history,
    configured: paymentProvider() !== null,
    purchasable: purchasablePlans(),
  };
}
