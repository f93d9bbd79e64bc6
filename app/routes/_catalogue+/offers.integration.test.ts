// The offer workflow end to end over HTTP: a provider drafts with files,
// staff send it back, it is resubmitted and published, a published offer's
// edit waits for approval while the old content stays live, files are
// served only to those who may see them. The catalogue's old URLs and stale
// offers are in offers.catalogue.integration.test.ts.
import fs from "node:fs/promises";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { db } from "~/db.server";
import vi_ from "~/i18n/vi";
import { TEST_PASSWORD, makeOrganisation, makeUser } from "~/test-support/factories";
import { startTestServer, visibleText, type TestBrowser } from "~/test-support/http";
import {
  fixtures,
  getFile,
  makeOffer,
  makeTerms,
  offerFields,
  postMultipart,
  uploadExists,
  type Terms,
} from "~/test-support/offer-factories";
import { uploadDir } from "~/utils/uploads.server";

// Each test file writes its uploads to a folder of its own.
vi.hoisted(() => {
  process.env.UPLOAD_DIR = `${process.env.TMPDIR ?? "/tmp"}/hte-offer-uploads-${process.pid}-${Date.now()}`;
});

const server = startTestServer();
const t = vi_.offers;
let terms: Terms;
let provider: TestBrowser;
let staff: TestBrowser;
let outsider: TestBrowser;
let orgId = "";
let ownerId = "";
let staffId = "";

beforeAll(async () => {
  terms = await makeTerms();
  const owner = await makeUser({ name: "Hoàng Anh" });
  const curator = await makeUser({ role: "STAFF", name: "Cán bộ Duyệt" });
  const stranger = await makeUser({ name: "Người Ngoài" });
  ownerId = owner.id;
  staffId = curator.id;
  orgId = (await makeOrganisation(owner.id, "Công ty Sông Hồng AI Thử nghiệm")).id;
  provider = server.browser();
  staff = server.browser();
  outsider = server.browser();
  await provider.signIn(owner.email, TEST_PASSWORD);
  await staff.signIn(curator.email, TEST_PASSWORD);
  await outsider.signIn(stranger.email, TEST_PASSWORD);
});

afterAll(async () => {
  await fs.rm(uploadDir(), { recursive: true, force: true });
});

const offerPath = (offerId: string) => `/orgs/${orgId}/offers/${offerId}`;

