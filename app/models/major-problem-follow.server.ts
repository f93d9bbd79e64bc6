// Following a major problem from its public page (issue 14 part 6). Only
// members of a provider or research organisation follow: they are the ones
// who can answer the problem, and the ones the follow notices are written
// for. Following is a personal preference, not a decision, so it is not
// audited; every write is scoped by the follower's own user id.
import { db, type Db } from "~/db.server";
import { getPublishedProblem } from "./major-problem.server";
import { askingOrganisations } from "./question.server";

export type FollowOutcome = "followed" | "unfollowed" | "not-allowed" | "not-found";

/** Whether this person may follow (and propose to) major problems at all. */
export async function canFollowMajorProblems(userId: string): Promise<boolean> {
  return (await askingOrganisations(userId)).length > 0;
}

export async function isFollowingMajorProblem(userId: string, majorProblemId: string): Promise<boolean> {
  return Boolean(
    await db.majorProblemFollow.findUnique({
      where: { userId_majorProblemId: { userId, majorProblemId } },
      select: { userId: true },
    }),
  );
}

/**
 * Follows (or stops following) the problem the public sees at
 * /major-problems/<slug>/<code>: only a problem in the latest published
 * version of its list can be followed, whatever its status. Repeating
 * either is harmless (a double click, a resubmitted form).
 */
export async function setMajorProblemFollow(
  userId: string,
  slug: string,
  code: string,
  follow: boolean,
): Promise<FollowOutcome> {
  const problem = await getPublishedProblem(slug, code);
  if (!problem) return "not-found";
  const majorProblemId = problem.item.majorProblemId;
  if (!follow) {
    await db.majorProblemFollow.deleteMany({ where: { userId, majorProblemId } });
    return "unfollowed";
  }
  if (!(await canFollowMajorProblems(userId))) return "not-allowed";
  try {
    await db.majorProblemFollow.create({ data: { userId, majorProblemId } });
  } catch (error) {
    // Already following (a double click, two tabs): the row is what was asked for.
    if ((error as { code?: string } | null)?.code !== "P2002") throw error;
  }
  return "followed";
}

/**
 * The user ids who follow a major problem, oldest follower first, for the
 * notices of events on it (written in the event's own transaction).
 */
export async function majorProblemFollowers(
  tx: Pick<Db, "majorProblemFollow">,
  majorProblemId: string,
): Promise<string[]> {
  const rows = await tx.majorProblemFollow.findMany({
    where: { majorProblemId },
    select: { userId: true },
    orderBy: { createdAt: "asc" },
  });
  return rows.map((row) => row.userId);
}
