// --- Organisations: what their public profile page shows, never more. ---
// Every organisation with a profile address is listed, as on /organisations;
// members, e-mails, tax codes, orders and plans never come out.
import { db, type Prisma } from "~/db.server";
import { PUBLIC_STATUSES } from "~/models/problem-statement.server";
import { iso, pageOf, syncOrder, syncWhere, type Paging, type SyncQuery } from "./shared.server";

const organisationSelect = {
  id: true,
  name: true,
  slug: true,
  kind: true,
  website: true,
  address: true,
  description: true,
  verifiedAt: true,
  createdAt: true,
  updatedAt: true,
  _count: {
    select: {
      offers: { where: { status: "PUBLISHED" } },
      problemStatements: { where: { status: { in: PUBLIC_STATUSES } } },
    },
  },
} satisfies Prisma.OrganisationSelect;
type OrganisationRow = Prisma.OrganisationGetPayload<{ select: typeof organisationSelect }>;

function publicOrganisationJson(row: OrganisationRow) {
  return {
    id: row.id,
    slug: row.slug!,
    name: row.name,
    kind: row.kind,
    website: row.website,
    address: row.address,
    description: row.description,
    verified: row.verifiedAt !== null,
    verifiedAt: iso(row.verifiedAt),
    memberSince: row.createdAt.toISOString(),
    publishedOffers: row._count.offers,
    publicStatements: row._count.problemStatements,
    url: `/organisations/${row.slug}`,
    updatedAt: row.updatedAt.toISOString(),
  };
}
export type PublicOrganisation = ReturnType<typeof publicOrganisationJson>;

export async function listPublicOrganisations(query: Paging & SyncQuery & { kind?: OrganisationRow["kind"] }) {
  const where: Prisma.OrganisationWhereInput = {
    slug: { not: null },
    ...(query.kind ? { kind: query.kind } : {}),
    ...syncWhere(query),
  };
  const [total, rows] = await Promise.all([
    db.organisation.count({ where }),
    db.organisation.findMany({
      where,
      select: organisationSelect,
      orderBy: query.updatedSince ? syncOrder : [{ name: "asc" }, { id: "asc" }],
      skip: (query.page - 1) * query.perPage,
      take: query.perPage,
    }),
  ]);
  const items = rows.map(publicOrganisationJson);
  return pageOf(items, total, query, items.at(-1));
}

export async function getPublicOrganisation(slug: string) {
  const row = await db.organisation.findUnique({ where: { slug }, select: organisationSelect });
  return row ? publicOrganisationJson(row) : null;
}
