// What each dashboard figure counts. One source per metric yields the
// events (a moment, and for sums and medians a value) inside a range; the
// dashboard buckets them into periods and the "rows behind a figure" page
// lists the very same events, so a count and its list cannot disagree.
import { db, type Prisma } from "~/db.server";
import type { Period, Range } from "./metrics-periods.server";
import {
  countsByPeriod,
  countsPerPeriod,
  empty,
  inRange,
  join,
  middlesByPeriod,
  millisBetween,
  raw,
  sql,
  type Middles,
  type Sql,
} from "./metrics-sql.server";

export type MetricFilters = { sectorId?: string; agencyId?: string };

export type ListRow = {
  id: string;
  at: Date;
  title: string;
  /** An offer's English title, for an English reader; the list falls back to `title` (Vietnamese). */
  titleEn?: string | null;
  detail: string | null;
  href: string;
  value: number | null;
};
export type MetricEvent = { at: Date; value: number; row?: ListRow };
type Source = (filters: MetricFilters, range: Range, detail: boolean) => Promise<MetricEvent[]>;
// The same figure grouped by period in the database (metrics-sql.server.ts),
// for the metrics with many rows: counts per period, or each period's middle
// values for a median. Its SQL mirrors the source's where builder; the
// integration tests hold the two to the same answers on both databases.
export type Grouped = { counts: number[] } | { middles: Middles };
type GroupedSource = (filters: MetricFilters, range: Range, periods: Period[]) => Promise<Grouped>;

const DAY_MS = 86_400_000;
const within = (range: Range) => ({ gte: range.start, lt: range.end });
const days = (from: Date, to: Date) => (to.getTime() - from.getTime()) / DAY_MS;

// --- Where builders, shared by every count and list ---

const offerInSector = (sectorId: string): Prisma.OfferWhereInput => ({ terms: { some: { termId: sectorId } } });

// A statement has no terms of its own: its sector is its major problem's.
const statementWhere = (f: MetricFilters): Prisma.ProblemStatementWhereInput => ({
  ...(f.sectorId ? { majorProblem: { sectorId: f.sectorId } } : {}),
  ...(f.agencyId ? { organisationId: f.agencyId } : {}),
});

// A match (or proposal) is in a sector when either side is: the offer is
// tagged with it, or the need (a major problem, or a statement through its
// major problem) belongs to it. Staff following a sector want both the
// sector's solutions being placed and the sector's needs being met; using
// only one side would hide matches where the other side is untagged.
function pairWhere(f: MetricFilters) {
  return {
    ...(f.sectorId
      ? {
          OR: [
            { offer: offerInSector(f.sectorId) },
            { majorProblem: { sectorId: f.sectorId } },
            { problemStatement: { majorProblem: { sectorId: f.sectorId } } },
          ],
        }
      : {}),
    // The agency filter follows the agency's own statements.
    ...(f.agencyId ? { problemStatement: { organisationId: f.agencyId } } : {}),
  } satisfies Prisma.MatchWhereInput & Prisma.ProposalWhereInput;
}

// Offers and organisations are the providers' side: the agency filter does
// not apply to them (the page says so).
const offerWhere = (f: MetricFilters): Prisma.OfferWhereInput => (f.sectorId ? offerInSector(f.sectorId) : {});
const organisationWhere = (f: MetricFilters): Prisma.OrganisationWhereInput =>
  f.sectorId ? { offers: { some: offerInSector(f.sectorId) } } : {};
const orderWhere = (f: MetricFilters): Prisma.OrderWhereInput => ({
  ...(f.sectorId ? { offer: offerInSector(f.sectorId) } : {}),
  ...(f.agencyId ? { buyerOrganisationId: f.agencyId } : {}),
});

// The same filters in SQL, for the grouped queries. Each mirrors the Prisma
// where builder above it.
const and = (parts: Sql[]) => (parts.length ? sql` AND ${join(parts, " AND ")}` : empty);
// IN, not a correlated EXISTS: SQLite then starts from the sector's terms
// (a year of one sector's review times: 44 ms against 563 ms).
const offerInSectorSql = (offerId: Sql, sectorId: string) =>
  sql`${offerId} IN (SELECT ot."offerId" FROM "OfferTerm" ot WHERE ot."termId" = ${sectorId})`;
