import { TZDate } from "@date-fns/tz";
import { endOfDay } from "date-fns/endOfDay";
import { db, type DeploymentStage, type MajorProblemStatus, type MatchStatus, type Prisma } from "~/db.server";

// "6 rõ" tracking of the city's major problems: who answers for each one,
// by when, and how far the matched solutions have got.
//
// Definitions (also in the README, "Tracking and results"):
// - Progress of one match: its status while it is being curated
//   (SUGGESTED < SHORTLISTED < APPROVED), then its deployment stage once
//   approved (INTRODUCED < PILOT < PROCUREMENT < DEPLOYED). A REJECTED match
//   and a DROPPED one make no progress: a pilot that was stopped is not a
//   pilot the city still has.
// - Furthest stage of a problem: the highest progress among its matches.
// - Offers linked: distinct offers with a match that was not rejected
//   (a dropped one still counts: it was linked) or a proposal that was not
//   declined or withdrawn by its provider.
// - Approved: matches approved and not dropped.
// - Overdue: the deadline has passed, the furthest stage is not DEPLOYED,
//   and the problem is still OPEN or IN_PROGRESS (a solved or withdrawn
//   problem has nothing left to be late for).

export const HANOI_TZ = "Asia/Ho_Chi_Minh";

export const progressSteps = [
  "SUGGESTED",
  "SHORTLISTED",
  "APPROVED",
  "INTRODUCED",
  "PILOT",
  "PROCUREMENT",
  "DEPLOYED",
] as const;
export type Progress = (typeof progressSteps)[number];

export function matchProgress(match: { status: MatchStatus; stage: DeploymentStage | null }): Progress | null {
  if (match.status === "REJECTED" || match.stage === "DROPPED") return null;
  if (match.status === "APPROVED" && match.stage) return match.stage;
  return match.status;
}

type DatedMatch = {
  status: MatchStatus;
  stage: DeploymentStage | null;
  createdAt: Date;
  decidedAt: Date | null;
  introducedAt: Date | null;
  pilotAt: Date | null;
  procurementAt: Date | null;
  deployedAt: Date | null;
  droppedAt: Date | null;
};

// Progress as it stood at a past moment, rebuilt from the dates each step
// records, so last month's report is not rewritten by this month's work.
// Shortlisting keeps no date, so a card still shortlisted counts as such
// from its creation; an approval without a date counts from creation too.
export function progressAt(match: DatedMatch, at: Date): Progress | null {
  const by = (date: Date | null) => date !== null && date.getTime() <= at.getTime();
  if (!by(match.createdAt) || by(match.droppedAt)) return null;
  if (by(match.deployedAt)) return "DEPLOYED";
  if (by(match.procurementAt)) return "PROCUREMENT";
  if (by(match.pilotAt)) return "PILOT";
  if (by(match.introducedAt)) return "INTRODUCED";
  if (match.status === "REJECTED") return by(match.decidedAt) ? null : "SUGGESTED";
  if (match.status === "APPROVED") return match.decidedAt === null || by(match.decidedAt) ? "APPROVED" : "SHORTLISTED";
  return match.status;
}

export function furthestOf(steps: (Progress | null)[]): Progress | null {
  let best = -1;
  for (const step of steps) if (step) best = Math.max(best, progressSteps.indexOf(step));
  return best < 0 ? null : progressSteps[best]!;
}

export const reached = (furthest: Progress | null, step: Progress) =>
  furthest !== null && progressSteps.indexOf(furthest) >= progressSteps.indexOf(step);

// A deadline is a calendar day in Hanoi: "by 30/06" means until that day
// ends in Hanoi, whatever zone the server or the reader is in. Storing that
// last instant makes "overdue" a plain comparison with now.
export function deadlineFromDateInput(value: string): Date {
  const [year, month, day] = value.split("-").map(Number) as [number, number, number];
  return new Date(endOfDay(new TZDate(year, month - 1, day, HANOI_TZ)).getTime());
}

// Built once: constructing an Intl formatter costs far more than using it.
const hanoiDay = new Intl.DateTimeFormat("en-CA", {
  timeZone: HANOI_TZ,
  year: "numeric",
  month: "2-digit",
  day: "2-digit",
});

export function dateInputFromDeadline(deadline: Date): string {
  return hanoiDay.format(deadline);
}

