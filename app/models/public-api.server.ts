// What the public JSON API (/api/v1) shows: published records only, in
// shapes that leave out everything private (contact details, drafts,
// proposals, staff notes, the curation state of matches). Routes call these
// and add nothing but headers.
import type { TFunction } from "i18next";
import { db, type Prisma } from "~/db.server";
import { rankNeedsForOffer, rankOffersFor, type MatchReason, type MatchTarget } from "~/models/match-ranking.server";
import { PUBLIC_STATUSES } from "~/models/problem-statement.server";
import type { NextPage } from "~/api/respond.server";
import type { Language } from "~/i18n/config";
import { logger } from "~/utils/logger.server";
import { rememberUntilDataChanges } from "~/utils/remember.server";
import { describeMatchReason } from "~/utils/match-reasons";

export type Paging = { page: number; perPage: number };
/** Incremental sync: records whose public updatedAt is at or after updatedSince; `after` continues past the record with that id. */
export type SyncQuery = { updatedSince?: Date; after?: string };
type Synced = { id: string; updatedAt: string };

// Normal lists keep their reading order (newest first) and page by number;
// an updatedSince walk goes oldest change first and its next link starts
// after the last record returned, so paging stays right while data changes.
function pageOf<T>(items: T[], total: number, query: Paging & SyncQuery, last: Synced | undefined) {
  const skipped = (query.page - 1) * query.perPage;
  let next: NextPage | null = null;
  if (skipped + items.length < total && items.length > 0) {
    next = query.updatedSince && last ? { updatedSince: last.updatedAt, after: last.id } : { page: query.page + 1 };
  }
  return { total, page: query.page, perPage: query.perPage, next, items };
}

export function syncWhere(query: SyncQuery): { updatedAt?: { gte: Date }; OR?: object[] } {
  if (!query.updatedSince) return {};
  if (!query.after) return { updatedAt: { gte: query.updatedSince } };
  return { OR: [{ updatedAt: { gt: query.updatedSince } }, { updatedAt: query.updatedSince, id: { gt: query.after } }] };
}
const syncOrder = [{ updatedAt: "asc" as const }, { id: "asc" as const }];

/** The same rule as syncWhere, for records filtered in memory (sorted by updatedAt, id). */
function inSync(record: Synced, query: SyncQuery) {
  if (!query.updatedSince) return true;
  const since = query.updatedSince.toISOString();
  return record.updatedAt > since || (record.updatedAt === since && (!query.after || record.id > query.after));
}
const bySync = (a: Synced, b: Synced) => (a.updatedAt === b.updatedAt ? (a.id < b.id ? -1 : 1) : a.updatedAt < b.updatedAt ? -1 : 1);
const localised = (language: Language, vi: string, en: string | null) => (language === "en" && en ? en : vi);

// --- Major problems: the items of each list's latest published version. ---

// Newest list first (by period, then creation), so a code that several lists
// share resolves to the newest list's problem.
async function latestVersions(listSlug?: string) {
  const lists = await db.majorProblemList.findMany({
    where: { versions: { some: {} }, ...(listSlug ? { slug: listSlug } : {}) },
    orderBy: [{ periodStart: "desc" }, { createdAt: "desc" }],
    select: {
      slug: true, name: true, nameEn: true, summary: true, summaryEn: true, decisionNumber: true, decisionDate: true, periodStart: true, periodEnd: true,
      versions: { orderBy: { number: "desc" }, take: 1, select: { id: true, number: true, publishedAt: true } },
    },
  });
  return lists.map(({ versions, ...list }) => ({ list, version: versions[0]! }));
}
type LatestVersion = Awaited<ReturnType<typeof latestVersions>>[number];
type VersionItem = Prisma.MajorProblemVersionItemGetPayload<object>;

function majorProblemJson(item: VersionItem, { list, version }: LatestVersion) {
  return {
    id: item.majorProblemId,
    code: item.code,
    title: item.title,
    description: item.description,
    titleEn: item.titleEn,
    summaryEn: item.summaryEn,
    sector: item.sectorSlug ? { slug: item.sectorSlug, nameVi: item.sectorNameVi ?? item.sectorSlug, nameEn: item.sectorNameEn ?? item.sectorSlug } : null,
    leadAgency: item.leadAgency,
    priority: item.priority,
    status: item.status,
    list: {
      slug: list.slug, name: list.name, nameEn: list.nameEn, summary: list.summary, summaryEn: list.summaryEn, decisionNumber: list.decisionNumber, decisionDate: list.decisionDate.toISOString(),
      periodStart: list.periodStart, periodEnd: list.periodEnd, version: version.number, publishedAt: version.publishedAt.toISOString(),
    },
    url: `/major-problems/${list.slug}/${encodeURIComponent(item.code)}`,
    // A problem's public text only changes when its list publishes a version.
    updatedAt: version.publishedAt.toISOString(),
  };
}
export type PublicMajorProblem = ReturnType<typeof majorProblemJson>;

