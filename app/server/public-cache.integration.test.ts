import { describe, expect, it } from "vitest";
import { archiveOffer } from "~/models/offer-workflow.server";
import { makeUser, makeOrganisation } from "~/test-support/factories";
import { startTestServer, visibleText, type Page } from "~/test-support/http";
import { makeOffer, makeTerms } from "~/test-support/offer-factories";

// Longer than any wait below, so a page that changes can only have changed
// because the write dropped it, not because it expired. A small API budget
// shows that answers served from memory are still counted.
process.env.PUBLIC_CACHE_SECONDS = "300";
process.env.API_RATE_LIMIT_POINTS = "3";

const server = startTestServer();

function nonces(page: Page): { header: string; inPage: string[] } {
  const header = /'nonce-([^']+)'/.exec(page.headers.get("content-security-policy") ?? "")?.[1] ?? "";
  return { header, inPage: [...page.text.matchAll(/nonce="([^"]+)"/g)].map((match) => match[1]!) };
}

// Two loads in a row, the second from memory. Writes in the background (the
// search worker clearing its queue after a new offer) drop kept pages, so
// this asks again until nothing changes between the two loads.
async function loadedTwice(pathname: string): Promise<[Page, Page]> {
  for (let attempt = 0; attempt < 50; attempt++) {
    const first = await server.browser().get(pathname);
    const second = await server.browser().get(pathname);
    if (second.headers.get("x-cache") === "hit") return [first, second];
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error(`${pathname} was never served from the cache`);
}

async function publishedOffer(title: string) {
  const owner = await makeUser();
  const organisation = await makeOrganisation(owner.id);
  const offer = await makeOffer(organisation.id, owner.id, await makeTerms(), { status: "PUBLISHED", title });
  return { owner, organisation, offer };
}

describe("the public page cache", () => {
  it("serves an anonymous page again from memory, each time with the visitor's own CSP nonce", async () => {
    const { offer } = await publishedOffer("Nền tảng bộ nhớ đệm thử");
    const [first, second] = await loadedTwice(`/offers/${offer.slug}`);
    expect(first.status).toBe(200);
    expect(second.status).toBe(200);
    expect(visibleText(second.text)).toContain("Nền tảng bộ nhớ đệm thử");
    for (const page of [first, second]) {
      const { header, inPage } = nonces(page);
      expect(inPage.length).toBeGreaterThan(0);
      expect(new Set(inPage)).toEqual(new Set([header]));
    }
    expect(nonces(first).header).not.toBe(nonces(second).header);
    // The security headers are per request, not kept with the page.
    expect(second.headers.get("x-frame-options")).toBe("SAMEORIGIN");
  });

  it("shows a change at once: an archived offer leaves its page and the search results", async () => {
    const { owner, offer } = await publishedOffer("Giải pháp đèn đường lưu trữ thử");
    const query = `/search?q=${encodeURIComponent("đèn đường lưu trữ thử")}`;
    await expect
      .poll(async () => visibleText((await server.browser().get(query)).text), { timeout: 10_000 })
      .toContain("Giải pháp đèn đường lưu trữ thử");
    expect((await loadedTwice(`/offers/${offer.slug}`))[1].status).toBe(200);
    await loadedTwice(query);

    await archiveOffer(owner.id, offer.id, offer.organisationId);

    expect((await server.browser().get(`/offers/${offer.slug}`)).status).toBe(404);
    // The search index drops it when its sync worker runs (a few hundred ms);
    // the cached results page must not outlive that.
    await expect
      .poll(async () => visibleText((await server.browser().get(query)).text), { timeout: 10_000 })
      .not.toContain("Giải pháp đèn đường lưu trữ thử");
  });

  it("never serves a signed-in visitor from it, nor shows them an anonymous page", async () => {
    const user = await makeUser({ name: "Người Dùng Đệm" });
    await server.browser().get("/");
    await server.browser().get("/");
    const browser = await server.signedIn(user);
    for (let i = 0; i < 2; i++) {
      const page = await browser.get("/");
      expect(page.headers.get("x-cache")).toBeNull();
      expect(visibleText(page.text)).toContain("Người Dùng Đệm");
    }
    // Nor does what they saw reach the next anonymous visitor.
    expect(visibleText((await server.browser().get("/")).text)).not.toContain("Người Dùng Đệm");
  });

  it("keeps each language's page apart", async () => {
    const [, vietnamese] = await loadedTwice("/market");
    const english = await server.browser({ language: "en" }).get("/market");
    expect(english.text).toContain('<html lang="en"');
    expect(vietnamese.text).toContain('<html lang="vi"');
  });

  it("counts API answers served from memory against the client's limit", async () => {
    await loadedTwice("/"); // Background writes have settled.
    const answers = [];
    for (let i = 0; i < 4; i++) answers.push(await server.browser().get("/api/v1/offers?perPage=1"));
    expect(answers.slice(0, 3).map((answer) => answer.status)).toEqual([200, 200, 200]);
    expect(answers[2]!.headers.get("x-cache")).toBe("hit");
    expect(answers.slice(0, 3).map((answer) => answer.headers.get("ratelimit-remaining"))).toEqual(["2", "1", "0"]);
    expect(answers[3]!.status).toBe(429);
    expect(answers[3]!.headers.get("retry-after")).toBeTruthy();
  });
});
