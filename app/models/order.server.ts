// Orders of priced offer packages, paid through the payment provider.
// Amounts are whole đồng (BigInt) everywhere. The order row is written
// before the provider is asked for a Checkout session, so the order id is
// the provider's idempotency key and travels in the session's metadata; if
// the provider fails or times out, the order is closed as CANCELLED with the
// reason. A crash in between leaves a pending order without a page: its
// buyer can pay or cancel it, and sweepStrandedOrders closes it after a
// while. Each rendered order form carries its own key too, so one form
// gives one order however often it is sent.
import { randomBytes, randomInt } from "node:crypto";
import { db, type Db, type OrderStatus, type Prisma } from "~/db.server";
import { recordAudit } from "~/models/audit.server";
import { appBaseUrl } from "~/models/notification.server";
import { noticesFor, notify, organisationMembers, type Notice } from "~/models/notify.server";
import {
  paymentProvider,
  platformFeePercent,
  ProviderRejectedError,
  type CheckoutSession,
  type PaymentIntent,
} from "~/payments/provider.server";
import { logger } from "~/utils/logger.server";
import { vatBreakdown } from "~/utils/vat";

export type OrderError =
  | "notConfigured"
  | "offerNotAvailable"
  | "packageNotPriced"
  | "ownOffer"
  | "providerUnavailable"
  | "notRefundable"
  | "refundTooLarge"
  | "refundInvalid"
  | "refundRejected"
  | "conflict"
  | "orderFormUsed"
  | "notPayable"
  | "notCancellable"
  | "noOrganisation"
  | "buyerDetailsMissing"
  | "taxCodeTaken";

export class OrderFailure extends Error {
  // `fields`: for buyerDetailsMissing, which of taxCode/address the form must ask for.
  constructor(readonly code: OrderError, readonly fields: ("taxCode" | "address")[] = []) {
    super(code);
  }
}

const PAID_STATES: OrderStatus[] = ["PAID", "FULFILLED", "PARTIALLY_REFUNDED"];

export function feeFor(amountVnd: bigint, percent: number): bigint {
  return (amountVnd * BigInt(percent)) / 100n;
}

type OrderRecord = Prisma.OrderGetPayload<object>;

export type StartedOrder = {
  orderId: string;
  // Null when the buyer should land on the order page instead: the order is
  // no longer payable (paid, cancelled) or its payment page is not ready yet.
  checkoutUrl: string | null;
};

const isUniqueViolation = (error: unknown) => (error as { code?: string } | null)?.code === "P2002";

// How long a repeated submit of the same form waits for the first one's
// payment page before sending the buyer to the order page (which can retry).
// Well under the provider's own timeout of 15 s, so a page never hangs long.
const SAME_FORM_WAIT_MS = 8_000;

/**
 * Starts an order from one rendered order form. The form's idempotency key
 * is unique per buyer, so the same form sent twice (double click, a retry
 * after a timeout, twenty requests at once) finds the first order and its
 * payment page instead of writing another payable order.
 */
export async function startOrder(request: {
  userId: string;
  buyerOrganisationId: string;
  packageId: string;
  idempotencyKey?: string;
  // Typed on the review step when the organisation has no tax code or address yet.
  buyerDetails?: BuyerDetails;
  // Where the payment page sends the buyer back (checkoutReturnBase); APP_URL when not given.
  returnBase?: string;
}): Promise<StartedOrder> {
  const provider = paymentProvider();
  if (!provider) throw new OrderFailure("notConfigured");
  // The route always passes the form's key; a caller with no form (a script, a test) orders afresh.
  const input = { ...request, idempotencyKey: request.idempotencyKey ?? newOrderKey() };
  const byKey = { buyerUserId_idempotencyKey: { buyerUserId: input.userId, idempotencyKey: input.idempotencyKey } };
  const earlier = await db.order.findUnique({ where: byKey });
  if (earlier) return sameForm(earlier, input);

  const pkg = await db.offerPackage.findUnique({ where: { id: input.packageId }, include: { offer: true } });
  if (!pkg || pkg.offer.status !== "PUBLISHED") throw new OrderFailure("offerNotAvailable");
  if (pkg.priceVnd === null || pkg.priceVnd <= 0n) throw new OrderFailure("packageNotPriced");
  if (pkg.offer.organisationId === input.buyerOrganisationId) throw new OrderFailure("ownOffer");
  const buyerUpdate = await buyerDetailsToSave(input.buyerOrganisationId, input.buyerDetails);

  let order: OrderRecord;
  try {
    order = await writeOrder({ ...input, pkg: { ...pkg, priceVnd: pkg.priceVnd }, buyerUpdate });
  } catch (error) {
    // Another request with the same form won the race: its order is the one.
    if (!isUniqueViolation(error)) throw error;
    return sameForm(await db.order.findUniqueOrThrow({ where: byKey }), input);
  }
  return { orderId: order.id, checkoutUrl: await openCheckout(order, input.userId, "cancel", input.returnBase) };
}

export type BuyerDetails = { taxCode?: string | null; address?: string | null };