async function publishedItems(where: Prisma.MajorProblemVersionItemWhereInput, listSlug?: string) {
  const versions = await latestVersions(listSlug);
  const byVersion = new Map(versions.map((entry, index) => [entry.version.id, { entry, index }]));
  const items = await db.majorProblemVersionItem.findMany({
    where: { ...where, versionId: { in: [...byVersion.keys()] } },
    orderBy: [{ sortOrder: "asc" }, { code: "asc" }],
  });
  return items
    .map((item) => ({ item, ...byVersion.get(item.versionId)! }))
    .sort((a, b) => a.index - b.index)
    .map(({ item, entry }) => majorProblemJson(item, entry));
}

export async function listPublicMajorProblems(query: Paging & SyncQuery & { list?: string; sector?: string; status?: VersionItem["status"] }) {
  // A few hundred problems at most: paging in memory keeps the list order simple.
  let all = await publishedItems({ ...(query.sector ? { sectorSlug: query.sector } : {}), ...(query.status ? { status: query.status } : {}) }, query.list);
  if (query.updatedSince) all = all.filter((problem) => inSync(problem, query)).sort(bySync);
  const start = (query.page - 1) * query.perPage;
  const items = all.slice(start, start + query.perPage);
  return pageOf(items, all.length, query, items.at(-1));
}

export async function getPublicMajorProblem(code: string, listSlug?: string) {
  return (await publishedItems({ code }, listSlug))[0] ?? null;
}

// --- Problem statements: published and closed ones, never drafts. ---

const statementSelect = {
  id: true, slug: true, title: true, summaryEn: true, status: true, context: true, targetUsers: true, responsiblePerson: true, scopeOfWork: true,
  timeline: true, deadline: true, accountableUnit: true, deliverable: true, successCriteria: true, decisionAuthority: true,
  dataAvailable: true, constraints: true, budgetMinVnd: true, budgetMaxVnd: true, desiredTrl: true, proposalDeadline: true,
  publishedAt: true, closedAt: true, outcome: true, updatedAt: true,
  organisation: { select: { name: true, slug: true } },
  majorProblem: { select: { code: true, list: { select: { slug: true } }, sector: { select: { slug: true, nameVi: true, nameEn: true } } } },
} satisfies Prisma.ProblemStatementSelect;
type StatementRow = Prisma.ProblemStatementGetPayload<{ select: typeof statementSelect }>;

const iso = (date: Date | null) => (date ? date.toISOString() : null);
const vnd = (amount: bigint | null) => (amount === null ? null : Number(amount));
const organisationJson = (organisation: { name: string; slug: string | null }) => ({
  name: organisation.name, slug: organisation.slug, url: organisation.slug ? `/organisations/${organisation.slug}` : null,
});

function statementSummaryJson(row: StatementRow) {
  return {
    id: row.id,
    slug: row.slug,
    title: row.title,
    status: row.status as (typeof PUBLIC_STATUSES)[number],
    summaryEn: row.summaryEn,
    organisation: organisationJson(row.organisation),
    sector: row.majorProblem?.sector ?? null,
    budgetMinVnd: vnd(row.budgetMinVnd),
    budgetMaxVnd: vnd(row.budgetMaxVnd),
    desiredTrl: row.desiredTrl,
    proposalDeadline: iso(row.proposalDeadline),
    publishedAt: iso(row.publishedAt),
    majorProblem: row.majorProblem
      ? { code: row.majorProblem.code, listSlug: row.majorProblem.list.slug, url: `/major-problems/${row.majorProblem.list.slug}/${encodeURIComponent(row.majorProblem.code)}` }
      : null,
    url: `/problems/${row.slug}`,
    updatedAt: row.updatedAt.toISOString(),
  };
}