const majorProblemInSectorSql = (majorProblemId: Sql, sectorId: string) =>
  sql`${majorProblemId} IN (SELECT mp.id FROM "MajorProblem" mp WHERE mp."sectorId" = ${sectorId})`;
const statementWhereSql = (s: Sql, f: MetricFilters): Sql[] => [
  ...(f.sectorId ? [majorProblemInSectorSql(sql`${s}."majorProblemId"`, f.sectorId)] : []),
  ...(f.agencyId ? [sql`${s}."organisationId" = ${f.agencyId}`] : []),
];
const pairWhereSql = (m: Sql, f: MetricFilters): Sql[] => [
  ...(f.sectorId
    ? [
        sql`(${offerInSectorSql(sql`${m}."offerId"`, f.sectorId)}
        OR ${majorProblemInSectorSql(sql`${m}."majorProblemId"`, f.sectorId)}
        OR ${m}."problemStatementId" IN (SELECT ps.id FROM "ProblemStatement" ps WHERE ${majorProblemInSectorSql(
          sql`ps."majorProblemId"`,
          f.sectorId,
        )}))`,
      ]
    : []),
  ...(f.agencyId
    ? [
        sql`${m}."problemStatementId" IN (SELECT ps.id FROM "ProblemStatement" ps WHERE ps."organisationId" = ${f.agencyId})`,
      ]
    : []),
];

// --- Links to the records' staff pages ---

type NeedRef = { problemStatementId: string | null; majorProblemId: string | null };
const boardHref = (need: NeedRef) =>
  need.problemStatementId
    ? `/staff/matches/statement/${need.problemStatementId}`
    : `/staff/matches/major/${need.majorProblemId}`;
const needTitle = (need: {
  problemStatement: { title: string } | null;
  majorProblem: { code: string; title: string } | null;
}) =>
  need.problemStatement?.title ?? (need.majorProblem ? `${need.majorProblem.code} — ${need.majorProblem.title}` : "—");
const pairSelect = {
  id: true,
  offerId: true,
  problemStatementId: true,
  majorProblemId: true,
  offer: { select: { titleVi: true, titleEn: true } },
  problemStatement: { select: { title: true } },
  majorProblem: { select: { code: true, title: true } },
} as const;
type Pair = Prisma.MatchGetPayload<{ select: typeof pairSelect }>;
const pairRow = (p: Pair, at: Date, value: number | null = null): ListRow => ({
  id: p.id,
  at,
  title: p.offer.titleVi,
  titleEn: p.offer.titleEn,
  detail: needTitle(p),
  href: boardHref(p),
  value,
});

// --- Counts ---

// Offers are the one table with 100,000 rows: their counts come from the
// date index, one COUNT per period in a single statement (grouped), far
// cheaper than bringing every row back to count it here (100,000 offers:
// ~10 ms against ~500 ms for the rows). The grouped SQL mirrors offerWhere, so
// the list and the figure agree.
function offerCount(field: "createdAt" | "publishedAt"): { source: Source; grouped: GroupedSource } {
  const where = (f: MetricFilters, range: Range): Prisma.OfferWhereInput => ({
    ...offerWhere(f),
    [field]: within(range),
  });
  const column = sql`o.${raw(`"${field}"`)}`;
  return {
    // One sector's offers are read once and grouped; a count per period
    // would read the sector's list again for every period.
    grouped: async (f, range, periods) => ({
      counts: f.sectorId
        ? await countsByPeriod(
            sql`SELECT ${column} AS at FROM "Offer" o WHERE ${inRange(column, range)} AND ${offerInSectorSql(
              sql`o.id`,
              f.sectorId,
            )}`,
            periods,
          )
        : await countsPerPeriod((period) => sql`FROM "Offer" o WHERE ${inRange(column, period)}`, periods, range),
    }),
    source: async (f, range, detail) => {
      const offers = await db.offer.findMany({
        where: where(f, range),
        select: {
          id: true,
          [field]: true,
          ...(detail ? { titleVi: true, titleEn: true, organisation: { select: { name: true } } } : {}),
        },
      });
      return offers.map((o) => {
        const at = (o as Record<string, unknown>)[field] as Date;
        const row = detail
          ? {
              id: o.id,
              at,
              title: o.titleVi!,
              titleEn: o.titleEn,
              detail: o.organisation!.name,
              href: `/staff/offers/${o.id}`,
              value: null,
            }
          : undefined;
        return { at, value: 1, row };
      });
    },
  };
}

