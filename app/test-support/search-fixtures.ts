// One catalogue for the search page's tests: offers with prices and dates,
// a published statement, and another organisation's unpublished work in
// every state (to prove nothing leaks). Also the page helpers they share.
import { db } from "~/db.server";
import catalogue from "~/i18n/vi";
import type { SearchService } from "~/search-service.server";
import { addMember, makeOrganisation, makeUser } from "./factories";
import { visibleText } from "./http";
import { makeOffer, makeTerms, type Terms } from "./offer-factories";
import { rebuildSearch } from "./search";
import { makeAgency, makeStatement } from "./statement-factories";

const s = catalogue.search;
export const fill = (template: string, vars: Record<string, string | number>) =>
  template.replace(/\{\{(\w+)\}\}/g, (_, key: string) => String(vars[key] ?? ""));
export const resultCount = (n: number) => fill(s.resultCount_other, { count: n });

export const SECRETS = [
  "Xà phòng sinh học bản nháp",
  "Xà phòng sinh học chờ duyệt",
  "Xà phòng sinh học cần sửa",
  "Xà phòng sinh học lưu trữ",
];
export const SECRET_STATEMENT = "Xà phòng sinh học cho trường học";

// The search page's own box (the header has another input named q).
export function queryBoxValue(html: string): string | null {
  const tag = html.match(/<input[^>]*id="search-q"[^>]*>/)?.[0];
  if (!tag) return null;
  return visibleText(tag.match(/value="([^"]*)"/)?.[1] ?? "");
}

// The server runs in the test's process; the engine is shared through globalThis.
export const searchEngineInTest = () => (globalThis as { __searchService?: SearchService }).__searchService!.engine;

export async function seedSearchCatalogue() {
  const slugs: Record<string, string> = {};
  const terms: Terms = await makeTerms();
  const otherTerms = await makeTerms();
  const owner = await makeUser({ name: "Chủ Công ty A" });
  const orgA = await makeOrganisation(owner.id, "Công ty Môi trường Xanh");
  const offer = async (title: string, options: { terms?: Terms; price?: number; daysAgo?: number } = {}) => {
    const made = await makeOffer(orgA.id, owner.id, options.terms ?? terms, { status: "PUBLISHED", title });
    if (options.price !== undefined)
      await db.offerPackage.updateMany({ where: { offerId: made.id }, data: { priceVnd: BigInt(options.price) } });
    if (options.daysAgo !== undefined)
      await db.offer.update({
        where: { id: made.id },
        data: { publishedAt: new Date(Date.now() - options.daysAgo * 86_400_000) },
      });
    slugs[title] = made.slug;
  };
  await offer("Cảm biến bụi mịn PM2.5");
  await offer("Phần mềm một cửa điện tử", { terms: otherTerms });
  await offer("Trạm quan trắc nước sông Tô Lịch", { price: 300_000_000, daysAgo: 3 });
  await offer("Trạm quan trắc nước hồ Tây", { price: 10_000_000, daysAgo: 1 });
  await offer("Trạm quan trắc nước sông Hồng", { price: 1_200_000_000, daysAgo: 2 });
  const agencyOwner = await makeUser({ name: "Chủ Sở" });
  const agency = await makeAgency(agencyOwner.id, "Sở Tài nguyên Thử nghiệm");
  await makeStatement(agency.id, agencyOwner.id, {
    status: "PUBLISHED",
    form: { title: "Quan trắc nước hồ nội thành" },
  });

  // Another organisation's unpublished work, in every state.
  const secretOwner = await makeUser({ name: "Chủ Công ty B" });
  const secretMember = await makeUser({ name: "Thành viên Công ty B" });
  const orgB = await makeOrganisation(secretOwner.id, "Công ty Hoá chất B");
  await addMember(secretMember.id, orgB.id);
  const statuses = ["DRAFT", "SUBMITTED", "CHANGES_REQUESTED", "ARCHIVED"] as const;
  for (const [index, status] of statuses.entries())
    await makeOffer(orgB.id, secretOwner.id, terms, { status, title: SECRETS[index] });
  const agencyB = await makeAgency(secretOwner.id, "Sở Thử nghiệm B");
  await makeStatement(agencyB.id, secretOwner.id, { form: { title: SECRET_STATEMENT } });

  await rebuildSearch();
  return { terms, otherTerms, slugs, owner, secretOwner, secretMember };
}
