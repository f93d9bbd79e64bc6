import { db, type MatchRejectReason, type MatchStatus } from "~/db.server";
import { env } from "~/env.server";
import { allowedMoves, canAdvance, type DeploymentStageValue, type MatchStatusValue } from "~/schemas/curation";
import { logger } from "~/utils/logger.server";
import { recordAudit } from "./audit.server";
import { rankOffersFor, type MatchReason, type MatchTarget } from "./match-ranking.server";
import { notify, type Notice } from "./notify.server";
import { PUBLIC_STATUSES } from "./problem-statement.server";

// A board belongs to what the ranking matches offers against: a major problem
// (its working-copy id, stable across list versions) or an agency's statement.
// One type for both modules, defined by the ranking.
export type { MatchTarget };

type Tx = Parameters<Parameters<typeof db.$transaction>[0]>[0];

const targetWhere = (target: MatchTarget) =>
  "statementId" in target ? { problemStatementId: target.statementId } : { majorProblemId: target.majorProblemId };

export type TargetInfo = {
  kind: "major" | "statement";
  id: string;
  title: string;
  // Who the problem belongs to: the statement's agency, or the list's lead agency (a name only).
  agency: string;
  // The public page, when the public can see the problem.
  publicPath: string | null;
  target: MatchTarget;
};

// Resolves a board's URL parameters. Statements get a board once the public
// can see them; major problems once their list has been published at all.
export async function findTarget(kind: string, id: string): Promise<TargetInfo | null> {
  if (kind === "statement") {
    const statement = await db.problemStatement.findUnique({
      where: { id },
      select: { id: true, title: true, slug: true, status: true, organisation: { select: { name: true } } },
    });
    if (!statement || !PUBLIC_STATUSES.includes(statement.status)) return null;
    return {
      kind,
      id,
      title: statement.title,
      agency: statement.organisation.name,
      publicPath: `/problems/${statement.slug}`,
      target: { statementId: id },
    };
  }
  if (kind === "major") {
    const problem = await db.majorProblem.findUnique({
      where: { id },
      select: { id: true, code: true, title: true, leadAgency: true, list: { select: { id: true, slug: true } } },
    });
    if (!problem) return null;
    const latest = await db.majorProblemListVersion.findFirst({
      where: { listId: problem.list.id },
      orderBy: { number: "desc" },
      select: { items: { where: { majorProblemId: id }, select: { code: true } } },
    });
    if (!latest) return null;
    const published = latest.items[0];
    return {
      kind,
      id,
      title: `${problem.code}: ${problem.title}`,
      agency: problem.leadAgency,
      publicPath: published ? `/major-problems/${problem.list.slug}/${published.code}` : null,
      target: { majorProblemId: id },
    };
  }
  return null;
}

export function parseReasons(json: string): MatchReason[] {
  try {
    const value: unknown = JSON.parse(json);
    return Array.isArray(value) ? (value as MatchReason[]) : [];
  } catch {
    return [];
  }
}

// How many ranked offers become cards; offers a provider proposed for the
// problem get a card wherever they rank.
const SUGGESTION_LIMIT = 20;
const PROPOSAL_SEARCH_LIMIT = 500;

// New ranked offers become SUGGESTED cards; cards still in SUGGESTED get the
// fresh score and reasons. A card staff have moved is theirs: never touched.
export async function refreshSuggestions(
  actorId: string | null,
  target: MatchTarget,
): Promise<{ created: number; updated: number }> {
  const [all, proposals] = await Promise.all([
    rankOffersFor(target, { limit: PROPOSAL_SEARCH_LIMIT }),
    proposalsFor(target),
  ]);
  const proposed = new Set(proposals.map((p) => p.offerId));
  const ranked = all.filter((offer, index) => index < SUGGESTION_LIMIT || proposed.has(offer.offerId));
  // A proposed offer the ranking did not find at all (e.g. no shared words) still gets its card.
  for (const offerId of proposed)
    if (!all.some((offer) => offer.offerId === offerId)) ranked.push({ offerId, score: 0, reasons: [] });
  try {
    return await saveSuggestions(actorId, target, ranked);
  } catch (error) {
    // Two refreshes at once may both create the same card; the unique index
    // stops the second, and one retry finds the card already there.
    if ((error as { code?: string }).code !== "P2002") throw error;
    return saveSuggestions(actorId, target, ranked);
  }
}