// The receipt names the buyer with its tax code and address. What the
// organisation already has is kept (changing it is the organisation page's
// business); what it lacks must come with the order.
async function buyerDetailsToSave(
  organisationId: string,
  given: BuyerDetails | undefined,
): Promise<{ taxCode?: string; address?: string } | null> {
  const org = await db.organisation.findUniqueOrThrow({
    where: { id: organisationId },
    select: { taxCode: true, address: true },
  });
  const taxCode = given?.taxCode?.normalize("NFC").trim() || null;
  const address = given?.address?.normalize("NFC").trim() || null;
  const update: { taxCode?: string; address?: string } = {};
  const missing: ("taxCode" | "address")[] = [];
  if (!org.taxCode) {
    if (!taxCode) missing.push("taxCode");
    else update.taxCode = taxCode;
  }
  if (!org.address) {
    if (!address) missing.push("address");
    else update.address = address;
  }
  if (missing.length) throw new OrderFailure("buyerDetailsMissing", missing);
  if (update.taxCode) {
    const taken = await db.organisation.findUnique({ where: { taxCode: update.taxCode }, select: { id: true } });
    if (taken && taken.id !== organisationId) throw new OrderFailure("taxCodeTaken", ["taxCode"]);
  }
  return Object.keys(update).length ? update : null;
}

/** Every order is made at this VAT rate; prices include it (Order.vatPercent). */
export const VAT_PERCENT = 10;

// ĐH-YYYYMMDD-NNNNN: the day in Hà Nội and five random digits, short enough
// to read out on the phone. 100,000 numbers a day; a collision is retried.
export function newOrderNumber(now = new Date()): string {
  const day = new Intl.DateTimeFormat("en-CA", {
    timeZone: "Asia/Ho_Chi_Minh",
    year: "numeric",
    month: "2-digit",
    day: "2-digit",
  })
    .format(now)
    .replace(/-/g, "");
  return `ĐH-${day}-${String(randomInt(0, 100_000)).padStart(5, "0")}`;
}

const ORDER_NUMBER_TRIES = 5;

/**
 * The first step of an order: the row, before any payment page exists. A
 * crash right after it leaves a PENDING order with no session, which the
 * buyer can pay or cancel from the order page and sweepStrandedOrders closes.
 * The row keeps the seller and buyer as they are now (name, tax code,
 * address), so the receipt never changes when an organisation does.
 */
export async function writeOrder(input: {
  userId: string;
  buyerOrganisationId: string;
  idempotencyKey: string;
  pkg: {
    id: string;
    offerId: string;
    name: string;
    unit: string;
    priceVnd: bigint;
    offer: { organisationId: string; titleVi: string };
  };
  buyerUpdate?: { taxCode?: string; address?: string } | null;
}): Promise<OrderRecord> {
  const { pkg } = input;
  for (let attempt = 1; ; attempt++) {
    try {
      return await db.$transaction(async (tx) => {
        if (input.buyerUpdate) {
          const before = await tx.organisation.findUniqueOrThrow({
            where: { id: input.buyerOrganisationId },
            select: { taxCode: true, address: true },
          });
          await tx.organisation.update({ where: { id: input.buyerOrganisationId }, data: input.buyerUpdate });
          await recordAudit(tx, {
            actorId: input.userId,
            action: "organisation.updated",
            entityType: "Organisation",
            entityId: input.buyerOrganisationId,
            before,
            after: input.buyerUpdate,
            data: { source: "order.review" },
          });
        }
        const [buyer, seller] = await Promise.all([
          tx.organisation.findUniqueOrThrow({
            where: { id: input.buyerOrganisationId },
            select: { name: true, taxCode: true, address: true },
          }),
          tx.organisation.findUniqueOrThrow({
            where: { id: pkg.offer.organisationId },
            select: { name: true, taxCode: true, address: true },
          }),
        ]);
        const created = await tx.order.create({
          data: {
            number: newOrderNumber(),
            vatPercent: VAT_PERCENT,
            buyerName: buyer.name,
            buyerTaxCode: buyer.taxCode,
            buyerAddress: buyer.address,
            sellerName: seller.name,
            sellerTaxCode: seller.taxCode,
            sellerAddress: seller.address,
            buyerOrganisationId: input.buyerOrganisationId,
            buyerUserId: input.userId,
            idempotencyKey: input.idempotencyKey,
            providerOrganisationId: pkg.offer.organisationId,
            offerId: pkg.offerId,
            packageId: pkg.id,
            offerTitle: pkg.offer.titleVi,
            packageName: pkg.name,
            packageUnit: pkg.unit,
            unitPriceVnd: pkg.priceVnd,
            quantity: 1,
            amountVnd: pkg.priceVnd,
          },
        });
        await recordAudit(tx, {
          actorId: input.userId,
          action: "order.create",
          entityType: "order",
          entityId: created.id,
          data: { amountVnd: created.amountVnd.toString(), packageId: pkg.id, number: created.number },
        });
        return created;
      });
    } catch (error) {
      if (!isUniqueViolation(error) || attempt >= ORDER_NUMBER_TRIES) throw error;
      // The same form already made its order: the caller finds it. Otherwise the number was taken; draw another.
      const sameKey = await db.order.findUnique({
        where: { buyerUserId_idempotencyKey: { buyerUserId: input.userId, idempotencyKey: input.idempotencyKey } },
        select: { id: true },
      });
      if (sameKey) throw error;
      logger.info({ attempt }, "order number taken; drawing another");
    }
  }
}

