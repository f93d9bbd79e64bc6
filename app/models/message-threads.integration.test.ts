// Private messages on a deal (issue 14 part 4), through the real server: the
// two sides of a proposal or an order write and read, the other side is told
// in the app and by email (in their own language), the author is not, and
// nobody else can read, post or download. Refused messages save nothing and
// keep what was typed.
import fs from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { db } from "~/db.server";
import en from "~/i18n/en";
import vi from "~/i18n/vi";
import { postMessage } from "~/models/message.server";
import { removeOrphanUploads } from "~/models/upload-cleanup.server";
import { MAX_MESSAGE } from "~/schemas/message";
import { addMember, makeUser, readOutbox } from "~/test-support/factories";
import { type TestBrowser, inputValue, startTestServer, visibleText } from "~/test-support/http";
import {
  makeAgency,
  makeOffer,
  makeProposal,
  makeProvider,
  makePublishedMajorProblem,
  makeStatement,
  pdfBytes,
  postMultipart,
} from "~/test-support/statement-factories";
import { checkUpload, uploadDir } from "~/utils/uploads.server";

const server = startTestServer();

type Person = { id: string; email: string; name: string };
const people = {} as Record<
  "providerOwner" | "providerMember" | "agencyOwner" | "buyerOwner" | "staff" | "problemOwner" | "outsider",
  Person
>;
const browsers = {} as Record<keyof typeof people | "anonymous", TestBrowser>;
const ids = {
  statement: "",
  provider: "",
  agency: "",
  buyer: "",
  proposal: "",
  majorProposal: "",
  order: "",
  cancelledOrder: "",
  otherProposal: "",
};

const fill = (template: string, vars: Record<string, string | number> = {}) =>
  template.replace(/\{\{(\w+)\}\}/g, (_, key: string) => String(vars[key] ?? ""));
const messagesIn = (ref: { proposalId?: string; orderId?: string }) => db.message.count({ where: { thread: ref } });
const noticesOf = (person: Person) =>
  db.notification.findMany({ where: { userId: person.id, kind: "message.received" }, orderBy: { createdAt: "asc" } });
const uploads = async () => (await fs.readdir(uploadDir()).catch(() => [] as string[])).sort();

async function makeOrder(buyerOrganisationId: string, providerOrganisationId: string, status: "PAID" | "CANCELLED") {
  return db.order.create({
    data: {
      buyerOrganisationId,
      providerOrganisationId,
      offerTitle: "Nền tảng giám sát giao thông",
      packageName: "Gói cơ bản",
      packageUnit: "tháng",
      unitPriceVnd: 500_000n,
      amountVnd: 500_000n,
      status,
      ...(status === "PAID" ? { amountPaidVnd: 500_000n, paidAt: new Date() } : { cancelledAt: new Date() }),
    },
  });
}