// Fills boards after their problem was published or changed, so staff find
// suggestions without pressing "Cập nhật gợi ý". Callers do not await it: the
// publish never waits for the ranking, and a failing ranking is logged, never thrown.
export function fillBoardsLater(
  actorId: string | null,
  targets: MatchTarget[] | (() => Promise<MatchTarget[]>),
): Promise<void> {
  if (env.CURATION_AUTOFILL === "off") return Promise.resolve();
  return (async () => {
    for (const target of typeof targets === "function" ? await targets() : targets) {
      try {
        await refreshSuggestions(actorId, target);
      } catch (error) {
        logger.warn({ err: error, target }, "could not fill the curation board after a publish");
      }
    }
  })().catch((error: unknown) => logger.warn({ err: error }, "could not list the curation boards to fill"));
}

// The boards of a list's problems that are open in its latest published version.
export async function openListTargets(listId: string): Promise<MatchTarget[]> {
  const latest = await db.majorProblemListVersion.findFirst({
    where: { listId },
    orderBy: { number: "desc" },
    select: { items: { where: { status: { notIn: ["SOLVED", "WITHDRAWN"] } }, select: { majorProblemId: true } } },
  });
  return (latest?.items ?? []).map((item) => ({ majorProblemId: item.majorProblemId }));
}

async function saveSuggestions(
  actorId: string | null,
  target: MatchTarget,
  ranked: Awaited<ReturnType<typeof rankOffersFor>>,
) {
  return db.$transaction(async (tx) => {
    const existing = new Map(
      (await tx.match.findMany({ where: targetWhere(target), select: { id: true, offerId: true, status: true } })).map(
        (m) => [m.offerId, m],
      ),
    );
    let created = 0;
    let updated = 0;
    for (const offer of ranked) {
      const card = existing.get(offer.offerId);
      const data = { score: offer.score, reasons: JSON.stringify(offer.reasons) };
      if (!card) {
        await tx.match.create({ data: { ...targetWhere(target), offerId: offer.offerId, ...data } });
        created++;
      } else if (card.status === "SUGGESTED") {
        await tx.match.update({ where: { id: card.id }, data });
        updated++;
      }
    }
    await recordAudit(tx, {
      actorId,
      action: "match.suggestions_refreshed",
      entityType: "Match",
      entityId: "statementId" in target ? target.statementId : target.majorProblemId,
      data: { ...targetWhere(target), created, updated },
    });
    return { created, updated };
  });
}

// Suggested cards scoring under this are collapsed under "more" at the end
// of the Suggested column instead of standing among the others. Read off the
// seeded boards' score distribution (40 problems, 512 ranked pairs, median
// 0.27): offers that answer the problem score 0.4 and up; under 0.35 are
// offers sharing only generic words ("dữ liệu", "quản lý"), such as the
// farm-produce shop at 0.05–0.29 on traffic, flooding or tourism problems;
// 0.35–0.4 is a grey zone that stays in view.
export const WEAK_SUGGESTION_SCORE = 0.35;

// Proposals the provider has not taken back.
const LIVE_PROPOSALS = ["RECEIVED", "SHORTLISTED", "SELECTED", "DECLINED"] as const;