// A repeat of a form that already made an order: the same order and, once
// the first request has it, the same payment page. A key sent with another
// package or organisation is not the same form.
async function sameForm(
  order: OrderRecord,
  input: { packageId: string; buyerOrganisationId: string },
): Promise<StartedOrder> {
  if (order.packageId !== input.packageId || order.buyerOrganisationId !== input.buyerOrganisationId)
    throw new OrderFailure("orderFormUsed");
  let current = order;
  const deadline = order.createdAt.getTime() + SAME_FORM_WAIT_MS;
  while (current.status === "PENDING" && !current.checkoutUrl && Date.now() < deadline) {
    await new Promise((resolve) => setTimeout(resolve, 100));
    current = await db.order.findUniqueOrThrow({ where: { id: order.id } });
  }
  return { orderId: current.id, checkoutUrl: current.status === "PENDING" ? current.checkoutUrl : null };
}

/**
 * Asks the provider for the order's payment page and keeps it. The key is
 * the same for every attempt on one order, so a retry after a crash or a
 * timeout gets the session the provider may already have made, never a
 * second payable one. A failure on the first attempt closes the order with
 * the reason ("cancel"); a retry from the order page leaves it pending
 * ("keep") for the buyer to try again or cancel, or for the sweeper.
 */
async function openCheckout(
  order: OrderRecord,
  actorId: string | null,
  onFailure: "cancel" | "keep",
  returnBase = appBaseUrl(),
): Promise<string> {
  const provider = paymentProvider();
  if (!provider) throw new OrderFailure("notConfigured");
  let session: CheckoutSession;
  try {
    session = await provider.createCheckoutSession({
      kind: "payment",
      lineItems: [
        {
          name: `${order.offerTitle} — ${order.packageName}`,
          unitAmountVnd: order.unitPriceVnd,
          quantity: order.quantity,
        },
      ],
      metadata: { orderId: order.id },
      successUrl: `${returnBase}/orders/${order.id}?checkout=success`,
      cancelUrl: `${returnBase}/orders/${order.id}?checkout=cancelled`,
      idempotencyKey: `order-${order.id}-checkout`,
    });
  } catch (error) {
    const reason = `checkout_unavailable: ${(error as Error).message}`.slice(0, 500);
    if (onFailure === "keep") {
      logger.warn({ err: error, orderId: order.id }, "checkout session could not be created; order left pending");
      throw new OrderFailure("providerUnavailable");
    }
    logger.warn({ err: error, orderId: order.id }, "checkout session could not be created; order cancelled");
    await db.$transaction(async (tx) => {
      const moved = await tx.order.updateMany({
        where: { id: order.id, status: "PENDING", checkoutSessionId: null },
        data: { status: "CANCELLED", failureReason: reason, cancelledAt: new Date() },
      });
      if (moved.count)
        await recordAudit(tx, {
          actorId,
          action: "order.checkout_failed",
          entityType: "order",
          entityId: order.id,
          data: { reason },
        });
    });
    throw new OrderFailure("providerUnavailable");
  }
  const kept = await db.order.updateMany({
    where: { id: order.id, status: "PENDING", checkoutSessionId: null },
    data: { checkoutSessionId: session.id, checkoutUrl: session.url },
  });
  if (kept.count === 0) {
    const now = await db.order.findUniqueOrThrow({ where: { id: order.id } });
    // Cancelled (by the buyer or the sweeper) while the provider answered: that page must not stay payable.
    if (now.status !== "PENDING") {
      await provider
        .expireCheckoutSession(session.id, `order-${order.id}-expire`)
        .catch((error: unknown) =>
          logger.warn({ err: error, orderId: order.id }, "could not expire the checkout session of a closed order"),
        );
      throw new OrderFailure("notPayable");
    }
    // Another attempt on this order kept its page first (the same key gives the same session).
    if (now.checkoutUrl) return now.checkoutUrl;
  }
  // Payment mode always has a hosted page; without one the buyer cannot pay, and the session's expiry event will cancel the order.
  if (!session.url) throw new OrderFailure("providerUnavailable");
  return session.url;
}

/** "Thanh toán" on the page of a pending order that has no payment page yet (a crash, a timeout). */
export async function retryCheckout(input: {
  orderId: string;
  buyerOrganisationId: string;
  actorId: string;
  returnBase?: string;
}): Promise<string> {
  const order = await db.order.findFirst({
    where: { id: input.orderId, buyerOrganisationId: input.buyerOrganisationId },
  });
  if (!order || order.status !== "PENDING") throw new OrderFailure("notPayable");
  if (order.checkoutUrl) return order.checkoutUrl;
  return openCheckout(order, input.actorId, "keep", input.returnBase);
}

/**
 * The buyer cancels an order not yet paid. An open payment page is expired
 * at the provider first, so nobody can pay after the order says cancelled;
 * if the provider says it was paid meanwhile, the payment is recorded and
 * the order stays. The provider's members hear of it in the app.
 */
