// A sector is a filter, not words of its listings. Sector names are broad
// ("An ninh, an toàn", "Hạ tầng số và chuyển đổi số"): read as text, they
// made a query match every listing of the sector ("an ninh trật tự" listed
// every cybersecurity offer). A technology's name says what an offer is, so
// it stays searchable.
import { randomUUID } from "node:crypto";
import { beforeAll, describe, expect, it } from "vitest";
import { db } from "~/db.server";
import { makeOrganisation, makeUser } from "~/test-support/factories";
import { startTestServer, visibleText } from "~/test-support/http";
import { makeOffer, makeTerms, type Terms } from "~/test-support/offer-factories";
import { rebuildSearch } from "~/test-support/search";

const server = startTestServer();
const resultTitles = (html: string) =>
  [...html.matchAll(/<h3 class="search-result-title">([\s\S]*?)<\/h3>/g)].map((match) => visibleText(match[1]!).trim());

let terms: Terms;
// The word the taxonomy's names end in (makeTerms adds it), so only these offers can match it.
let word = "";
const suffix = randomUUID().slice(0, 6);
const IN_SECTOR_ONLY = `Đèn tín hiệu thích ứng ${suffix}`;
const SAYS_IT = `Bản đồ điểm ùn tắc ${suffix}`;
const TAGGED_TECHNOLOGY = `Dự báo lưu lượng xe ${suffix}`;

beforeAll(async () => {
  const owner = await makeUser();
  const organisation = await makeOrganisation(owner.id);
  terms = await makeTerms();
  word = terms.sector.nameVi.split(" ").at(-1)!;
  await makeOffer(organisation.id, owner.id, terms, { status: "PUBLISHED", title: IN_SECTOR_ONLY });
  await makeOffer(organisation.id, owner.id, terms, { status: "PUBLISHED", title: `${SAYS_IT} ${word}` });
  const tagged = await makeOffer(organisation.id, owner.id, terms, { status: "PUBLISHED", title: TAGGED_TECHNOLOGY });
  await db.offerTerm.create({ data: { offerId: tagged.id, termId: terms.technology.id } });
  await rebuildSearch();
});

describe("sectors in search", () => {
  it("a query naming a sector finds the offers that say it, not every offer filed under it", async () => {
    const page = await server.browser().get(`/search?type=offer&q=${word}`);
    expect(page.status).toBe(200);
    const titles = resultTitles(page.text);
    expect(titles).toContain(`${SAYS_IT} ${word}`);
    expect(titles).not.toContain(IN_SECTOR_ONLY);
  });

  it("an offer is still found by the name of the technology it is tagged with", async () => {
    const page = await server.browser().get(`/search?type=offer&q=${encodeURIComponent(terms.technology.nameVi)}`);
    expect(resultTitles(page.text)).toContain(TAGGED_TECHNOLOGY);
  });

  it("the sector filter still lists every offer filed under the sector", async () => {
    const page = await server.browser().get(`/search?type=offer&sector=${terms.sector.slug}`);
    expect(resultTitles(page.text).sort()).toEqual([IN_SECTOR_ONLY, `${SAYS_IT} ${word}`, TAGGED_TECHNOLOGY].sort());
  });
});
