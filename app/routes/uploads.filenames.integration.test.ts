// Odd upload file names on every upload form (issue 13). Remix's own
// multipart parser threw on a ";" or "=" inside a quoted filename, and each
// form answered 500. Now such a file is stored under a random name and shown
// under a safe name; a part that cannot be read at all is a 400 with a message.
import fs from "node:fs/promises";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { db } from "~/db.server";
import vi_ from "~/i18n/vi";
import { makeOrganisation, makeUser } from "~/test-support/factories";
import { startTestServer, type TestBrowser, visibleText } from "~/test-support/http";
import {
  fixtures,
  makeOffer as makeFullOffer,
  makeTerms,
  offerFields,
  type Terms,
} from "~/test-support/offer-factories";
import {
  makeAgency,
  makeOffer,
  makePublishedMajorProblem,
  makeProvider,
  makeStatement,
  pdfBytes,
} from "~/test-support/statement-factories";
import { uploadDir } from "~/utils/uploads.server";

vi.hoisted(() => {
  process.env.UPLOAD_DIR = `${process.env.TMPDIR ?? "/tmp"}/hte-filename-uploads-${process.pid}-${Date.now()}`;
});

const server = startTestServer();
let terms: Terms;
let owner: TestBrowser;
let staff: TestBrowser;
let ownerId = "";
let orgId = "";
let staffId = "";
let agencyId = "";
let agencyUserId = "";

beforeAll(async () => {
  terms = await makeTerms();
  const user = await makeUser();
  ownerId = user.id;
  orgId = (await makeOrganisation(user.id)).id;
  owner = await server.signedIn(user);
  const curator = await makeUser({ role: "STAFF" });
  staffId = curator.id;
  staff = await server.signedIn(curator);
  const agencyOwner = await makeUser();
  agencyUserId = agencyOwner.id;
  agencyId = (await makeAgency(agencyOwner.id)).id;
});

afterAll(async () => {
  await fs.rm(uploadDir(), { recursive: true, force: true });
});

type Part = { field: string; value: string } | { field: string; disposition: string; type: string; bytes: Uint8Array };

// Multipart written byte by byte, so the Content-Disposition is exactly what
// a client sent (FormData would percent-encode quotes).
function multipart(parts: Part[]) {
  const boundary = `----hte${Math.random().toString(16).slice(2)}`;
  const chunks: Uint8Array[] = [];
  const text = (s: string) => chunks.push(new TextEncoder().encode(s));
  for (const part of parts) {
    text(`--${boundary}\r\n`);
    if ("value" in part) text(`Content-Disposition: form-data; name="${part.field}"\r\n\r\n${part.value}\r\n`);
    else {
      text(
        `Content-Disposition: form-data; name="${part.field}"; ${part.disposition}\r\nContent-Type: ${part.type}\r\n\r\n`,
      );
      chunks.push(part.bytes);
      text("\r\n");
    }
  }
  text(`--${boundary}--\r\n`);
  return { body: Buffer.concat(chunks), contentType: `multipart/form-data; boundary=${boundary}` };
}

async function send(browser: TestBrowser, pathname: string, parts: Part[]) {
  const { body, contentType } = multipart(parts);
  const response = await fetch(server.baseUrl + pathname, {
    method: "POST",
    body,
    redirect: "manual",
    headers: { cookie: browser.cookieHeader(), origin: server.baseUrl, "content-type": contentType },
  });
  return { status: response.status, location: response.headers.get("location"), text: await response.text() };
}

const fieldsOf = (record: Record<string, string>): Part[] =>
  Object.entries(record).map(([field, value]) => ({ field, value }));
const quoted = (name: string) => `filename="${name}"`;

// [label, Content-Disposition parameter, the name staff and users then see]
const odd: [string, string, string][] = [
  ["a;b", quoted("a;b.png"), "a;b.png"],
  ["a=b", quoted("a=b.png"), "a=b.png"],
  ["a quote escaped in the quoted string", 'filename="a\\"b.png"', 'a"b.png'],
  ["a quote percent-encoded as browsers send it", quoted("%22logo%22.png"), "%22logo%22.png"],
  ["Vietnamese in raw UTF-8", quoted("ảnh sản phẩm – đẹp.png"), "ảnh sản phẩm – đẹp.png"],
  ["RFC 5987 filename*", "filename*=UTF-8''%E1%BA%A3nh%3Bx.png", "ảnh;x.png"],
  ["a path", quoted("C:\\Users\\lan\\a;b.png"), "a;b.png"],
  ["1,000 characters", quoted(`${"x".repeat(996)}.png`), `${"x".repeat(196)}.png`],
];

