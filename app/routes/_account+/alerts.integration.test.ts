// Alerts from the subscriber's side: the alerts page, the search page's save
// button and the one-click unsubscribe link from the emails.
import { beforeAll, describe, expect, it } from "vitest";
import { db } from "~/db.server";
import { unsubscribeToken } from "~/models/subscription.server";
import { makeUser } from "~/test-support/factories";
import { startTestServer, visibleText } from "~/test-support/http";
import { makeAgency, makeProvider } from "~/test-support/statement-factories";

const server = startTestServer();

beforeAll(async () => {
  await db.taxonomyTerm.createMany({
    data: [
      { kind: "SECTOR", slug: "giao-thong", nameVi: "Giao thông", nameEn: "Transport" },
      { kind: "SECTOR", slug: "y-te", nameVi: "Y tế", nameEn: "Health" },
    ],
  });
});

const subscriptionsOf = (userId: string) => db.subscription.findMany({ where: { userId } });

describe("the alerts page", () => {
  it("asks a visitor to sign in", async () => {
    const page = await server.browser().get("/account/alerts");
    expect(page.status).toBe(302);
    expect(page.location).toBe("/login?redirectTo=%2Faccount%2Falerts");
  });

  it("follows a sector, lists it, and says so plainly when the choice is missing or unknown", async () => {
    const user = await makeUser();
    const browser = await server.signedIn(user);
    const missing = await browser.post("/account/alerts", { intent: "follow-sector", sectorSlug: "" });
    expect(missing.status).toBe(400);
    expect(visibleText(missing.text)).toContain("Chọn một lĩnh vực");
    const unknown = await browser.post("/account/alerts", {
      intent: "follow-sector",
      sectorSlug: "khong-co-linh-vuc-nay",
    });
    expect(unknown.status).toBe(400);
    expect(visibleText(unknown.text)).toContain("Lĩnh vực này không có trong danh mục");
    expect(await subscriptionsOf(user.id)).toHaveLength(0);

    const saved = await browser.post("/account/alerts", { intent: "follow-sector", sectorSlug: "giao-thong" });
    expect(saved.status).toBe(302);
    const page = visibleText((await browser.get("/account/alerts")).text);
    expect(page).toContain("Đã đăng ký thông báo");
    expect(page).toContain("Theo dõi lĩnh vực: Giao thông");
    expect(page).toContain("Chưa gửi lần nào");
    // Following again does not make a second alert.
    await browser.post("/account/alerts", { intent: "follow-sector", sectorSlug: "giao-thong" });
    expect(visibleText((await browser.get("/account/alerts")).text)).toContain("Bạn đã đăng ký thông báo này rồi");
    expect(await subscriptionsOf(user.id)).toHaveLength(1);
  });

  it("saves the search shown on /search, without its page number", async () => {
    const user = await makeUser();
    const browser = await server.signedIn(user);
    expect(visibleText((await browser.get("/search?q=camera&sector=giao-thong")).text)).toContain(
      "Lưu tìm kiếm / Nhận thông báo",
    );
    expect(visibleText((await server.browser().get("/search?q=camera")).text)).not.toContain("Lưu tìm kiếm");

    const saved = await browser.post("/account/alerts", {
      intent: "save-search",
      query: "?q=camera&sector=giao-thong&page=3",
    });
    expect(saved.status).toBe(302);
    const [subscription] = await subscriptionsOf(user.id);
    expect(subscription).toMatchObject({ kind: "SAVED_SEARCH", query: "?q=camera&sector=giao-thong", label: "camera" });
    expect((await browser.get("/account/alerts")).text).toContain('href="/search?q=camera&amp;sector=giao-thong"');

    const invalid = await browser.post("/account/alerts", { intent: "save-search", query: "?sort=nonsense" });
    expect(invalid.status).toBe(400);
    expect(visibleText(invalid.text)).toContain("Tìm kiếm này không hợp lệ nên không lưu được");
  });

  it("turns on the fit alerts for the person's own provider or agency only", async () => {
    const user = await makeUser();
    const provider = await makeProvider(user.id);
    const agency = await makeAgency(user.id);
    const stranger = await makeAgency((await makeUser()).id);
    const browser = await server.signedIn(user);
    const page = visibleText((await browser.get("/account/alerts")).text);
    expect(page).toContain(`Bật: Nhu cầu phù hợp với giải pháp của tổ chức — ${provider.name}`);
    expect(page).toContain(`Bật: Giải pháp phù hợp với bài toán đang mở của tổ chức — ${agency.name}`);

    expect(
      (await browser.post("/account/alerts", { intent: "follow-matches", organisationId: provider.id })).status,
    ).toBe(302);
    expect(
      (await browser.post("/account/alerts", { intent: "follow-matches", organisationId: agency.id })).status,
    ).toBe(302);
    expect(
      (await browser.post("/account/alerts", { intent: "follow-matches", organisationId: stranger.id })).status,
    ).toBe(404);
    const kinds = (await subscriptionsOf(user.id)).map((s) => `${s.kind}:${s.organisationId}`).sort();
    expect(kinds).toEqual([`NEEDS_FOR_MY_OFFERS:${provider.id}`, `OFFERS_FOR_MY_NEEDS:${agency.id}`].sort());
    expect(visibleText((await browser.get("/account/alerts")).text)).toContain(
      `Đang bật: Nhu cầu phù hợp với giải pháp của tổ chức — ${provider.name}`,
    );
  });

  it("deletes one's own alert, but not someone else's", async () => {
    const owner = await makeUser();
    const intruder = await makeUser();
    await (await server.signedIn(owner)).post("/account/alerts", { intent: "follow-sector", sectorSlug: "y-te" });
    const [alert] = await subscriptionsOf(owner.id);

    const refused = await (
      await server.signedIn(intruder)
    ).post("/account/alerts", { intent: "delete", id: alert!.id });
    expect(refused.status).toBe(404);
    expect(visibleText(refused.text)).toContain("Không tìm thấy thông báo này");
    expect(await subscriptionsOf(owner.id)).toHaveLength(1);

    const ownerBrowser = await server.signedIn(owner);
    expect((await ownerBrowser.post("/account/alerts", { intent: "delete", id: alert!.id })).status).toBe(302);
    expect(visibleText((await ownerBrowser.get("/account/alerts")).text)).toContain("Đã hủy thông báo.");
    expect(await subscriptionsOf(owner.id)).toHaveLength(0);
  });
});

