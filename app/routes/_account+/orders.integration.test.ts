// A buyer orders a priced package, pays on the (stand-in) Stripe page, the
// signed webhook marks the order paid, and the provider sees it.
// Plus who may see what, and bad input. Refunds and the ledger are in
// orders.refunds.integration.test.ts.
import { randomUUID } from "node:crypto";
import { describe, expect, it } from "vitest";
import { db } from "~/db.server";
import { makeUser, TEST_PASSWORD } from "~/test-support/factories";
import { inputValue, visibleText, type TestBrowser } from "~/test-support/http";
import { makePricedOffer, makeTaxCode, withOrderingServer } from "~/test-support/payment-factories";
import { makeAgency } from "~/test-support/statement-factories";

const { stripe, server, market, offer, buyer, orderAndPay } = withOrderingServer();

async function inEnglish(user: { email: string }) {
  const browser = server.browser({ language: "en" });
  await browser.signIn(user.email, TEST_PASSWORD);
  return browser;
}

// Each call is a freshly rendered form (its own order key), as when the offer page is loaded again.
const order = (browser: TestBrowser, packageId: string, organisationId = market.buyerOrg.id) =>
  browser.post("/orders/new", {
    packageId,
    organisationId,
    orderKey: randomUUID(),
    returnTo: `/offers/${offer.offer.slug}`,
  });