function statementJson(row: StatementRow) {
  return {
    ...statementSummaryJson(row),
    context: row.context, targetUsers: row.targetUsers, responsiblePerson: row.responsiblePerson, scopeOfWork: row.scopeOfWork,
    timeline: row.timeline, deadline: iso(row.deadline), accountableUnit: row.accountableUnit, deliverable: row.deliverable,
    successCriteria: row.successCriteria, decisionAuthority: row.decisionAuthority, dataAvailable: row.dataAvailable,
    constraints: row.constraints, closedAt: iso(row.closedAt), outcome: row.outcome,
  };
}

export async function listPublicStatements(query: Paging & SyncQuery & { sector?: string; status?: "PUBLISHED" | "CLOSED" }) {
  const where: Prisma.ProblemStatementWhereInput = {
    status: { in: query.status ? [query.status] : PUBLIC_STATUSES },
    ...(query.sector ? { majorProblem: { sector: { slug: query.sector } } } : {}),
    ...syncWhere(query),
  };
  const [total, rows] = await Promise.all([
    db.problemStatement.count({ where }),
    db.problemStatement.findMany({
      where, select: statementSelect, orderBy: query.updatedSince ? syncOrder : [{ publishedAt: "desc" }, { id: "asc" }],
      skip: (query.page - 1) * query.perPage, take: query.perPage,
    }),
  ]);
  const items = rows.map(statementSummaryJson);
  return pageOf(items, total, query, items.at(-1));
}

export async function getPublicStatement(slug: string) {
  const row = await db.problemStatement.findFirst({ where: { slug, status: { in: PUBLIC_STATUSES } }, select: statementSelect });
  return row ? statementJson(row) : null;
}

// --- Offers: published ones; the live columns, never a pending revision. ---

const termSelect = { term: { select: { kind: true, slug: true, nameVi: true, nameEn: true } } } as const;
const offerSelect = {
  id: true, externalId: true, slug: true, titleVi: true, titleEn: true, summaryVi: true, summaryEn: true, descriptionMd: true,
  trl: true, deploymentModel: true, evidenceLevel: true, ipStatus: true, publishedAt: true, updatedAt: true,
  organisation: { select: { name: true, slug: true } },
  terms: { select: termSelect },
  packages: { orderBy: { sortOrder: "asc" }, select: { name: true, priceVnd: true, unit: true, description: true } },
  references: { orderBy: { sortOrder: "asc" }, select: { customer: true, year: true, result: true } },
} satisfies Prisma.OfferSelect;
type OfferRow = Prisma.OfferGetPayload<{ select: typeof offerSelect }>;

const termsOf = (row: Pick<OfferRow, "terms">, kind: "SECTOR" | "TECHNOLOGY") =>
  row.terms.filter(({ term }) => term.kind === kind).map(({ term }) => ({ slug: term.slug, nameVi: term.nameVi, nameEn: term.nameEn }));

function offerRefJson(row: Pick<OfferRow, "id" | "externalId" | "slug" | "titleVi" | "titleEn" | "organisation">, language: Language) {
  return {
    id: row.id, externalId: row.externalId, slug: row.slug, title: localised(language, row.titleVi, row.titleEn),
    provider: organisationJson(row.organisation), url: `/offers/${row.slug}`,
  };
}

function offerSummaryJson(row: OfferRow, language: Language) {
  return {
    ...offerRefJson(row, language),
    titleVi: row.titleVi, titleEn: row.titleEn,
    summary: localised(language, row.summaryVi, row.summaryEn),
    trl: row.trl, deploymentModel: row.deploymentModel, evidenceLevel: row.evidenceLevel,
    sectors: termsOf(row, "SECTOR"), technologies: termsOf(row, "TECHNOLOGY"),
    publishedAt: iso(row.publishedAt),
    updatedAt: row.updatedAt.toISOString(),
  };
}

function offerJson(row: OfferRow, language: Language) {
  return {
    ...offerSummaryJson(row, language),
    summaryVi: row.summaryVi, summaryEn: row.summaryEn, descriptionMd: row.descriptionMd, ipStatus: row.ipStatus,
    packages: row.packages.map((p) => ({ name: p.name, priceVnd: vnd(p.priceVnd), unit: p.unit, description: p.description })),
    references: row.references,
  };
}