describe("offer forms", () => {
  it.each(odd)(
    "a new offer accepts a logo named with %s and stores it under a random name",
    async (_label, disposition, shown) => {
      const title = `Giải pháp tệp ${Math.random().toString(16).slice(2, 8)}`;
      const page = await send(owner, `/orgs/${orgId}/offers/new`, [
        ...fieldsOf(offerFields(terms, { titleVi: title })),
        { field: "logo", disposition, type: "image/png", bytes: fixtures.png() },
      ]);
      expect(page.status, visibleText(page.text).slice(0, 400)).toBe(302);
      const offer = await db.offer.findFirstOrThrow({ where: { titleVi: title }, include: { media: true } });
      expect(offer.media).toHaveLength(1);
      expect(offer.media[0]).toMatchObject({ kind: "LOGO", originalName: shown });
      expect(offer.media[0]!.storedName).toMatch(/^[a-f0-9]{32}\.png$/);
    },
  );

  it("an edit accepts images named a;b.png and a=b.png", async () => {
    const offer = await makeFullOffer(orgId, ownerId, terms);
    const page = await send(owner, `/orgs/${orgId}/offers/${offer.id}/edit`, [
      ...fieldsOf(offerFields(terms, { titleVi: offer.titleVi })),
      { field: "images", disposition: quoted("a;b.png"), type: "image/png", bytes: fixtures.png() },
      { field: "images", disposition: quoted("a=b.png"), type: "image/png", bytes: fixtures.png() },
    ]);
    expect(page.status, visibleText(page.text).slice(0, 400)).toBe(302);
    const names = (await db.offerMedia.findMany({ where: { offerId: offer.id } })).map((m) => m.originalName).sort();
    expect(names).toEqual(["a;b.png", "a=b.png"]);
  });

  it("refuses a file with bytes but an empty name with the file-type message, and saves nothing", async () => {
    const before = { offers: await db.offer.count(), media: await db.offerMedia.count() };
    const page = await send(owner, `/orgs/${orgId}/offers/new`, [
      ...fieldsOf(offerFields(terms, { titleVi: "Giải pháp tệp không tên" })),
      { field: "logo", disposition: quoted(""), type: "application/octet-stream", bytes: fixtures.png() },
    ]);
    expect(page.status).toBe(400);
    expect(visibleText(page.text)).toContain(vi_.validation.fileType.replace("{{max}}", "png, jpg, jpeg, webp"));
    expect({ offers: await db.offer.count(), media: await db.offerMedia.count() }).toEqual(before);
  });

  it("treats an empty file input (no name, no bytes) as no file", async () => {
    const title = "Giải pháp không logo";
    const page = await send(owner, `/orgs/${orgId}/offers/new`, [
      ...fieldsOf(offerFields(terms, { titleVi: title })),
      { field: "logo", disposition: quoted(""), type: "application/octet-stream", bytes: new Uint8Array() },
    ]);
    expect(page.status).toBe(302);
    expect((await db.offer.findFirstOrThrow({ where: { titleVi: title }, include: { media: true } })).media).toEqual(
      [],
    );
  });
});

describe("propose forms", () => {
  const targets = async () => {
    const providerOrg = await makeProvider(ownerId);
    const offer = await makeOffer(providerOrg.id);
    const statement = await makeStatement(agencyId, agencyUserId, { status: "PUBLISHED" });
    const major = await makePublishedMajorProblem(staffId);
    return [
      { path: `/problems/${statement.slug}/propose`, where: { problemStatementId: statement.id }, offer },
      { path: `/major-problems/${major.listSlug}/${major.code}/propose`, where: { majorProblemId: major.id }, offer },
    ];
  };

  it.each(odd.filter(([label]) => label !== "1,000 characters"))(
    "both accept a PDF named with %s",
    async (_label, disposition, shown) => {
      for (const target of await targets()) {
        const page = await send(owner, target.path, [
          ...fieldsOf({ offerId: target.offer.id, pitch: "Đã triển khai ở 30 nút giao." }),
          {
            field: "attachment",
            disposition: disposition.replace(/\.png/g, ".pdf"),
            type: "application/pdf",
            bytes: pdfBytes(),
          },
        ]);
        expect(page.status, `${target.path}: ${visibleText(page.text).slice(0, 300)}`).toBe(302);
        const proposal = await db.proposal.findFirstOrThrow({ where: target.where });
        expect(proposal.attachmentName).toBe(shown.replace(/\.png/g, ".pdf"));
        expect(proposal.attachmentStored).toMatch(/^[a-f0-9]{32}\.pdf$/);
      }
    },
  );

  it("both answer 400 with a message, and save nothing, for a file name too long to be a header", async () => {
    for (const target of await targets()) {
      const page = await send(owner, target.path, [
        ...fieldsOf({ offerId: target.offer.id, pitch: "Tên tệp rất dài." }),
        {
          field: "attachment",
          disposition: quoted(`${"y".repeat(20_000)}.pdf`),
          type: "application/pdf",
          bytes: pdfBytes(),
        },
      ]);
      expect(page.status).toBe(400);
      // The request guard (before Remix) or the upload reader (after it) says the body could not be read.
      expect(
        [vi_.requestGuard.malformed, vi_.inputChecks.uploadUnreadable].some((m) => visibleText(page.text).includes(m)),
        page.text.slice(0, 300),
      ).toBe(true);
      expect(await db.proposal.count({ where: target.where })).toBe(0);
    }
  });
});

describe("staff import", () => {
  it.each(odd.filter(([label]) => !label.includes("1,000")))(
    "reads a file named with %s",
    async (_label, disposition) => {
      const externalId = `ten-tep-${Math.random().toString(16).slice(2, 8)}`;
      const row = JSON.stringify({
        externalId,
        provider: "Công ty Tên Tệp",
        title: "Giải pháp nhập",
        description: "Mô tả",
      });
      const page = await send(staff, "/staff/import", [
        {
          field: "offers",
          disposition: disposition.replace(/\.png/g, ".jsonl"),
          type: "application/octet-stream",
          bytes: new TextEncoder().encode(`${row}\n`),
        },
      ]);
      expect(page.status, visibleText(page.text).slice(0, 300)).toBe(200);
      expect(visibleText(page.text)).toContain(
        vi_.import.summary.replace("{{created}}", "1").replace("{{updated}}", "0").replace("{{rejected}}", "0"),
      );
    },
  );
});