describe("ordering and paying", () => {
  it("puts “Đặt mua gói này” on the package card, leading to the review (anonymous visitors: sign in, then back to it)", async () => {
    const review = `/orders/new?package=${offer.pkg.id}`;
    const page = await buyer.get(`/offers/${offer.offer.slug}`);
    // Inside the card, after its price; a plain link (no order is written by looking).
    expect(page.text).toMatch(
      new RegExp(
        `<li class="card"><h3>Gói cơ bản</h3><p class="offer-price">[^<]*</p><a class="button" aria-label="Đặt mua gói “Gói cơ bản”"[^>]* href="${review.replace(
          /[?]/g,
          "\\?",
        )}">Đặt mua gói này</a></li>`,
      ),
    );
    expect(visibleText((await (await inEnglish(market.buyer)).get(`/offers/${offer.offer.slug}`)).text)).toContain(
      "Order this package",
    );
    const anonymous = server.browser();
    const anonymousPage = await anonymous.get(`/offers/${offer.offer.slug}`);
    const signInLink = `/login?redirectTo=${encodeURIComponent(review)}`;
    expect(anonymousPage.text).toContain(`href="${signInLink.replace(/&/g, "&amp;")}"`);
    expect(visibleText(anonymousPage.text)).toContain("Đăng nhập để đặt mua");
    // The review itself sends an anonymous visitor to sign in and back.
    expect((await anonymous.get(review)).location).toBe(signInLink);
    expect(await db.order.count({ where: { packageId: offer.pkg.id, buyerUserId: market.buyer.id } })).toBe(0);
  });

  it("reviews the order before payment: package, unit, quantity, price with VAT split out, buyer and seller with tax code and address", async () => {
    const page = await buyer.get(`/orders/new?package=${offer.pkg.id}`);
    expect(page.status).toBe(200);
    const text = visibleText(page.text);
    expect(text).toContain("Xem lại đơn hàng");
    expect(text).toContain(offer.offer.titleVi);
    expect(text).toMatch(/Gói “Gói cơ bản” Đơn vị tính tháng Số lượng 1 Đơn giá \(đã gồm thuế GTGT\) 500\.000\s₫/);
    // 500.000 × 10/110 = 45.454,5… → 45.455 ₫ VAT, 454.545 ₫ before it.
    expect(text).toMatch(/Giá trước thuế 454\.545\s₫ Thuế GTGT \(10%\) 45\.455\s₫ Tổng cộng 500\.000\s₫/);
    expect(text).toContain("làm tròn đến đồng");
    expect(text).toContain(
      `Bên mua Tên tổ chức ${market.buyerOrg.name} Mã số thuế ${market.buyerOrg.taxCode} Địa chỉ ${market.buyerOrg.address}`,
    );
    expect(text).toContain(`Bên bán Tên tổ chức ${market.providerOrg.name} Mã số thuế ${market.providerOrg.taxCode}`);
    expect(page.text).not.toContain('name="taxCode"');
    expect(inputValue(page.text, "orderKey")).toMatch(/^[A-Za-z0-9_-]{16,64}$/);
    const english = visibleText(
      (await (await inEnglish(market.buyer)).get(`/orders/new?package=${offer.pkg.id}`)).text,
    );
    expect(english).toMatch(/Price before VAT ₫454,545 VAT \(10%\) ₫45,455 Total ₫500,000/);
    expect(english).toContain("Tax code (MST)");
  });

  it("asks an organisation without tax code and address for them, refuses a malformed MST with nothing saved, then saves them and pays", async () => {
    const bareOwner = await makeUser();
    const bare = await makeAgency(bareOwner.id);
    const browser = await server.signedIn(bareOwner);
    const reviewUrl = `/orders/new?package=${offer.pkg.id}`;
    const review = await browser.get(reviewUrl);
    expect(visibleText(review.text)).toContain("Biên nhận cần mã số thuế và địa chỉ của tổ chức mua");
    const form = {
      packageId: offer.pkg.id,
      organisationId: bare.id,
      orderKey: inputValue(review.text, "orderKey")!,
      returnTo: `/offers/${offer.offer.slug}`,
    };

    const bad = await browser.post(`${reviewUrl}&org=${bare.id}`, { ...form, taxCode: "01012345", address: "" });
    expect(bad.status).toBe(400);
    const badText = visibleText(bad.text);
    expect(badText).toContain("Mã số thuế gồm 10 chữ số");
    expect(bad.text).toContain('value="01012345"');
    expect(await db.organisation.findUniqueOrThrow({ where: { id: bare.id } })).toMatchObject({
      taxCode: null,
      address: null,
    });
    expect(await db.order.count({ where: { buyerOrganisationId: bare.id } })).toBe(0);

    const missingAddress = await browser.post(`${reviewUrl}&org=${bare.id}`, { ...form, taxCode: "0109999999-001" });
    expect(missingAddress.status).toBe(400);
    expect(visibleText(missingAddress.text)).toContain("Vui lòng nhập thông tin này.");
    expect((await db.organisation.findUniqueOrThrow({ where: { id: bare.id } })).taxCode).toBeNull();

    const taxCode = `${makeTaxCode()}-002`;
    const paid = await browser.post(`${reviewUrl}&org=${bare.id}`, {
      ...form,
      taxCode,
      address: "  5 Tràng Tiền, Hoàn Kiếm, Hà Nội ",
    });
    expect(paid.status).toBe(303);
    expect(paid.location!.startsWith(`${stripe.standIn.baseUrl}/pay/`)).toBe(true);
    expect(await db.organisation.findUniqueOrThrow({ where: { id: bare.id } })).toMatchObject({
      taxCode,
      address: "5 Tràng Tiền, Hoàn Kiếm, Hà Nội",
    });
    const order = await db.order.findFirstOrThrow({ where: { buyerOrganisationId: bare.id } });
    expect(order).toMatchObject({
      vatPercent: 10,
      buyerName: bare.name,
      buyerTaxCode: taxCode,
      buyerAddress: "5 Tràng Tiền, Hoàn Kiếm, Hà Nội",
      sellerName: market.providerOrg.name,
      sellerTaxCode: market.providerOrg.taxCode,
      sellerAddress: market.providerOrg.address,
    });
    expect(order.number).toMatch(/^ĐH-\d{8}-\d{5}$/);
    // The same form again (a double click): the same order and payment page.
    const again = await browser.post(`${reviewUrl}&org=${bare.id}`, {
      ...form,
      taxCode,
      address: "5 Tràng Tiền, Hoàn Kiếm, Hà Nội",
    });
    expect(again.location).toBe(paid.location);
    expect(await db.order.count({ where: { buyerOrganisationId: bare.id } })).toBe(1);
  });

  it("goes buyer → Stripe page → signed webhook → paid, back at the same origin signed in, visible to buyer and provider, hidden from others", async () => {
    const paid = await orderAndPay();
    expect(paid).toMatchObject({ status: "PAID", amountPaidVnd: 500_000n });
    // The stand-in's "paid" redirect goes back to the origin the buyer used (127.0.0.1:port, not APP_URL's localhost), where their cookie is.
    const back = await fetch(`${stripe.standIn.baseUrl}/pay/${paid.checkoutSessionId}`, {
      method: "POST",
      redirect: "manual",
    });
    expect(back.headers.get("location")).toBe(`${server.baseUrl}/orders/${paid.id}?checkout=success`);
    const returned = await buyer.get(back.headers.get("location")!.slice(server.baseUrl.length));
    expect(returned.status).toBe(200);
    expect(visibleText(returned.text)).toContain("Đăng xuất");

    const receiptPage = await buyer.get(`/orders/${paid.id}`);
    const receipt = visibleText(receiptPage.text);
    expect(receipt).toContain("Đã thanh toán");
    expect(receipt).toMatch(/Đã thanh toán 500\.000\s₫/);
    // A document: number, date, seller and buyer with MST and address, the line, VAT, total and the total in words.
    expect(receipt).toContain(`Số đơn hàng: ${paid.number}`);
    expect(receipt).toMatch(/Ngày lập: \d{2}\/\d{2}\/\d{4}/);
    expect(receipt).toContain(
      `Bên bán ${market.providerOrg.name} Mã số thuế: ${market.providerOrg.taxCode} Địa chỉ: ${market.providerOrg.address}`,
    );
    expect(receipt).toContain(
      `Bên mua ${market.buyerOrg.name} Mã số thuế: ${market.buyerOrg.taxCode} Địa chỉ: ${market.buyerOrg.address}`,
    );
    expect(receipt).toMatch(
      new RegExp(`1 ${offer.offer.titleVi} Gói “Gói cơ bản” tháng 1 500\\.000\\s₫ 500\\.000\\s₫`),
    );
    expect(receipt).toMatch(/Giá trước thuế 454\.545\s₫ Thuế GTGT \(10%\) 45\.455\s₫ Tổng cộng 500\.000\s₫/);
    expect(receipt).toContain("Bằng chữ: Năm trăm nghìn đồng");
    // Printable on A4 without the site's chrome or buttons.
    const css = receiptPage.text.match(/href="(\/build\/_assets\/receipt-[^"]+\.css)"/)?.[1];
    const printCss = (await buyer.get(css!)).text;
    expect(printCss).toMatch(/@page\s*\{\s*size:\s*A4/);
    expect(printCss).toMatch(/\.no-print[^{]*\{\s*display:\s*none/);
    // Later changes to an organisation do not rewrite the receipt.
    await db.organisation.update({ where: { id: market.buyerOrg.id }, data: { address: "Địa chỉ mới" } });
    expect(visibleText((await buyer.get(`/orders/${paid.id}`)).text)).toContain(`Địa chỉ: ${market.buyerOrg.address}`);
    await db.organisation.update({ where: { id: market.buyerOrg.id }, data: { address: market.buyerOrg.address } });
    // Lists show the number people quote (as on the receipt), not the database id, and link to the receipt.
    const buyerList = await buyer.get("/orders");
    expect(visibleText(buyerList.text)).toContain(paid.number!);
    expect(visibleText(buyerList.text)).not.toContain(paid.id);
    expect(buyerList.text).toContain(`href="/orders/${paid.id}"`);
    const english = visibleText((await (await inEnglish(market.buyer)).get(`/orders/${paid.id}`)).text);
    expect(english).toContain("Order receipt");
    expect(english).toMatch(/Paid ₫500,000/);
    expect(english).toContain("Amount in words (Vietnamese): Năm trăm nghìn đồng");

    const seller = await server.signedIn(market.seller);
    expect(visibleText((await seller.get(`/orgs/${market.providerOrg.id}/orders`)).text)).toContain(paid.number!);
    expect((await seller.get(`/orders/${paid.id}`)).status).toBe(200);

    const outsiderUser = await makeUser();
    await makeAgency(outsiderUser.id);
    const outsider = await server.signedIn(outsiderUser);
    expect((await outsider.get(`/orders/${paid.id}`)).status).toBe(404);
    expect((await outsider.get(`/orgs/${market.providerOrg.id}/orders`)).status).toBe(404);
    expect(visibleText((await outsider.get("/orders")).text)).not.toContain(paid.number!);
  });

  it("refuses to order in the name of an organisation the user is not a member of", async () => {
    const otherOwner = await makeUser();
    const other = await makeAgency(otherOwner.id);
    const before = await db.order.count();
    expect((await order(buyer, offer.pkg.id, other.id)).status).toBe(404);
    expect(await db.order.count()).toBe(before);
  });

  it("says in Vietnamese when the offer was archived, and in English when asked", async () => {
    const archived = await makePricedOffer(market.providerOrg.id, market.seller.id);
    await db.offer.update({ where: { id: archived.offer.id }, data: { status: "ARCHIVED" } });
    const page = await order(buyer, archived.pkg.id);
    expect(page.status).toBe(400);
    expect(visibleText(page.text)).toContain("Giải pháp này hiện không còn được chào bán.");
    const english = await order(await inEnglish(market.buyer), archived.pkg.id);
    expect(visibleText(english.text)).toContain("This offer is no longer on sale.");
  });

  it("says the payment service did not respond, and nothing is left pending, when Stripe fails", async () => {
    stripe.standIn.setFault("error500");
    let page;
    try {
      page = await order(buyer, offer.pkg.id);
    } finally {
      stripe.standIn.setFault("none");
    }
    expect(page.status).toBe(503);
    expect(visibleText(page.text)).toContain("Cổng thanh toán không phản hồi. Chưa có khoản tiền nào bị trừ");
    expect(
      await db.order.count({
        where: { buyerOrganisationId: market.buyerOrg.id, status: "PENDING", checkoutSessionId: null },
      }),
    ).toBe(0);
    const cancelled = await db.order.findFirstOrThrow({
      where: { buyerOrganisationId: market.buyerOrg.id, status: "CANCELLED" },
      orderBy: { createdAt: "desc" },
    });
    const receipt = visibleText((await buyer.get(`/orders/${cancelled.id}`)).text);
    expect(receipt).toContain("Đã huỷ");
    expect(receipt).toContain("Cổng thanh toán không phản hồi khi mở trang thanh toán; chưa có tiền nào bị trừ.");
    expect(receipt).not.toContain("stand-in told to fail");
  });
});
