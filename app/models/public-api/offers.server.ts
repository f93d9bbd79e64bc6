// Offers: published ones; the live columns, never a pending revision.
import { db, type Prisma } from "~/db.server";
import type { Language } from "~/i18n/config";
import {
  iso,
  localised,
  organisationJson,
  pageOf,
  syncOrder,
  syncWhere,
  vnd,
  type Paging,
  type SyncQuery,
} from "./shared.server";

const termSelect = { term: { select: { kind: true, slug: true, nameVi: true, nameEn: true } } } as const;
export const offerSelect = {
  id: true,
  externalId: true,
  slug: true,
  titleVi: true,
  titleEn: true,
  summaryVi: true,
  summaryEn: true,
  descriptionMd: true,
  trl: true,
  deploymentModel: true,
  evidenceLevel: true,
  ipStatus: true,
  publishedAt: true,
  updatedAt: true,
  organisation: { select: { name: true, slug: true } },
  terms: { select: termSelect },
  packages: { orderBy: { sortOrder: "asc" }, select: { name: true, priceVnd: true, unit: true, description: true } },
  references: { orderBy: { sortOrder: "asc" }, select: { customer: true, year: true, result: true } },
} satisfies Prisma.OfferSelect;
type OfferRow = Prisma.OfferGetPayload<{ select: typeof offerSelect }>;

const termsOf = (row: Pick<OfferRow, "terms">, kind: "SECTOR" | "TECHNOLOGY") =>
  row.terms
    .filter(({ term }) => term.kind === kind)
    .map(({ term }) => ({ slug: term.slug, nameVi: term.nameVi, nameEn: term.nameEn }));
export function offerRefJson(
  row: Pick<OfferRow, "id" | "externalId" | "slug" | "titleVi" | "titleEn" | "organisation">,
  language: Language,
) {
  return {
    id: row.id,
    externalId: row.externalId,
    slug: row.slug,
    title: localised(language, row.titleVi, row.titleEn),
    provider: organisationJson(row.organisation),
    url: `/offers/${row.slug}`,
  };
}

function offerSummaryJson(row: OfferRow, language: Language) {
  return {
    ...offerRefJson(row, language),
    titleVi: row.titleVi,
    titleEn: row.titleEn,
    summary: localised(language, row.summaryVi, row.summaryEn),
    trl: row.trl,
    deploymentModel: row.deploymentModel,
    evidenceLevel: row.evidenceLevel,
    sectors: termsOf(row, "SECTOR"),
    technologies: termsOf(row, "TECHNOLOGY"),
    publishedAt: iso(row.publishedAt),
    updatedAt: row.updatedAt.toISOString(),
  };
}

function offerJson(row: OfferRow, language: Language) {
  return {
    ...offerSummaryJson(row, language),
    summaryVi: row.summaryVi,
    summaryEn: row.summaryEn,
    descriptionMd: row.descriptionMd,
    ipStatus: row.ipStatus,
    packages: row.packages.map((p) => ({
      name: p.name,
      priceVnd: vnd(p.priceVnd),
      unit: p.unit,
      description: p.description,
    })),
    references: row.references,
  };
}

export async function listPublicOffers(
  query: Paging & SyncQuery & { sector?: string; technology?: string },
  language: Language,
) {
  const termFilters = [
    ...(query.sector ? [{ terms: { some: { term: { kind: "SECTOR" as const, slug: query.sector } } } }] : []),
    ...(query.technology
      ? [{ terms: { some: { term: { kind: "TECHNOLOGY" as const, slug: query.technology } } } }]
      : []),
  ];
  const where: Prisma.OfferWhereInput = { status: "PUBLISHED", AND: termFilters, ...syncWhere(query) };
  const orderBy = query.updatedSince ? syncOrder : [{ publishedAt: "desc" as const }, { id: "asc" as const }];
  const [total, rows] = await Promise.all([
    db.offer.count({ where }),
    db.offer.findMany({
      where,
      select: offerSelect,
      orderBy,
      skip: (query.page - 1) * query.perPage,
      take: query.perPage,
    }),
  ]);
  const items = rows.map((row) => offerSummaryJson(row, language));
  return pageOf(items, total, query, items.at(-1));
}
export async function publishedOfferRow(slug: string) {
  return db.offer.findFirst({ where: { slug, status: "PUBLISHED" }, select: offerSelect });
}

export async function getPublicOffer(slug: string, language: Language) {
  const row = await publishedOfferRow(slug);
  return row ? offerJson(row, language) : null;
}
