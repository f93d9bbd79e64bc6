// Every kind of bad offer input gets a clear message in the page's language,
// keeps what was typed (files apart), and saves nothing: no offer row, no
// child rows, no file on disk.
import fs from "node:fs/promises";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { db } from "~/db.server";
import en from "~/i18n/en";
import vi_ from "~/i18n/vi";
import { createOffer } from "~/models/offer-editing.server";
import { TEST_PASSWORD, makeOrganisation, makeUser } from "~/test-support/factories";
import { inputValue, startTestServer, visibleText, type TestBrowser } from "~/test-support/http";
import {
  checkedFile,
  fixtures,
  makeOffer,
  makeTerms,
  offerFields,
  offerValue,
  postMultipart,
  uploadCount,
  uploadExists,
  type Terms,
  type UploadPart,
} from "~/test-support/offer-factories";
import { uploadDir } from "~/utils/uploads.server";

vi.hoisted(() => {
  process.env.UPLOAD_DIR = `${process.env.TMPDIR ?? "/tmp"}/hte-offer-uploads-${process.pid}-${Date.now()}`;
});

const server = startTestServer();
const v = vi_.offers.validation;
const MB = 1024 * 1024;
let terms: Terms;
let provider: TestBrowser;
let orgId = "";
let ownerId = "";

beforeAll(async () => {
  terms = await makeTerms();
  const owner = await makeUser();
  ownerId = owner.id;
  orgId = (await makeOrganisation(owner.id)).id;
  provider = server.browser();
  await provider.signIn(owner.email, TEST_PASSWORD);
});

afterAll(async () => {
  await fs.rm(uploadDir(), { recursive: true, force: true });
});

const counts = async () => ({
  offers: await db.offer.count(),
  packages: await db.offerPackage.count(),
  references: await db.offerReference.count(),
  terms: await db.offerTerm.count(),
  media: await db.offerMedia.count(),
  files: await uploadCount(),
});

const thisYear = String(new Date().getFullYear());
const errorSummary = (html: string) =>
  html.slice(html.indexOf('class="error-summary"'), html.indexOf("</ul>", html.indexOf('class="error-summary"')));
const fill = (text: string, max: string) => text.replace("{{max}}", max);