export async function loadBoard(target: MatchTarget) {
  const [matches, proposals] = await Promise.all([
    db.match.findMany({
      where: targetWhere(target),
      orderBy: [{ score: "desc" }, { createdAt: "asc" }],
      include: {
        offer: {
          select: {
            id: true,
            slug: true,
            titleVi: true,
            titleEn: true,
            summaryVi: true,
            summaryEn: true,
            status: true,
            organisation: { select: { name: true } },
          },
        },
        assignee: { select: { id: true, name: true } },
        notes: { orderBy: { createdAt: "asc" }, include: { author: { select: { name: true } } } },
      },
    }),
    proposalsFor(target),
  ]);
  const proposed = new Map(proposals.map((p) => [p.offerId, p]));
  return matches.map(({ reasons, ...match }) => {
    const proposal = proposed.get(match.offerId);
    return {
      ...match,
      reasons: parseReasons(reasons),
      proposal: proposal ? { id: proposal.id, status: proposal.status, createdAt: proposal.createdAt } : null,
      // A provider's own proposal is never "weak": someone asked for it to be looked at.
      weak: match.status === "SUGGESTED" && !proposal && match.score < WEAK_SUGGESTION_SCORE,
    };
  });
}

function proposalsFor(target: MatchTarget) {
  return db.proposal.findMany({
    where: { ...targetWhere(target), status: { in: [...LIVE_PROPOSALS] } },
    orderBy: { createdAt: "asc" },
    select: { id: true, offerId: true, status: true, createdAt: true },
  });
}

export async function listStaffUsers() {
  return db.user.findMany({
    where: { role: { in: ["STAFF", "ADMIN"] } },
    orderBy: { name: "asc" },
    select: { id: true, name: true },
  });
}

// Staff's way into the boards: every problem that has one, with its cards
// counted per column (optionally only the cards assigned to one person).
export async function boardIndex(assigneeId?: string) {
  const [problems, statements, counts] = await Promise.all([
    db.majorProblem.findMany({
      where: { list: { versions: { some: {} } } },
      orderBy: [{ list: { name: "asc" } }, { sortOrder: "asc" }, { code: "asc" }],
      select: { id: true, code: true, title: true, list: { select: { name: true } } },
    }),
    db.problemStatement.findMany({
      where: { status: "PUBLISHED" },
      orderBy: { publishedAt: "desc" },
      select: { id: true, title: true, organisation: { select: { name: true } } },
    }),
    db.match.groupBy({
      by: ["majorProblemId", "problemStatementId", "status"],
      where: assigneeId ? { assigneeId } : {},
      _count: { _all: true },
    }),
  ]);
  const countsFor = (key: { majorProblemId?: string; problemStatementId?: string }) => {
    const row: Record<MatchStatus, number> = { SUGGESTED: 0, SHORTLISTED: 0, APPROVED: 0, REJECTED: 0 };
    for (const c of counts) {
      if (
        (key.majorProblemId && c.majorProblemId === key.majorProblemId) ||
        (key.problemStatementId && c.problemStatementId === key.problemStatementId)
      ) {
        row[c.status] += c._count._all;
      }
    }
    return row;
  };
  return {
    majorProblems: problems.map((p) => ({
      id: p.id,
      title: `${p.code}: ${p.title}`,
      context: p.list.name,
      counts: countsFor({ majorProblemId: p.id }),
    })),
    statements: statements.map((s) => ({
      id: s.id,
      title: s.title,
      context: s.organisation.name,
      counts: countsFor({ problemStatementId: s.id }),
    })),
  };
}

// --- Moves between columns ---

export type MoveFailure =
  | { error: "not-found" }
  | { error: "conflict"; matchId: string }
  | { error: "invalid-transition"; from: MatchStatusValue; to: MatchStatusValue }
  | { error: "stage-locked" };
export type MoveOutcome = { ok: true; count: number } | ({ ok: false } & MoveFailure);

// Thrown inside a transaction to roll it back, then turned into an outcome.
class Refused extends Error {
  constructor(readonly failure: MoveFailure | StageFailure) {
    super(failure.error);
  }
}

