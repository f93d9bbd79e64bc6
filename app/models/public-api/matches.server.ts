// --- Approved matches: staff decisions, on records the public can see. ---
// Suggested, shortlisted and rejected pairs, notes, assignees and reasons for
// rejecting or dropping stay inside the staff area.
import { db, type Prisma } from "~/db.server";
import type { Language } from "~/i18n/config";
import { PUBLIC_STATUSES } from "~/models/problem-statement.server";
import { publicMajorProblemsById } from "./major-problems.server";
import { offerRefJson } from "./offers.server";
import { iso, pageOf, syncOrder, syncWhere, type Paging, type SyncQuery } from "./shared.server";

const approvedMatchSelect = {
  id: true,
  stage: true,
  introducedAt: true,
  pilotAt: true,
  procurementAt: true,
  deployedAt: true,
  droppedAt: true,
  decidedAt: true,
  updatedAt: true,
  majorProblemId: true,
  offer: {
    select: {
      id: true,
      externalId: true,
      slug: true,
      titleVi: true,
      titleEn: true,
      organisation: { select: { name: true, slug: true } },
    },
  },
  problemStatement: {
    select: { id: true, slug: true, title: true, status: true, organisation: { select: { name: true, slug: true } } },
  },
} satisfies Prisma.MatchSelect;
export async function listApprovedMatches(query: Paging & SyncQuery, language: Language) {
  const majorProblems = await publicMajorProblemsById();
  const where: Prisma.MatchWhereInput = {
    status: "APPROVED",
    offer: { status: "PUBLISHED" },
    OR: [
      { problemStatement: { status: { in: PUBLIC_STATUSES } } },
      { majorProblemId: { in: [...majorProblems.keys()] } },
    ],
    ...(query.updatedSince ? { AND: [syncWhere(query)] } : {}),
  };
  const [total, rows] = await Promise.all([
    db.match.count({ where }),
    db.match.findMany({
      where,
      select: approvedMatchSelect,
      orderBy: query.updatedSince ? syncOrder : [{ decidedAt: "desc" }, { id: "asc" }],
      skip: (query.page - 1) * query.perPage,
      take: query.perPage,
    }),
  ]);
  const items = rows.map((row) => {
    const problem = row.majorProblemId ? majorProblems.get(row.majorProblemId) : undefined;
    const statement = row.problemStatement;
    const need = problem
      ? {
          type: "major-problem" as const,
          id: problem.id,
          code: problem.code,
          slug: null,
          listSlug: problem.list.slug,
          title: problem.title,
          url: problem.url,
        }
      : {
          type: "problem-statement" as const,
          id: statement!.id,
          code: null,
          slug: statement!.slug,
          listSlug: null,
          title: statement!.title,
          url: `/problems/${statement!.slug}`,
        };
    return {
      id: row.id,
      offer: offerRefJson(row.offer, language),
      need,
      stage: row.stage,
      stageDates: {
        introducedAt: iso(row.introducedAt),
        pilotAt: iso(row.pilotAt),
        procurementAt: iso(row.procurementAt),
        deployedAt: iso(row.deployedAt),
        droppedAt: iso(row.droppedAt),
      },
      approvedAt: iso(row.decidedAt),
      updatedAt: row.updatedAt.toISOString(),
    };
  });
  return pageOf(items, total, query, items.at(-1));
}
export type PublicApprovedMatch = Awaited<ReturnType<typeof listApprovedMatches>>["items"][number];
