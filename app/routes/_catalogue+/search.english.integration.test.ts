// The search page for English readers: offers and the city's major problems
// show the English title their provider or staff gave, found by English
// words too; Vietnamese readers keep the Vietnamese title. Untranslated
// listings stay in Vietnamese for everyone.
import { randomUUID } from "node:crypto";
import { beforeAll, describe, expect, it } from "vitest";
import { db } from "~/db.server";
import { addItem, createList, publishVersion } from "~/models/major-problem.server";
import { makeOrganisation, makeUser } from "~/test-support/factories";
import { startTestServer, visibleText } from "~/test-support/http";
import { makeOffer, makeTerms } from "~/test-support/offer-factories";
import { rebuildSearch } from "~/test-support/search";

const server = startTestServer();
// The results' titles, as a reader scans them (the snippet below each may quote other text).
const resultTitles = (html: string) =>
  [...html.matchAll(/<h3 class="search-result-title">([\s\S]*?)<\/h3>/g)].map((match) => visibleText(match[1]!).trim());
const suffix = randomUUID().slice(0, 6);
const OFFER_VI = `Cảm biến tiếng ồn đô thị ${suffix}`;
const OFFER_EN = `Urban noise sensors ${suffix}`;
const UNTRANSLATED = `Cảm biến độ rung cầu ${suffix}`;
const PROBLEM_VI = `Giảm tiếng ồn khu dân cư ${suffix}`;
const PROBLEM_EN = `Cutting noise in residential streets ${suffix}`;

beforeAll(async () => {
  const owner = await makeUser();
  const organisation = await makeOrganisation(owner.id, `Công ty Âm học ${suffix}`);
  const terms = await makeTerms();
  const translated = await makeOffer(organisation.id, owner.id, terms, { status: "PUBLISHED", title: OFFER_VI });
  await db.offer.update({ where: { id: translated.id }, data: { titleEn: OFFER_EN } });
  await makeOffer(organisation.id, owner.id, terms, { status: "PUBLISHED", title: UNTRANSLATED });

  const staff = await makeUser({ role: "STAFF" });
  const list = await createList(staff.id, {
    name: `Danh mục thử ${suffix}`,
    decisionNumber: "12/QĐ-UBND",
    decisionDate: new Date("2026-03-16"),
    periodStart: 2026,
    periodEnd: 2030,
  });
  await addItem(staff.id, list.id, {
    code: "BT-07",
    title: PROBLEM_VI,
    description: "Đo và giảm tiếng ồn ban đêm quanh các tuyến phố đông dân.",
    titleEn: PROBLEM_EN,
    summaryEn: "Measure and reduce night-time noise along busy residential streets.",
    leadAgency: "Sở Nông nghiệp và Môi trường",
    priority: "HIGH",
    status: "OPEN",
  });
  await publishVersion(staff.id, list.id, "Công bố lần đầu.");
  await rebuildSearch();
});

describe("search in English", () => {
  it("shows an English reader the English titles, marked where the query matched", async () => {
    const page = await server.browser({ language: "en" }).get(`/search?q=${suffix}`);
    expect(page.status).toBe(200);
    // Not translated: the Vietnamese title, rather than nothing.
    expect(resultTitles(page.text).sort()).toEqual([OFFER_EN, PROBLEM_EN, UNTRANSLATED].sort());
    expect(page.text).toContain(`<mark>${suffix}</mark>`);
  });

  it("finds a major problem by the English words staff gave it", async () => {
    const page = await server.browser({ language: "en" }).get(`/search?q=residential+streets+${suffix}`);
    expect(resultTitles(page.text)).toContain(PROBLEM_EN);
  });

  it("keeps the Vietnamese titles for a Vietnamese reader", async () => {
    const page = await server.browser().get(`/search?q=${suffix}`);
    expect(resultTitles(page.text).sort()).toEqual([OFFER_VI, PROBLEM_VI, UNTRANSLATED].sort());
  });
});