beforeAll(async () => {
  people.providerOwner = await makeUser({ name: "Hoàng Anh Cung Cấp" });
  people.providerMember = await makeUser({ name: "Thu Trang Thành Viên" });
  people.agencyOwner = await makeUser({ name: "Quang Huy Sở" });
  people.buyerOwner = await makeUser({ name: "Trần Văn Mua" });
  people.staff = await makeUser({ role: "STAFF", name: "Cán Bộ HiHUB" });
  people.problemOwner = await makeUser({ name: "Người Phụ Trách Bài Toán" });
  people.outsider = await makeUser({ name: "Người Ngoài Cuộc" });
  // The agency reads in English: its notices and emails must be in English.
  await db.user.update({ where: { id: people.agencyOwner.id }, data: { language: "en" } });

  const provider = await makeProvider(people.providerOwner.id, "Công ty Sông Hồng AI thử");
  await addMember(people.providerMember.id, provider.id);
  const agency = await makeAgency(people.agencyOwner.id, "Sở Giao thông thử");
  const buyer = await makeAgency(people.buyerOwner.id, "Quận Hoàn Kiếm thử");
  const outsiderOrg = await makeProvider(people.outsider.id, "Công ty Người Ngoài");
  Object.assign(ids, { provider: provider.id, agency: agency.id, buyer: buyer.id });

  const statement = await makeStatement(agency.id, people.agencyOwner.id, { status: "PUBLISHED" });
  ids.statement = statement.id;
  const offer = await makeOffer(provider.id, { title: "Đèn tín hiệu thích ứng" });
  ids.proposal = (await makeProposal(statement.id, offer)).id;
  ids.otherProposal = (await makeProposal(statement.id, await makeOffer(outsiderOrg.id))).id;
  const major = await makePublishedMajorProblem(people.staff.id);
  await db.majorProblem.update({ where: { id: major.id }, data: { ownerId: people.problemOwner.id } });
  ids.majorProposal = (await makeProposal({ majorProblemId: major.id }, offer)).id;
  ids.order = (await makeOrder(buyer.id, provider.id, "PAID")).id;
  ids.cancelledOrder = (await makeOrder(buyer.id, provider.id, "CANCELLED")).id;

  browsers.anonymous = server.browser();
  for (const key of Object.keys(people) as (keyof typeof people)[]) browsers[key] = await server.signedIn(people[key]);
  browsers.agencyOwner = server.browser({ language: "en" });
  await browsers.agencyOwner.signIn(people.agencyOwner.email, "mật khẩu thử nghiệm 123");
});

const post = (
  who: keyof typeof browsers,
  pathname: string,
  fields: Record<string, string>,
  file?: { name: string; bytes: Uint8Array; type?: string },
) => postMultipart(server.baseUrl, browsers[who].cookieHeader(), pathname, fields, file);