export async function listPublicOffers(query: Paging & SyncQuery & { sector?: string; technology?: string }, language: Language) {
  const termFilters = [
    ...(query.sector ? [{ terms: { some: { term: { kind: "SECTOR" as const, slug: query.sector } } } }] : []),
    ...(query.technology ? [{ terms: { some: { term: { kind: "TECHNOLOGY" as const, slug: query.technology } } } }] : []),
  ];
  const where: Prisma.OfferWhereInput = { status: "PUBLISHED", AND: termFilters, ...syncWhere(query) };
  const orderBy = query.updatedSince ? syncOrder : [{ publishedAt: "desc" as const }, { id: "asc" as const }];
  const [total, rows] = await Promise.all([
    db.offer.count({ where }),
    db.offer.findMany({ where, select: offerSelect, orderBy, skip: (query.page - 1) * query.perPage, take: query.perPage }),
  ]);
  const items = rows.map((row) => offerSummaryJson(row, language));
  return pageOf(items, total, query, items.at(-1));
}

async function publishedOfferRow(slug: string) {
  return db.offer.findFirst({ where: { slug, status: "PUBLISHED" }, select: offerSelect });
}

export async function getPublicOffer(slug: string, language: Language) {
  const row = await publishedOfferRow(slug);
  return row ? offerJson(row, language) : null;
}

// --- Matches, ranked by the matching service. ---

export class MatchingUnavailableError extends Error {
  constructor(cause: unknown) {
    super("matching unavailable", { cause });
    this.name = "MatchingUnavailableError";
  }
}

async function ranked<T>(run: () => Promise<T>): Promise<T> {
  try {
    return await run();
  } catch (error) {
    logger.error({ err: error }, "matching failed");
    throw new MatchingUnavailableError(error);
  }
}

const withText = (reasons: MatchReason[], t: TFunction) => reasons.map((reason) => ({ ...reason, text: describeMatchReason(reason, t) }));
const roundScore = (score: number) => Math.round(score * 1000) / 1000;

// Pairs staff rejected stay out of public suggestions; the curation state
// itself (suggested, shortlisted, notes) is never part of a public answer.
async function rejectedPairs(where: Prisma.MatchWhereInput) {
  return db.match.findMany({ where: { ...where, status: "REJECTED" }, select: { offerId: true, majorProblemId: true, problemStatementId: true } });
}

async function offersForTarget(target: MatchTarget, limit: number, language: Language, t: TFunction) {
  const targetWhere = "majorProblemId" in target ? { majorProblemId: target.majorProblemId } : { problemStatementId: target.statementId };
  const rejected = new Set((await rejectedPairs(targetWhere)).map((pair) => pair.offerId));
  const offers = await ranked(() => rankOffersFor(target, { limit: limit + rejected.size }));
  const kept = offers.filter((offer) => !rejected.has(offer.offerId));
  const rows = await db.offer.findMany({ where: { id: { in: kept.map((offer) => offer.offerId) }, status: "PUBLISHED" }, select: offerSelect });
  const byId = new Map(rows.map((row) => [row.id, row]));
  return kept
    .filter((offer) => byId.has(offer.offerId))
    .slice(0, limit)
    .map((offer) => ({ offer: offerRefJson(byId.get(offer.offerId)!, language), score: roundScore(offer.score), reasons: withText(offer.reasons, t) }));
}

export async function majorProblemMatches(code: string, listSlug: string | undefined, limit: number, language: Language, t: TFunction) {
  const problem = await getPublicMajorProblem(code, listSlug);
  if (!problem) return null;
  return { problem, matches: await offersForTarget({ majorProblemId: problem.id }, limit, language, t) };
}

export async function statementMatches(slug: string, limit: number, language: Language, t: TFunction) {
  const problem = await getPublicStatement(slug);
  if (!problem) return null;
  return { problem, matches: await offersForTarget({ statementId: problem.id }, limit, language, t) };
}

export type PublicNeed =
  | { type: "major-problem"; id: string; code: string; title: string; status: string; list: { slug: string; name: string }; url: string }
  | { type: "problem-statement"; id: string; slug: string; title: string; status: string; proposalDeadline: string | null; organisation: ReturnType<typeof organisationJson>; url: string };

/**
 * The public face of ranked needs, in the ranking's order: major problems as
 * their list's latest published version shows them, statements only while
 * published. Anything else the ranking returned is dropped, never shown.
 */
