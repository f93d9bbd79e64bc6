// Issue 14 parts 2 and 3: notices in the reader's language, as they choose,
// written with the event (a rolled-back change tells and mails nobody),
// one-click unsubscribe per group, the daily digest, and the mail worker's
// retries, backoff and giving up, as staff see them.
import net from "node:net";
import { describe, expect, it } from "vitest";
import { db } from "~/db.server";
import en from "~/i18n/en";
import vi from "~/i18n/vi";
import { sendDailyDigests } from "~/models/daily-digest.server";
import { deliverDueMail } from "~/models/mail-outbox.server";
import { noticeUnsubscribeToken } from "~/models/notice-preferences.server";
import { notify, organisationMembers, staffUsers, type Notice } from "~/models/notify.server";
import {
  TEST_PASSWORD,
  addMember,
  makeOrganisation,
  makeUser,
  readOutbox,
  uniqueEmail,
} from "~/test-support/factories";
import { startTestServer, visibleText } from "~/test-support/http";
import { dataVersion } from "~/utils/data-version.server";

const server = startTestServer();

const declined = (userId: string, note = ""): Notice => ({
  userId,
  kind: "proposal.declined",
  link: "/problems/den-giao-thong#proposal-1",
  values: {
    statement: "Đèn giao thông thích ứng",
    offer: "Điều khiển tín hiệu <AI> & “cảm biến”",
    reasonKey: "notices.groups.money",
    note,
  },
});

async function userWithLanguage(language: "vi" | "en") {
  const user = await makeUser({ name: language === "en" ? "Alex Nguyen" : "Lê Thị Hoa" });
  await db.user.update({ where: { id: user.id }, data: { language } });
  return user;
}

describe("notify in the event's transaction", () => {
  it("writes nothing and mails nobody when the transaction rolls back", async () => {
    const reader = await userWithLanguage("vi");
    await expect(
      db.$transaction(async (tx) => {
        await notify(tx, [declined(reader.id)]);
        throw new Error("the change failed");
      }),
    ).rejects.toThrow("the change failed");
    expect(await db.notification.count({ where: { userId: reader.id } })).toBe(0);
    expect(await db.mailOutbox.count({ where: { to: reader.email } })).toBe(0);
    expect(await readOutbox(reader.email)).toHaveLength(0);
  });

  it("tells an English reader in English only, and a Vietnamese reader in Vietnamese only, each once", async () => {
    const english = await userWithLanguage("en");
    const vietnamese = await userWithLanguage("vi");
    await db.$transaction(async (tx) => {
      // The same reader twice (e.g. in both organisations) is told once.
      await notify(tx, [
        declined(english.id, "Giá vượt ngân sách"),
        declined(english.id, "Giá vượt ngân sách"),
        declined(vietnamese.id),
      ]);
    });
    const [notice, ...more] = await db.notification.findMany({ where: { userId: english.id } });
    expect(more).toHaveLength(0);
    expect(notice!.title).toBe(en.notices.kinds["proposal.declined"].title);
    expect(notice!.body).toContain("Reason: Orders and payments");
    expect(notice!.body).toContain("Giá vượt ngân sách");

    const [mail, ...others] = await readOutbox(english.email);
    expect(others).toHaveLength(0);
    expect(mail!.subject).toBe("Your proposal was not selected");
    expect(mail!.text).toContain("Hello Alex Nguyen,");
    expect(mail!.text).toContain(
      "Read the reason and reply in the thread: http://localhost/problems/den-giao-thong#proposal-1",
    );
    expect(mail!.text).not.toMatch(/Xin chào|Lý do|Đề xuất của bạn/);
    // HTML part: the same words, user-supplied text escaped.
    expect(mail!.html).toContain('lang="en"');
    expect(mail!.html).toContain("Điều khiển tín hiệu &lt;AI&gt; &amp; “cảm biến”");
    expect(mail!.html).not.toContain("<AI>");
    expect(mail!.headers?.["List-Unsubscribe"]).toBe(
      `<http://localhost/unsubscribe/notices/${noticeUnsubscribeToken(english.id, "proposals")}>`,
    );
    expect(mail!.headers?.["List-Unsubscribe-Post"]).toBe("List-Unsubscribe=One-Click");

    const [viMail] = await readOutbox(vietnamese.email);
    expect(viMail!.subject).toBe(vi.notices.kinds["proposal.declined"].title);
    expect(viMail!.text).toContain("Xin chào Lê Thị Hoa,");
    expect(viMail!.text).toContain("Lý do: Đơn hàng và thanh toán");
    expect(viMail!.text).not.toMatch(/Hello|Reason:/);
  });

  it("finds an organisation's members and the staff", async () => {
    const owner = await makeUser();
    const member = await makeUser();
    const organisation = await makeOrganisation(owner.id);
    await addMember(member.id, organisation.id);
    const curator = await makeUser({ role: "STAFF" });
    expect(new Set(await organisationMembers(db, organisation.id))).toEqual(new Set([owner.id, member.id]));
    expect(await organisationMembers(db, organisation.id, { roles: ["OWNER"] })).toEqual([owner.id]);
    expect(await staffUsers(db)).toContain(curator.id);
    expect(await staffUsers(db)).not.toContain(owner.id);
  });
});

