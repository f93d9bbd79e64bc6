// Offer logos and images are shown where they exist: on the offer's page, on
// the offer cards of the search page and of its provider's profile, each
// with a fixed size (no layout shift) and served from /files.
import { beforeAll, describe, expect, it } from "vitest";
import { db } from "~/db.server";
import { makeOrganisation, makeUser } from "~/test-support/factories";
import { startTestServer } from "~/test-support/http";
import { checkedFile, fixtures, getFile, makeOffer, makeTerms } from "~/test-support/offer-factories";
import { syncSearch } from "~/test-support/search";

const server = startTestServer();

const TITLE = "Bản đồ ngập lụt có hình";
let logo = "";
let image = "";
let offerSlug = "";
let otherSlug = "";
let organisationSlug = "";

beforeAll(async () => {
  const owner = await makeUser();
  const organisation = await makeOrganisation(owner.id);
  organisationSlug = (await db.organisation.findUniqueOrThrow({ where: { id: organisation.id } })).slug!;
  const offer = await makeOffer(organisation.id, owner.id, await makeTerms(), {
    status: "PUBLISHED",
    title: TITLE,
    files: [
      await checkedFile("LOGO", "logo.png", fixtures.png()),
      await checkedFile("IMAGE", "anh.jpg", fixtures.jpeg()),
    ],
  });
  offerSlug = offer.slug;
  const media = await db.offerMedia.findMany({ where: { offerId: offer.id } });
  logo = media.find((m) => m.kind === "LOGO")!.storedName;
  image = media.find((m) => m.kind === "IMAGE")!.storedName;
  // Without a logo: its card has no picture.
  otherSlug = (
    await makeOffer(organisation.id, owner.id, await makeTerms(), {
      status: "PUBLISHED",
      title: "Giải pháp không có logo",
    })
  ).slug;
  await syncSearch();
});

function imgTag(html: string, storedName: string): string | null {
  return new RegExp(`<img[^>]*src="/files/${storedName}"[^>]*>`).exec(html)?.[0] ?? null;
}

// The <li> of the search result whose link goes to `href` ("" when absent).
function searchCard(html: string, href: string): string {
  for (const match of html.matchAll(/<li class="search-result">([\s\S]*?)<\/li>/g)) {
    if (match[1]!.includes(`href="${href}"`)) return match[1]!;
  }
  return "";
}

describe("offer images", () => {
  it("the offer page shows its logo and images with alt text and a size", async () => {
    const page = await server.browser().get(`/offers/${offerSlug}`);
    const logoTag = imgTag(page.text, logo)!;
    expect(logoTag).toMatch(/alt="[^"]*Bản đồ ngập lụt có hình[^"]*"/);
    expect(logoTag).toMatch(/width="96" height="96"/);
    const imageTag = imgTag(page.text, image)!;
    expect(imageTag).toMatch(/alt="[^"]*Bản đồ ngập lụt có hình[^"]*"/);
    expect(imageTag).toMatch(/width="400" height="300"/);
    for (const name of [logo, image]) {
      const file = await getFile(server.baseUrl, null, name);
      expect(file.status).toBe(200);
      expect(file.headers.get("content-type")).toMatch(/^image\//);
    }
  });

  it("the offer's card in search results shows its logo beside the title; an offer without one has none", async () => {
    const page = await server.browser().get(`/search?type=offer&q=${encodeURIComponent("ngập lụt có hình")}`);
    expect(page.status).toBe(200);
    // The title is highlighted word by word, so the card is found by its link.
    const card = searchCard(page.text, `/offers/${offerSlug}`);
    expect(card, "the offer's card").not.toBe("");
    const tag = imgTag(card, logo);
    expect(tag).toMatch(/alt=""/);
    expect(tag).toMatch(/width="64" height="64"/);

    const other = await server.browser().get(`/search?type=offer&q=${encodeURIComponent("không có logo")}`);
    const otherCard = searchCard(other.text, `/offers/${otherSlug}`);
    expect(otherCard, "the card of the offer without a logo").not.toBe("");
    expect(otherCard).not.toContain("<img");
  });

  it("the provider's profile shows the logo on the offer's card", async () => {
    const page = await server.browser().get(`/organisations/${organisationSlug}`);
    expect(imgTag(page.text, logo)).toMatch(/width="64" height="64"/);
  });
});
