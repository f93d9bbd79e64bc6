import { describe, expect, it } from "vitest";
import { db } from "~/db.server";
import en from "~/i18n/en";
import vi from "~/i18n/vi";
import { createOrganisation } from "~/models/organisation.server";
import { TEST_PASSWORD, linkIn, makeOrganisation, makeUser, readOutbox, uniqueEmail } from "~/test-support/factories";
import { inputValue, startTestServer, visibleText } from "~/test-support/http";

const server = startTestServer();

const validOrganisation = {
  name: "Công ty TNHH Giải pháp Đô thị Thông minh Tây Hồ",
  kind: "PROVIDER",
  taxCode: "0109876543",
  website: "https://tayho-smart.example.vn",
  address: "12 Xuân Diệu, phường Quảng An, quận Tây Hồ, Hà Nội",
  description: "Cảm biến IoT đo chất lượng nước hồ.",
};

async function signedInOwner() {
  const user = await makeUser({ name: "Vũ Thị Lan" });
  const browser = server.browser();
  await browser.signIn(user.email, TEST_PASSWORD);
  return { user, browser };
}

describe("creating an organisation", () => {
  it("makes the creator its owner and shows the organisation", async () => {
    const { user, browser } = await signedInOwner();
    const created = await browser.post("/orgs/new", validOrganisation);
    expect(created.status).toBe(302);
    const page = await browser.get(created.location!);
    const text = visibleText(page.text);
    expect(text).toContain(validOrganisation.name);
    expect(text).toContain(vi.organisations.created);
    expect(text).toContain(vi.organisations.yourRole.replace("{{role}}", vi.roles.OWNER));
    const membership = await db.membership.findFirstOrThrow({ where: { userId: user.id } });
    expect(membership.role).toBe("OWNER");
  });

  it.each([
    ["a wrong tax code", { taxCode: "01098-76543" }, vi.validation.taxCode],
    [
      "a 10,000-character description",
      { description: "ô".repeat(10_000) },
      vi.validation.tooLong.replace("{{max}}", "2000"),
    ],
    ["an empty name", { name: "" }, vi.validation.required],
    ["no kind chosen", { kind: "" }, vi.validation.requiredChoice],
    ["a website without http", { website: "tayho.vn" }, vi.validation.url],
  ])("rejects %s, keeps the other fields and saves nothing", async (_label, change, message) => {
    const { browser } = await signedInOwner();
    const before = await db.organisation.count();
    const form = { ...validOrganisation, taxCode: "", ...change };
    const page = await browser.post("/orgs/new", form);
    expect(page.status).toBe(400);
    expect(visibleText(page.text)).toContain(message);
    expect(inputValue(page.text, "address")).toBe(form.address);
    if (!("name" in change)) expect(inputValue(page.text, "name")).toBe(form.name);
    expect(await db.organisation.count()).toBe(before);
  });

  it("refuses a tax code another organisation holds, in English too", async () => {
    const other = await makeUser();
    await createOrganisation(other.id, { name: "Đã đăng ký trước", kind: "PROVIDER", taxCode: "0100000001-002" });
    const user = await makeUser();
    const browser = server.browser({ language: "en" });
    await browser.signIn(user.email, TEST_PASSWORD);
    const page = await browser.post("/orgs/new", { ...validOrganisation, taxCode: "0100000001-002" });
    expect(page.status).toBe(400);
    expect(visibleText(page.text)).toContain(en.validation.taxCodeTaken);
    expect(inputValue(page.text, "taxCode")).toBe("0100000001-002");
  });

  it("does not let a normal user create an innovation centre", async () => {
    const { browser } = await signedInOwner();
    const page = await browser.post("/orgs/new", { ...validOrganisation, taxCode: "", kind: "INNOVATION_CENTRE" });
    expect(page.status).toBe(400);
    expect(visibleText(page.text)).toContain(vi.validation.invalidChoice);
  });

  it("never leaves an organisation without its owner: a failed membership rolls the organisation back", async () => {
    const before = await db.organisation.count();
    await expect(createOrganisation("no-such-user", { name: "Mồ côi", kind: "AGENCY" })).rejects.toThrow();
    expect(await db.organisation.count()).toBe(before);
  });
});