describe("preferences per group", () => {
  it("saves them from the settings page without JavaScript: off keeps the notice in the app only, daily waits for the digest", async () => {
    const reader = await userWithLanguage("vi");
    const browser = await server.signedIn(reader);
    const page = await browser.get("/account/notifications");
    expect(page.status).toBe(200);
    expect(visibleText(page.text)).toContain(vi.notices.groups.proposals);
    const saved = await browser.post("/account/notifications", {
      intent: "channels",
      questions: "instant",
      proposals: "off",
      reviews: "instant",
      matches: "instant",
      deadlines: "instant",
      money: "daily",
      membership: "daily",
      messages: "instant",
      alerts: "off",
    });
    expect(saved.status).toBe(302);
    const bad = await browser.post("/account/notifications", { intent: "channels", proposals: "sometimes" });
    expect(bad.status).toBe(400);
    expect(visibleText(bad.text)).toContain(vi.notices.prefs.invalid);

    await db.$transaction((tx) =>
      notify(tx, [
        declined(reader.id),
        {
          userId: reader.id,
          kind: "order.paid",
          link: "/orders/o1",
          values: { offer: "Bản đồ ngập", package: "Gói năm", buyer: "Sở Xây dựng", amountVnd: 2_500_000, id: "o1" },
        },
        {
          userId: reader.id,
          kind: "organisation.verified",
          link: "/orgs/x",
          values: { organisation: "Công ty Sông Hồng" },
        },
      ]),
    );
    expect(await db.notification.count({ where: { userId: reader.id } })).toBe(3);
    expect(await readOutbox(reader.email)).toHaveLength(0);

    expect(await sendDailyDigests()).toMatchObject({ emailed: 1, notices: 2 });
    const [digest, ...more] = await readOutbox(reader.email);
    expect(more).toHaveLength(0);
    expect(digest!.subject).toBe("Tổng hợp hằng ngày: 2 thông báo mới");
    expect(digest!.text).toContain("Đơn hàng mới đã thanh toán: Bản đồ ngập");
    expect(digest!.text).toMatch(/2\.500\.000\s₫/);
    expect(digest!.text).toContain("Công ty Sông Hồng đã được xác minh");
    expect(digest!.text).not.toContain("Đề xuất của bạn không được chọn");
    expect(digest!.headers?.["List-Unsubscribe"]).toContain("/unsubscribe/notices/");
    // A second run the same day has nothing left to send.
    expect(await sendDailyDigests()).toMatchObject({ emailed: 0 });
    expect(await readOutbox(reader.email)).toHaveLength(1);
  });

  it("sets the language at sign-up from the page language, and lets it be changed on /account", async () => {
    const email = uniqueEmail("signup-en");
    const signup = await server
      .browser({ language: "en" })
      .post("/signup", { name: "Sam Tran", email, password: TEST_PASSWORD });
    expect(signup.status).toBe(302);
    expect((await db.user.findUniqueOrThrow({ where: { email } })).language).toBe("en");

    const reader = await userWithLanguage("vi");
    const browser = await server.signedIn(reader);
    expect(visibleText((await browser.get("/account")).text)).toContain(vi.notices.prefs.languageTitle);
    const changed = await browser.post("/account/notifications", { intent: "language", language: "en" });
    expect(changed.status).toBe(302);
    expect((await db.user.findUniqueOrThrow({ where: { id: reader.id } })).language).toBe("en");
    const bad = await browser.post("/account/notifications", { intent: "language", language: "fr" });
    expect(bad.status).toBe(400);
  });
});