describe("a proposal's thread", () => {
  it("the provider writes, the agency is told in its language and replies; the author and the author's colleagues are not told", async () => {
    const thread = `/proposals/${ids.proposal}/messages`;
    const sent = await post("providerMember", thread, {
      body: "Chúng tôi có thể khảo sát thêm 5 nút giao trong tháng 7 không?",
    });
    expect(sent.status).toBe(302);
    expect(sent.location).toMatch(new RegExp(`^${thread}#m-`));

    // The agency's member: a notice in English, and an email in English linking straight to the message.
    const [notice] = await noticesOf(people.agencyOwner);
    expect(notice?.title).toContain("New message: Đèn tín hiệu thích ứng");
    expect(notice?.body).toContain("Thu Trang Thành Viên (Công ty Sông Hồng AI thử)");
    expect(notice?.body).toContain("khảo sát thêm 5 nút giao");
    expect(notice?.link).toBe(sent.location);
    const mail = (await readOutbox(people.agencyOwner.email)).filter((m) => m.subject.includes("New message"));
    expect(mail).toHaveLength(1);
    expect(mail[0]!.text).toContain("khảo sát thêm 5 nút giao");
    expect(mail[0]!.text).toContain(`http://localhost${sent.location}`);
    // The author, and the author's own colleague, are not told.
    expect(await noticesOf(people.providerMember)).toHaveLength(0);
    expect(await noticesOf(people.providerOwner)).toHaveLength(0);
    expect(await readOutbox(people.providerMember.email)).toHaveLength(0);
    // Staff read a statement's threads but are not a side of it.
    expect(await noticesOf(people.staff)).toHaveLength(0);

    // The agency reads it (marked new) and replies without a file, as a plain form.
    const page = visibleText((await browsers.agencyOwner.get(thread)).text);
    expect(page).toContain(en.messages.title);
    expect(page).toContain("khảo sát thêm 5 nút giao");
    expect(page).toContain(`Thu Trang Thành Viên · Công ty Sông Hồng AI thử`);
    expect(page).toContain(en.messages.newTag);
    const reply = await browsers.agencyOwner.post(thread, { body: "Được, xin gửi kế hoạch khảo sát." });
    expect(reply.status).toBe(302);

    // Now the provider's members are told, in Vietnamese; the agency is not told of its own reply.
    for (const person of [people.providerMember, people.providerOwner]) {
      const notices = await noticesOf(person);
      expect(notices).toHaveLength(1);
      expect(notices[0]!.title).toContain("Tin nhắn mới: Đèn tín hiệu thích ứng");
      expect(notices[0]!.body).toContain("Quang Huy Sở (Sở Giao thông thử)");
      expect((await readOutbox(person.email)).filter((m) => m.subject.includes("Tin nhắn mới"))).toHaveLength(1);
    }
    expect(await noticesOf(people.agencyOwner)).toHaveLength(1);
    // The agency's statement page links each proposal to its thread, with the count.
    const statementPage = await browsers.agencyOwner.get(`/orgs/${ids.agency}/problems/${ids.statement}`);
    expect(statementPage.text).toContain(`href="${thread}"`);
    expect(visibleText(statementPage.text)).toContain(fill(en.messages.count, { count: 2 }));

    // Both messages, in order, on the provider's page. The list counts what each reader has not seen:
    // the author has one new message (the reply), a colleague who never opened the thread two.
    const list = visibleText((await browsers.providerMember.get(`/orgs/${ids.provider}/proposals`)).text);
    expect(list).toContain(fill(vi.messages.countUnread, { count: 2, unread: 1 }));
    expect(visibleText((await browsers.providerOwner.get(`/orgs/${ids.provider}/proposals`)).text)).toContain(
      fill(vi.messages.countUnread, { count: 2, unread: 2 }),
    );
    const providerPage = visibleText((await browsers.providerMember.get(thread)).text);
    expect(providerPage.indexOf("khảo sát thêm 5 nút giao")).toBeLessThan(
      providerPage.indexOf("xin gửi kế hoạch khảo sát"),
    );
    expect(visibleText((await browsers.providerMember.get(`/orgs/${ids.provider}/proposals`)).text)).toContain(
      fill(vi.messages.count, { count: 2 }),
    );
    // Staff may read it.
    expect(visibleText((await browsers.staff.get(thread)).text)).toContain("xin gửi kế hoạch khảo sát");
  });

  it("a PDF travels with a message, downloads as an attachment for the parties and staff, and 404 for anyone else", async () => {
    const thread = `/proposals/${ids.proposal}/messages`;
    const bytes = pdfBytes();
    const sent = await post(
      "providerOwner",
      thread,
      { body: "Kế hoạch khảo sát đính kèm." },
      { name: "Kế hoạch khảo sát.pdf", bytes },
    );
    expect(sent.status).toBe(302);
    const message = await db.message.findFirstOrThrow({ where: { body: "Kế hoạch khảo sát đính kèm." } });
    expect(message.attachmentName).toBe("Kế hoạch khảo sát.pdf");
    // The orphan-file sweep knows message attachments. It runs on a copy in a folder of its own, because
    // the upload folder is shared with other test files whose rows this database does not hold.
    const sweepDir = await fs.mkdtemp(path.join(os.tmpdir(), "hte-message-sweep-"));
    const stray = `${"0".repeat(32)}.pdf`;
    await fs.copyFile(
      path.join(uploadDir(), message.attachmentStored!),
      path.join(sweepDir, message.attachmentStored!),
    );
    await fs.writeFile(path.join(sweepDir, stray), bytes);
    const sweep = await removeOrphanUploads({ graceMs: 0, now: new Date(Date.now() + 60_000), dir: sweepDir });
    expect(sweep.removed).toEqual([stray]);
    expect(await fs.readdir(sweepDir)).toEqual([message.attachmentStored]);
    await fs.rm(sweepDir, { recursive: true, force: true });
    const download = `${thread}/${message.id}/attachment`;
    expect(visibleText((await browsers.agencyOwner.get(thread)).text)).toContain(
      fill(en.messages.download, { name: "Kế hoạch khảo sát.pdf" }),
    );
    for (const who of ["agencyOwner", "providerMember", "staff"] as const) {
      const response = await fetch(server.baseUrl + download, { headers: { cookie: browsers[who].cookieHeader() } });
      expect(response.status).toBe(200);
      expect(response.headers.get("content-disposition")).toMatch(/^attachment;/);
      expect(response.headers.get("content-type")).toBe("application/pdf");
      expect(new Uint8Array(await response.arrayBuffer())).toEqual(bytes);
    }
    expect((await browsers.outsider.get(download)).status).toBe(404);
    expect((await browsers.problemOwner.get(download)).status).toBe(404);
    expect((await browsers.anonymous.get(download)).status).toBe(302);
    // The message's id under another thread the reader may see is not a way in either.
    expect(
      (await browsers.outsider.get(`/proposals/${ids.otherProposal}/messages/${message.id}/attachment`)).status,
    ).toBe(404);
    expect(
      (await browsers.agencyOwner.get(`/proposals/${ids.otherProposal}/messages/${message.id}/attachment`)).status,
    ).toBe(404);
  });

  it("outsiders get 404 to read and to post, exactly as for a proposal that does not exist, and nothing is saved", async () => {
    const thread = `/proposals/${ids.proposal}/messages`;
    const before = await messagesIn({ proposalId: ids.proposal });
    for (const who of ["outsider", "problemOwner", "buyerOwner"] as const) {
      expect((await browsers[who].get(thread)).status).toBe(404);
      expect((await post(who, thread, { body: "Xin chen vào." })).status).toBe(404);
      // Even an invalid post says nothing but 404.
      expect((await post(who, thread, { body: "" })).status).toBe(404);
    }
    expect((await browsers.outsider.get("/proposals/no-such-proposal/messages")).status).toBe(404);
    expect((await browsers.anonymous.get(thread)).status).toBe(302);
    expect((await browsers.anonymous.post(thread, { body: "Ẩn danh." })).status).toBe(403);
    const page = await browsers.outsider.get(thread);
    expect(page.text).not.toContain("khảo sát");
    expect(await messagesIn({ proposalId: ids.proposal })).toBe(before);
    expect(await noticesOf(people.outsider)).toHaveLength(0);
  });

  it("on a major problem, HiHUB staff and the problem's owner are the other side", async () => {
    const thread = `/proposals/${ids.majorProposal}/messages`;
    const staffBefore = (await noticesOf(people.staff)).length;
    expect((await post("providerOwner", thread, { body: "Xin lịch làm việc với tổ công tác." })).status).toBe(302);
    expect(await noticesOf(people.staff)).toHaveLength(staffBefore + 1);
    expect(await noticesOf(people.problemOwner)).toHaveLength(1);
    expect((await noticesOf(people.agencyOwner)).some((n) => n.link?.includes(ids.majorProposal))).toBe(false);
    expect(visibleText((await browsers.problemOwner.get(thread)).text)).toContain(vi.messages.leadMajor);

    const providerBefore = (await noticesOf(people.providerMember)).length;
    expect((await post("staff", thread, { body: "Tổ công tác hẹn thứ Ba tuần sau." })).status).toBe(302);
    expect(await noticesOf(people.providerMember)).toHaveLength(providerBefore + 1);
    expect(await noticesOf(people.problemOwner)).toHaveLength(1);
    const staffMessage = await db.message.findFirstOrThrow({ where: { body: "Tổ công tác hẹn thứ Ba tuần sau." } });
    expect(staffMessage.authorOrganisationId).toBeNull();
    expect(visibleText((await browsers.providerMember.get(thread)).text)).toContain("Cán Bộ HiHUB · HiHUB");
    // The owner is not a member of anything here, and still may answer.
    expect((await post("problemOwner", thread, { body: "Tôi sẽ tham dự." })).status).toBe(302);
    expect((await browsers.outsider.get(thread)).status).toBe(404);
  });

  it("a withdrawn proposal's thread stays readable and takes no more messages", async () => {
    const thread = `/proposals/${ids.otherProposal}/messages`;
    await db.proposal.update({
      where: { id: ids.otherProposal },
      data: { status: "WITHDRAWN", withdrawnAt: new Date() },
    });
    const page = await post("agencyOwner", thread, { body: "Vì sao rút đề xuất?" });
    expect(page.status).toBe(409);
    expect(visibleText(page.text)).toContain(en.messages.closedProposal);
    expect(inputValue(page.text, "body")).toBe("Vì sao rút đề xuất?");
    expect(await db.messageThread.count({ where: { proposalId: ids.otherProposal } })).toBe(0);
    expect(visibleText((await browsers.agencyOwner.get(thread)).text)).toContain(en.messages.closedProposal);
  });
});

