// One-off services the platform sells to providers (technology valuation,
// featured placement of an offer for some days), paid through Checkout in
// payment mode. Like orders, the row exists before Stripe is asked and its
// id is the idempotency key; a paid session (re-fetched) is applied once.
// The money is the platform's own, so it stays out of the providers'
// settlement ledger and is reported to staff separately.
import { db, type OrderStatus, type PlatformServiceKind, type Prisma } from "~/db.server";
import { recordAudit } from "~/models/audit.server";
import { appBaseUrl } from "~/models/notification.server";
import { currentPlan } from "~/models/plan.server";
import { INCLUDED_FEATURED_DAYS, limitsFor, servicePrice } from "~/payments/plans";
import { paymentProvider, type CheckoutSession, type PaymentIntent } from "~/payments/provider.server";
import { logger } from "~/utils/logger.server";

export type ServiceError =
  | "notConfigured"
  | "notProvider"
  | "offerNotAvailable"
  | "planRequired"
  | "includedUsed"
  | "providerUnavailable"
  | "notFulfillable";

export class ServiceFailure extends Error {
  constructor(readonly code: ServiceError) {
    super(code);
  }
}

const DAY_MS = 86_400_000;

export type ServiceChoice =
  | { kind: "TECHNOLOGY_VALUATION" }
  | { kind: "FEATURED_PLACEMENT"; offerId: string; days: number };

async function checkChoice(organisationId: string, choice: ServiceChoice) {
  const organisation = await db.organisation.findUnique({ where: { id: organisationId }, select: { kind: true } });
  if (organisation?.kind !== "PROVIDER" && organisation?.kind !== "RESEARCH") throw new ServiceFailure("notProvider");
  if (choice.kind !== "FEATURED_PLACEMENT") return;
  const offer = await db.offer.findFirst({
    where: { id: choice.offerId, organisationId, status: "PUBLISHED" },
    select: { id: true },
  });
  if (!offer) throw new ServiceFailure("offerNotAvailable");
  const { tier } = await currentPlan(organisationId);
  if (!limitsFor(tier).featuredPlacement) throw new ServiceFailure("planRequired");
}

export async function startServicePurchase(input: {
  organisationId: string;
  userId: string;
  choice: ServiceChoice;
  titleVi: string;
}): Promise<{ purchaseId: string; checkoutUrl: string }> {
  const provider = paymentProvider();
  if (!provider) throw new ServiceFailure("notConfigured");
  await checkChoice(input.organisationId, input.choice);
  const { choice } = input;
  const amountVnd = servicePrice(choice.kind, choice.kind === "FEATURED_PLACEMENT" ? choice.days : undefined);
  const purchase = await db.$transaction(async (tx) => {
    const created = await tx.servicePurchase.create({
      data: {
        organisationId: input.organisationId,
        userId: input.userId,
        kind: choice.kind,
        amountVnd,
        ...(choice.kind === "FEATURED_PLACEMENT" ? { offerId: choice.offerId, days: choice.days } : {}),
      },
    });
    await recordAudit(tx, {
      actorId: input.userId,
      action: "service.create",
      entityType: "ServicePurchase",
      entityId: created.id,
      data: { kind: choice.kind, amountVnd: amountVnd.toString(), days: created.days, offerId: created.offerId },
    });
    return created;
  });

  let session: CheckoutSession;
  try {
    session = await provider.createCheckoutSession({
      kind: "payment",
      lineItems: [{ name: input.titleVi, unitAmountVnd: amountVnd, quantity: 1 }],
      metadata: { servicePurchaseId: purchase.id, organisationId: input.organisationId },
      successUrl: `${appBaseUrl()}/orgs/${input.organisationId}/services?checkout=success`,
      cancelUrl: `${appBaseUrl()}/orgs/${input.organisationId}/services?checkout=cancelled`,
      idempotencyKey: `service-${purchase.id}-checkout`,
    });
  } catch (error) {
    const reason = `checkout_unavailable: ${(error as Error).message}`.slice(0, 500);
    logger.warn(
      { err: error, servicePurchaseId: purchase.id },
      "service checkout could not be created; purchase cancelled",
    );
    await db.$transaction(async (tx) => {
      await tx.servicePurchase.update({
        where: { id: purchase.id },
        data: { status: "CANCELLED", failureReason: reason, cancelledAt: new Date() },
      });
      await recordAudit(tx, {
        actorId: input.userId,
        action: "service.checkout_failed",
        entityType: "ServicePurchase",
        entityId: purchase.id,
        data: { reason },
      });
    });
    throw new ServiceFailure("providerUnavailable");
  }
  await db.servicePurchase.update({
    where: { id: purchase.id },
    data: { checkoutSessionId: session.id, checkoutUrl: session.url },
  });
  if (!session.url) throw new ServiceFailure("providerUnavailable");
  return { purchaseId: purchase.id, checkoutUrl: session.url };
}