async function refusing<T, F extends MoveFailure | StageFailure>(
  work: () => Promise<T>,
): Promise<T | ({ ok: false } & F)> {
  try {
    return await work();
  } catch (error) {
    if (error instanceof Refused) return { ok: false, ...(error.failure as F) };
    throw error;
  }
}

// All or nothing: one stale, foreign or disallowed card and no card moves.
export async function moveMatches(
  actorId: string,
  target: MatchTarget,
  refs: { matchId: string; expectedVersion: number }[],
  to: MatchStatusValue,
  options: { rejectReason?: MatchRejectReason; note?: string } = {},
): Promise<MoveOutcome> {
  const note = options.note?.normalize("NFC").trim() || null;
  return refusing<MoveOutcome, MoveFailure>(() =>
    db.$transaction(async (tx) => {
      // One card ticked twice is one move.
      const unique = [...new Map(refs.map((r) => [r.matchId, r])).values()];
      const cards = await tx.match.findMany({
        where: { id: { in: unique.map((r) => r.matchId) }, ...targetWhere(target) },
      });
      if (cards.length !== unique.length) throw new Refused({ error: "not-found" });
      const byId = new Map(cards.map((c) => [c.id, c]));
      const decidedAt = new Date();
      for (const ref of unique) {
        const card = byId.get(ref.matchId)!;
        if (card.version !== ref.expectedVersion) throw new Refused({ error: "conflict", matchId: card.id });
        if (!allowedMoves[card.status].includes(to))
          throw new Refused({ error: "invalid-transition", from: card.status, to });
        if (card.status === "APPROVED" && card.stage) throw new Refused({ error: "stage-locked" });
        const data = { status: to, rejectReason: to === "REJECTED" ? options.rejectReason ?? "OTHER" : null };
        // The version in the WHERE is what makes a concurrent move lose: the
        // first commit bumps it, the second finds nothing to update.
        const moved = await tx.match.updateMany({
          where: { id: card.id, version: ref.expectedVersion },
          data: { ...data, decidedById: actorId, decidedAt, version: { increment: 1 } },
        });
        if (moved.count !== 1) throw new Refused({ error: "conflict", matchId: card.id });
        if (note) await tx.matchNote.create({ data: { matchId: card.id, authorId: actorId, body: note } });
        await recordAudit(tx, {
          actorId,
          action: "match.moved",
          entityType: "Match",
          entityId: card.id,
          before: { status: card.status, rejectReason: card.rejectReason },
          after: data,
          data: { ...targetWhere(target), offerId: card.offerId, note },
        });
      }
      return { ok: true as const, count: unique.length } satisfies MoveOutcome;
    }),
  );
}

export async function addMatchNote(
  actorId: string,
  target: MatchTarget,
  matchId: string,
  body: string,
): Promise<"done" | "not-found"> {
  return db.$transaction(async (tx) => {
    const card = await tx.match.findFirst({ where: { id: matchId, ...targetWhere(target) }, select: { id: true } });
    if (!card) return "not-found" as const;
    const note = await tx.matchNote.create({
      data: { matchId, authorId: actorId, body: body.normalize("NFC").trim() },
    });
    await recordAudit(tx, {
      actorId,
      action: "match.note_added",
      entityType: "Match",
      entityId: matchId,
      data: { noteId: note.id },
    });
    return "done" as const;
  });
}

export async function assignMatch(
  actorId: string,
  target: MatchTarget,
  matchId: string,
  assigneeId: string | null,
): Promise<"done" | "not-found" | "not-staff"> {
  return db.$transaction(async (tx) => {
    const card = await tx.match.findFirst({
      where: { id: matchId, ...targetWhere(target) },
      select: { id: true, assigneeId: true },
    });
    if (!card) return "not-found" as const;
    if (assigneeId) {
      const assignee = await tx.user.findUnique({ where: { id: assigneeId }, select: { role: true } });
      if (assignee?.role !== "STAFF" && assignee?.role !== "ADMIN") return "not-staff" as const;
    }
    await tx.match.update({ where: { id: matchId }, data: { assigneeId } });
    await recordAudit(tx, {
      actorId,
      action: "match.assigned",
      entityType: "Match",
      entityId: matchId,
      before: { assigneeId: card.assigneeId },
      after: { assigneeId },
    });
    return "done" as const;
  });
}