export async function resolveNeeds(targets: MatchTarget[]): Promise<Map<string, PublicNeed>> {
  const majorIds = targets.flatMap((target) => ("majorProblemId" in target ? [target.majorProblemId] : []));
  const statementIds = targets.flatMap((target) => ("statementId" in target ? [target.statementId] : []));
  const needs = new Map<string, PublicNeed>();
  if (majorIds.length) {
    const versions = await latestVersions();
    const byVersion = new Map(versions.map((entry) => [entry.version.id, entry]));
    const items = await db.majorProblemVersionItem.findMany({ where: { majorProblemId: { in: majorIds }, versionId: { in: [...byVersion.keys()] } } });
    for (const item of items) {
      const json = majorProblemJson(item, byVersion.get(item.versionId)!);
      needs.set(needKey({ majorProblemId: item.majorProblemId }), {
        type: "major-problem", id: json.id, code: json.code, title: json.title, status: json.status, list: { slug: json.list.slug, name: json.list.name }, url: json.url,
      });
    }
  }
  if (statementIds.length) {
    const rows = await db.problemStatement.findMany({ where: { id: { in: statementIds }, status: "PUBLISHED" }, select: statementSelect });
    for (const row of rows) {
      const json = statementSummaryJson(row);
      needs.set(needKey({ statementId: row.id }), {
        type: "problem-statement", id: json.id, slug: json.slug, title: json.title, status: json.status,
        proposalDeadline: json.proposalDeadline, organisation: json.organisation, url: json.url,
      });
    }
  }
  return needs;
}

export const needKey = (target: MatchTarget) => ("majorProblemId" in target ? `major:${target.majorProblemId}` : `statement:${target.statementId}`);

/** Needs that fit an offer, public ones only, staff-rejected pairs left out. */
async function rankPublicNeeds(offerId: string, limit: number) {
  const rejected = new Set(
    (await rejectedPairs({ offerId })).map((pair) =>
      pair.majorProblemId ? needKey({ majorProblemId: pair.majorProblemId }) : needKey({ statementId: pair.problemStatementId ?? "" }),
    ),
  );
  const needs = (await ranked(() => rankNeedsForOffer(offerId, { limit: limit + rejected.size }))).filter((need) => !rejected.has(needKey(need.target)));
  const resolved = await resolveNeeds(needs.map((need) => need.target));
  return needs
    .filter((need) => resolved.has(needKey(need.target)))
    .slice(0, limit)
    .map((need) => ({ need: resolved.get(needKey(need.target))!, target: need.target, score: roundScore(need.score), reasons: need.reasons }));
}

// The public needs an offer may fit, ranked: the same for every viewer, asked
// for by the provider's offer page and the API on every load, and some forty
// queries to compute. Remembered until the data changes.
export const rankedPublicNeeds = rememberUntilDataChanges(rankPublicNeeds, { key: (offerId, limit) => `${offerId} ${limit}`, max: 2000 });

export async function offerMatches(slug: string, limit: number, language: Language, t: TFunction) {
  const row = await publishedOfferRow(slug);
  if (!row) return null;
  const needs = await rankedPublicNeeds(row.id, limit);
  return {
    offer: offerRefJson(row, language),
    matches: needs.map(({ need, score, reasons }) => ({ need, score, reasons: withText(reasons, t) })),
  };
}

// --- Organisations: what their public profile page shows, never more. ---
// Every organisation with a profile address is listed, as on /organisations;
// members, e-mails, tax codes, orders and plans never come out.

const organisationSelect = {
  id: true, name: true, slug: true, kind: true, website: true, address: true, description: true, verifiedAt: true, createdAt: true, updatedAt: true,
  _count: { select: { offers: { where: { status: "PUBLISHED" } }, problemStatements: { where: { status: { in: PUBLIC_STATUSES } } } } },
} satisfies Prisma.OrganisationSelect;
type OrganisationRow = Prisma.OrganisationGetPayload<{ select: typeof organisationSelect }>;

function publicOrganisationJson(row: OrganisationRow) {
  return {
    id: row.id, slug: row.slug!, name: row.name, kind: row.kind, website: row.website, address: row.address, description: row.description,
    verified: row.verifiedAt !== null, verifiedAt: iso(row.verifiedAt), memberSince: row.createdAt.toISOString(),
    publishedOffers: row._count.offers, publicStatements: row._count.problemStatements,
    url: `/organisations/${row.slug}`, updatedAt: row.updatedAt.toISOString(),
  };
}
export type PublicOrganisation = ReturnType<typeof publicOrganisationJson>;