describe("one-click unsubscribe per group", () => {
  it("turns that group's email off on a mail client's RFC 8058 POST, and only that group", async () => {
    const reader = await userWithLanguage("en");
    await db.$transaction((tx) => notify(tx, [declined(reader.id)]));
    const [mail] = await readOutbox(reader.email);
    const url = mail!.headers!["List-Unsubscribe"]!.slice(1, -1);
    const path = new URL(url).pathname;
    // Showing the page (a link scanner's GET) changes nothing.
    const shown = await server.browser({ language: "en" }).get(path);
    expect(shown.status).toBe(200);
    expect(visibleText(shown.text)).toContain(en.notices.groups.proposals);
    expect(await db.notificationPreference.count({ where: { userId: reader.id } })).toBe(0);

    const response = await fetch(`${server.baseUrl}${path}`, {
      method: "POST",
      headers: { "content-type": "application/x-www-form-urlencoded" },
      body: "List-Unsubscribe=One-Click",
      redirect: "manual",
    });
    expect(response.status).toBe(200);
    expect(
      await db.notificationPreference.findUnique({
        where: { userId_group: { userId: reader.id, group: "proposals" } },
      }),
    ).toMatchObject({ channel: "off" });

    await db.$transaction((tx) =>
      notify(tx, [
        declined(reader.id),
        { userId: reader.id, kind: "organisation.verified", link: "/orgs/y", values: { organisation: "Viện Đô thị" } },
      ]),
    );
    const after = (await readOutbox(reader.email)).slice(1);
    expect(after.map((m) => m.subject)).toEqual(["Viện Đô thị has been verified"]);
  });

  it("refuses a forged or altered token with 404", async () => {
    const reader = await makeUser();
    const other = await makeUser();
    const token = noticeUnsubscribeToken(reader.id, "proposals");
    const moved = token.replace(reader.id, other.id);
    const regrouped = token.replace(".proposals.", ".money.");
    for (const bad of [moved, regrouped, "abc", `${token}x`]) {
      const page = await server.browser().post(`/unsubscribe/notices/${bad}`, {});
      expect(page.status).toBe(404);
    }
    expect(await db.notificationPreference.count({ where: { userId: { in: [reader.id, other.id] } } })).toBe(0);
  });
});

describe("the mail worker", () => {
  it("sends without emptying the public page cache, and so does the reader signing in to read the notice", async () => {
    const reader = await userWithLanguage("vi");
    await db.$transaction((tx) => notify(tx, [declined(reader.id)]));
    const before = dataVersion();
    const mails = await readOutbox(reader.email);
    expect(mails).toHaveLength(1);
    const browser = await server.signedIn(reader);
    expect(visibleText((await browser.get("/notifications")).text)).toContain("Đèn giao thông thích ứng");
    // Public pages and remembered rankings are kept: nothing they show changed.
    expect(dataVersion()).toBe(before);
  });

  it("retries with growing delays, gives up after the last attempt, and shows staff the queue with the error", async () => {
    const closedPort = await new Promise<number>((resolve) => {
      const probe = net.createServer().listen(0, "127.0.0.1", () => {
        const { port } = probe.address() as net.AddressInfo;
        probe.close(() => resolve(port));
      });
    });
    const reader = await userWithLanguage("vi");
    await db.$transaction((tx) => notify(tx, [declined(reader.id)]));
    let clock = Date.now();
    const options = {
      smtpUrl: `smtp://127.0.0.1:${closedPort}`,
      baseDelayMs: 1000,
      maxDelayMs: 4000,
      maxAttempts: 4,
      now: () => new Date(clock),
    };
    const row = () => db.mailOutbox.findFirstOrThrow({ where: { to: reader.email } });

    const delays: number[] = [];
    for (let attempt = 1; attempt <= 3; attempt++) {
      expect(await deliverDueMail(options)).toMatchObject({ sent: 0, failed: 1, dead: 0 });
      const after = await row();
      expect(after.attempts).toBe(attempt);
      expect(after.lastError).toMatch(/ECONNREFUSED|connect/i);
      delays.push(after.nextAttemptAt.getTime() - clock);
      // Not due yet: nothing is tried.
      expect(await deliverDueMail(options)).toMatchObject({ sent: 0, failed: 0, dead: 0 });
      clock = after.nextAttemptAt.getTime();
    }
    expect(delays).toEqual([1000, 2000, 4000]);
    expect(await deliverDueMail(options)).toMatchObject({ dead: 1 });
    expect((await row()).deadAt).not.toBeNull();
    // Dead is final for the worker.
    clock += 3_600_000;
    expect(await deliverDueMail(options)).toMatchObject({ sent: 0, failed: 0, dead: 0 });

    const curator = await server.signedIn(await makeUser({ role: "STAFF" }));
    const page = await curator.get("/staff/search");
    expect(page.status).toBe(200);
    const text = visibleText(page.text);
    expect(text).toContain(vi.notices.mailQueue.title);
    expect(text).toContain(vi.notices.mailQueue.dead);
    expect(text).toContain(reader.email);
    expect(text).toMatch(/ECONNREFUSED|connect/i);
    // Outsiders never see the queue.
    const outsider = await server.signedIn(await makeUser());
    expect([403, 404]).toContain((await outsider.get("/staff/search")).status);

    // Staff send it again once SMTP is fixed: it goes out (to the outbox folder here).
    const dead = await row();
    expect((await curator.post("/staff/search", { intent: "retry-mail", mailId: dead.id })).status).toBe(302);
    const [mail] = await readOutbox(reader.email);
    expect(mail!.subject).toBe(vi.notices.kinds["proposal.declined"].title);
    expect((await row()).sentAt).not.toBeNull();
  });
});