describe("refused messages", () => {
  const thread = () => `/proposals/${ids.proposal}/messages`;

  it("an empty message, one of 10,000 characters, and a file that is not a PDF get 400 with the reason, keep the text, and save nothing", async () => {
    const before = {
      messages: await db.message.count(),
      notices: await db.notification.count(),
      files: await uploads(),
      audit: await db.auditEntry.count(),
    };

    const empty = await post("providerOwner", thread(), { body: "   " });
    expect(empty.status).toBe(400);
    expect(visibleText(empty.text)).toContain(vi.validation.required);

    const long = "Dài quá. ".repeat(1200).slice(0, 10_000);
    const tooLong = await post("providerOwner", thread(), { body: long });
    expect(tooLong.status).toBe(400);
    expect(visibleText(tooLong.text)).toContain(fill(vi.validation.tooLong, { max: MAX_MESSAGE }));
    expect(inputValue(tooLong.text, "body")).toBe(long);

    const png = Uint8Array.from([
      0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13, 0x49, 0x48, 0x44, 0x52, 0, 0, 0, 1, 0, 0, 0, 1, 8, 2,
      0, 0, 0,
    ]);
    for (const file of [
      { name: "hop-dong.pdf", bytes: png },
      { name: "ghi-chu.txt", bytes: new TextEncoder().encode("chỉ là chữ"), type: "text/plain" },
    ]) {
      const page = await post("providerOwner", thread(), { body: "Hợp đồng mẫu đây ạ." }, file);
      expect(page.status).toBe(400);
      expect(visibleText(page.text)).toContain(fill(vi.validation.fileType, { max: "pdf" }));
      expect(inputValue(page.text, "body")).toBe("Hợp đồng mẫu đây ạ.");
    }

    // In English for a reader who chose English.
    const english = await post("agencyOwner", thread(), { body: "" });
    expect(english.status).toBe(400);
    expect(visibleText(english.text)).toContain(en.validation.required);

    expect(await db.message.count()).toBe(before.messages);
    expect(await db.notification.count()).toBe(before.notices);
    expect(await db.auditEntry.count()).toBe(before.audit);
    expect(await uploads()).toEqual(before.files);
  });

  it("a message of exactly the limit is accepted, line breaks kept and invisible control characters dropped", async () => {
    const body = "a".repeat(MAX_MESSAGE);
    expect((await post("providerOwner", thread(), { body })).status).toBe(302);
    expect(await db.message.count({ where: { body } })).toBe(1);
    expect((await post("providerOwner", thread(), { body: "Dòng một\u0007\nDòng hai" })).status).toBe(302);
    expect(await db.message.count({ where: { body: "Dòng một\nDòng hai" } })).toBe(1);
    // Nothing but control characters is an empty message.
    expect((await post("providerOwner", thread(), { body: "\u0001\u0002" })).status).toBe(400);
    // A NUL never reaches the model: the request guard refuses the form (PostgreSQL cannot store it).
    expect((await post("providerOwner", thread(), { body: "Dòng một\u0000" })).status).toBe(400);
  });

  it("the model refuses a closed or foreign thread by itself, leaving no thread row behind", async () => {
    const check = await checkUpload(new File([Uint8Array.from(pdfBytes())], "x.pdf"), "ATTACHMENT");
    if (!check.ok) throw new Error(check.error);
    const files = await uploads();
    expect(
      await postMessage(
        { id: people.outsider.id, isStaff: false },
        { kind: "order", id: ids.order },
        { body: "Chen vào." },
        check,
      ),
    ).toEqual({ outcome: "not-found" });
    expect(
      await postMessage(
        { id: people.buyerOwner.id, isStaff: false },
        { kind: "order", id: ids.cancelledOrder },
        { body: "Huỷ rồi." },
        check,
      ),
    ).toEqual({ outcome: "closedOrder" });
    expect(await db.messageThread.count({ where: { orderId: ids.cancelledOrder } })).toBe(0);
    expect(await uploads()).toEqual(files);
  });
});