export async function listPublicOrganisations(query: Paging & SyncQuery & { kind?: OrganisationRow["kind"] }) {
  const where: Prisma.OrganisationWhereInput = { slug: { not: null }, ...(query.kind ? { kind: query.kind } : {}), ...syncWhere(query) };
  const [total, rows] = await Promise.all([
    db.organisation.count({ where }),
    db.organisation.findMany({
      where, select: organisationSelect, orderBy: query.updatedSince ? syncOrder : [{ name: "asc" }, { id: "asc" }],
      skip: (query.page - 1) * query.perPage, take: query.perPage,
    }),
  ]);
  const items = rows.map(publicOrganisationJson);
  return pageOf(items, total, query, items.at(-1));
}

export async function getPublicOrganisation(slug: string) {
  const row = await db.organisation.findUnique({ where: { slug }, select: organisationSelect });
  return row ? publicOrganisationJson(row) : null;
}

// --- Approved matches: staff decisions, on records the public can see. ---
// Suggested, shortlisted and rejected pairs, notes, assignees and reasons for
// rejecting or dropping stay inside the staff area.

const approvedMatchSelect = {
  id: true, stage: true, introducedAt: true, pilotAt: true, procurementAt: true, deployedAt: true, droppedAt: true, decidedAt: true, updatedAt: true,
  majorProblemId: true,
  offer: { select: { id: true, externalId: true, slug: true, titleVi: true, titleEn: true, organisation: { select: { name: true, slug: true } } } },
  problemStatement: { select: { id: true, slug: true, title: true, status: true, organisation: { select: { name: true, slug: true } } } },
} satisfies Prisma.MatchSelect;

/** Published major problems (latest version of each list) by working-copy id. */
async function publicMajorProblemsById() {
  const versions = await latestVersions();
  const byVersion = new Map(versions.map((entry) => [entry.version.id, entry]));
  const items = await db.majorProblemVersionItem.findMany({ where: { versionId: { in: [...byVersion.keys()] } } });
  // Newest list first, as elsewhere, when one problem sits in several lists.
  const order = new Map(versions.map((entry, index) => [entry.version.id, index]));
  items.sort((a, b) => order.get(a.versionId)! - order.get(b.versionId)!);
  const byId = new Map<string, PublicMajorProblem>();
  for (const item of items) if (!byId.has(item.majorProblemId)) byId.set(item.majorProblemId, majorProblemJson(item, byVersion.get(item.versionId)!));
  return byId;
}

export async function listApprovedMatches(query: Paging & SyncQuery, language: Language) {
  const majorProblems = await publicMajorProblemsById();
  const where: Prisma.MatchWhereInput = {
    status: "APPROVED",
    offer: { status: "PUBLISHED" },
    OR: [{ problemStatement: { status: { in: PUBLIC_STATUSES } } }, { majorProblemId: { in: [...majorProblems.keys()] } }],
    ...(query.updatedSince ? { AND: [syncWhere(query)] } : {}),
  };
  const [total, rows] = await Promise.all([
    db.match.count({ where }),
    db.match.findMany({
      where, select: approvedMatchSelect, orderBy: query.updatedSince ? syncOrder : [{ decidedAt: "desc" }, { id: "asc" }],
      skip: (query.page - 1) * query.perPage, take: query.perPage,
    }),
  ]);
  const items = rows.map((row) => {
    const problem = row.majorProblemId ? majorProblems.get(row.majorProblemId) : undefined;
    const statement = row.problemStatement;
    const need = problem
      ? { type: "major-problem" as const, id: problem.id, code: problem.code, slug: null, listSlug: problem.list.slug, title: problem.title, url: problem.url }
      : { type: "problem-statement" as const, id: statement!.id, code: null, slug: statement!.slug, listSlug: null, title: statement!.title, url: `/problems/${statement!.slug}` };
    return {
      id: row.id,
      offer: offerRefJson(row.offer, language),
      need,
      stage: row.stage,
      stageDates: { introducedAt: iso(row.introducedAt), pilotAt: iso(row.pilotAt), procurementAt: iso(row.procurementAt), deployedAt: iso(row.deployedAt), droppedAt: iso(row.droppedAt) },
      approvedAt: iso(row.decidedAt),
      updatedAt: row.updatedAt.toISOString(),
    };
  });
  return pageOf(items, total, query, items.at(-1));
}
export type PublicApprovedMatch = Awaited<ReturnType<typeof listApprovedMatches>>["items"][number];
