import { db } from "~/db.server";

export const MAX_COMPARE = 4;

// The digital-transformation market only shows published offers that sell
// priced packages for a business need.
const inMarket = {
  status: "PUBLISHED" as const,
  packages: { some: {} },
  terms: { some: { term: { kind: "BUSINESS_NEED" as const } } },
};

export async function listBusinessNeeds() {
  const needs = await db.taxonomyTerm.findMany({
    where: { kind: "BUSINESS_NEED" },
    orderBy: [{ sortOrder: "asc" }, { nameVi: "asc" }],
    select: {
      id: true,
      slug: true,
      nameVi: true,
      nameEn: true,
      _count: { select: { offers: { where: { offer: inMarket } } } },
    },
  });
  return needs.map(({ _count, ...need }) => ({ ...need, offerCount: _count.offers }));
}

const packageFields = { id: true, name: true, priceVnd: true, unit: true, description: true } as const;

function toNumber<T extends { priceVnd: bigint | null }>(pkg: T) {
  return { ...pkg, priceVnd: pkg.priceVnd === null ? null : Number(pkg.priceVnd) };
}

export async function listMarketOffers(needSlug: string) {
  const offers = await db.offer.findMany({
    where: { ...inMarket, terms: { some: { term: { kind: "BUSINESS_NEED", slug: needSlug } } } },
    orderBy: [{ evidenceLevel: "desc" }, { publishedAt: "desc" }],
    select: {
      id: true,
      slug: true,
      titleVi: true,
      titleEn: true,
      summaryVi: true,
      summaryEn: true,
      deploymentModel: true,
      evidenceLevel: true,
      organisation: { select: { name: true, slug: true, verifiedAt: true } },
      packages: { orderBy: { sortOrder: "asc" }, select: packageFields },
    },
  });
  return offers.map((offer) => ({ ...offer, packages: offer.packages.map(toNumber) }));
}

export async function packagesForComparison(ids: string[]) {
  const packages = await db.offerPackage.findMany({
    where: { id: { in: ids.slice(0, MAX_COMPARE) }, offer: { status: "PUBLISHED" } },
    select: {
      ...packageFields,
      offer: {
        select: {
          slug: true,
          titleVi: true,
          titleEn: true,
          trl: true,
          deploymentModel: true,
          evidenceLevel: true,
          organisation: { select: { name: true, verifiedAt: true } },
        },
      },
    },
  });
  // Keep the order the buyer picked them in.
  return ids
    .map((id) => packages.find((p) => p.id === id))
    .filter((p) => p !== undefined)
    .map(toNumber);
}
