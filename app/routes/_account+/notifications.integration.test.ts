// The notification centre: each person sees and marks only their own notices,
// and the header counts the unread ones.
import { beforeAll, describe, expect, it } from "vitest";
import { db } from "~/db.server";
import vi from "~/i18n/vi";
import { createNotifications } from "~/models/notification.server";
import { makeUser } from "~/test-support/factories";
import { startTestServer, type TestBrowser, visibleText } from "~/test-support/http";

const server = startTestServer();

let alice: TestBrowser;
let bob: TestBrowser;
let aliceId = "";
let bobId = "";

beforeAll(async () => {
  const a = await makeUser({ name: "Chị An" });
  const b = await makeUser({ name: "Anh Bình" });
  aliceId = a.id;
  bobId = b.id;
  await createNotifications(db, [
    {
      userId: a.id,
      kind: "match.introduced",
      title: "Kết nối mới cho chị An",
      body: "Nội dung cho An.",
      link: "/problems",
    },
    { userId: a.id, kind: "match.introduced", title: "Kết nối thứ hai cho chị An", body: "Nội dung thứ hai." },
    { userId: b.id, kind: "match.introduced", title: "Kết nối riêng của anh Bình", body: "Chỉ Bình được xem." },
  ]);
  alice = await server.signedIn(a);
  bob = await server.signedIn(b);
});

const fill = (template: string, vars: Record<string, string>) =>
  template.replace(/\{\{(\w+)\}\}/g, (_, key: string) => vars[key] ?? "");

describe("notification centre", () => {
  it("lists only one's own notices, with the unread count in the header", async () => {
    const page = visibleText((await alice.get("/notifications")).text);
    expect(page).toContain("Kết nối mới cho chị An");
    expect(page).toContain("Kết nối thứ hai cho chị An");
    expect(page).not.toContain("Kết nối riêng của anh Bình");
    expect(page).toContain(fill(vi.curation.notifications.headerUnread, { count: "2" }));
  });

  it("marks one notice read, and never another person's", async () => {
    const bobs = await db.notification.findFirstOrThrow({ where: { userId: bobId } });
    expect((await alice.post("/notifications", { id: bobs.id })).status).toBe(302);
    expect((await db.notification.findUniqueOrThrow({ where: { id: bobs.id } })).readAt).toBeNull();

    const first = await db.notification.findFirstOrThrow({
      where: { userId: aliceId, title: "Kết nối mới cho chị An" },
    });
    expect((await alice.post("/notifications", { id: first.id })).status).toBe(302);
    expect((await db.notification.findUniqueOrThrow({ where: { id: first.id } })).readAt).not.toBeNull();
    const page = visibleText((await alice.get("/notifications")).text);
    expect(page).toContain(fill(vi.curation.notifications.headerUnread, { count: "1" }));

    expect((await alice.post("/notifications", {})).status).toBe(302);
    expect(await db.notification.count({ where: { userId: aliceId, readAt: null } })).toBe(0);
    expect(await db.notification.count({ where: { userId: bobId, readAt: null } })).toBe(1);
    const after = visibleText((await alice.get("/notifications")).text);
    expect(after).toContain(vi.curation.notifications.headerLink);
    expect(after).not.toContain(vi.curation.notifications.markAllRead);
    expect(visibleText((await bob.get("/notifications")).text)).toContain(
      fill(vi.curation.notifications.headerUnread, { count: "1" }),
    );
  });

  it("sends an anonymous visitor to sign in", async () => {
    const page = await server.browser().get("/notifications");
    expect(page.status).toBe(302);
    expect(page.location).toContain("/login");
  });
});
