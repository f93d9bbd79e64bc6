// Staff refunds (full, partial, too large) and the settlement ledger that
// provider payouts are made from: exact whole đồng throughout.
import { beforeAll, describe, expect, it } from "vitest";
import { db } from "~/db.server";
import { OrderFailure, refundOrder, retryRefund, settlementLedger, startOrder } from "~/models/order.server";
import { makeMarket, makePricedOffer, payAndSettle, withStripeStandIn } from "~/test-support/payment-factories";

const stripe = withStripeStandIn();
let market: Awaited<ReturnType<typeof makeMarket>>;

beforeAll(async () => {
  market = await makeMarket();
});

async function paidOrder(price = 500_000n) {
  const { pkg } = await makePricedOffer(market.providerOrg.id, market.seller.id, price);
  const { orderId } = await startOrder({
    userId: market.buyer.id,
    buyerOrganisationId: market.buyerOrg.id,
    packageId: pkg.id,
  });
  return payAndSettle(stripe.standIn, orderId);
}
const refund = (orderId: string, amountVnd: bigint, reason = "Khách hàng huỷ một phần") =>
  refundOrder({ orderId, amountVnd, reason, actorId: market.staff.id });
const failureOf = (promise: Promise<unknown>) =>
  promise.then(
    () => null,
    (error: unknown) => (error instanceof OrderFailure ? error.code : error),
  );
const refundCalls = () => stripe.standIn.requests.filter((r) => r.path === "/v1/refunds");