// Extends from today, or from the end of a placement still running, so
// buying again never shortens what was paid for.
async function extendFeatured(tx: Prisma.TransactionClient, offerId: string, days: number, now: Date) {
  const offer = await tx.offer.findUnique({ where: { id: offerId }, select: { featuredUntil: true } });
  if (!offer) return null;
  const from = offer.featuredUntil && offer.featuredUntil > now ? offer.featuredUntil : now;
  const featuredUntil = new Date(from.getTime() + days * DAY_MS);
  await tx.offer.update({ where: { id: offerId }, data: { featuredUntil } });
  return featuredUntil;
}

async function markPaid(purchaseId: string, amountPaidVnd: bigint, paymentIntentId: string | null, source: string) {
  const now = new Date();
  await db.$transaction(async (tx) => {
    const moved = await tx.servicePurchase.updateMany({
      where: { id: purchaseId, status: { in: ["PENDING", "CANCELLED"] } },
      data: {
        status: "PAID",
        amountPaidVnd,
        paidAt: now,
        failureReason: null,
        cancelledAt: null,
        ...(paymentIntentId ? { paymentIntentId } : {}),
      },
    });
    if (moved.count === 0) {
      if (paymentIntentId)
        await tx.servicePurchase.updateMany({
          where: { id: purchaseId, paymentIntentId: null },
          data: { paymentIntentId },
        });
      return;
    }
    const purchase = await tx.servicePurchase.findUniqueOrThrow({ where: { id: purchaseId } });
    const featuredUntil =
      purchase.kind === "FEATURED_PLACEMENT" && purchase.offerId && purchase.days
        ? await extendFeatured(tx, purchase.offerId, purchase.days, now)
        : null;
    await recordAudit(tx, {
      actorId: null,
      action: "service.paid",
      entityType: "ServicePurchase",
      entityId: purchaseId,
      data: { amountPaidVnd: amountPaidVnd.toString(), source, featuredUntil },
    });
  });
}

async function purchaseFor(metadata: Record<string, string>, where: Prisma.ServicePurchaseWhereInput) {
  if (metadata.servicePurchaseId) {
    const byId = await db.servicePurchase.findUnique({ where: { id: metadata.servicePurchaseId } });
    if (byId) return byId;
  }
  return db.servicePurchase.findFirst({ where });
}

export async function applyServiceSession(session: CheckoutSession, source: string) {
  const purchase = await purchaseFor(session.metadata, { checkoutSessionId: session.id });
  if (!purchase) return logger.warn({ sessionId: session.id }, "service event for a session with no purchase; ignored");
  if (session.paymentStatus === "paid") {
    await markPaid(purchase.id, session.amountTotalVnd ?? purchase.amountVnd, session.paymentIntentId, source);
  } else if (session.status === "expired") {
    await db.$transaction(async (tx) => {
      const moved = await tx.servicePurchase.updateMany({
        where: { id: purchase.id, status: "PENDING" },
        data: { status: "CANCELLED", failureReason: "checkout_expired", cancelledAt: new Date() },
      });
      if (moved.count)
        await recordAudit(tx, {
          actorId: null,
          action: "service.expired",
          entityType: "ServicePurchase",
          entityId: purchase.id,
        });
    });
  }
}

export async function applyServiceIntent(intent: PaymentIntent, source: string) {
  const purchase = await purchaseFor(intent.metadata, { paymentIntentId: intent.id });
  if (!purchase)
    return logger.warn({ paymentIntentId: intent.id }, "service event for a payment intent with no purchase; ignored");
  if (intent.status === "succeeded") await markPaid(purchase.id, intent.amountReceivedVnd, intent.id, source);
}

/**
 * A plan that includes featured placement: an offer is featured for 30 days
 * at no charge, as long as fewer than the included number are featured now.
 */
export async function featureIncluded(input: { organisationId: string; userId: string; offerId: string }) {
  const { tier } = await currentPlan(input.organisationId);
  const included = limitsFor(tier).featuredIncluded;
  if (included === 0) throw new ServiceFailure("planRequired");
  const now = new Date();
  await db.$transaction(async (tx) => {
    const offer = await tx.offer.findFirst({
      where: { id: input.offerId, organisationId: input.organisationId, status: "PUBLISHED" },
      select: { id: true },
    });
    if (!offer) throw new ServiceFailure("offerNotAvailable");
    const running = await tx.servicePurchase.count({
      where: {
        organisationId: input.organisationId,
        kind: "FEATURED_PLACEMENT",
        amountVnd: 0n,
        status: "PAID",
        offer: { featuredUntil: { gt: now } },
      },
    });
    if (running >= included) throw new ServiceFailure("includedUsed");
    const created = await tx.servicePurchase.create({
      data: {
        organisationId: input.organisationId,
        userId: input.userId,
        kind: "FEATURED_PLACEMENT",
        offerId: offer.id,
        days: INCLUDED_FEATURED_DAYS,
        amountVnd: 0n,
        amountPaidVnd: 0n,
        status: "PAID",
        paidAt: now,
      },
    });
    const featuredUntil = await extendFeatured(tx, offer.id, INCLUDED_FEATURED_DAYS, now);
    await recordAudit(tx, {
      actorId: input.userId,
      action: "service.included_featured",
      entityType: "ServicePurchase",
      entityId: created.id,
      data: { tier, featuredUntil },
    });
  });
}