export async function cancelOrder(input: {
  orderId: string;
  buyerOrganisationId: string;
  actorId: string;
}): Promise<void> {
  const order = await db.order.findFirst({
    where: { id: input.orderId, buyerOrganisationId: input.buyerOrganisationId },
  });
  if (!order || order.status !== "PENDING") throw new OrderFailure("notCancellable");
  if (order.checkoutSessionId) {
    const provider = paymentProvider();
    if (!provider) throw new OrderFailure("notConfigured");
    try {
      await provider.expireCheckoutSession(order.checkoutSessionId, `order-${order.id}-expire`);
    } catch (error) {
      if (!(error instanceof ProviderRejectedError)) {
        logger.warn({ err: error, orderId: order.id }, "checkout session could not be expired; order not cancelled");
        throw new OrderFailure("providerUnavailable");
      }
      // Not open any more: paid (record it, do not cancel) or already expired (cancel below).
      const session = await provider.retrieveCheckoutSession(order.checkoutSessionId);
      if (session.paymentStatus === "paid") {
        await applySession(session, "order.cancel");
        throw new OrderFailure("notCancellable");
      }
    }
  }
  await db.$transaction(async (tx) => {
    const moved = await tx.order.updateMany({
      where: { id: order.id, status: "PENDING" },
      data: { status: "CANCELLED", failureReason: "cancelled_by_buyer", cancelledAt: new Date() },
    });
    if (moved.count === 0) throw new OrderFailure("notCancellable");
    await recordAudit(tx, {
      actorId: input.actorId,
      action: "order.cancel",
      entityType: "order",
      entityId: order.id,
      before: { status: "PENDING" },
      after: { status: "CANCELLED" },
      data: { reason: "cancelled_by_buyer", checkoutSessionId: order.checkoutSessionId },
    });
    await notify(tx, await cancelledNotices(tx, order.id, input.actorId));
  });
}

// An order keeps the Vietnamese title it was bought under; an English reader
// of its notices is given the offer's English title, if it has one
// (offerEn, the notices' <name>En convention) and the offer still exists.
const OFFER_EN = { select: { titleEn: true } } as const;
const offerEn = (order: { offer: { titleEn: string | null } | null }) => order.offer?.titleEn ?? "";

// The provider's members, each in their language and by their preference for
// money notices; and the buyer's other members (the one who cancelled knows).
async function cancelledNotices(
  tx: Pick<Db, "order" | "membership" | "user">,
  orderId: string,
  actorId: string,
): Promise<Notice[]> {
  const order = await tx.order.findUniqueOrThrow({
    where: { id: orderId },
    include: { buyerOrganisation: { select: { name: true } }, offer: OFFER_EN },
  });
  const members = await organisationMembers(tx, order.providerOrganisationId);
  const values = {
    offer: order.offerTitle,
    offerEn: offerEn(order),
    package: order.packageName,
    buyer: order.buyerOrganisation.name,
    id: order.id,
  };
  const actor = await tx.user.findUnique({ where: { id: actorId }, select: { name: true } });
  const buyers = (await organisationMembers(tx, order.buyerOrganisationId)).filter((id) => id !== actorId);
  return [
    ...noticesFor(members, { kind: "order.cancelled", link: `/orders/${order.id}`, values }),
    ...noticesFor(buyers, {
      kind: "order.cancelled_buyer",
      link: `/orders/${order.id}`,
      values: {
        offer: order.offerTitle,
        offerEn: values.offerEn,
        package: order.packageName,
        member: actor?.name ?? "",
        id: order.id,
      },
    }),
  ];
}

export const STRANDED_ORDER_REASON = "checkout_not_started";

/**
 * Closes orders stranded between their row and their payment page (the
 * process died in between): PENDING, no session, older than `olderThanMs`.
 * They are cancelled with a reason the buyer reads on the order page rather
 * than given a payment page nobody asked for any more. The delay is far
 * longer than the provider's timeout, so a request still waiting for its
 * page is never swept. Safe to run in several processes at once.
 */
export async function sweepStrandedOrders(options: {
  olderThanMs: number;
  now?: Date;
}): Promise<{ cancelled: string[] }> {
  const cutoff = new Date((options.now ?? new Date()).getTime() - options.olderThanMs);
  const stranded = await db.order.findMany({
    where: { status: "PENDING", checkoutSessionId: null, createdAt: { lt: cutoff } },
    select: { id: true, buyerUserId: true, offerTitle: true, offer: OFFER_EN },
    take: 200,
  });
  const cancelled: string[] = [];
  for (const order of stranded) {
    const moved = await db.$transaction(async (tx) => {
      const result = await tx.order.updateMany({
        where: { id: order.id, status: "PENDING", checkoutSessionId: null },
        data: { status: "CANCELLED", failureReason: STRANDED_ORDER_REASON, cancelledAt: new Date() },
      });
      if (result.count === 0) return false;
      await recordAudit(tx, {
        actorId: null,
        action: "order.stranded_cancelled",
        entityType: "order",
        entityId: order.id,
        data: { reason: STRANDED_ORDER_REASON, olderThanMs: options.olderThanMs },
      });
      if (order.buyerUserId) {
        await notify(tx, [
          {
            userId: order.buyerUserId,
            kind: "order.stranded_cancelled",
            link: `/orders/${order.id}`,
            values: { offer: order.offerTitle, offerEn: offerEn(order), id: order.id },
          },
        ]);
      }
      return true;
    });
    if (moved) cancelled.push(order.id);
  }
  if (cancelled.length) logger.warn({ orders: cancelled }, "stranded orders (no payment page) cancelled");
  return { cancelled };
}

