// schema.org JSON-LD on the public pages of offers, organisations and problem
// statements, read back out of the served HTML as a search engine would.
import { beforeAll, describe, expect, it } from "vitest";
import { db } from "~/db.server";
import { makeUser } from "~/test-support/factories";
import { startTestServer, type Page } from "~/test-support/http";
import { makeOffer, makeTerms } from "~/test-support/offer-factories";
import { makeAgency, makeProvider, makeStatement } from "~/test-support/statement-factories";

const server = startTestServer();

// A title that would end the script element if it were written as it is.
const HOSTILE = `Đèn </script><script>document.title="pwned"</script> thông minh`;
let offerSlug = "";
let draftSlug = "";
let providerSlug = "";
let statementSlug = "";

beforeAll(async () => {
  const owner = await makeUser();
  const provider = await makeProvider(owner.id, "Công ty Dữ liệu Có Cấu trúc");
  providerSlug = (
    await db.organisation.update({
      where: { id: provider.id },
      data: {
        description: "Cảm biến <b>giao thông</b> & bản đồ số.",
        website: "https://cau-truc.example.vn",
        address: "1 Tràng Tiền, Hoàn Kiếm, Hà Nội",
      },
    })
  ).slug!;
  const offer = await makeOffer(provider.id, owner.id, await makeTerms(), { status: "PUBLISHED", title: HOSTILE });
  offerSlug = offer.slug;
  // A second package whose price is on request.
  await db.offerPackage.create({
    data: { offerId: offer.id, name: "Gói Doanh nghiệp", unit: "năm", priceVnd: null, sortOrder: 1 },
  });
  draftSlug = (await makeOffer(provider.id, owner.id, await makeTerms(), { status: "DRAFT" })).slug;

  const agencyOwner = await makeUser();
  const agency = await makeAgency(agencyOwner.id, "Sở Dữ liệu Thử nghiệm");
  statementSlug = (await makeStatement(agency.id, agencyOwner.id, { status: "PUBLISHED" })).slug;
});

function jsonLd(page: Page): Record<string, unknown>[] {
  return [...page.text.matchAll(/<script type="application\/ld\+json"([^>]*)>([\s\S]*?)<\/script>/g)].map((m) => {
    // Carries the page's CSP nonce like the other scripts.
    const nonce = /nonce="([^"]+)"/.exec(m[1]!)?.[1];
    expect(nonce).toBeTruthy();
    expect(page.headers.get("content-security-policy")).toContain(`'nonce-${nonce}'`);
    return JSON.parse(m[2]!) as Record<string, unknown>;
  });
}

describe("structured data", () => {
  it("an offer is a Product whose priced packages are Offers in VND; price on request is left out", async () => {
    const page = await server.browser().get(`/offers/${offerSlug}`);
    expect(page.status).toBe(200);
    const [product, ...rest] = jsonLd(page);
    expect(rest).toHaveLength(0);
    expect(product).toMatchObject({
      "@context": "https://schema.org",
      "@type": "Product",
      name: HOSTILE,
      url: `/offers/${offerSlug}`,
      brand: { "@type": "Organization", name: "Công ty Dữ liệu Có Cấu trúc", url: `/organisations/${providerSlug}` },
    });
    expect(product!.offers).toEqual([
      expect.objectContaining({ "@type": "Offer", name: "Gói cơ bản", price: 2_000_000, priceCurrency: "VND" }),
    ]);
  });

  it("a title holding </script> stays inside the JSON-LD block", async () => {
    const page = await server.browser().get(`/offers/${offerSlug}`);
    // The one injected element the hostile title would make is not there.
    expect(page.text).not.toContain(`<script>document.title="pwned"</script>`);
    const block = /<script type="application\/ld\+json"[^>]*>([\s\S]*?)<\/script>/.exec(page.text)![1]!;
    expect(block).not.toContain("<");
    expect(block).toContain("\\u003c/script\\u003e");
  });

  it("the English page names the offer in English where it can, and the draft has none", async () => {
    const en = await server.browser({ language: "en" }).get(`/offers/${offerSlug}`);
    expect(jsonLd(en)[0]!["@type"]).toBe("Product");
    const owner = await db.membership.findFirstOrThrow({
      where: { organisation: { slug: providerSlug } },
      include: { user: true },
    });
    const draft = await (await server.signedIn(owner.user)).get(`/offers/${draftSlug}`);
    expect(draft.status).toBe(200);
    expect(jsonLd(draft)).toEqual([]);
  });

  it("an organisation is an Organization with its website and address", async () => {
    const [organisation] = jsonLd(await server.browser().get(`/organisations/${providerSlug}`));
    expect(organisation).toMatchObject({
      "@context": "https://schema.org",
      "@type": "Organization",
      name: "Công ty Dữ liệu Có Cấu trúc",
      url: `/organisations/${providerSlug}`,
      description: "Cảm biến <b>giao thông</b> & bản đồ số.",
      sameAs: ["https://cau-truc.example.vn"],
      address: "1 Tràng Tiền, Hoàn Kiếm, Hà Nội",
    });
  });

  it("a problem statement is a Demand by its agency, with the budget as a VND price range", async () => {
    const [demand] = jsonLd(await server.browser().get(`/problems/${statementSlug}`));
    expect(demand).toMatchObject({
      "@type": "Demand",
      url: `/problems/${statementSlug}`,
      seller: { "@type": "GovernmentOrganization", name: "Sở Dữ liệu Thử nghiệm" },
      priceSpecification: {
        "@type": "PriceSpecification",
        priceCurrency: "VND",
        minPrice: 1_500_000_000,
        maxPrice: 3_000_000_000,
      },
    });
    expect(typeof demand!.name).toBe("string");
    expect(demand!.availabilityEnds).toMatch(/^\d{4}-\d{2}-\d{2}T/);
  });
});
