// Uploads and open-data files in S3-compatible storage (issue 17): with
// S3_* set, files go to the bucket (s3rver, a real S3 server on loopback)
// instead of the local folders, downloads keep their access checks, replaced
// and orphaned files leave the bucket, and a storage that does not answer
// refuses the form with a message and saves nothing.
import fs from "node:fs/promises";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";

// Before any app module loads: the test's own modules (the orphan sweep, the
// readiness check) and the built server both see the bucket.
const s3 = await vi.hoisted(async () => {
  process.env.UPLOAD_DIR = `${process.env.TMPDIR ?? "/tmp"}/hte-s3-uploads-${process.pid}-${Date.now()}`;
  const { startS3 } = await import("~/test-support/s3");
  return startS3();
});

const { db } = await import("~/db.server");
const { default: vi_ } = await import("~/i18n/vi");
const { removeOrphanUploads } = await import("~/models/upload-cleanup.server");
const { TEST_PASSWORD, makeOrganisation, makeUser } = await import("~/test-support/factories");
const { startTestServer, visibleText } = await import("~/test-support/http");
const { fixtures, getFile, makeTerms, offerFields, postMultipart } = await import("~/test-support/offer-factories");
const statements = await import("~/test-support/statement-factories");
const { checkUploadStorage } = await import("~/utils/uploads.server");
type TestBrowser = import("~/test-support/http").TestBrowser;
type Terms = import("~/test-support/offer-factories").Terms;

const server = startTestServer();
let terms: Terms;
let provider: TestBrowser;
let outsider: TestBrowser;
let orgId = "";

beforeAll(async () => {
  terms = await makeTerms();
  const owner = await makeUser();
  const stranger = await makeUser();
  orgId = (await makeOrganisation(owner.id, "Công ty Lưu trữ Đám mây Thử nghiệm")).id;
  await makeOrganisation(stranger.id, "Công ty Khác");
  provider = server.browser();
  outsider = server.browser();
  await provider.signIn(owner.email, TEST_PASSWORD);
  await outsider.signIn(stranger.email, TEST_PASSWORD);
});

afterAll(async () => {
  await s3.close();
  await fs.rm(process.env.UPLOAD_DIR!, { recursive: true, force: true });
});

const uploadKeys = async () => (await s3.keys("uploads/")).map((key) => key.slice("uploads/".length));
const localUploads = () => fs.readdir(process.env.UPLOAD_DIR!).catch(() => [] as string[]);
// By kind name (PostgreSQL would order an enum by its declaration order).
const mediaOf = async (offerId: string) =>
  (await db.offerMedia.findMany({ where: { offerId } })).sort((a, b) => a.kind.localeCompare(b.kind));