// Records a payment the provider confirmed. Only moves an order that has
// not been paid yet, so a second confirmation (another event type, a
// retry) changes nothing. The amount is what the provider charged.
async function markPaid(orderId: string, amountPaidVnd: bigint, paymentIntentId: string | null, source: string) {
  const percent = platformFeePercent();
  await db.$transaction(async (tx) => {
    const moved = await tx.order.updateMany({
      where: { id: orderId, status: { in: ["PENDING", "CANCELLED"] } },
      data: {
        status: "PAID",
        amountPaidVnd,
        platformFeePercent: percent,
        platformFeeVnd: feeFor(amountPaidVnd, percent),
        paidAt: new Date(),
        failureReason: null,
        cancelledAt: null,
        ...(paymentIntentId ? { paymentIntentId } : {}),
      },
    });
    if (moved.count === 0) {
      // Already paid: just learn the payment intent if this is the first we hear of it.
      if (paymentIntentId)
        await tx.order.updateMany({ where: { id: orderId, paymentIntentId: null }, data: { paymentIntentId } });
      return;
    }
    await recordAudit(tx, {
      actorId: null,
      action: "order.paid",
      entityType: "order",
      entityId: orderId,
      data: { amountPaidVnd: amountPaidVnd.toString(), source },
    });
    await notify(tx, await paidNotices(tx, orderId));
  });
}

// Every member of the provider hears of a paid order, and every member of
// the buyer has the receipt, each in their language.
async function paidNotices(tx: Pick<Db, "order" | "membership">, orderId: string): Promise<Notice[]> {
  const order = await tx.order.findUniqueOrThrow({
    where: { id: orderId },
    include: {
      buyerOrganisation: { select: { name: true } },
      providerOrganisation: { select: { name: true } },
      offer: OFFER_EN,
    },
  });
  const members = await organisationMembers(tx, order.providerOrganisationId);
  const values = {
    offer: order.offerTitle,
    offerEn: offerEn(order),
    package: order.packageName,
    buyer: order.buyerOrganisation.name,
    id: order.id,
    amountVnd: Number(order.amountPaidVnd ?? order.amountVnd),
  };
  return [
    ...noticesFor(members, { kind: "order.paid", link: `/orders/${order.id}`, values }),
    ...noticesFor(await organisationMembers(tx, order.buyerOrganisationId), {
      kind: "order.paid_buyer",
      link: `/orders/${order.id}`,
      values: {
        offer: order.offerTitle,
        offerEn: values.offerEn,
        package: order.packageName,
        provider: order.providerOrganisation.name,
        id: order.id,
        amountVnd: values.amountVnd,
      },
    }),
  ];
}

async function orderFor(metadata: Record<string, string>, where: Prisma.OrderWhereInput) {
  if (metadata.orderId) {
    const byId = await db.order.findUnique({ where: { id: metadata.orderId } });
    if (byId) return byId;
  }
  return db.order.findFirst({ where });
}

async function applySession(session: CheckoutSession, source: string) {
  const order = await orderFor(session.metadata, { checkoutSessionId: session.id });
  if (!order) {
    logger.warn({ sessionId: session.id }, "payment event for a session with no order; ignored");
    return;
  }
  if (session.paymentStatus === "paid") {
    if (order.amountVnd !== session.amountTotalVnd) {
      logger.warn(
        { orderId: order.id, ordered: order.amountVnd.toString(), charged: String(session.amountTotalVnd) },
        "charged amount differs from order",
      );
    }
    await markPaid(order.id, session.amountTotalVnd ?? order.amountVnd, session.paymentIntentId, source);
  } else if (session.status === "expired") {
    await db.$transaction(async (tx) => {
      const moved = await tx.order.updateMany({
        where: { id: order.id, status: "PENDING" },
        data: { status: "CANCELLED", failureReason: "checkout_expired", cancelledAt: new Date() },
      });
      if (moved.count)
        await recordAudit(tx, { actorId: null, action: "order.expired", entityType: "order", entityId: order.id });
    });
  }
}

async function applyIntent(intent: PaymentIntent, source: string) {
  const order = await orderFor(intent.metadata, { paymentIntentId: intent.id });
  if (!order) {
    logger.warn({ paymentIntentId: intent.id }, "payment event for a payment intent with no order; ignored");
    return;
  }
  if (intent.status === "succeeded") await markPaid(order.id, intent.amountReceivedVnd, intent.id, source);
}

/**
 * Applies one stored webhook event. Events can arrive in any order and more
 * than once, so the event only says which object to look at: its current
 * state is fetched from the provider and the order moved to match it.
 */
export async function applyPaymentEvent(event: { type: string; objectId: string | null }): Promise<void> {
  const provider = paymentProvider();
  if (!provider) throw new Error("payments are not configured");
  if (!event.objectId) return;
  if (event.type.startsWith("checkout.session.")) {
    await applySession(await provider.retrieveCheckoutSession(event.objectId), event.type);
  } else if (event.type.startsWith("payment_intent.")) {
    await applyIntent(await provider.retrievePaymentIntent(event.objectId), event.type);
  }
}

export async function fulfilOrder(orderId: string, providerOrganisationId: string, actorId: string): Promise<boolean> {
  return db.$transaction(async (tx) => {
    const moved = await tx.order.updateMany({
      where: { id: orderId, providerOrganisationId, status: "PAID" },
      data: { status: "FULFILLED", fulfilledAt: new Date() },
    });
    if (moved.count) await recordAudit(tx, { actorId, action: "order.fulfil", entityType: "order", entityId: orderId });
    return moved.count === 1;
  });
}

/**
 * Staff refund, full or partial. What remains is checked (counting refunds
 * still in flight) before anything is sent, and the refund row exists before
 * the provider is asked, its id the idempotency key.
 */