function organisationsDatedBy(field: "createdAt" | "verifiedAt"): Source {
  const where = (f: MetricFilters, range: Range): Prisma.OrganisationWhereInput => ({
    ...organisationWhere(f),
    [field]: within(range),
  });
  return async (f, range, detail) => {
    const orgs = await db.organisation.findMany({
      where: where(f, range),
      select: { id: true, [field]: true, ...(detail ? { name: true, slug: true, kind: true } : {}) },
    });
    return orgs.map((o) => {
      const at = (o as Record<string, unknown>)[field] as Date;
      const href = o.slug ? `/organisations/${o.slug}` : "/staff/organisations";
      return {
        at,
        value: 1,
        row: detail ? { id: o.id, at, title: o.name!, detail: o.kind!, href, value: null } : undefined,
      };
    });
  };
}

function statementsDatedBy(field: "submittedAt" | "publishedAt"): Source {
  const where = (f: MetricFilters, range: Range): Prisma.ProblemStatementWhereInput => ({
    ...statementWhere(f),
    [field]: within(range),
  });
  return async (f, range, detail) => {
    const statements = await db.problemStatement.findMany({
      where: where(f, range),
      select: { id: true, [field]: true, ...(detail ? { title: true, organisation: { select: { name: true } } } : {}) },
    });
    return statements.map((s) => {
      const at = (s as Record<string, unknown>)[field] as Date;
      const row = detail
        ? { id: s.id, at, title: s.title!, detail: s.organisation!.name, href: `/staff/problems/${s.id}`, value: null }
        : undefined;
      return { at, value: 1, row };
    });
  };
}

const questionWhere = (f: MetricFilters, range: Range): Prisma.QuestionWhereInput => ({
  answeredAt: within(range),
  problemStatement: statementWhere(f),
});
const questionsAnswered: Source = async (f, range, detail) => {
  const questions = await db.question.findMany({
    where: questionWhere(f, range),
    select: {
      id: true,
      answeredAt: true,
      ...(detail ? { body: true, problemStatementId: true, problemStatement: { select: { title: true } } } : {}),
    },
  });
  return questions.map((q) => {
    const at = q.answeredAt!;
    const row = detail
      ? {
          id: q.id,
          at,
          title: q.body!.slice(0, 140),
          detail: q.problemStatement!.title,
          href: `/staff/problems/${q.problemStatementId}`,
          value: null,
        }
      : undefined;
    return { at, value: 1, row };
  });
};

const proposalWhere = (f: MetricFilters, range: Range): Prisma.ProposalWhereInput => ({
  ...pairWhere(f),
  createdAt: within(range),
});
const proposals: Source = async (f, range, detail) => {
  const rows = await db.proposal.findMany({
    where: proposalWhere(f, range),
    select: detail ? { ...pairSelect, createdAt: true } : { id: true, createdAt: true },
  });
  return rows.map((p) => {
    const at = p.createdAt;
    if (!detail) return { at, value: 1 };
    const pair = p as unknown as Pair;
    const href = pair.problemStatementId
      ? `/staff/problems/${pair.problemStatementId}`
      : "/staff/major-problems/proposals";
    return { at, value: 1, row: { ...pairRow(pair, at), href } };
  });
};