describe("inviting members", () => {
  it("emails an invitation that the invitee accepts after signing up", async () => {
    const { user, browser } = await signedInOwner();
    const organisation = await makeOrganisation(user.id, "Viện Thử nghiệm Mời");
    const inviteeEmail = uniqueEmail("invitee");
    const invited = await browser.post(`/orgs/${organisation.id}`, {
      intent: "invite",
      email: inviteeEmail,
      role: "MEMBER",
    });
    expect(invited.status).toBe(302);
    const page = await browser.get(`/orgs/${organisation.id}`);
    expect(visibleText(page.text)).toContain(vi.organisations.invited.replace("{{email}}", inviteeEmail));
    expect(visibleText(page.text)).toContain(vi.organisations.invitationsTitle);

    const [mail] = await readOutbox(inviteeEmail);
    expect(mail?.subject).toContain("Viện Thử nghiệm Mời");
    const link = linkIn(mail!);

    const invitee = server.browser();
    const landing = await invitee.get(link);
    expect(visibleText(landing.text)).toContain(vi.invitation.signInFirst.replace("{{email}}", inviteeEmail));
    await invitee.post("/signup", {
      name: "Hoàng Văn Mới",
      email: inviteeEmail,
      password: TEST_PASSWORD,
      redirectTo: link,
    });
    const accepted = await invitee.post(link, {});
    expect(accepted.status).toBe(302);
    expect(accepted.location).toBe(`/orgs/${organisation.id}`);
    const orgPage = await invitee.get(accepted.location!);
    expect(visibleText(orgPage.text)).toContain(vi.organisations.yourRole.replace("{{role}}", vi.roles.MEMBER));

    // The link is single-use.
    expect((await invitee.post(link, {})).status).toBe(410);
  });

  it("will not accept an invitation for someone else's address", async () => {
    const { user, browser } = await signedInOwner();
    const organisation = await makeOrganisation(user.id);
    const inviteeEmail = uniqueEmail("meant-for");
    await browser.post(`/orgs/${organisation.id}`, { intent: "invite", email: inviteeEmail, role: "OWNER" });
    const [mail] = await readOutbox(inviteeEmail);
    const intruder = await makeUser();
    const other = server.browser();
    await other.signIn(intruder.email, TEST_PASSWORD);
    const page = await other.get(linkIn(mail!));
    expect(visibleText(page.text)).toContain(vi.invitation.wrongAccount.replace("{{email}}", inviteeEmail));
    expect((await other.post(linkIn(mail!), {})).status).toBe(403);
    expect(await db.membership.count({ where: { userId: intruder.id } })).toBe(0);
  });

  it("rejects a bad invitation email and a duplicate member with clear messages", async () => {
    const { user, browser } = await signedInOwner();
    const organisation = await makeOrganisation(user.id);
    const bad = await browser.post(`/orgs/${organisation.id}`, {
      intent: "invite",
      email: "không-phải-email",
      role: "MEMBER",
    });
    expect(bad.status).toBe(400);
    expect(visibleText(bad.text)).toContain(vi.validation.email);
    expect(inputValue(bad.text, "email")).toBe("không-phải-email");
    const self = await browser.post(`/orgs/${organisation.id}`, {
      intent: "invite",
      email: user.email,
      role: "MEMBER",
    });
    expect(visibleText(self.text)).toContain(vi.validation.alreadyMember);
    expect(await db.invitation.count({ where: { organisationId: organisation.id } })).toBe(0);
  });
});

describe("staff verification", () => {
  it("staff mark an organisation verified; the owner sees it and the decision is audited", async () => {
    const { user, browser } = await signedInOwner();
    const organisation = await makeOrganisation(user.id, "Công ty Chờ Thẩm định");
    const staffUser = await makeUser({ role: "STAFF" });
    const staff = server.browser();
    await staff.signIn(staffUser.email, TEST_PASSWORD);
    const list = await staff.get("/staff/organisations?status=unverified");
    expect(visibleText(list.text)).toContain("Công ty Chờ Thẩm định");
    const done = await staff.post("/staff/organisations?status=unverified", {
      organisationId: organisation.id,
      verified: "true",
    });
    expect(done.status).toBe(302);
    const ownerView = visibleText((await browser.get(`/orgs/${organisation.id}`)).text);
    expect(ownerView).toMatch(/Đã thẩm định ngày \d{2}\/\d{2}\/\d{4}/);
    const audit = await db.auditEntry.findFirstOrThrow({
      where: { entityId: organisation.id, action: "organisation.verified" },
    });
    expect(audit.actorId).toBe(staffUser.id);
    expect(JSON.parse(audit.before!)).toEqual({ verifiedAt: null, verifiedById: null });
    expect(JSON.parse(audit.after!).verifiedById).toBe(staffUser.id);
  });
});