describe("the offer workflow", () => {
  it("goes draft → submitted → changes requested → resubmitted → published → edited (still live) → approved", async () => {
    // Draft with a logo and a brochure.
    const created = await postMultipart(server.baseUrl, provider, `/orgs/${orgId}/offers/new`, offerFields(terms), [
      { field: "logo", filename: "logo.png", type: "image/png", bytes: fixtures.png() },
      { field: "brochure", filename: "Giới thiệu giải pháp.pdf", type: "application/pdf", bytes: fixtures.pdf() },
    ]);
    expect(created.status).toBe(302);
    const offerId = created.location!.split("/").pop()!;
    const offer = await db.offer.findUniqueOrThrow({
      where: { id: offerId },
      include: { packages: { orderBy: { sortOrder: "asc" } }, media: true, terms: true, references: true },
    });
    expect(offer).toMatchObject({
      status: "DRAFT",
      slug: "den-tin-hieu-giao-thong-thong-minh",
      trl: 7,
      deploymentModel: "HARDWARE",
      evidenceLevel: "SELF_DECLARED",
    });
    expect(offer.packages.map((p) => [p.name, p.priceVnd, p.unit])).toEqual([
      ["Gói nút giao", 1_500_000n, "tháng"],
      ["Gói toàn quận", null, "năm"],
    ]);
    expect(offer.references).toHaveLength(1);
    expect(offer.terms).toHaveLength(3);
    expect(offer.media.map((m) => m.kind).sort()).toEqual(["BROCHURE", "LOGO"]);
    const brochure = offer.media.find((m) => m.kind === "BROCHURE")!;
    expect(await uploadExists(brochure.storedName)).toBe(true);

    // Nobody outside the organisation sees a draft or its files.
    for (const browser of [server.browser(), outsider]) {
      expect((await browser.get(`/offers/${offer.slug}`)).status).toBe(404);
      expect((await getFile(server.baseUrl, browser, brochure.storedName)).status).toBe(404);
    }
    const preview = await provider.get(`/offers/${offer.slug}`);
    expect(preview.status).toBe(200);
    expect(visibleText(preview.text)).toContain(t.notPublicNotice.replace("{{status}}", t.statuses.DRAFT));
    expect((await staff.get(`/offers/${offer.slug}`)).status).toBe(200);
    expect((await getFile(server.baseUrl, provider, brochure.storedName)).status).toBe(200);

    // Submit; staff cannot send it back without a reason.
    expect((await provider.post(offerPath(offerId), { intent: "submit" })).status).toBe(302);
    expect(visibleText((await staff.get("/staff/offers")).text)).toContain("Đèn tín hiệu giao thông thông minh");
    const noReason = await staff.post(`/staff/offers/${offerId}`, { intent: "request-changes", reason: "  " });
    expect(noReason.status).toBe(400);
    expect(visibleText(noReason.text)).toContain(vi_.validation.required);
    expect((await db.offer.findUniqueOrThrow({ where: { id: offerId } })).status).toBe("SUBMITTED");
    const sentBack = await staff.post(`/staff/offers/${offerId}`, {
      intent: "request-changes",
      reason: "Bổ sung số bằng độc quyền và kết quả đo kiểm.",
    });
    expect(sentBack).toMatchObject({ status: 302, location: "/staff/offers" });
    const providerView = visibleText((await provider.get(offerPath(offerId))).text);
    expect(providerView).toContain(t.statuses.CHANGES_REQUESTED);
    expect(providerView).toContain("Bổ sung số bằng độc quyền và kết quả đo kiểm.");

    // Fix and resubmit (a form without files may be sent urlencoded).
    const fixed = await provider.post(
      `${offerPath(offerId)}/edit`,
      offerFields(terms, { ipStatus: "Bằng độc quyền sáng chế số 1-0012345" }),
    );
    expect(fixed.status).toBe(302);
    expect((await db.offer.findUniqueOrThrow({ where: { id: offerId }, include: { media: true } })).media).toHaveLength(
      2,
    );
    expect((await provider.post(offerPath(offerId), { intent: "submit" })).status).toBe(302);

    // Publish with an evidence level; the public sees it.
    expect(
      (await staff.post(`/staff/offers/${offerId}`, { intent: "publish", evidenceLevel: "DOCUMENTS_VERIFIED" })).status,
    ).toBe(302);
    const page = await server.browser().get(`/offers/${offer.slug}`);
    expect(page.status).toBe(200);
    const text = visibleText(page.text);
    expect(text).toContain("Đèn tín hiệu giao thông thông minh");
    expect(text).toMatch(/1\.500\.000\s₫ \/ tháng/);
    expect(text).toContain(t.priceOnRequest);
    expect(text).toContain(t.evidenceLevels.DOCUMENTS_VERIFIED);
    expect(text).toContain("Bằng độc quyền sáng chế số 1-0012345");
    expect(text).toContain("UBND quận Cầu Giấy");
    expect(page.text).toMatch(/<title>Đèn tín hiệu giao thông thông minh — Sàn Giao dịch Công nghệ Hà Nội<\/title>/);
    expect(page.text).toContain('content="Điều khiển đèn theo lưu lượng thực tế, giảm 20% thời gian chờ."');
    const english = visibleText((await server.browser({ language: "en" }).get(`/offers/${offer.slug}`)).text);
    expect(english).toContain("Smart traffic lights");

    // Its files are now public, served as what the database says they are.
    const file = await getFile(server.baseUrl, null, brochure.storedName);
    expect(file.status).toBe(200);
    expect(file.headers.get("content-type")).toBe("application/pdf");
    expect(file.headers.get("x-content-type-options")).toBe("nosniff");
    expect(new TextDecoder().decode(file.bytes)).toBe(new TextDecoder().decode(fixtures.pdf()));
    expect(file.headers.get("content-disposition")).toMatch(
      /^attachment; filename=".*\.pdf"; filename\*=UTF-8''Gi%E1%BB%9Bi/,
    );

    // Editing the published offer keeps it live until staff approve the edit.
    const edited = await provider.post(
      `${offerPath(offerId)}/edit`,
      offerFields(terms, {
        titleVi: "Đèn tín hiệu thích ứng thế hệ 2",
        ipStatus: "Bằng độc quyền sáng chế số 1-0012345",
      }),
    );
    expect(edited.status).toBe(302);
    const pending = await db.offer.findUniqueOrThrow({ where: { id: offerId } });
    expect(pending).toMatchObject({ status: "PUBLISHED", titleVi: "Đèn tín hiệu giao thông thông minh" });
    expect(pending.pendingRevision).not.toBeNull();
    expect(visibleText((await server.browser().get(`/offers/${offer.slug}`)).text)).not.toContain("thế hệ 2");
    expect(visibleText((await provider.get(offerPath(offerId))).text)).toContain(t.pendingTitle);
    const review = visibleText((await staff.get(`/staff/offers/${offerId}`)).text);
    expect(review).toContain(t.pendingChanged.replace("{{fields}}", t.fieldNames.titleVi));
    expect(review).toContain("Đèn tín hiệu thích ứng thế hệ 2");

    expect((await staff.post(`/staff/offers/${offerId}`, { intent: "approve-revision" })).status).toBe(302);
    const approved = await db.offer.findUniqueOrThrow({ where: { id: offerId } });
    expect(approved).toMatchObject({
      status: "PUBLISHED",
      titleVi: "Đèn tín hiệu thích ứng thế hệ 2",
      pendingRevision: null,
      slug: offer.slug,
    });
    expect(approved.contentUpdatedAt.getTime()).toBeGreaterThan(pending.contentUpdatedAt.getTime());
    expect(visibleText((await server.browser().get(`/offers/${offer.slug}`)).text)).toContain(
      "Đèn tín hiệu thích ứng thế hệ 2",
    );

    // Every step is in the audit log, with who did it and what changed.
    const audit = await db.auditEntry.findMany({
      where: { entityType: "Offer", entityId: offerId },
      orderBy: { createdAt: "asc" },
    });
    expect(audit.map((e) => e.action)).toEqual([
      "offer.created",
      "offer.submitted",
      "offer.changes_requested",
      "offer.updated",
      "offer.submitted",
      "offer.published",
      "offer.revision_submitted",
      "offer.revision_approved",
    ]);
    const published = audit.find((e) => e.action === "offer.published")!;
    expect(published.actorId).toBe(staffId);
    expect(JSON.parse(published.before!)).toMatchObject({ status: "SUBMITTED", evidenceLevel: "SELF_DECLARED" });
    expect(JSON.parse(published.after!)).toMatchObject({ status: "PUBLISHED", evidenceLevel: "DOCUMENTS_VERIFIED" });
    const approval = audit.find((e) => e.action === "offer.revision_approved")!;
    expect(JSON.parse(approval.before!)).toEqual({ titleVi: "Đèn tín hiệu giao thông thông minh" });
    expect(JSON.parse(approval.after!)).toEqual({ titleVi: "Đèn tín hiệu thích ứng thế hệ 2" });
    expect(audit.find((e) => e.action === "offer.submitted")!.actorId).toBe(ownerId);
  });

  it("rejects an edit with a reason and keeps the live content; archiving hides the offer and its files", async () => {
    const logo = (
      await makeOffer(orgId, ownerId, terms, { status: "PUBLISHED", title: "Hệ thống quan trắc không khí" })
    ).id;
    const edited = await postMultipart(
      server.baseUrl,
      provider,
      `${offerPath(logo)}/edit`,
      offerFields(terms, { titleVi: "Tên mới bị từ chối" }),
      [{ field: "images", filename: "anh.png", type: "image/png", bytes: fixtures.png() }],
    );
    expect(edited.status).toBe(302);
    const revision = JSON.parse((await db.offer.findUniqueOrThrow({ where: { id: logo } })).pendingRevision!) as {
      addMedia: { storedName: string }[];
    };
    const newImage = revision.addMedia[0]!.storedName;
    // Staff and members may look at a file waiting for review; the public may not.
    expect((await getFile(server.baseUrl, staff, newImage)).status).toBe(200);
    expect((await getFile(server.baseUrl, provider, newImage)).headers.get("content-type")).toBe("image/png");
    expect((await getFile(server.baseUrl, null, newImage)).status).toBe(404);
    expect((await getFile(server.baseUrl, outsider, newImage)).status).toBe(404);

    expect(
      (
        await staff.post(`/staff/offers/${logo}`, {
          intent: "reject-revision",
          reason: "Ảnh không liên quan đến giải pháp.",
        })
      ).status,
    ).toBe(302);
    const after = await db.offer.findUniqueOrThrow({ where: { id: logo }, include: { media: true } });
    expect(after).toMatchObject({
      titleVi: "Hệ thống quan trắc không khí",
      pendingRevision: null,
      reviewNote: "Ảnh không liên quan đến giải pháp.",
    });
    expect(after.media).toHaveLength(0);
    expect(await uploadExists(newImage)).toBe(false);
    expect(visibleText((await provider.get(offerPath(logo))).text)).toContain(t.revisionRejected);

    expect((await provider.post(offerPath(logo), { intent: "archive" })).status).toBe(302);
    expect((await db.offer.findUniqueOrThrow({ where: { id: logo } })).status).toBe("ARCHIVED");
    expect((await server.browser().get(`/offers/${after.slug}`)).status).toBe(404);
    expect((await provider.get(`${offerPath(logo)}/edit`)).status).toBe(404);
    // A second archive is a no-op with a message, not a second audit entry.
    await provider.post(offerPath(logo), { intent: "archive" });
    expect(await db.auditEntry.count({ where: { entityId: logo, action: "offer.archived" } })).toBe(1);
  });

  it("never lets one organisation touch another's offer", async () => {
    const otherOwner = await makeUser();
    const otherOrg = await makeOrganisation(otherOwner.id);
    const theirs = await makeOffer(otherOrg.id, otherOwner.id, terms, { title: "Giải pháp của công ty khác" });
    for (const path of [
      `/orgs/${orgId}/offers/${theirs.id}`,
      `/orgs/${orgId}/offers/${theirs.id}/edit`,
      `/orgs/${otherOrg.id}/offers/${theirs.id}/edit`,
    ]) {
      expect((await provider.get(path)).status).toBe(404);
    }
    expect(
      (await provider.post(`/orgs/${orgId}/offers/${theirs.id}/edit`, offerFields(terms, { titleVi: "Chiếm quyền" })))
        .status,
    ).toBe(404);
    expect((await provider.post(`/orgs/${orgId}/offers/${theirs.id}`, { intent: "archive" })).status).toBe(404);
    expect((await provider.post(`/orgs/${otherOrg.id}/offers/${theirs.id}`, { intent: "submit" })).status).toBe(404);
    expect(await db.offer.findUniqueOrThrow({ where: { id: theirs.id } })).toMatchObject({
      titleVi: "Giải pháp của công ty khác",
      status: "DRAFT",
    });
  });
});