function matchesDatedBy(field: "createdAt" | "introducedAt" | "pilotAt" | "procurementAt" | "deployedAt"): Source {
  const where = (f: MetricFilters, range: Range): Prisma.MatchWhereInput => ({
    ...pairWhere(f),
    [field]: within(range),
  });
  return async (f, range, detail) => {
    const rows = await db.match.findMany({
      where: where(f, range),
      select: detail ? { ...pairSelect, [field]: true } : { id: true, [field]: true },
    });
    return rows.map((m) => {
      const at = (m as Record<string, unknown>)[field] as Date;
      return { at, value: 1, row: detail ? pairRow(m as unknown as Pair, at) : undefined };
    });
  };
}

const matchesCreatedGrouped: GroupedSource = async (f, range, periods) => ({
  counts: await countsByPeriod(
    sql`SELECT m."createdAt" AS at FROM "Match" m WHERE ${inRange(sql`m."createdAt"`, range)}${and(
      pairWhereSql(sql`m`, f),
    )}`,
    periods,
  ),
});

// Prisma refuses more than 999 bound values per query on SQLite.
const CHUNK = 900;

async function inChunks<T>(ids: string[], load: (chunk: string[]) => Promise<T[]>): Promise<T[]> {
  const out: T[] = [];
  for (let i = 0; i < ids.length; i += CHUNK) out.push(...(await load(ids.slice(i, i + CHUNK))));
  return out;
}

// Shortlisting and approval have no date column (decidedAt is overwritten by
// the next move), so the audit log, which every move writes, is the record of
// when a match entered them. A match counts once in a range, at its first
// entry, even if it was moved back and forth.
function matchMovedTo(status: "SHORTLISTED" | "APPROVED"): Source {
  return async (f, range, detail) => {
    const entries = await db.auditEntry.findMany({
      where: {
        action: "match.moved",
        entityType: "Match",
        createdAt: within(range),
        after: { contains: `"status":"${status}"` },
      },
      select: { entityId: true, createdAt: true },
      orderBy: { createdAt: "asc" },
    });
    const first = new Map<string, Date>();
    for (const e of entries) if (!first.has(e.entityId)) first.set(e.entityId, e.createdAt);
    // Only matches that still exist and pass the filters.
    const matches = await inChunks([...first.keys()], (ids) =>
      db.match.findMany({ where: { id: { in: ids }, ...pairWhere(f) }, select: detail ? pairSelect : { id: true } }),
    );
    return matches.map((m) => {
      const at = first.get(m.id)!;
      return { at, value: 1, row: detail ? pairRow(m as Pair, at) : undefined };
    });
  };
}

// Prisma's `contains` is LIKE on both providers; the grouped query uses the same.
function matchMovedToGrouped(status: "SHORTLISTED" | "APPROVED"): GroupedSource {
  return async (f, range, periods) => ({
    counts: await countsByPeriod(
      sql`SELECT firsts.at AS at FROM (
            SELECT a."entityId" AS id, MIN(a."createdAt") AS at FROM "AuditEntry" a
            WHERE a."action" = 'match.moved' AND a."entityType" = 'Match' AND ${inRange(
              sql`a."createdAt"`,
              range,
            )} AND a."after" LIKE ${`%"status":"${status}"%`}
            GROUP BY a."entityId"
          ) firsts JOIN "Match" m ON m.id = firsts.id WHERE 1 = 1${and(pairWhereSql(sql`m`, f))}`,
      periods,
    ),
  });
}

// --- Money (whole đồng) ---

// Revenue is what buyers paid through the exchange, on the day it was paid;
// a refund is taken off on the day it succeeded, not back-dated.
const revenue: Source = async (f, range, detail) => {
  const orders = await db.order.findMany({
    where: { ...orderWhere(f), paidAt: within(range), amountPaidVnd: { not: null } },
    select: {
      id: true,
      paidAt: true,
      amountPaidVnd: true,
      ...(detail ? { offerTitle: true, buyerOrganisation: { select: { name: true } } } : {}),
    },
  });
  return orders.map((o) => {
    const at = o.paidAt!;
    const value = Number(o.amountPaidVnd);
    const row = detail
      ? { id: o.id, at, title: o.offerTitle!, detail: o.buyerOrganisation!.name, href: `/orders/${o.id}`, value }
      : undefined;
    return { at, value, row };
  });
};