/** Staff mark a paid valuation as delivered. */
export async function fulfilService(purchaseId: string, actorId: string): Promise<boolean> {
  return db.$transaction(async (tx) => {
    const moved = await tx.servicePurchase.updateMany({
      where: { id: purchaseId, kind: "TECHNOLOGY_VALUATION", status: "PAID" },
      data: { status: "FULFILLED", fulfilledAt: new Date() },
    });
    if (moved.count)
      await recordAudit(tx, { actorId, action: "service.fulfil", entityType: "ServicePurchase", entityId: purchaseId });
    return moved.count === 1;
  });
}

export type ServiceRow = {
  id: string;
  kind: PlatformServiceKind;
  status: OrderStatus;
  offerTitle: string | null;
  days: number | null;
  amountVnd: number;
  amountPaidVnd: number | null;
  createdAt: Date;
  paidAt: Date | null;
  fulfilledAt: Date | null;
  failureReason: string | null;
  checkoutUrl: string | null;
  organisation: string;
};

const rowSelect = {
  id: true,
  kind: true,
  status: true,
  days: true,
  amountVnd: true,
  amountPaidVnd: true,
  createdAt: true,
  paidAt: true,
  fulfilledAt: true,
  failureReason: true,
  checkoutUrl: true,
  offer: { select: { titleVi: true } },
  organisation: { select: { name: true } },
} satisfies Prisma.ServicePurchaseSelect;

function toRow(p: Prisma.ServicePurchaseGetPayload<{ select: typeof rowSelect }>): ServiceRow {
  return {
    id: p.id,
    kind: p.kind,
    status: p.status,
    offerTitle: p.offer?.titleVi ?? null,
    days: p.days,
    amountVnd: Number(p.amountVnd),
    amountPaidVnd: p.amountPaidVnd === null ? null : Number(p.amountPaidVnd),
    createdAt: p.createdAt,
    paidAt: p.paidAt,
    fulfilledAt: p.fulfilledAt,
    failureReason: p.failureReason,
    checkoutUrl: p.status === "PENDING" ? p.checkoutUrl : null,
    organisation: p.organisation.name,
  };
}

export async function listServicePurchases(organisationId: string): Promise<ServiceRow[]> {
  const rows = await db.servicePurchase.findMany({
    where: { organisationId },
    select: rowSelect,
    orderBy: { createdAt: "desc" },
    take: 100,
  });
  return rows.map(toRow);
}

/** The organisation's published offers, with how long each is featured for. */
export async function featurableOffers(organisationId: string) {
  return db.offer.findMany({
    where: { organisationId, status: "PUBLISHED" },
    select: { id: true, titleVi: true, featuredUntil: true },
    orderBy: { titleVi: "asc" },
  });
}

/** Platform revenue from services paid in [from, to), for staff; not part of any provider's settlement. */
export async function platformServiceRevenue(from: Date, to: Date) {
  const rows = await db.servicePurchase.findMany({
    where: { paidAt: { gte: from, lt: to }, amountVnd: { gt: 0n } },
    select: rowSelect,
    orderBy: { paidAt: "asc" },
  });
  const lines = rows.map(toRow);
  const total = rows.reduce((sum, r) => sum + (r.amountPaidVnd ?? 0n), 0n);
  return { lines, totalVnd: Number(total) };
}

/** Currently featured published offers, the latest to end first. */
export async function featuredOffers(limit: number, now = new Date()) {
  return db.offer.findMany({
    where: { status: "PUBLISHED", featuredUntil: { gt: now } },
    select: {
      id: true,
      slug: true,
      titleVi: true,
      titleEn: true,
      summaryVi: true,
      featuredUntil: true,
      organisation: { select: { name: true } },
      media: { where: { kind: "LOGO" }, select: { storedName: true }, take: 1 },
    },
    orderBy: [{ featuredUntil: "desc" }, { id: "asc" }],
    take: limit,
  });
}

/** Everything the services page shows. */
export async function servicesOverview(organisationId: string) {
  const [{ tier }, purchases, offers] = await Promise.all([
    currentPlan(organisationId),
    listServicePurchases(organisationId),
    featurableOffers(organisationId),
  ]);
  return { tier, limits: limitsFor(tier), purchases, offers, configured: paymentProvider() !== null };
}