describe("uploads in the S3 bucket", () => {
  it("stores a logo and a brochure in the bucket, not on local disk, and serves them with today's access checks", async () => {
    const logoBytes = fixtures.png(300);
    const created = await postMultipart(server.baseUrl, provider, `/orgs/${orgId}/offers/new`, offerFields(terms), [
      { field: "logo", filename: "logo.png", type: "image/png", bytes: logoBytes },
      { field: "brochure", filename: "Giới thiệu.pdf", type: "application/pdf", bytes: fixtures.pdf() },
    ]);
    expect(created.status).toBe(302);
    const offerId = created.location!.split("/").pop()!;
    const [brochure, logo] = await mediaOf(offerId);
    expect([brochure!.kind, logo!.kind]).toEqual(["BROCHURE", "LOGO"]);

    expect(await uploadKeys()).toEqual(expect.arrayContaining([logo!.storedName, brochure!.storedName]));
    expect(await localUploads()).toEqual([]);
    expect(await s3.get(`uploads/${logo!.storedName}`)).toEqual(logoBytes);

    const downloaded = await getFile(server.baseUrl, provider, logo!.storedName);
    expect(downloaded.status).toBe(200);
    expect(downloaded.headers.get("content-type")).toBe("image/png");
    expect(downloaded.bytes).toEqual(logoBytes);
    const pdf = await getFile(server.baseUrl, provider, brochure!.storedName);
    expect(pdf.status).toBe(200);
    expect(new TextDecoder().decode(pdf.bytes)).toBe(new TextDecoder().decode(fixtures.pdf()));

    // A draft's files stay private to its organisation: another organisation's member and the public get 404.
    for (const browser of [outsider, null]) {
      expect((await getFile(server.baseUrl, browser, brochure!.storedName)).status).toBe(404);
      expect((await getFile(server.baseUrl, browser, logo!.storedName)).status).toBe(404);
    }
    // A row whose object is gone is a 404, not a 500.
    await s3.remove(`uploads/${brochure!.storedName}`);
    expect((await getFile(server.baseUrl, provider, brochure!.storedName)).status).toBe(404);
  });

  it("removes the old object when a logo is replaced", async () => {
    const created = await postMultipart(
      server.baseUrl,
      provider,
      `/orgs/${orgId}/offers/new`,
      offerFields(terms, { titleVi: "Giải pháp đổi logo" }),
      [{ field: "logo", filename: "logo.png", type: "image/png", bytes: fixtures.png() }],
    );
    const offerId = created.location!.split("/").pop()!;
    const [oldLogo] = await mediaOf(offerId);
    const newBytes = fixtures.jpeg(400);
    const edited = await postMultipart(
      server.baseUrl,
      provider,
      `/orgs/${orgId}/offers/${offerId}/edit`,
      offerFields(terms, { titleVi: "Giải pháp đổi logo" }),
      [{ field: "logo", filename: "logo-moi.jpg", type: "image/jpeg", bytes: newBytes }],
    );
    expect(edited.status).toBe(302);
    const [newLogo] = await mediaOf(offerId);
    expect(newLogo!.storedName).not.toBe(oldLogo!.storedName);
    const keys = await uploadKeys();
    expect(keys).toContain(newLogo!.storedName);
    expect(keys).not.toContain(oldLogo!.storedName);
    expect((await getFile(server.baseUrl, provider, newLogo!.storedName)).bytes).toEqual(newBytes);
  });

  it("sweeps an orphan object out of the bucket and keeps what rows name and what the app did not make", async () => {
    const orphan = `${"ab".repeat(16)}.png`;
    await s3.put(`uploads/${orphan}`, fixtures.png());
    await s3.put("uploads/README.txt", "not an upload");
    const named = (await db.offerMedia.findFirstOrThrow({ where: { offer: { organisationId: orgId } } })).storedName;

    // Within the grace period nothing is touched.
    expect((await removeOrphanUploads({ graceMs: 60 * 60 * 1000 })).removed).toEqual([]);
    const sweep = await removeOrphanUploads({
      graceMs: 60 * 60 * 1000,
      now: new Date(Date.now() + 2 * 60 * 60 * 1000),
    });
    expect(sweep.removed).toEqual([orphan]);
    const keys = await uploadKeys();
    expect(keys).not.toContain(orphan);
    expect(keys).toEqual(expect.arrayContaining([named, "README.txt"]));
  });
});

describe("message attachments in the S3 bucket", () => {
  it("keeps a proposal thread's PDF in the bucket and lets only the thread's parties download it", async () => {
    const providerOwner = await makeUser();
    const agencyOwner = await makeUser();
    const provider = await statements.makeProvider(providerOwner.id);
    const agency = await statements.makeAgency(agencyOwner.id);
    const statement = await statements.makeStatement(agency.id, agencyOwner.id, { status: "PUBLISHED" });
    const proposal = await statements.makeProposal(statement.id, await statements.makeOffer(provider.id));
    const thread = `/proposals/${proposal.id}/messages`;
    const bytes = statements.pdfBytes();
    const author = await server.signedIn(providerOwner);
    const sent = await statements.postMultipart(
      server.baseUrl,
      author.cookieHeader(),
      thread,
      { body: "Kế hoạch trong kho S3." },
      { name: "Kế hoạch.pdf", bytes },
    );
    expect(sent.status).toBe(302);
    const message = await db.message.findFirstOrThrow({ where: { body: "Kế hoạch trong kho S3." } });
    expect(await uploadKeys()).toContain(message.attachmentStored);
    expect(await localUploads()).toEqual([]);

    const download = `${server.baseUrl}${thread}/${message.id}/attachment`;
    const reader = await server.signedIn(agencyOwner);
    const response = await fetch(download, { headers: { cookie: reader.cookieHeader() } });
    expect(response.status).toBe(200);
    expect(new Uint8Array(await response.arrayBuffer())).toEqual(bytes);
    expect((await fetch(download, { headers: { cookie: outsider.cookieHeader() } })).status).toBe(404);
  });
});