describe("one-click unsubscribe", () => {
  async function alertWithToken() {
    const user = await makeUser();
    await (await server.signedIn(user)).post("/account/alerts", { intent: "follow-sector", sectorSlug: "giao-thong" });
    const [alert] = await subscriptionsOf(user.id);
    return { user, token: unsubscribeToken(alert!.id) };
  }

  it("shows a one-button page on GET (mail scanners follow links) and unsubscribes on POST, without signing in", async () => {
    const { user, token } = await alertWithToken();
    const browser = server.browser();
    const confirm = await browser.get(`/unsubscribe/${token}`);
    expect(confirm.status).toBe(200);
    expect(visibleText(confirm.text)).toContain("Theo dõi lĩnh vực: Giao thông");
    expect(confirm.text).toContain("Hủy nhận thông báo này");
    expect(await subscriptionsOf(user.id)).toHaveLength(1);

    const done = await browser.post(`/unsubscribe/${token}`, {});
    expect(done.status).toBe(200);
    expect(visibleText(done.text)).toContain("Đã hủy. Bạn sẽ không nhận email cho thông báo này nữa.");
    expect(await subscriptionsOf(user.id)).toHaveLength(0);
    // The link is spent: a second click gets the clear not-found page.
    expect((await browser.post(`/unsubscribe/${token}`, {})).status).toBe(404);
  });

  it("accepts a mail client's RFC 8058 one-click POST, which has no browser origin", async () => {
    const { user, token } = await alertWithToken();
    const response = await fetch(`${server.baseUrl}/unsubscribe/${token}`, {
      method: "POST",
      headers: { "content-type": "application/x-www-form-urlencoded" },
      body: "List-Unsubscribe=One-Click",
      redirect: "manual",
    });
    expect(response.status).toBe(200);
    expect(await subscriptionsOf(user.id)).toHaveLength(0);
  });

  it("answers a wrong token with 404 and a clear message, in the reader's language", async () => {
    const { user, token } = await alertWithToken();
    const wrong = `${token.slice(0, -2)}xx`;
    const page = await server.browser().get(`/unsubscribe/${wrong}`);
    expect(page.status).toBe(404);
    expect(visibleText(page.text)).toContain("Liên kết hủy nhận không đúng hoặc thông báo đã được hủy trước đó");
    const english = await server.browser({ language: "en" }).post(`/unsubscribe/${wrong}`, {});
    expect(english.status).toBe(404);
    expect(visibleText(english.text)).toContain("The unsubscribe link is wrong, or the alert was already stopped");
    expect(await subscriptionsOf(user.id)).toHaveLength(1);
  });
});