describe("bad offer input", () => {
  const pdf: UploadPart = {
    field: "brochure",
    filename: "gioi-thieu.pdf",
    type: "application/pdf",
    bytes: fixtures.pdf(),
  };
  it.each<[string, (terms: Terms) => Record<string, string>, UploadPart[], string]>([
    ["TRL 0", () => ({ trl: "0" }), [], v.trl],
    ["TRL 10", () => ({ trl: "10" }), [], v.trl],
    ["no TRL", () => ({ trl: "" }), [], v.trl],
    ["a negative price", () => ({ "packages[0].price": "-1500000" }), [], v.priceNegative],
    ["a price written as “1,5 triệu”", () => ({ "packages[0].price": "1,5 triệu" }), [], v.priceFormat],
    ["a price and “Liên hệ” together", () => ({ "packages[0].onRequest": "on" }), [], v.priceOrOnRequest],
    ["a package without a unit", () => ({ "packages[0].unit": "" }), [], vi_.validation.required],
    [
      "a package description over 300 characters",
      () => ({ "packages[0].description": "Gồm camera. ".repeat(26) }),
      [],
      fill(vi_.validation.tooLong, "300"),
    ],
    ["a reference year before 1990", () => ({ "references[0].year": "1989" }), [], fill(v.referenceYear, thisYear)],
    [
      "a reference year in the future",
      () => ({ "references[0].year": String(Number(thisYear) + 1) }),
      [],
      fill(v.referenceYear, thisYear),
    ],
    ["no sector", () => ({ sectorIds: "" }), [], v.sectorRequired],
    [
      "a technology id passed off as a sector",
      (x) => ({ sectorIds: x.technology.id }),
      [],
      vi_.validation.invalidChoice,
    ],
    ["an unknown deployment model", () => ({ deploymentModel: "CLOUD" }), [], vi_.validation.requiredChoice],
    ["a bad contact email", () => ({ contactEmail: "lien-he@" }), [], vi_.validation.email],
    [
      "a 20 MB image",
      () => ({}),
      [pdf, { field: "images", filename: "anh-lon.png", type: "image/png", bytes: fixtures.png(20 * MB) }],
      fill(vi_.validation.fileTooLarge, "5"),
    ],
    [
      "a .pdf that is really an executable",
      () => ({}),
      [{ field: "brochure", filename: "gioi-thieu.pdf", type: "application/pdf", bytes: fixtures.elf() }],
      fill(vi_.validation.fileType, "pdf"),
    ],
    [
      "an image posing as a logo with a .pdf name",
      () => ({}),
      [{ field: "logo", filename: "logo.pdf", type: "image/png", bytes: fixtures.png() }],
      fill(vi_.validation.fileType, "png, jpg, jpeg, webp"),
    ],
    [
      "five images",
      () => ({}),
      Array.from(
        { length: 5 },
        (_, i): UploadPart => ({ field: "images", filename: `anh-${i}.png`, type: "image/png", bytes: fixtures.png() }),
      ),
      fill(v.tooManyImages, "4"),
    ],
  ])("rejects %s with a clear message, keeps the typing and saves nothing", async (_label, change, files, message) => {
    const before = await counts();
    const fields = offerFields(terms, { titleVi: "Giải pháp nhập sai", ...change(terms) });
    const page = await postMultipart(server.baseUrl, provider, `/orgs/${orgId}/offers/new`, fields, files);
    expect(page.status).toBe(400);
    const text = visibleText(page.text);
    expect(text).toContain(vi_.errors.formErrorsTitle);
    expect(text).toContain(message);
    expect(inputValue(page.text, "titleVi")).toBe("Giải pháp nhập sai");
    expect(inputValue(page.text, "summaryVi")).toBe(fields.summaryVi);
    // inputValue takes a pattern: the row field's brackets and dot are escaped.
    expect(inputValue(page.text, String.raw`packages\[1\]\.name`)).toBe("Gói toàn quận");
    expect(inputValue(page.text, String.raw`references\[0\]\.customer`)).toBe("UBND quận Cầu Giấy");
    expect(await counts()).toEqual(before);
  });

  it("shows the messages in English on English pages", async () => {
    const english = server.browser({ language: "en" });
    const owner = await makeUser();
    await db.membership.create({ data: { userId: owner.id, organisationId: orgId, role: "MEMBER" } });
    await english.signIn(owner.email, TEST_PASSWORD);
    const page = await postMultipart(
      server.baseUrl,
      english,
      `/orgs/${orgId}/offers/new`,
      offerFields(terms, { trl: "10", "packages[0].price": "1,5 triệu", "packages[1].name": "" }),
    );
    expect(page.status).toBe(400);
    const text = visibleText(page.text);
    expect(text).toContain(en.offers.validation.trl);
    expect(text).toContain(en.offers.validation.priceFormat);
    expect(visibleText(errorSummary(page.text))).toContain("Package 2 — Package name: enter this information.");
    expect(text).toContain(en.offers.addPackage);
    expect(text).toContain(en.offers.sectionGeneral);
  });

  it("names each field in the error summary, with its row, and links to it", async () => {
    const page = await postMultipart(
      server.baseUrl,
      provider,
      `/orgs/${orgId}/offers/new`,
      offerFields(terms, {
        "packages[0].unit": "",
        "packages[1].name": "",
        "references[0].customer": "",
      }),
    );
    expect(page.status).toBe(400);
    const summary = errorSummary(page.text);
    const lines = [...summary.matchAll(/<li>(.*?)<\/li>/g)].map((m) => visibleText(m[1]!).trim());
    expect(lines).toEqual([
      "Gói 1 — Đơn vị tính: vui lòng nhập thông tin này.",
      "Gói 2 — Tên gói: vui lòng nhập thông tin này.",
      "Khách hàng 1 — Khách hàng: vui lòng nhập thông tin này.",
    ]);
    // Each link leads to the field it names.
    const escape = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
    const nameOf = (id: string) =>
      page.text.match(new RegExp(`<input[^>]*id="${escape(id)}"[^>]*>`))?.[0].match(/name="([^"]+)"/)?.[1];
    const targets = [...summary.matchAll(/href="#([^"]+)"/g)].map((m) => nameOf(m[1]!));
    expect(targets).toEqual(["packages[0].unit", "packages[1].name", "references[0].customer"]);
  });

  it("accepts the price in either common form and “Liên hệ” as no price", async () => {
    for (const [price, expected] of [
      ["1500000", 1_500_000n],
      ["1.500.000", 1_500_000n],
      ["3.000.000.000 đ", 3_000_000_000n],
    ] as const) {
      const page = await postMultipart(
        server.baseUrl,
        provider,
        `/orgs/${orgId}/offers/new`,
        offerFields(terms, { "packages[0].price": price }),
      );
      expect(page.status).toBe(302);
      const offerId = page.location!.split("/").pop()!;
      const packages = await db.offerPackage.findMany({ where: { offerId }, orderBy: { sortOrder: "asc" } });
      expect(packages.map((p) => p.priceVnd)).toEqual([expected, null]);
    }
  });

  it("renders <script> and javascript: links in the Markdown harmlessly on the public page", async () => {
    const markdown = [
      "Giới thiệu <script>alert('xss')</script> giải pháp.",
      "[Bấm vào đây](javascript:alert('xss'))",
      '<img src="x" onerror="alert(1)">',
      '<a href="https://example.vn" onclick="alert(1)">liên kết</a>',
      "[Trang chủ](https://songhongai.example.vn)",
    ].join("\n\n");
    const page = await postMultipart(
      server.baseUrl,
      provider,
      `/orgs/${orgId}/offers/new`,
      offerFields(terms, { titleVi: "Giải pháp có mã độc", descriptionMd: markdown }),
    );
    expect(page.status).toBe(302);
    const offerId = page.location!.split("/").pop()!;
    const offer = await db.offer.update({
      where: { id: offerId },
      data: { status: "PUBLISHED", publishedAt: new Date() },
    });
    const html = (await server.browser().get(`/offers/${offer.slug}`)).text;
    const body = html.slice(html.indexOf('class="offer-markdown"'), html.indexOf("</article>"));
    expect(body).not.toMatch(/<script/i);
    expect(body).not.toMatch(/javascript:/i);
    expect(body).not.toMatch(/onerror|onclick/i);
    expect(body).not.toMatch(/<img/i);
    expect(body).toContain('href="https://songhongai.example.vn"');
    expect(visibleText(body)).toContain("Bấm vào đây");
  });

  it("a request too large to read says so, saving nothing", async () => {
    const before = await counts();
    const files: UploadPart[] = Array.from({ length: 4 }, (_, i) => ({
      field: "images",
      filename: `anh-${i}.png`,
      type: "image/png",
      bytes: fixtures.png(9 * MB),
    }));
    const page = await postMultipart(server.baseUrl, provider, `/orgs/${orgId}/offers/new`, offerFields(terms), files);
    expect(page.status).toBe(413);
    expect(visibleText(page.text)).toContain(fill(v.requestTooLarge, "33"));
    expect(await counts()).toEqual(before);
  });
});