const refunds: Source = async (f, range, detail) => {
  const rows = await db.refund.findMany({
    where: { status: "SUCCEEDED", completedAt: within(range), order: orderWhere(f) },
    select: {
      id: true,
      orderId: true,
      completedAt: true,
      amountVnd: true,
      ...(detail ? { reason: true, order: { select: { offerTitle: true } } } : {}),
    },
  });
  return rows.map((r) => {
    const at = r.completedAt!;
    const value = Number(r.amountVnd);
    const row = detail
      ? { id: r.id, at, title: r.order!.offerTitle, detail: r.reason!, href: `/orders/${r.orderId}`, value }
      : undefined;
    return { at, value, row };
  });
};

const ordersPaid: Source = async (f, range, detail) =>
  (await revenue(f, range, detail)).map((e) => ({ ...e, value: 1 }));

const net: Source = async (f, range, detail) => {
  const [paid, refunded] = await Promise.all([revenue(f, range, detail), refunds(f, range, detail)]);
  return [
    ...paid,
    ...refunded.map((e) => ({ ...e, value: -e.value, row: e.row ? { ...e.row, value: -e.value } : undefined })),
  ];
};

// --- Durations, in days, dated by the moment the wait ended ---

function reviewTime(kind: "offer" | "statement"): Source {
  return async (f, range, detail) => {
    const where = { publishedAt: within(range), submittedAt: { not: null } };
    const rows =
      kind === "offer"
        ? (
            await db.offer.findMany({
              where: { ...offerWhere(f), ...where },
              select: { id: true, titleVi: detail, titleEn: detail, submittedAt: true, publishedAt: true },
            })
          ).map((o) => ({
            id: o.id,
            title: o.titleVi ?? "",
            titleEn: o.titleEn ?? null,
            submittedAt: o.submittedAt!,
            publishedAt: o.publishedAt!,
            href: `/staff/offers/${o.id}`,
          }))
        : (
            await db.problemStatement.findMany({
              where: { ...statementWhere(f), ...where },
              select: { id: true, title: true, submittedAt: true, publishedAt: true },
            })
          ).map((s) => ({
            id: s.id,
            title: s.title,
            titleEn: null,
            submittedAt: s.submittedAt!,
            publishedAt: s.publishedAt!,
            href: `/staff/problems/${s.id}`,
          }));
    return rows.map((r) => {
      const value = days(r.submittedAt, r.publishedAt);
      return {
        at: r.publishedAt,
        value,
        row: detail
          ? { id: r.id, at: r.publishedAt, title: r.title, titleEn: r.titleEn, detail: null, href: r.href, value }
          : undefined,
      };
    });
  };
}

const offerReviewGrouped: GroupedSource = async (f, range, periods) => ({
  middles: await middlesByPeriod(
    sql`SELECT o."publishedAt" AS at, ${millisBetween(
      sql`o."submittedAt"`,
      sql`o."publishedAt"`,
    )} AS value FROM "Offer" o
        WHERE ${inRange(sql`o."publishedAt"`, range)} AND o."submittedAt" IS NOT NULL${and(
      f.sectorId ? [offerInSectorSql(sql`o.id`, f.sectorId)] : [],
    )}`,
    periods,
  ),
});

// Publication to the first match suggested for it (the first Match row).
const statementFirstMatch: Source = async (f, range, detail) => {
  const groups = await db.match.groupBy({
    by: ["problemStatementId"],
    where: {
      problemStatementId: { not: null },
      createdAt: { lt: range.end },
      problemStatement: { ...statementWhere(f), publishedAt: { not: null } },
    },
    _min: { createdAt: true },
  });
  const firsts = groups.filter((g) => g._min.createdAt! >= range.start);
  const statements = await inChunks(
    firsts.map((g) => g.problemStatementId!),
    (ids) =>
      db.problemStatement.findMany({
        where: { id: { in: ids } },
        select: { id: true, title: true, publishedAt: true },
      }),
  );
  const byId = new Map(statements.map((s) => [s.id, s]));
  return firsts.map((g) => {
    const s = byId.get(g.problemStatementId!)!;
    const at = g._min.createdAt!;
    const value = days(s.publishedAt!, at);
    return {
      at,
      value,
      row: detail
        ? { id: s.id, at, title: s.title, detail: null, href: `/staff/matches/statement/${s.id}`, value }
        : undefined,
    };
  });
};