export async function refundOrder(input: { orderId: string; amountVnd: bigint; reason: string; actorId: string }) {
  if (!paymentProvider()) throw new OrderFailure("notConfigured");
  if (input.amountVnd <= 0n || !input.reason.trim()) throw new OrderFailure("refundInvalid");
  const refund = await db.$transaction(async (tx) => {
    const order = await tx.order.findUnique({
      where: { id: input.orderId },
      include: { refunds: { where: { status: "PENDING" } } },
    });
    if (!order || !PAID_STATES.includes(order.status) || !order.paymentIntentId || order.amountPaidVnd === null)
      throw new OrderFailure("notRefundable");
    const inFlight = order.refunds.reduce((sum, r) => sum + r.amountVnd, 0n);
    if (input.amountVnd > order.amountPaidVnd - order.amountRefundedVnd - inFlight)
      throw new OrderFailure("refundTooLarge");
    // Two staff refunding at once: only one passes this guard per order state.
    const touched = await tx.order.updateMany({
      where: { id: order.id, updatedAt: order.updatedAt },
      data: { updatedAt: new Date() },
    });
    if (touched.count === 0) throw new OrderFailure("conflict");
    const created = await tx.refund.create({
      data: { orderId: order.id, amountVnd: input.amountVnd, reason: input.reason.trim(), createdById: input.actorId },
    });
    await recordAudit(tx, {
      actorId: input.actorId,
      action: "order.refund_requested",
      entityType: "order",
      entityId: order.id,
      data: { refundId: created.id, amountVnd: input.amountVnd.toString(), reason: created.reason },
    });
    return { ...created, paymentIntentId: order.paymentIntentId, feePercent: order.platformFeePercent ?? 0 };
  });

  await sendRefund(refund, input.actorId);
}

type RefundToSend = { id: string; orderId: string; amountVnd: bigint; paymentIntentId: string; feePercent: number };

// Asks the provider, then records the answer. The refund id is the
// idempotency key, so sending the same refund again (after a timeout or a
// 5xx, when nobody knows whether money moved) can never refund twice: such
// a refund stays PENDING, its amount still reserved, until a retry settles it.
async function sendRefund(refund: RefundToSend, actorId: string) {
  const provider = paymentProvider();
  if (!provider) throw new OrderFailure("notConfigured");
  let done;
  try {
    done = await provider.createRefund({
      paymentIntentId: refund.paymentIntentId,
      amountVnd: refund.amountVnd,
      idempotencyKey: `refund-${refund.id}`,
    });
  } catch (error) {
    const message = (error as Error).message.slice(0, 500);
    if (error instanceof ProviderRejectedError) {
      logger.warn({ err: error, refundId: refund.id }, "refund refused by the payment provider");
      await db.refund.update({ where: { id: refund.id }, data: { status: "FAILED", failureReason: message } });
      throw new OrderFailure("refundRejected");
    }
    logger.warn({ err: error, refundId: refund.id }, "refund outcome unknown; left pending for a retry");
    await db.refund.update({ where: { id: refund.id }, data: { failureReason: message } });
    throw new OrderFailure("providerUnavailable");
  }
  await db.$transaction(async (tx) => {
    // Only the first answer counts, should two retries race.
    const settled = await tx.refund.updateMany({
      where: { id: refund.id, status: "PENDING" },
      data: {
        status: "SUCCEEDED",
        providerRefundId: done.id,
        completedAt: new Date(),
        failureReason: null,
        feeReturnedVnd: feeFor(refund.amountVnd, refund.feePercent),
      },
    });
    if (settled.count === 0) return;
    const order = await tx.order.update({
      where: { id: refund.orderId },
      data: { amountRefundedVnd: { increment: refund.amountVnd } },
      include: { offer: OFFER_EN },
    });
    const status: OrderStatus =
      order.amountRefundedVnd >= (order.amountPaidVnd ?? 0n) ? "REFUNDED" : "PARTIALLY_REFUNDED";
    await tx.order.update({ where: { id: order.id }, data: { status } });
    await recordAudit(tx, {
      actorId,
      action: "order.refunded",
      entityType: "order",
      entityId: order.id,
      data: { refundId: refund.id, amountVnd: refund.amountVnd.toString(), status },
    });
    // Both sides: the buyer got money back, the provider's takings went down.
    const readers = [
      ...(await organisationMembers(tx, order.buyerOrganisationId)),
      ...(await organisationMembers(tx, order.providerOrganisationId)),
    ];
    await notify(
      tx,
      noticesFor(readers, {
        kind: "order.refunded",
        link: `/orders/${order.id}`,
        values: {
          offer: order.offerTitle,
          offerEn: offerEn(order),
          package: order.packageName,
          id: order.id,
          amountVnd: Number(refund.amountVnd),
        },
      }),
    );
  });
}

/** Sends a refund whose outcome is unknown again, with the same idempotency key. */
export async function retryRefund(input: { orderId: string; refundId: string; actorId: string }) {
  const refund = await db.refund.findFirst({
    where: { id: input.refundId, orderId: input.orderId, status: "PENDING" },
    include: { order: true },
  });
  if (!refund || !refund.order.paymentIntentId) throw new OrderFailure("notRefundable");
  await sendRefund(
    {
      id: refund.id,
      orderId: refund.orderId,
      amountVnd: refund.amountVnd,
      paymentIntentId: refund.order.paymentIntentId,
      feePercent: refund.order.platformFeePercent ?? 0,
    },
    input.actorId,
  );
}

const listSelect = {
  id: true,
  number: true,
  status: true,
  offerTitle: true,
  packageName: true,
  amountVnd: true,
  amountPaidVnd: true,
  amountRefundedVnd: true,
  createdAt: true,
  paidAt: true,
  buyerOrganisation: { select: { name: true } },
  providerOrganisation: { select: { name: true } },
} satisfies Prisma.OrderSelect;

