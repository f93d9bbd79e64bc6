// Staff refund part of a paid order over HTTP: a bad amount keeps what was
// typed and says why, a refund larger than what was paid is refused, the
// buyer cannot refund, and the ledger (page and CSV) shows the refund.
import { describe, expect, it } from "vitest";
import { db } from "~/db.server";
import { visibleText } from "~/test-support/http";
import { withOrderingServer } from "~/test-support/payment-factories";

const { server, market, buyer, orderAndPay } = withOrderingServer();

describe("staff refunds and the ledger", () => {
  it("keeps what was typed and explains a bad amount, refuses a refund larger than paid, then refunds half", async () => {
    // Two paid orders for this provider this month; the second is refunded by half.
    await orderAndPay();
    const paid = await orderAndPay();
    const staff = await server.signedIn(market.staff);
    const bad = await staff.post(`/orders/${paid.id}`, {
      intent: "refund",
      amountVnd: "250.000,5",
      reason: "Khách huỷ nửa gói",
    });
    expect(bad.status).toBe(400);
    expect(visibleText(bad.text)).toContain("Số tiền phải là số nguyên đồng lớn hơn 0");
    expect(bad.text).toContain("Khách huỷ nửa gói");

    const tooLarge = await staff.post(`/orders/${paid.id}`, { intent: "refund", amountVnd: "500001", reason: "Thử" });
    expect(tooLarge.status).toBe(400);
    expect(visibleText(tooLarge.text)).toContain("Số tiền hoàn lớn hơn số tiền còn lại của đơn hàng.");
    expect(await db.refund.count({ where: { orderId: paid.id } })).toBe(0);

    expect(
      (await buyer.post(`/orders/${paid.id}`, { intent: "refund", amountVnd: "1000", reason: "Tự hoàn" })).status,
    ).toBe(403);

    const done = await staff.post(`/orders/${paid.id}`, {
      intent: "refund",
      amountVnd: "250000",
      reason: "Khách huỷ nửa gói",
    });
    expect(done.status).toBe(302);
    expect(visibleText((await buyer.get(`/orders/${paid.id}`)).text)).toContain("Đã hoàn tiền một phần");

    const ledger = visibleText((await staff.get("/staff/ledger")).text);
    expect(ledger).toContain(market.providerOrg.name);
    expect(ledger).toMatch(/250\.000\s₫/);
    const csv = await staff.get("/staff/ledger.csv");
    expect(csv.headers.get("content-type")).toContain("text/csv");
    const line = csv.text.split("\r\n").find((l) => l.includes(market.providerOrg.id))!;
    // Two paid orders of 500.000 ₫ this month for this provider, one refunded by half.
    expect(line).toContain(",2,1000000,100000,250000,25000,675000,");
    expect((await buyer.get("/staff/ledger.csv")).status).toBe(403);
  });
});
