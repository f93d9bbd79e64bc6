// Timed reminders (issue 14 part 1), one job: `sendDeadlineReminders`, run
// by the server's scheduler once an hour ("deadline-reminders" job, one
// process at a time) and by `npm run notices:deadlines` from cron.
//
// - A published statement whose proposal window closes within 3 days reaches
//   the providers that follow it and have not proposed: people who follow
//   its major problem, the organisations that asked a question on it, and
//   provider members who follow its sector (statements have no follow of
//   their own and proposals no drafts; these are the signals recorded).
// - A major problem past its deadline, still open or in progress and not
//   deployed, reaches its owner (a staff member).
// - Offers not updated for 180 days reach their owners (remindStaleOffers,
//   which has its own once-per-stale-period claim).
//
// Each reminder is sent once: its NoticeReminder row (key = kind, record and
// the deadline it is for) is written in the transaction that writes the
// notices, so a rerun, or two runs at once, never repeats it, and a run that
// dies half-way leaves the rest to the next run. A moved deadline is a new key.
import { db, type Db } from "~/db.server";
import { noticesFor, notify, organisationMembers, type Notice } from "./notify.server";
import { remindStaleOffers } from "./offer-reminders.server";
import { dateInputFromDeadline } from "./problem-tracking.server";
import { ASKER_KINDS } from "./question.server";

export const CLOSING_SOON_DAYS = 3;
const DAY_MS = 86_400_000;

export type DeadlineReport = { closingSoon: number; overdue: number; staleOffers: number; notified: number };

type ReminderTx = Pick<Db, "noticeReminder" | "notification" | "user" | "mailOutbox" | "notificationPreference">;

/** DD/MM/YYYY of a Hanoi calendar day: the same in both languages' date format. */
function hanoiDate(date: Date): string {
  const [year, month, day] = dateInputFromDeadline(date).split("-");
  return `${day}/${month}/${year}`;
}

const isUniqueViolation = (error: unknown) => (error as { code?: string } | null)?.code === "P2002";

/**
 * Claims `key` and writes the notices in one transaction; false when the
 * reminder was already sent (now or by a run racing this one).
 */
async function remindOnce(
  key: string,
  notices: (tx: ReminderTx & InterestTx) => Promise<Notice[]>,
): Promise<number | null> {
  try {
    return await db.$transaction(async (tx) => {
      if (await tx.noticeReminder.findUnique({ where: { key } })) return null;
      await tx.noticeReminder.create({ data: { key } });
      return (await notify(tx, await notices(tx))).notified;
    });
  } catch (error) {
    if (isUniqueViolation(error)) return null;
    throw error;
  }
}

export async function sendDeadlineReminders(now = new Date()): Promise<DeadlineReport> {
  const report: DeadlineReport = { closingSoon: 0, overdue: 0, staleOffers: 0, notified: 0 };

  const closing = await db.problemStatement.findMany({
    where: {
      status: "PUBLISHED",
      proposalDeadline: { gte: now, lte: new Date(now.getTime() + CLOSING_SOON_DAYS * DAY_MS) },
    },
    select: {
      id: true,
      slug: true,
      title: true,
      organisationId: true,
      proposalDeadline: true,
      majorProblemId: true,
      majorProblem: { select: { sector: { select: { slug: true } } } },
    },
  });
  for (const statement of closing) {
    const told = await remindOnce(
      `statement.closing_soon:${statement.id}:${statement.proposalDeadline!.toISOString()}`,
      async (tx) => {
        const readers = await interestedProviders(tx, statement);
        return noticesFor(readers, {
          kind: "statement.closing_soon",
          link: `/problems/${statement.slug}`,
          values: { statement: statement.title, date: hanoiDate(statement.proposalDeadline!) },
        });
      },
    );
    if (told === null) continue;
    report.closingSoon++;
    report.notified += told;
  }

  const overdue = await db.majorProblem.findMany({
    where: {
      deadline: { lt: now },
      status: { in: ["OPEN", "IN_PROGRESS"] },
      ownerId: { not: null },
      // Deployed is done, whatever the date.
      matches: { none: { status: "APPROVED", stage: "DEPLOYED" } },
    },
    select: { id: true, code: true, title: true, listId: true, ownerId: true, deadline: true },
  });
  for (const problem of overdue) {
    const told = await remindOnce(
      `major_problem.overdue:${problem.id}:${problem.deadline!.toISOString()}`,
      async () => [
        {
          userId: problem.ownerId!,
          kind: "major_problem.overdue",
          link: `/staff/major-problems/${problem.listId}/items/${problem.id}`,
          values: { problem: `${problem.code}: ${problem.title}`, date: hanoiDate(problem.deadline!) },
        },
      ],
    );
    if (told === null) continue;
    report.overdue++;
    report.notified += told;
  }

  report.staleOffers = await remindStaleOffers(now);
  report.notified += report.staleOffers;
  return report;
}

type InterestTx = Pick<Db, "membership" | "question" | "proposal" | "subscription" | "majorProblemFollow">;

// Members of provider and research organisations that asked about the
// statement, or that follow its major problem or its sector, less those whose
// organisation has a live proposal on it already (nothing left to send).
async function interestedProviders(
  tx: InterestTx,
  statement: {
    id: string;
    organisationId: string;
    majorProblemId: string | null;
    majorProblem: { sector: { slug: string } | null } | null;
  },
): Promise<string[]> {
  const proposed = new Set(
    (
      await tx.proposal.findMany({
        where: { problemStatementId: statement.id, status: { not: "WITHDRAWN" } },
        select: { organisationId: true },
      })
    ).map((p) => p.organisationId),
  );
  const askers = await tx.question.findMany({
    where: { problemStatementId: statement.id },
    select: { askerOrganisationId: true },
    distinct: ["askerOrganisationId"],
  });
  const readers: string[] = [];
  for (const { askerOrganisationId } of askers) {
    if (!proposed.has(askerOrganisationId) && askerOrganisationId !== statement.organisationId)
      readers.push(...(await organisationMembers(tx, askerOrganisationId)));
  }
  const followers = [
    ...(statement.majorProblemId
      ? await tx.majorProblemFollow.findMany({
          where: { majorProblemId: statement.majorProblemId },
          select: { userId: true },
        })
      : []),
    ...(statement.majorProblem?.sector
      ? await tx.subscription.findMany({
          where: { kind: "SECTOR", sectorSlug: statement.majorProblem.sector.slug },
          select: { userId: true },
        })
      : []),
  ];
  if (followers.length) {
    const memberships = await tx.membership.findMany({
      where: { userId: { in: followers.map((f) => f.userId) }, organisation: { kind: { in: [...ASKER_KINDS] } } },
      select: { userId: true, organisationId: true },
    });
    for (const m of memberships) if (!proposed.has(m.organisationId)) readers.push(m.userId);
  }
  return [...new Set(readers)];
}