export type OrderRow = {
  id: string;
  /** ĐH-YYYYMMDD-XXXXX, as on the receipt; null for orders made before numbers existed. */
  number: string | null;
  status: OrderStatus;
  offerTitle: string;
  packageName: string;
  amountVnd: number;
  amountPaidVnd: number | null;
  amountRefundedVnd: number;
  createdAt: Date;
  paidAt: Date | null;
  buyer: string;
  provider: string;
};

function toRow(order: Prisma.OrderGetPayload<{ select: typeof listSelect }>): OrderRow {
  return {
    id: order.id,
    number: order.number,
    status: order.status,
    offerTitle: order.offerTitle,
    packageName: order.packageName,
    amountVnd: Number(order.amountVnd),
    amountPaidVnd: order.amountPaidVnd === null ? null : Number(order.amountPaidVnd),
    amountRefundedVnd: Number(order.amountRefundedVnd),
    createdAt: order.createdAt,
    paidAt: order.paidAt,
    buyer: order.buyerOrganisation.name,
    provider: order.providerOrganisation.name,
  };
}

export async function listOrders(where: {
  buyerOrganisationIds?: string[];
  providerOrganisationId?: string;
  all?: true;
}): Promise<OrderRow[]> {
  const filter: Prisma.OrderWhereInput = where.all
    ? {}
    : where.providerOrganisationId
    ? { providerOrganisationId: where.providerOrganisationId, status: { not: "PENDING" } }
    : { buyerOrganisationId: { in: where.buyerOrganisationIds ?? [] } };
  const orders = await db.order.findMany({
    where: filter,
    select: listSelect,
    orderBy: { createdAt: "desc" },
    take: 200,
  });
  return orders.map(toRow);
}

/** An order the user's organisations bought or sold; staff see all. Otherwise null (404). */
export async function getOrderForViewer(orderId: string, viewer: { userId: string; staff: boolean }) {
  const order = await db.order.findUnique({
    where: { id: orderId },
    include: {
      buyerOrganisation: { select: { id: true, name: true, taxCode: true, address: true } },
      providerOrganisation: { select: { id: true, name: true, taxCode: true, address: true } },
      offer: { select: { slug: true } },
      refunds: { orderBy: { createdAt: "asc" } },
    },
  });
  if (!order) return null;
  if (!viewer.staff) {
    const memberships = await db.membership.count({
      where: {
        userId: viewer.userId,
        organisationId: { in: [order.buyerOrganisationId, order.providerOrganisationId] },
      },
    });
    if (memberships === 0) return null;
  }
  const n = (value: bigint) => Number(value);
  return {
    id: order.id,
    status: order.status,
    offerTitle: order.offerTitle,
    offerSlug: order.offer?.slug ?? null,
    packageName: order.packageName,
    packageUnit: order.packageUnit,
    unitPriceVnd: n(order.unitPriceVnd),
    quantity: order.quantity,
    amountVnd: n(order.amountVnd),
    amountPaidVnd: order.amountPaidVnd === null ? null : n(order.amountPaidVnd),
    amountRefundedVnd: n(order.amountRefundedVnd),
    platformFeeVnd: n(order.platformFeeVnd),
    createdAt: order.createdAt,
    paidAt: order.paidAt,
    fulfilledAt: order.fulfilledAt,
    failureReason: order.failureReason,
    checkoutUrl: order.status === "PENDING" ? order.checkoutUrl : null,
    buyer: { id: order.buyerOrganisation.id, name: order.buyerOrganisation.name },
    provider: { id: order.providerOrganisation.id, name: order.providerOrganisation.name },
    // The receipt prints the parties as they were when the order was made;
    // orders from before those snapshots existed show the organisation today.
    number: order.number ?? order.id,
    vatPercent: order.vatPercent,
    buyerParty: order.number
      ? {
          name: order.buyerName ?? order.buyerOrganisation.name,
          taxCode: order.buyerTaxCode,
          address: order.buyerAddress,
        }
      : {
          name: order.buyerOrganisation.name,
          taxCode: order.buyerOrganisation.taxCode,
          address: order.buyerOrganisation.address,
        },
    sellerParty: order.number
      ? {
          name: order.sellerName ?? order.providerOrganisation.name,
          taxCode: order.sellerTaxCode,
          address: order.sellerAddress,
        }
      : {
          name: order.providerOrganisation.name,
          taxCode: order.providerOrganisation.taxCode,
          address: order.providerOrganisation.address,
        },
    refunds: order.refunds.map((r) => ({
      id: r.id,
      amountVnd: n(r.amountVnd),
      reason: r.reason,
      status: r.status,
      createdAt: r.createdAt,
    })),
  };
}

export type LedgerLine = {
  providerOrganisationId: string;
  provider: string;
  orders: number;
  grossVnd: bigint;
  feeVnd: bigint;
  refundsVnd: bigint;
  feeReturnedVnd: bigint;
  netVnd: bigint;
};

/**
 * What each provider is owed for payments and refunds in [from, to): gross
 * paid, minus the platform fee, minus refunds, plus the part of the fee
 * given back with those refunds. Exact integer đồng.
 */