// Whole calendar days from today (in Hanoi) to the deadline's day; negative
// once it has passed.
export function daysLeft(deadline: Date, now: Date): number {
  return Math.round(
    (Date.parse(dateInputFromDeadline(deadline)) - Date.parse(dateInputFromDeadline(now))) / 86_400_000,
  );
}

export function isOverdue(
  problem: { deadline: Date | null; status: MajorProblemStatus },
  furthest: Progress | null,
  now: Date,
): boolean {
  if (!problem.deadline || problem.deadline.getTime() >= now.getTime()) return false;
  if (problem.status === "SOLVED" || problem.status === "WITHDRAWN") return false;
  return furthest !== "DEPLOYED";
}

export type ProducedOffer = {
  offerId: string;
  slug: string;
  titleVi: string;
  titleEn: string | null;
  published: boolean;
  deployedAt: Date | null;
};

export type TrackingRow = {
  id: string;
  list: { id: string; name: string; slug: string };
  code: string;
  title: string;
  leadAgency: string;
  status: MajorProblemStatus;
  owner: { id: string; name: string } | null;
  deadline: Date | null;
  daysLeft: number | null;
  overdue: boolean;
  offersLinked: number;
  approved: number;
  furthest: Progress | null;
  produced: ProducedOffer[];
  // The code under which the public sees it, when the latest published
  // version of its list includes it.
  publicCode: string | null;
};

export type TrackingFilter = { listId?: string; ownerId?: string; overdueOnly?: boolean };

// Five queries whatever the number of problems: problems, matches,
// proposals, the latest published items of the lists involved, and the
// titles of deployed offers.
// With `asOf`, matches and proposals count as they stood at `now` (a past
// moment, for a monthly report); owners, deadlines and rejections are read
// as they are today, since the record keeps no history of them.
export async function trackProblems(
  filter: TrackingFilter = {},
  now = new Date(),
  options: { asOf?: boolean } = {},
): Promise<TrackingRow[]> {
  const where: Prisma.MajorProblemWhereInput = {
    ...(filter.listId ? { listId: filter.listId } : {}),
    ...(filter.ownerId === "none" ? { ownerId: null } : filter.ownerId ? { ownerId: filter.ownerId } : {}),
  };
  const problems = await db.majorProblem.findMany({
    where,
    orderBy: [{ list: { periodStart: "desc" } }, { listId: "asc" }, { sortOrder: "asc" }, { code: "asc" }],
    select: {
      id: true,
      code: true,
      title: true,
      leadAgency: true,
      status: true,
      deadline: true,
      listId: true,
      owner: { select: { id: true, name: true } },
      list: {
        select: {
          id: true,
          name: true,
          slug: true,
          versions: { orderBy: { number: "desc" }, take: 1, select: { id: true } },
        },
      },
    },
  });
  if (problems.length === 0) return [];
  const ids = problems.map((p) => p.id);
  const latestVersionIds = [...new Set(problems.flatMap((p) => p.list.versions.map((v) => v.id)))];
  const [matches, proposals, published] = await Promise.all([
    db.match.findMany({
      where: { majorProblemId: { in: ids }, status: { not: "REJECTED" } },
      select: {
        majorProblemId: true,
        offerId: true,
        status: true,
        stage: true,
        createdAt: true,
        decidedAt: true,
        introducedAt: true,
        pilotAt: true,
        procurementAt: true,
        deployedAt: true,
        droppedAt: true,
      },
      orderBy: [{ deployedAt: "asc" }, { id: "asc" }],
    }),
    db.proposal.findMany({
      where: { majorProblemId: { in: ids }, status: { notIn: ["DECLINED", "WITHDRAWN"] } },
      distinct: ["majorProblemId", "offerId"],
      select: { majorProblemId: true, offerId: true, createdAt: true },
    }),
    latestVersionIds.length
      ? db.majorProblemVersionItem.findMany({
          where: { versionId: { in: latestVersionIds } },
          select: { majorProblemId: true, code: true },
        })
      : Promise.resolve([]),
  ]);
  const deployedOffers = [
    ...new Set(matches.filter((m) => m.deployedAt || m.stage === "DEPLOYED").map((m) => m.offerId)),
  ];
  const offers = new Map(
    (deployedOffers.length
      ? await db.offer.findMany({
          where: { id: { in: deployedOffers } },
          select: { id: true, slug: true, titleVi: true, titleEn: true, status: true },
        })
      : []
    ).map((offer) => [offer.id, offer]),
  );
  const publicCode = new Map(published.map((item) => [item.majorProblemId, item.code]));
  const linked = new Map<string, Set<string>>();
  const link = (problemId: string, offerId: string) => {
    const set = linked.get(problemId) ?? new Set<string>();
    set.add(offerId);
    linked.set(problemId, set);
  };
  const existed = (row: { createdAt: Date }) => !options.asOf || row.createdAt.getTime() <= now.getTime();
  const progressOf = (match: (typeof matches)[number]) =>
    options.asOf ? progressAt(match, now) : matchProgress(match);
  const byProblem = new Map<string, typeof matches>();
  for (const match of matches.filter(existed)) {
    const problemId = match.majorProblemId!;
    link(problemId, match.offerId);
    const own = byProblem.get(problemId);
    if (own) own.push(match);
    else byProblem.set(problemId, [match]);
  }
  for (const proposal of proposals.filter(existed)) link(proposal.majorProblemId!, proposal.offerId);

  const rows = problems.map((problem): TrackingRow => {
    const own = byProblem.get(problem.id) ?? [];
    const progress = own.map(progressOf);
    const furthest = furthestOf(progress);
    return {
      id: problem.id,
      list: { id: problem.list.id, name: problem.list.name, slug: problem.list.slug },
      code: problem.code,
      title: problem.title,
      leadAgency: problem.leadAgency,
      status: problem.status,
      owner: problem.owner,
      deadline: problem.deadline,
      daysLeft: problem.deadline ? daysLeft(problem.deadline, now) : null,
      overdue: isOverdue(problem, furthest, now),
      offersLinked: linked.get(problem.id)?.size ?? 0,
      approved: progress.filter((p) => reached(p, "APPROVED")).length,
      furthest,
      produced: own
        .filter((_, i) => progress[i] === "DEPLOYED")
        .map((m) => {
          const offer = offers.get(m.offerId)!;
          return {
            offerId: m.offerId,
            slug: offer.slug,
            titleVi: offer.titleVi,
            titleEn: offer.titleEn,
            published: offer.status === "PUBLISHED",
            deployedAt: m.deployedAt,
          };
        }),
      publicCode: publicCode.get(problem.id) ?? null,
    };
  });
  return filter.overdueOnly ? rows.filter((row) => row.overdue) : rows;
}