describe("open-data files in the S3 bucket", () => {
  it("builds the files into the bucket and serves what the bucket holds", async () => {
    const first = await fetch(`${server.baseUrl}/open-data/offers.csv`);
    expect(first.status).toBe(200);
    await first.arrayBuffer();
    expect(await s3.keys("open-data/")).toEqual(
      expect.arrayContaining(["open-data/manifest.json", "open-data/offers.csv", "open-data/matches.json"]),
    );
    await expect(fs.access(process.env.OPEN_DATA_DIR!)).rejects.toThrow();

    // Another process's rebuild lands in the bucket; this one serves it.
    await s3.put("open-data/offers.csv", "id,title\nrebuilt-elsewhere,Bản dựng của tiến trình khác\n");
    const served = await fetch(`${server.baseUrl}/open-data/offers.csv`);
    expect(await served.text()).toContain("rebuilt-elsewhere");
  });
});

describe("when the storage does not answer", () => {
  it("refuses an upload with a clear message, writes no row, and answers again once storage is back", async () => {
    const offersBefore = await db.offer.count({ where: { organisationId: orgId } });
    const keysBefore = await uploadKeys();
    await expect(checkUploadStorage()).resolves.toBeUndefined();
    await s3.stop();
    try {
      await expect(checkUploadStorage()).rejects.toThrow(/object storage did not answer/);
      const refused = await postMultipart(
        server.baseUrl,
        provider,
        `/orgs/${orgId}/offers/new`,
        offerFields(terms, { titleVi: "Gửi khi kho tệp hỏng" }),
        [{ field: "logo", filename: "logo.png", type: "image/png", bytes: fixtures.png() }],
      );
      expect(refused.status).toBe(503);
      expect(visibleText(refused.text)).toContain(vi_.inputChecks.storageUnavailable);
      expect(await db.offer.count({ where: { organisationId: orgId } })).toBe(offersBefore);
      // A download while storage is down is a 503 too, not a 404 that would say the file is gone.
      const named = (
        await db.offerMedia.findFirstOrThrow({ where: { offer: { organisationId: orgId }, kind: "LOGO" } })
      ).storedName;
      expect((await getFile(server.baseUrl, provider, named)).status).toBe(503);
      // Open data too: the catalogue page says why, the file answers 503 rather than 500.
      const catalogue = await server.browser().get("/open-data");
      expect(catalogue.status).toBe(503);
      expect(visibleText(catalogue.text)).toContain(vi_.inputChecks.storageUnavailable);
      expect((await fetch(`${server.baseUrl}/open-data/matches.json`)).status).toBe(503);
    } finally {
      await s3.start();
    }
    expect(await uploadKeys()).toEqual(keysBefore);
    await expect(checkUploadStorage()).resolves.toBeUndefined();
    const retried = await postMultipart(
      server.baseUrl,
      provider,
      `/orgs/${orgId}/offers/new`,
      offerFields(terms, { titleVi: "Gửi khi kho tệp hỏng" }),
      [{ field: "logo", filename: "logo.png", type: "image/png", bytes: fixtures.png() }],
    );
    expect(retried.status).toBe(302);
  });
});