export async function settlementLedger(from: Date, to: Date): Promise<LedgerLine[]> {
  const [paid, refunds] = await Promise.all([
    db.order.findMany({
      where: { paidAt: { gte: from, lt: to } },
      select: {
        providerOrganisationId: true,
        amountPaidVnd: true,
        platformFeeVnd: true,
        providerOrganisation: { select: { name: true } },
      },
    }),
    db.refund.findMany({
      where: { status: "SUCCEEDED", completedAt: { gte: from, lt: to } },
      select: {
        amountVnd: true,
        feeReturnedVnd: true,
        order: { select: { providerOrganisationId: true, providerOrganisation: { select: { name: true } } } },
      },
    }),
  ]);
  const lines = new Map<string, LedgerLine>();
  const line = (id: string, name: string) => {
    let found = lines.get(id);
    if (!found)
      lines.set(
        id,
        (found = {
          providerOrganisationId: id,
          provider: name,
          orders: 0,
          grossVnd: 0n,
          feeVnd: 0n,
          refundsVnd: 0n,
          feeReturnedVnd: 0n,
          netVnd: 0n,
        }),
      );
    return found;
  };
  for (const order of paid) {
    const l = line(order.providerOrganisationId, order.providerOrganisation.name);
    l.orders += 1;
    l.grossVnd += order.amountPaidVnd ?? 0n;
    l.feeVnd += order.platformFeeVnd;
  }
  for (const refund of refunds) {
    const l = line(refund.order.providerOrganisationId, refund.order.providerOrganisation.name);
    l.refundsVnd += refund.amountVnd;
    l.feeReturnedVnd += refund.feeReturnedVnd;
  }
  for (const l of lines.values()) l.netVnd = l.grossVnd - l.feeVnd - l.refundsVnd + l.feeReturnedVnd;
  return [...lines.values()].sort((a, b) => a.provider.localeCompare(b.provider, "vi"));
}

export const newOrderKey = () => randomBytes(18).toString("base64url");

/** What the offer page needs to show "Đặt mua gói này" on each priced package card to this viewer. */
export async function orderingFor(offerId: string, viewer: { id: string } | null) {
  const [packages, memberships] = await Promise.all([
    db.offerPackage.findMany({
      where: { offerId, offer: { status: "PUBLISHED" } },
      orderBy: { sortOrder: "asc" },
      select: { id: true, name: true, unit: true, priceVnd: true },
    }),
    viewer
      ? db.membership.findMany({
          where: { userId: viewer.id },
          select: { organisation: { select: { id: true, name: true } } },
          orderBy: { createdAt: "asc" },
        })
      : [],
  ]);
  const offer = packages.length
    ? await db.offer.findUnique({ where: { id: offerId }, select: { organisationId: true } })
    : null;
  return {
    configured: paymentProvider() !== null,
    signedIn: viewer !== null,
    // An organisation does not buy from itself.
    organisations: memberships.map((m) => m.organisation).filter((o) => o.id !== offer?.organisationId),
    // `position` is the package's place on the offer page, whose cards list every package in this order.
    packages: packages
      .map((p, position) => ({
        id: p.id,
        name: p.name,
        unit: p.unit,
        priceVnd: p.priceVnd === null ? null : Number(p.priceVnd),
        position,
      }))
      .filter((p): p is typeof p & { priceVnd: number } => p.priceVnd !== null && p.priceVnd > 0),
  };
}

/**
 * The review step before payment: what is bought, its price with the VAT in
 * it, and the buying organisation with what the receipt will print. The
 * form it renders carries a fresh order key (one order per rendering).
 */
export async function orderReview(input: { userId: string; packageId: string; organisationId?: string | null }) {
  const pkg = await db.offerPackage.findUnique({
    where: { id: input.packageId },
    include: {
      offer: {
        select: {
          id: true,
          slug: true,
          status: true,
          titleVi: true,
          titleEn: true,
          organisationId: true,
          organisation: { select: { name: true, taxCode: true, address: true } },
        },
      },
    },
  });
  if (!pkg || pkg.offer.status !== "PUBLISHED") throw new OrderFailure("offerNotAvailable");
  if (pkg.priceVnd === null || pkg.priceVnd <= 0n) throw new OrderFailure("packageNotPriced");
  const memberships = await db.membership.findMany({
    where: { userId: input.userId },
    select: { organisation: { select: { id: true, name: true, taxCode: true, address: true } } },
    orderBy: { createdAt: "asc" },
  });
  // An organisation does not buy from itself.
  const organisations = memberships.map((m) => m.organisation).filter((o) => o.id !== pkg.offer.organisationId);
  if (organisations.length === 0) throw new OrderFailure(memberships.length ? "ownOffer" : "noOrganisation");
  const buyer = organisations.find((o) => o.id === input.organisationId) ?? organisations[0]!;
  const quantity = 1;
  const { preVatVnd, vatVnd, totalVnd } = vatBreakdown(pkg.priceVnd * BigInt(quantity), VAT_PERCENT);
  return {
    configured: paymentProvider() !== null,
    offer: { slug: pkg.offer.slug, titleVi: pkg.offer.titleVi, titleEn: pkg.offer.titleEn },
    package: { id: pkg.id, name: pkg.name, unit: pkg.unit, unitPriceVnd: Number(pkg.priceVnd) },
    quantity,
    vatPercent: VAT_PERCENT,
    preVatVnd: Number(preVatVnd),
    vatVnd: Number(vatVnd),
    totalVnd: Number(totalVnd),
    seller: pkg.offer.organisation,
    buyer,
    organisations: organisations.map((o) => ({ id: o.id, name: o.name })),
    orderKey: newOrderKey(),
  };
}
