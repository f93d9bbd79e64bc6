// What the public pages put in front of a visitor so that they can act
// (issue 14 part 6): statements open for proposals, the city's list, the
// week in numbers, and the accountable facts of a major problem. Public data
// only, the same for every visitor, so nothing here depends on who asks.
import { db } from "~/db.server";
import { metrics } from "./metrics-sources.server";
import { countOrganisations } from "./organisation.server";
import { daysLeft } from "./problem-tracking.server";
import { isProposableMajorStatus } from "./proposal.server";
import { featuredOffers } from "./service-purchase.server";

const DAY_MS = 86_400_000;
export const HOME_STATEMENTS = 5;
export const HOME_LIST_TITLES = 4;
export const HOME_FEATURED = 3;

// A statement takes proposals while it is published and its closing day (the
// last instant of a Hanoi day) has not passed: the rule of its own page.
const openStatementWhere = (now: Date) => ({
  status: "PUBLISHED" as const,
  OR: [{ proposalDeadline: null }, { proposalDeadline: { gte: now } }],
});

async function openStatements(now: Date) {
  const [rows, total] = await Promise.all([
    db.problemStatement.findMany({
      where: openStatementWhere(now),
      orderBy: [{ proposalDeadline: { sort: "asc", nulls: "last" } }, { publishedAt: "desc" }],
      take: HOME_STATEMENTS,
      select: { id: true, slug: true, title: true, proposalDeadline: true, organisation: { select: { name: true } } },
    }),
    db.problemStatement.count({ where: openStatementWhere(now) }),
  ]);
  return {
    total,
    rows: rows.map((s) => ({ ...s, daysLeft: s.proposalDeadline ? daysLeft(s.proposalDeadline, now) : null })),
  };
}

// The city's current list: the one with the latest period, as its latest
// published version shows it (never the working copy).
async function currentList() {
  const list = await db.majorProblemList.findFirst({
    where: { versions: { some: {} } },
    orderBy: [{ periodStart: "desc" }, { createdAt: "desc" }],
    select: {
      slug: true,
      name: true,
      decisionNumber: true,
      decisionDate: true,
      versions: {
        orderBy: { number: "desc" },
        take: 1,
        select: {
          items: {
            orderBy: [{ sortOrder: "asc" }, { code: "asc" }],
            select: { code: true, title: true, status: true },
          },
        },
      },
    },
  });
  if (!list) return null;
  const open = list.versions[0]!.items.filter((item) => isProposableMajorStatus(item.status));
  return {
    slug: list.slug,
    name: list.name,
    decisionNumber: list.decisionNumber,
    decisionDate: list.decisionDate,
    problems: list.versions[0]!.items.length,
    open: open.length,
    titles: open.slice(0, HOME_LIST_TITLES).map(({ code, title }) => ({ code, title })),
  };
}

// The last 7 days, counted by the dashboard's own metric sources so the home
// page and staff's figures cannot disagree. "Matches" are approvals: the
// first public step (suggestions and shortlists are staff's working notes).
async function lastSevenDays(now: Date) {
  const range = { start: new Date(now.getTime() - 7 * DAY_MS), end: new Date(now.getTime() + 1) };
  const [statements, proposals, matches, offers] = await Promise.all([
    metrics.statementsPublished.source({}, range, false),
    metrics.proposals.source({}, range, false),
    metrics.approved.source({}, range, false),
    metrics.offersPublished.source({}, range, false),
  ]);
  return { statements: statements.length, proposals: proposals.length, matches: matches.length, offers: offers.length };
}

/** Everything the home page shows, in one call: a fixed handful of queries whatever the data. */
export async function homePage(now = new Date()) {
  const [statements, list, featured, week, organisations] = await Promise.all([
    openStatements(now),
    currentList(),
    featuredOffers(HOME_FEATURED, now),
    lastSevenDays(now),
    countOrganisations(),
  ]);
  return { statements, list, featured, week, organisations };
}

/**
 * What the public page of a major problem adds to the published text: who
 * answers for it and by when (the "6 rõ" tracking, read from the working
 * copy, which is where staff keep them), and the proposals its owners
 * selected. Selected proposals of unpublished offers are left out, as
 * approved matches are.
 */
export async function majorProblemFacts(majorProblemId: string, now = new Date()) {
  const [problem, selected] = await Promise.all([
    db.majorProblem.findUnique({
      where: { id: majorProblemId },
      select: { deadline: true, owner: { select: { name: true } } },
    }),
    db.proposal.findMany({
      where: { majorProblemId, status: "SELECTED", offer: { status: "PUBLISHED" } },
      orderBy: { decidedAt: "asc" },
      select: {
        id: true,
        offer: {
          select: { slug: true, titleVi: true, titleEn: true, organisation: { select: { name: true, slug: true } } },
        },
      },
    }),
  ]);
  const deadline = problem?.deadline ?? null;
  return {
    owner: problem?.owner?.name ?? null,
    deadline,
    daysLeft: deadline ? daysLeft(deadline, now) : null,
    selected,
  };
}