// --- From approval to deployment ---

const stageDateField = {
  INTRODUCED: "introducedAt",
  PILOT: "pilotAt",
  PROCUREMENT: "procurementAt",
  DEPLOYED: "deployedAt",
  DROPPED: "droppedAt",
} as const satisfies Record<DeploymentStageValue, string>;

export type StageFailure =
  | { error: "not-found" }
  | { error: "conflict"; matchId: string }
  | { error: "approve-first" }
  | { error: "stage-order"; from: DeploymentStageValue | null; to: DeploymentStageValue }
  | { error: "before-previous"; previous: Date };
export type StageOutcome = { ok: true } | ({ ok: false } & StageFailure);

// A calendar day in Hanoi, kept as that day's Hanoi midnight.
const hanoiDay = (date: string) => new Date(`${date}T00:00:00+07:00`);

export async function advanceStage(
  actorId: string,
  target: MatchTarget,
  matchId: string,
  expectedVersion: number,
  input: { stage: DeploymentStageValue; date: string; dropReason?: string },
): Promise<StageOutcome> {
  const when = hanoiDay(input.date);
  let told = 0;
  const outcome = await refusing<StageOutcome, StageFailure>(() =>
    db.$transaction(async (tx) => {
      const card = await tx.match.findFirst({ where: { id: matchId, ...targetWhere(target) } });
      if (!card) throw new Refused({ error: "not-found" });
      if (card.version !== expectedVersion) throw new Refused({ error: "conflict", matchId });
      if (card.status !== "APPROVED") throw new Refused({ error: "approve-first" });
      if (!canAdvance(card.stage, input.stage))
        throw new Refused({ error: "stage-order", from: card.stage, to: input.stage });
      const previous = [card.introducedAt, card.pilotAt, card.procurementAt, card.deployedAt].filter((d): d is Date =>
        Boolean(d),
      );
      const latest = previous.sort((a, b) => b.getTime() - a.getTime())[0];
      if (latest && when < latest) throw new Refused({ error: "before-previous", previous: latest });
      const data = {
        stage: input.stage,
        [stageDateField[input.stage]]: when,
        ...(input.stage === "DROPPED" ? { dropReason: input.dropReason?.normalize("NFC").trim() || null } : {}),
      };
      const moved = await tx.match.updateMany({
        where: { id: matchId, version: expectedVersion },
        data: { ...data, version: { increment: 1 } },
      });
      if (moved.count !== 1) throw new Refused({ error: "conflict", matchId });
      await recordAudit(tx, {
        actorId,
        action: "match.stage_changed",
        entityType: "Match",
        entityId: matchId,
        before: { stage: card.stage },
        after: { ...data, [stageDateField[input.stage]]: input.date },
      });
      // In the same transaction: a rolled-back move tells and mails nobody.
      if (input.stage === "INTRODUCED") {
        told = (await notify(tx, await introductionNotices(tx, target, card.offerId))).notified;
      } else {
        // Each later stage, with its day (DD/MM/YYYY reads the same in both languages) and, when dropped, staff's reason.
        const [year, month, day] = input.date.split("-");
        told = (
          await notify(
            tx,
            await introductionNotices(tx, target, card.offerId, {
              kind: "match.stage_changed",
              values: {
                stageKey: `curation.stage.${input.stage}`,
                date: `${day}/${month}/${year}`,
                reason: input.stage === "DROPPED" ? data.dropReason ?? "" : "",
              },
            }),
          )
        ).notified;
      }
      return { ok: true as const };
    }),
  );
  if (outcome.ok && told) logger.info({ matchId, stage: input.stage, recipients: told }, "match stage told");
  return outcome;
}