export async function listStaffUsers() {
  return db.user.findMany({
    where: { role: { in: ["STAFF", "ADMIN"] } },
    orderBy: { name: "asc" },
    select: { id: true, name: true },
  });
}

export async function isStaffUser(userId: string) {
  return (await db.user.count({ where: { id: userId, role: { in: ["STAFF", "ADMIN"] } } })) > 0;
}

export async function listTrackedLists() {
  return db.majorProblemList.findMany({
    orderBy: [{ periodStart: "desc" }, { name: "asc" }],
    select: { id: true, name: true },
  });
}

// --- Downloads: the same table as the page, one row per problem. ---

export const trackingColumns = [
  "list",
  "code",
  "title",
  "leadAgency",
  "owner",
  "deadline",
  "daysLeft",
  "overdue",
  "furthestStage",
  "offersLinked",
  "approved",
  "produced",
  "status",
] as const;

export function trackingExportRows(rows: TrackingRow[]) {
  return rows.map((row) => ({
    list: row.list.name,
    code: row.code,
    title: row.title,
    leadAgency: row.leadAgency,
    owner: row.owner?.name ?? "",
    deadline: row.deadline ? dateInputFromDeadline(row.deadline) : "",
    daysLeft: row.daysLeft,
    overdue: row.overdue ? "Quá hạn" : "",
    furthestStage: row.furthest ?? "",
    offersLinked: row.offersLinked,
    approved: row.approved,
    produced: row.produced.map((p) => p.titleVi).join("; "),
    status: row.status,
  }));
}

// The page and both downloads read the same query string, so a download is
// exactly the table on screen.
export function trackingFilterFrom(url: URL): TrackingFilter {
  const param = (name: string) => url.searchParams.get(name)?.trim().slice(0, 40) || undefined;
  return { listId: param("list"), ownerId: param("owner"), overdueOnly: url.searchParams.get("overdue") === "1" };
}

export function trackingDownloadName(now: Date, extension: "csv" | "xlsx") {
  return `theo-doi-bai-toan-${dateInputFromDeadline(now)}.${extension}`;
}