describe("nothing partial", () => {
  it("removes the files it wrote when the transaction fails", async () => {
    const holder = await makeOffer(orgId, ownerId, terms);
    const clash = await checkedFile("LOGO", "logo.png", fixtures.png());
    // A row already claims this stored name, so the media insert fails after the file is written.
    await db.offerMedia.create({ data: { offerId: holder.id, kind: "LOGO", ...clash.upload } });
    const brochure = await checkedFile("BROCHURE", "b.pdf", fixtures.pdf());
    const before = await db.offer.count();
    await expect(createOffer(ownerId, orgId, offerValue(terms), [brochure, clash])).rejects.toThrow();
    expect(await db.offer.count()).toBe(before);
    expect(await uploadExists(brochure.upload.storedName)).toBe(false);
    expect(await uploadExists(clash.upload.storedName)).toBe(false);
  });

  it("keeps an edit's new files only if the edit is saved", async () => {
    const offer = await makeOffer(orgId, ownerId, terms, { title: "Giải pháp để sửa" });
    const before = await uploadCount();
    const page = await postMultipart(
      server.baseUrl,
      provider,
      `/orgs/${orgId}/offers/${offer.id}/edit`,
      offerFields(terms, { trl: "0" }),
      [{ field: "logo", filename: "logo.png", type: "image/png", bytes: fixtures.png() }],
    );
    expect(page.status).toBe(400);
    expect(await uploadCount()).toBe(before);
    expect(await db.offer.findUniqueOrThrow({ where: { id: offer.id } })).toMatchObject({
      titleVi: "Giải pháp để sửa",
      trl: 6,
    });
  });
});