// Who hears about an introduction: every member of the provider, and the
// agency side. A statement has its agency's members. A major problem's lead
// agency is only a name in the city's list, so the agencies told are those
// whose public statements are linked to the problem; the email names the
// lead agency for everyone. Each reader gets it in their own language.
// Later stages reach the same people with `match.stage_changed`.
async function introductionNotices(
  tx: Tx,
  target: MatchTarget,
  offerId: string,
  event: { kind: "match.stage_changed"; values: Record<string, string> } | null = null,
): Promise<Notice[]> {
  const offer = await tx.offer.findUniqueOrThrow({
    where: { id: offerId },
    select: { titleVi: true, titleEn: true, organisationId: true, organisation: { select: { name: true } } },
  });
  // titleEn: the English title for English readers, "" where there is none (statements have none yet).
  let problem: { title: string; titleEn: string; agency: string; link: string; agencyOrgIds: string[] };
  if ("statementId" in target) {
    const s = await tx.problemStatement.findUniqueOrThrow({
      where: { id: target.statementId },
      select: { title: true, slug: true, organisationId: true, organisation: { select: { name: true } } },
    });
    problem = {
      title: s.title,
      titleEn: "",
      agency: s.organisation.name,
      link: `/problems/${s.slug}`,
      agencyOrgIds: [s.organisationId],
    };
  } else {
    const p = await tx.majorProblem.findUniqueOrThrow({
      where: { id: target.majorProblemId },
      select: { title: true, titleEn: true, code: true, leadAgency: true, list: { select: { slug: true } } },
    });
    const linked = await tx.problemStatement.findMany({
      where: { majorProblemId: target.majorProblemId, status: { in: PUBLIC_STATUSES } },
      select: { organisationId: true },
    });
    problem = {
      title: p.title,
      titleEn: p.titleEn ?? "",
      agency: p.leadAgency,
      link: `/major-problems/${p.list.slug}/${p.code}`,
      agencyOrgIds: [...new Set(linked.map((s) => s.organisationId))],
    };
  }
  const members = await tx.membership.findMany({
    where: { organisationId: { in: [offer.organisationId, ...problem.agencyOrgIds] } },
    select: { userId: true },
  });
  const values = {
    offer: offer.titleVi,
    offerEn: offer.titleEn ?? "",
    provider: offer.organisation.name,
    problem: problem.title,
    problemEn: problem.titleEn,
    agency: problem.agency,
  };
  if (event)
    return members.map(({ userId }) => ({
      userId,
      kind: event.kind,
      link: problem.link,
      values: { ...values, ...event.values },
    }));
  return members.map(({ userId }) => ({ userId, kind: "match.introduced" as const, link: problem.link, values }));
}

// --- What the public sees ---

// Approved matches of published offers; suggestions and rejections are
// staff's working notes and never leave the board.
export async function approvedMatchesForPublic(target: MatchTarget) {
  const matches = await db.match.findMany({
    where: { ...targetWhere(target), status: "APPROVED", offer: { status: "PUBLISHED" } },
    orderBy: [{ decidedAt: "asc" }],
    select: {
      id: true,
      stage: true,
      introducedAt: true,
      pilotAt: true,
      procurementAt: true,
      deployedAt: true,
      droppedAt: true,
      offer: {
        select: { slug: true, titleVi: true, titleEn: true, organisation: { select: { name: true, slug: true } } },
      },
    },
  });
  const byStage: Partial<Record<DeploymentStageValue, number>> = {};
  for (const m of matches) if (m.stage) byStage[m.stage] = (byStage[m.stage] ?? 0) + 1;
  return { matches, summary: { approved: matches.length, byStage } };
}
