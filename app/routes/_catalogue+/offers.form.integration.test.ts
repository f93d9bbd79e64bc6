// The offer form over HTTP: its sections, the package and reference rows
// that "add another" and "remove" change without JavaScript (nothing saved),
// and a package's description from the form to the public card and back.
import fs from "node:fs/promises";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { db } from "~/db.server";
import vi_ from "~/i18n/vi";
import { TEST_PASSWORD, makeOrganisation, makeUser } from "~/test-support/factories";
import { inputValue, startTestServer, visibleText, type TestBrowser } from "~/test-support/http";
import { makeTerms, offerFields, postMultipart, type Terms } from "~/test-support/offer-factories";
import { uploadDir } from "~/utils/uploads.server";

// Each test file writes its uploads to a folder of its own.
vi.hoisted(() => {
  process.env.UPLOAD_DIR = `${process.env.TMPDIR ?? "/tmp"}/hte-offer-form-uploads-${process.pid}-${Date.now()}`;
});

const server = startTestServer();
const t = vi_.offers;
let terms: Terms;
let provider: TestBrowser;
let orgId = "";

beforeAll(async () => {
  terms = await makeTerms();
  const owner = await makeUser({ name: "Hoàng Anh" });
  orgId = (await makeOrganisation(owner.id, "Công ty Biểu Mẫu Thử nghiệm")).id;
  provider = server.browser();
  await provider.signIn(owner.email, TEST_PASSWORD);
});

afterAll(async () => {
  await fs.rm(uploadDir(), { recursive: true, force: true });
});

const offerPath = (offerId: string) => `/orgs/${orgId}/offers/${offerId}`;

describe("the offer form", () => {
  const rowNames = (html: string, kind: "packages" | "references", field: string) =>
    [...html.matchAll(new RegExp(`name="${kind}\\[(\\d+)\\]\\.${field}"`, "g"))].map((m) => Number(m[1]));
  const value = (html: string, name: string) =>
    inputValue(
      html,
      name.replace(/[[\].]/g, (c) => `\\${c}`),
    );

  it("starts with one empty package and reference row in labelled sections; “add another” and “remove” post back without JavaScript, keep the typing and save nothing", async () => {
    const form = await provider.get(`/orgs/${orgId}/offers/new`);
    expect(rowNames(form.text, "packages", "name")).toEqual([0]);
    expect(rowNames(form.text, "references", "customer")).toEqual([0]);
    expect(form.text).toMatch(/<button[^>]*name="intent"[^>]*value="add-package"/);
    const legends = [...form.text.matchAll(/<legend[^>]*>([^<]*)<\/legend>/g)].map((m) => m[1]);
    expect(legends).toEqual(
      expect.arrayContaining([
        t.sectionGeneral,
        t.sectionClassification,
        t.sectionReadiness,
        t.packagesLegend,
        t.referencesLegend,
        t.filesLegend,
      ]),
    );

    const before = await db.offer.count();
    const typed = offerFields(terms, { titleVi: "" });
    const added = await postMultipart(server.baseUrl, provider, `/orgs/${orgId}/offers/new`, {
      ...typed,
      intent: "add-package",
    });
    expect(added.status).toBe(200);
    expect(rowNames(added.text, "packages", "name")).toEqual([0, 1, 2]);
    expect(value(added.text, "packages[1].name")).toBe("Gói toàn quận");
    expect(value(added.text, "packages[2].name")).toBe("");
    expect(value(added.text, "summaryVi")).toBe(typed.summaryVi);
    // Nobody tried to save: the empty title is not an error yet.
    expect(visibleText(added.text)).not.toContain(vi_.errors.formErrorsTitle);

    const removed = await postMultipart(server.baseUrl, provider, `/orgs/${orgId}/offers/new`, {
      ...typed,
      intent: "remove-package-0",
    });
    expect(rowNames(removed.text, "packages", "name")).toEqual([0, 1]);
    expect(value(removed.text, "packages[0].name")).toBe("Gói toàn quận");
    expect(value(removed.text, "packages[1].name")).toBe("");
    const references = await postMultipart(server.baseUrl, provider, `/orgs/${orgId}/offers/new`, {
      ...typed,
      intent: "add-reference",
    });
    expect(rowNames(references.text, "references", "customer")).toEqual([0, 1]);
    expect(value(references.text, "references[0].customer")).toBe("UBND quận Cầu Giấy");

    // Five rows is the cap: no sixth, and no “add another” button.
    const five = Object.fromEntries(
      Array.from({ length: 5 }, (_, i) => [
        [`packages[${i}].name`, `Gói ${i}`],
        [`packages[${i}].unit`, "tháng"],
      ]).flat(),
    );
    const full = await postMultipart(server.baseUrl, provider, `/orgs/${orgId}/offers/new`, {
      ...typed,
      ...five,
      intent: "add-package",
    });
    expect(rowNames(full.text, "packages", "name")).toEqual([0, 1, 2, 3, 4]);
    expect(full.text).not.toContain('value="add-package"');
    expect(await db.offer.count()).toBe(before);
  });

  it("saves each package's description, shows it on the package card and gives it back on the edit page with one empty row", async () => {
    const created = await postMultipart(
      server.baseUrl,
      provider,
      `/orgs/${orgId}/offers/new`,
      offerFields(terms, {
        titleVi: "Giải pháp có mô tả gói",
        "packages[0].description": "Camera và phần mềm cho một nút giao, bảo trì 12 tháng.",
      }),
    );
    expect(created.status).toBe(302);
    const offerId = created.location!.split("/").pop()!;
    const packages = await db.offerPackage.findMany({ where: { offerId }, orderBy: { sortOrder: "asc" } });
    expect(packages.map((p) => p.description)).toEqual([
      "Camera và phần mềm cho một nút giao, bảo trì 12 tháng.",
      null,
    ]);
    const offer = await db.offer.update({
      where: { id: offerId },
      data: { status: "PUBLISHED", publishedAt: new Date() },
    });
    const page = (await server.browser().get(`/offers/${offer.slug}`)).text;
    const card = page.slice(page.indexOf('class="offer-packages"'));
    expect(visibleText(card.slice(0, card.indexOf("</ul>")))).toContain(
      "Camera và phần mềm cho một nút giao, bảo trì 12 tháng.",
    );

    const edit = await provider.get(`${offerPath(offerId)}/edit`);
    expect(rowNames(edit.text, "packages", "name")).toEqual([0, 1, 2]);
    expect(value(edit.text, "packages[0].description")).toBe("Camera và phần mềm cho một nút giao, bảo trì 12 tháng.");
    expect(value(edit.text, "packages[2].name")).toBe("");
    expect(rowNames(edit.text, "references", "customer")).toEqual([0, 1]);
  });
});