// The first match of each need, then the filters on the need: the filters
// concern the statement or offer, not the match, so filtering after grouping
// gives what the source's groupBy does.
const statementFirstMatchGrouped: GroupedSource = async (f, range, periods) => ({
  middles: await middlesByPeriod(
    sql`SELECT firsts.at AS at, ${millisBetween(sql`s."publishedAt"`, sql`firsts.at`)} AS value FROM (
          SELECT m."problemStatementId" AS id, MIN(m."createdAt") AS at FROM "Match" m
          WHERE m."problemStatementId" IS NOT NULL AND m."createdAt" < ${range.end} GROUP BY m."problemStatementId"
        ) firsts JOIN "ProblemStatement" s ON s.id = firsts.id
        WHERE firsts.at >= ${range.start} AND s."publishedAt" IS NOT NULL${and(statementWhereSql(sql`s`, f))}`,
    periods,
  ),
});

const offerFirstMatchGrouped: GroupedSource = async (f, range, periods) => ({
  middles: await middlesByPeriod(
    sql`SELECT firsts.at AS at, ${millisBetween(sql`o."publishedAt"`, sql`firsts.at`)} AS value FROM (
          SELECT m."offerId" AS id, MIN(m."createdAt") AS at FROM "Match" m WHERE m."createdAt" < ${
            range.end
          } GROUP BY m."offerId"
        ) firsts JOIN "Offer" o ON o.id = firsts.id
        WHERE firsts.at >= ${range.start} AND o."publishedAt" IS NOT NULL${and(
      f.sectorId ? [offerInSectorSql(sql`o.id`, f.sectorId)] : [],
    )}`,
    periods,
  ),
});

const offerFirstMatch: Source = async (f, range, detail) => {
  const groups = await db.match.groupBy({
    by: ["offerId"],
    where: { createdAt: { lt: range.end }, offer: { ...offerWhere(f), publishedAt: { not: null } } },
    _min: { createdAt: true },
  });
  const firsts = groups.filter((g) => g._min.createdAt! >= range.start);
  const offers = await inChunks(
    firsts.map((g) => g.offerId),
    (ids) =>
      db.offer.findMany({
        where: { id: { in: ids } },
        select: { id: true, titleVi: detail, titleEn: detail, publishedAt: true },
      }),
  );
  const byId = new Map(offers.map((o) => [o.id, o]));
  return firsts.map((g) => {
    const o = byId.get(g.offerId)!;
    const at = g._min.createdAt!;
    const value = days(o.publishedAt!, at);
    return {
      at,
      value,
      row: detail
        ? {
            id: o.id,
            at,
            title: o.titleVi ?? "",
            titleEn: o.titleEn,
            detail: null,
            href: `/staff/offers/${o.id}`,
            value,
          }
        : undefined,
    };
  });
};

// From approval (the last decision before the deployment stages, which lock
// the match's status) to deployment; the introduction date stands in for a
// match approved before decisions were dated.
const matchToDeployment: Source = async (f, range, detail) => {
  const rows = await db.match.findMany({
    where: {
      ...pairWhere(f),
      deployedAt: within(range),
      OR: [{ decidedAt: { not: null } }, { introducedAt: { not: null } }],
    },
    select: { ...pairSelect, decidedAt: true, introducedAt: true, deployedAt: true },
  });
  return rows.map((m) => {
    const at = m.deployedAt!;
    const value = days((m.decidedAt ?? m.introducedAt)!, at);
    return { at, value, row: detail ? pairRow(m, at, value) : undefined };
  });
};

export const metricTables = {
  activity: [
    "offersNew",
    "offersPublished",
    "orgsNew",
    "orgsVerified",
    "statementsPosted",
    "statementsPublished",
    "questionsAnswered",
    "proposals",
  ],
  matches: ["suggested", "shortlisted", "approved", "introduced", "pilot", "procurement", "deployed"],
  orders: ["ordersPaid", "revenue", "refunds", "net"],
  durations: ["offerReview", "statementReview", "offerFirstMatch", "statementFirstMatch", "matchToDeployment"],
} as const;