describe("refunds", () => {
  it("refunds half, then the rest, with the refund id as idempotency key", async () => {
    const order = await paidOrder();
    await refund(order.id, 250_000n);
    expect(await db.order.findUniqueOrThrow({ where: { id: order.id } })).toMatchObject({
      status: "PARTIALLY_REFUNDED",
      amountRefundedVnd: 250_000n,
    });
    const [first] = await db.refund.findMany({ where: { orderId: order.id } });
    expect(first).toMatchObject({
      status: "SUCCEEDED",
      amountVnd: 250_000n,
      feeReturnedVnd: 25_000n,
      reason: "Khách hàng huỷ một phần",
    });
    const call = refundCalls().at(-1)!;
    expect(call.idempotencyKey).toBe(`refund-${first!.id}`);
    expect(call.params.get("amount")).toBe("250000");
    expect(call.params.get("payment_intent")).toBe(order.paymentIntentId);

    await refund(order.id, 250_000n);
    expect(await db.order.findUniqueOrThrow({ where: { id: order.id } })).toMatchObject({
      status: "REFUNDED",
      amountRefundedVnd: 500_000n,
    });
  });

  it("refuses a refund larger than what remains, and sends nothing", async () => {
    const order = await paidOrder();
    await refund(order.id, 400_000n);
    const calls = refundCalls().length;
    expect(await failureOf(refund(order.id, 100_001n))).toBe("refundTooLarge");
    expect(refundCalls().length).toBe(calls);
    expect(await db.refund.count({ where: { orderId: order.id } })).toBe(1);
    expect(await db.order.findUniqueOrThrow({ where: { id: order.id } })).toMatchObject({
      amountRefundedVnd: 400_000n,
      status: "PARTIALLY_REFUNDED",
    });
  });

  it("refuses a zero amount, an empty reason and an unpaid order", async () => {
    const order = await paidOrder();
    expect(await failureOf(refund(order.id, 0n))).toBe("refundInvalid");
    expect(await failureOf(refund(order.id, 1000n, "   "))).toBe("refundInvalid");
    const { pkg } = await makePricedOffer(market.providerOrg.id, market.seller.id);
    const pending = await startOrder({
      userId: market.buyer.id,
      buyerOrganisationId: market.buyerOrg.id,
      packageId: pkg.id,
    });
    expect(await failureOf(refund(pending.orderId, 1000n))).toBe("notRefundable");
  });

  it("lets only one of two simultaneous refunds through when together they exceed what was paid", async () => {
    const order = await paidOrder();
    const results = await Promise.all([failureOf(refund(order.id, 300_000n)), failureOf(refund(order.id, 300_000n))]);
    expect(results.filter((r) => r === null)).toHaveLength(1);
    expect(results.filter((r) => r === "refundTooLarge" || r === "conflict")).toHaveLength(1);
    expect(await db.order.findUniqueOrThrow({ where: { id: order.id } })).toMatchObject({
      amountRefundedVnd: 300_000n,
      status: "PARTIALLY_REFUNDED",
    });
    expect(await db.refund.count({ where: { orderId: order.id, status: "SUCCEEDED" } })).toBe(1);
  });

  it("keeps a refund pending (amount reserved) when Stripe answers 500, and a retry with the same key settles it once", async () => {
    const order = await paidOrder();
    stripe.standIn.setFault("error500");
    try {
      expect(await failureOf(refund(order.id, 100_000n))).toBe("providerUnavailable");
    } finally {
      stripe.standIn.setFault("none");
    }
    const pending = await db.refund.findFirstOrThrow({ where: { orderId: order.id } });
    expect(pending).toMatchObject({ status: "PENDING", amountVnd: 100_000n });
    expect(await db.order.findUniqueOrThrow({ where: { id: order.id } })).toMatchObject({
      status: "PAID",
      amountRefundedVnd: 0n,
    });
    // The unknown 100.000 ₫ stays reserved: the rest can be refunded, not more.
    expect(await failureOf(refund(order.id, 400_001n))).toBe("refundTooLarge");

    await retryRefund({ orderId: order.id, refundId: pending.id, actorId: market.staff.id });
    await expect(retryRefund({ orderId: order.id, refundId: pending.id, actorId: market.staff.id })).rejects.toThrow(
      "notRefundable",
    );
    const keys = refundCalls().filter((c) => c.idempotencyKey === `refund-${pending.id}`);
    expect(keys).toHaveLength(2);
    expect(await db.refund.findUniqueOrThrow({ where: { id: pending.id } })).toMatchObject({ status: "SUCCEEDED" });
    expect(await db.order.findUniqueOrThrow({ where: { id: order.id } })).toMatchObject({
      status: "PARTIALLY_REFUNDED",
      amountRefundedVnd: 100_000n,
    });
  });

  it("marks a refund Stripe refuses outright as failed, without reserving its amount", async () => {
    const order = await paidOrder();
    // Refunded behind the app's back (e.g. in Stripe's dashboard): Stripe now refuses more than what is left there.
    await stripe.standIn.refundDirectly(order.paymentIntentId!, 450_000);
    expect(await failureOf(refund(order.id, 100_000n))).toBe("refundRejected");
    expect(await db.refund.findFirstOrThrow({ where: { orderId: order.id } })).toMatchObject({ status: "FAILED" });
    expect(await db.order.findUniqueOrThrow({ where: { id: order.id } })).toMatchObject({
      status: "PAID",
      amountRefundedVnd: 0n,
    });
    await refund(order.id, 50_000n);
    expect(await db.order.findUniqueOrThrow({ where: { id: order.id } })).toMatchObject({ amountRefundedVnd: 50_000n });
  });
});

describe("settlement ledger", () => {
  it("gives each provider gross, fee, refunds and net in exact đồng for the period", async () => {
    const from = new Date();
    const own = await makeMarket();
    market = { ...market, providerOrg: own.providerOrg, seller: own.seller };
    const a = await paidOrder(1_000_000n);
    await paidOrder(333_333n);
    await refund(a.id, 500_000n);
    const lines = await settlementLedger(from, new Date(Date.now() + 1000));
    const line = lines.find((l) => l.providerOrganisationId === own.providerOrg.id)!;
    expect(line).toMatchObject({
      orders: 2,
      grossVnd: 1_333_333n,
      feeVnd: 133_333n,
      refundsVnd: 500_000n,
      feeReturnedVnd: 50_000n,
    });
    expect(line.netVnd).toBe(1_333_333n - 133_333n - 500_000n + 50_000n);
    expect(
      await settlementLedger(new Date(Date.now() - 86_400_000 * 30), from).then((ls) =>
        ls.find((l) => l.providerOrganisationId === own.providerOrg.id),
      ),
    ).toBeUndefined();
  });
});
