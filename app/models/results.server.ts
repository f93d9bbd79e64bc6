import { db } from "~/db.server";
import { matchProgress, reached, furthestOf } from "./problem-tracking.server";

// The public results page. Public data only: problems as they stand in the
// latest published version of each list, approved matches of published
// offers (suggestions and shortlists are staff's working notes), counts and
// list names — never owners, people or unpublished material.

export type ListResult = {
  slug: string;
  name: string;
  periodStart: number;
  periodEnd: number;
  version: number;
  problems: number;
  withApproved: number;
  piloted: number;
  deployed: number;
};

export type PublicResults = {
  totals: {
    problems: number;
    withApproved: number;
    piloted: number;
    deployed: number;
    offers: number;
    organisations: number;
  };
  lists: ListResult[];
};

export async function publicResults(): Promise<PublicResults> {
  const lists = await db.majorProblemList.findMany({
    where: { versions: { some: {} } },
    orderBy: [{ periodStart: "desc" }, { name: "asc" }],
    select: {
      slug: true,
      name: true,
      periodStart: true,
      periodEnd: true,
      versions: {
        orderBy: { number: "desc" },
        take: 1,
        select: { number: true, items: { select: { majorProblemId: true } } },
      },
    },
  });
  const ids = lists.flatMap((list) => list.versions[0]!.items.map((item) => item.majorProblemId));
  const [matches, offers, organisations] = await Promise.all([
    ids.length
      ? db.match.findMany({
          where: { majorProblemId: { in: ids }, status: "APPROVED", offer: { status: "PUBLISHED" } },
          select: { majorProblemId: true, status: true, stage: true },
        })
      : Promise.resolve([]),
    db.offer.count({ where: { status: "PUBLISHED" } }),
    // Taking part = something of theirs is public: an offer or a problem statement.
    db.organisation.count({
      where: {
        OR: [
          { offers: { some: { status: "PUBLISHED" } } },
          { problemStatements: { some: { status: { in: ["PUBLISHED", "CLOSED"] } } } },
        ],
      },
    }),
  ]);
  const progress = new Map<string, ReturnType<typeof matchProgress>[]>();
  for (const match of matches)
    progress.set(match.majorProblemId!, [...(progress.get(match.majorProblemId!) ?? []), matchProgress(match)]);

  const results = lists.map((list): ListResult => {
    const version = list.versions[0]!;
    const furthest = version.items.map((item) => furthestOf(progress.get(item.majorProblemId) ?? []));
    return {
      slug: list.slug,
      name: list.name,
      periodStart: list.periodStart,
      periodEnd: list.periodEnd,
      version: version.number,
      problems: version.items.length,
      withApproved: furthest.filter((f) => reached(f, "APPROVED")).length,
      piloted: furthest.filter((f) => reached(f, "PILOT")).length,
      deployed: furthest.filter((f) => reached(f, "DEPLOYED")).length,
    };
  });
  const sum = (key: "problems" | "withApproved" | "piloted" | "deployed") =>
    results.reduce((total, list) => total + list[key], 0);
  return {
    totals: {
      problems: sum("problems"),
      withApproved: sum("withApproved"),
      piloted: sum("piloted"),
      deployed: sum("deployed"),
      offers,
      organisations,
    },
    lists: results,
  };
}