describe("an order's thread", () => {
  it("buyer and provider talk on the order page; staff may read but not post; outsiders get 404", async () => {
    const orderPage = `/orders/${ids.order}`;
    // The order page carries the thread and its form, which posts to the thread's route.
    const before = await browsers.buyerOwner.get(orderPage);
    expect(before.status).toBe(200);
    expect(before.text).toContain(`action="/orders/${ids.order}/messages"`);

    const sent = await post("buyerOwner", `/orders/${ids.order}/messages`, {
      body: "Khi nào bên bán bàn giao tài khoản?",
    });
    expect(sent.status).toBe(302);
    expect(sent.location).toMatch(new RegExp(`^/orders/${ids.order}#m-`));
    expect(
      (await noticesOf(people.providerOwner)).some(
        (n) => n.link === sent.location && n.body.includes("Trần Văn Mua (Quận Hoàn Kiếm thử)"),
      ),
    ).toBe(true);
    expect(
      (await readOutbox(people.providerOwner.email)).some((m) =>
        m.text.includes("Khi nào bên bán bàn giao tài khoản?"),
      ),
    ).toBe(true);
    expect(await noticesOf(people.buyerOwner)).toHaveLength(0);

    const providerView = visibleText((await browsers.providerMember.get(orderPage)).text);
    expect(providerView).toContain("Khi nào bên bán bàn giao tài khoản?");
    expect(
      (
        await post(
          "providerMember",
          `/orders/${ids.order}/messages`,
          { body: "Trong hôm nay ạ." },
          { name: "huong-dan.pdf", bytes: pdfBytes() },
        )
      ).status,
    ).toBe(302);
    expect((await noticesOf(people.buyerOwner)).length).toBe(1);
    const withFile = await db.message.findFirstOrThrow({ where: { body: "Trong hôm nay ạ." } });
    const download = `/orders/${ids.order}/messages/${withFile.id}/attachment`;
    expect((await browsers.buyerOwner.get(download)).status).toBe(200);
    expect((await browsers.staff.get(download)).status).toBe(200);
    expect((await browsers.outsider.get(download)).status).toBe(404);
    expect((await browsers.agencyOwner.get(download)).status).toBe(404);

    // Staff read the thread; a post from staff is refused with the reason and saves nothing.
    expect(visibleText((await browsers.staff.get(orderPage)).text)).toContain("Trong hôm nay ạ.");
    const count = await messagesIn({ orderId: ids.order });
    const staffPost = await post("staff", `/orders/${ids.order}/messages`, { body: "Nhắc hai bên." });
    expect(staffPost.status).toBe(403);
    expect(visibleText(staffPost.text)).toContain(vi.messages.readOnly);

    for (const who of ["outsider", "agencyOwner", "problemOwner"] as const) {
      expect((await browsers[who].get(`/orders/${ids.order}/messages`)).status).toBe(404);
      expect((await post(who, `/orders/${ids.order}/messages`, { body: "Chen vào." })).status).toBe(404);
    }
    expect(await messagesIn({ orderId: ids.order })).toBe(count);
  });

  it("a cancelled order's thread is closed: 409 with the reason, the text kept, nothing saved", async () => {
    const page = await post("buyerOwner", `/orders/${ids.cancelledOrder}/messages`, { body: "Tôi muốn đặt lại." });
    expect(page.status).toBe(409);
    expect(visibleText(page.text)).toContain(vi.messages.closedOrder);
    expect(inputValue(page.text, "body")).toBe("Tôi muốn đặt lại.");
    expect(await db.messageThread.count({ where: { orderId: ids.cancelledOrder } })).toBe(0);
    expect(visibleText((await browsers.buyerOwner.get(`/orders/${ids.cancelledOrder}`)).text)).toContain(
      vi.messages.closedOrder,
    );
  });
});
