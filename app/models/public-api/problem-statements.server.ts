// Problem statements: published and closed ones, never drafts.
import { db, type Prisma } from "~/db.server";
import { PUBLIC_STATUSES } from "~/models/problem-statement.server";
import { iso, organisationJson, pageOf, syncOrder, syncWhere, vnd, type Paging, type SyncQuery } from "./shared.server";

export const statementSelect = {
  id: true,
  slug: true,
  title: true,
  summaryEn: true,
  status: true,
  context: true,
  targetUsers: true,
  responsiblePerson: true,
  scopeOfWork: true,
  timeline: true,
  deadline: true,
  accountableUnit: true,
  deliverable: true,
  successCriteria: true,
  decisionAuthority: true,
  dataAvailable: true,
  constraints: true,
  budgetMinVnd: true,
  budgetMaxVnd: true,
  desiredTrl: true,
  proposalDeadline: true,
  publishedAt: true,
  closedAt: true,
  outcome: true,
  updatedAt: true,
  organisation: { select: { name: true, slug: true } },
  majorProblem: {
    select: {
      code: true,
      list: { select: { slug: true } },
      sector: { select: { slug: true, nameVi: true, nameEn: true } },
    },
  },
} satisfies Prisma.ProblemStatementSelect;
type StatementRow = Prisma.ProblemStatementGetPayload<{ select: typeof statementSelect }>;
export function statementSummaryJson(row: StatementRow) {
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
      ? {
          code: row.majorProblem.code,
          listSlug: row.majorProblem.list.slug,
          url: `/major-problems/${row.majorProblem.list.slug}/${encodeURIComponent(row.majorProblem.code)}`,
        }
      : null,
    url: `/problems/${row.slug}`,
    updatedAt: row.updatedAt.toISOString(),
  };
}

function statementJson(row: StatementRow) {
  return {
    ...statementSummaryJson(row),
    context: row.context,
    targetUsers: row.targetUsers,
    responsiblePerson: row.responsiblePerson,
    scopeOfWork: row.scopeOfWork,
    timeline: row.timeline,
    deadline: iso(row.deadline),
    accountableUnit: row.accountableUnit,
    deliverable: row.deliverable,
    successCriteria: row.successCriteria,
    decisionAuthority: row.decisionAuthority,
    dataAvailable: row.dataAvailable,
    constraints: row.constraints,
    closedAt: iso(row.closedAt),
    outcome: row.outcome,
  };
}

export async function listPublicStatements(
  query: Paging & SyncQuery & { sector?: string; status?: "PUBLISHED" | "CLOSED" },
) {
  const where: Prisma.ProblemStatementWhereInput = {
    status: { in: query.status ? [query.status] : PUBLIC_STATUSES },
    ...(query.sector ? { majorProblem: { sector: { slug: query.sector } } } : {}),
    ...syncWhere(query),
  };
  const [total, rows] = await Promise.all([
    db.problemStatement.count({ where }),
    db.problemStatement.findMany({
      where,
      select: statementSelect,
      orderBy: query.updatedSince ? syncOrder : [{ publishedAt: "desc" }, { id: "asc" }],
      skip: (query.page - 1) * query.perPage,
      take: query.perPage,
    }),
  ]);
  const items = rows.map(statementSummaryJson);
  return pageOf(items, total, query, items.at(-1));
}

export async function getPublicStatement(slug: string) {
  const row = await db.problemStatement.findFirst({
    where: { slug, status: { in: PUBLIC_STATUSES } },
    select: statementSelect,
  });
  return row ? statementJson(row) : null;
}