export type TableKey = keyof typeof metricTables;
export type MetricKey = (typeof metricTables)[TableKey][number];
export type Aggregate = "count" | "sum" | "median";

export type MetricDefinition = {
  table: TableKey;
  aggregate: Aggregate;
  source: Source;
  grouped?: GroupedSource;
  agencyApplies: boolean;
};

export const metrics: Record<MetricKey, MetricDefinition> = {
  offersNew: { table: "activity", aggregate: "count", ...offerCount("createdAt"), agencyApplies: false },
  offersPublished: { table: "activity", aggregate: "count", ...offerCount("publishedAt"), agencyApplies: false },
  orgsNew: { table: "activity", aggregate: "count", source: organisationsDatedBy("createdAt"), agencyApplies: false },
  orgsVerified: {
    table: "activity",
    aggregate: "count",
    source: organisationsDatedBy("verifiedAt"),
    agencyApplies: false,
  },
  statementsPosted: {
    table: "activity",
    aggregate: "count",
    source: statementsDatedBy("submittedAt"),
    agencyApplies: true,
  },
  statementsPublished: {
    table: "activity",
    aggregate: "count",
    source: statementsDatedBy("publishedAt"),
    agencyApplies: true,
  },
  questionsAnswered: { table: "activity", aggregate: "count", source: questionsAnswered, agencyApplies: true },
  proposals: { table: "activity", aggregate: "count", source: proposals, agencyApplies: true },
  suggested: {
    table: "matches",
    aggregate: "count",
    source: matchesDatedBy("createdAt"),
    grouped: matchesCreatedGrouped,
    agencyApplies: true,
  },
  shortlisted: {
    table: "matches",
    aggregate: "count",
    source: matchMovedTo("SHORTLISTED"),
    grouped: matchMovedToGrouped("SHORTLISTED"),
    agencyApplies: true,
  },
  approved: {
    table: "matches",
    aggregate: "count",
    source: matchMovedTo("APPROVED"),
    grouped: matchMovedToGrouped("APPROVED"),
    agencyApplies: true,
  },
  introduced: { table: "matches", aggregate: "count", source: matchesDatedBy("introducedAt"), agencyApplies: true },
  pilot: { table: "matches", aggregate: "count", source: matchesDatedBy("pilotAt"), agencyApplies: true },
  procurement: { table: "matches", aggregate: "count", source: matchesDatedBy("procurementAt"), agencyApplies: true },
  deployed: { table: "matches", aggregate: "count", source: matchesDatedBy("deployedAt"), agencyApplies: true },
  ordersPaid: { table: "orders", aggregate: "count", source: ordersPaid, agencyApplies: true },
  revenue: { table: "orders", aggregate: "sum", source: revenue, agencyApplies: true },
  refunds: { table: "orders", aggregate: "sum", source: refunds, agencyApplies: true },
  net: { table: "orders", aggregate: "sum", source: net, agencyApplies: true },
  offerReview: {
    table: "durations",
    aggregate: "median",
    source: reviewTime("offer"),
    grouped: offerReviewGrouped,
    agencyApplies: false,
  },
  statementReview: { table: "durations", aggregate: "median", source: reviewTime("statement"), agencyApplies: true },
  offerFirstMatch: {
    table: "durations",
    aggregate: "median",
    source: offerFirstMatch,
    grouped: offerFirstMatchGrouped,
    agencyApplies: false,
  },
  statementFirstMatch: {
    table: "durations",
    aggregate: "median",
    source: statementFirstMatch,
    grouped: statementFirstMatchGrouped,
    agencyApplies: true,
  },
  matchToDeployment: { table: "durations", aggregate: "median", source: matchToDeployment, agencyApplies: true },
};

export const isMetricKey = (value: string): value is MetricKey => Object.hasOwn(metrics, value);
export const isTableKey = (value: string): value is TableKey => Object.hasOwn(metricTables, value);
