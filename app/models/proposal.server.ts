import { db, type DeclineReason, type ProposalStatus } from "~/db.server";
import { type UploadCheck, deleteUpload, writeUpload } from "~/utils/uploads.server";
import { recordAudit } from "./audit.server";
import { fillBoardsLater } from "./curation-board.server";
import { noticesFor, notify, organisationMembers, staffUsers, type Notice } from "./notify.server";
import { ASKER_KINDS } from "./question.server";

// The published offers a user may put forward: those of the provider and
// research organisations they belong to.
export async function proposableOffers(userId: string) {
  return db.offer.findMany({
    where: {
      status: "PUBLISHED",
      organisation: { kind: { in: [...ASKER_KINDS] }, memberships: { some: { userId } } },
    },
    orderBy: [{ organisation: { name: "asc" } }, { titleVi: "asc" }],
    select: { id: true, titleVi: true, titleEn: true, organisation: { select: { id: true, name: true } } },
  });
}

export type ProposalOutcome = "proposed" | "offer-not-allowed" | "duplicate" | "closed";

// A proposal answers either an agency's problem statement or a major problem
// from the city's list. A bare string is a statement id (the original callers).
export type ProposalTarget = { statementId: string } | { majorProblemId: string };
const asTarget = (target: string | ProposalTarget): ProposalTarget =>
  typeof target === "string" ? { statementId: target } : target;

// Major problems take proposals only while the latest published version of
// their list shows them as open; the working copy may hold unpublished edits.
const PROPOSABLE_MAJOR_STATUSES: readonly string[] = ["OPEN", "IN_PROGRESS"];
export const isProposableMajorStatus = (status: string | undefined) =>
  Boolean(status && PROPOSABLE_MAJOR_STATUSES.includes(status));

type Tx = Parameters<Parameters<typeof db.$transaction>[0]>[0];

// Locks the target row and says whether it still takes proposals. Touching
// the row locks it (PostgreSQL) for the rest of the transaction, so two
// submissions of one offer cannot both pass the duplicate check that follows.
// The schema has no unique index to lean on.
async function lockOpenTarget(tx: Tx, target: ProposalTarget): Promise<boolean> {
  if ("statementId" in target) {
    const statement = await tx.problemStatement.update({
      where: { id: target.statementId },
      data: { updatedAt: new Date() },
    });
    return (
      statement.status === "PUBLISHED" &&
      (!statement.proposalDeadline || statement.proposalDeadline.getTime() >= Date.now())
    );
  }
  const problem = await tx.majorProblem.update({
    where: { id: target.majorProblemId },
    data: { updatedAt: new Date() },
    select: { listId: true },
  });
  const latest = await tx.majorProblemListVersion.findFirst({
    where: { listId: problem.listId },
    orderBy: { number: "desc" },
    select: { items: { where: { majorProblemId: target.majorProblemId }, select: { status: true } } },
  });
  return isProposableMajorStatus(latest?.items[0]?.status);
}

const targetWhere = (target: ProposalTarget) =>
  "statementId" in target ? { problemStatementId: target.statementId } : { majorProblemId: target.majorProblemId };

export async function createProposal(
  userId: string,
  targetOrStatementId: string | ProposalTarget,
  input: { offerId: string; pitch: string },
  attachment: Extract<UploadCheck, { ok: true }> | null,
): Promise<{ outcome: ProposalOutcome; organisationId: string | null }> {
  const target = asTarget(targetOrStatementId);
  const offer = (await proposableOffers(userId)).find((o) => o.id === input.offerId);
  if (!offer) return { outcome: "offer-not-allowed", organisationId: null };
  if (attachment) await writeUpload(attachment);
  try {
    const outcome = await db.$transaction(async (tx) => {
      if (!(await lockOpenTarget(tx, target))) return "closed" as const;
      if (await tx.proposal.count({ where: { ...targetWhere(target), offerId: offer.id } }))
        return "duplicate" as const;
      const proposal = await tx.proposal.create({
        data: {
          organisationId: offer.organisation.id,
          offerId: offer.id,
          ...targetWhere(target),
          pitch: input.pitch.normalize("NFC").trim(),
          ...(attachment
            ? {
                attachmentName: attachment.upload.originalName,
                attachmentStored: attachment.upload.storedName,
                attachmentMime: attachment.upload.mimeType,
                attachmentSize: attachment.upload.sizeBytes,
              }
            : {}),
        },
      });
      await recordAudit(tx, {
        actorId: userId,
        action: "proposal.created",
        entityType: "Proposal",
        entityId: proposal.id,
        after: { status: "RECEIVED", offerId: offer.id, ...targetWhere(target), attachment: Boolean(attachment) },
      });
      await notify(tx, await deciderNotices(tx, proposal.id, "received"));
      return "proposed" as const;
    });
    if (outcome !== "proposed" && attachment) await deleteUpload(attachment.upload.storedName);
    // The proposed offer gets a card on the problem's curation board (in the background, after commit).
    if (outcome === "proposed") void fillBoardsLater(userId, [target]);
    return { outcome, organisationId: offer.organisation.id };
  } catch (error) {
    if (attachment) await deleteUpload(attachment.upload.storedName);
    throw error;
  }
}

// RECEIVED → SHORTLISTED → SELECTED; either of the first two may be DECLINED.
const allowedFrom: Record<"SHORTLISTED" | "SELECTED" | "DECLINED", ProposalStatus[]> = {
  SHORTLISTED: ["RECEIVED"],
  SELECTED: ["SHORTLISTED"],
  DECLINED: ["RECEIVED", "SHORTLISTED"],
};

// Where a decision may be taken: one statement's proposals (its agency or
// staff), or any major problem's proposals (staff only: a major problem's lead
// agency is a name in the city's list, not an organisation on the platform).
export type DecisionScope = { statementId: string } | { majorProblems: true };

export async function decideProposal(
  actorId: string,
  scopeOrStatementId: string | DecisionScope,
  input: {
    proposalId: string;
    status: "SHORTLISTED" | "SELECTED" | "DECLINED";
    declineReason?: DeclineReason;
    declineNote?: string;
  },
): Promise<"done" | "not-found" | "wrong-status"> {
  const scope = typeof scopeOrStatementId === "string" ? { statementId: scopeOrStatementId } : scopeOrStatementId;
  return db.$transaction(async (tx) => {
    if ("majorProblems" in scope) {
      // Checked here as well as in the route, so no other caller can let an organisation decide.
      const actor = await tx.user.findUnique({ where: { id: actorId }, select: { role: true } });
      if (actor?.role !== "STAFF" && actor?.role !== "ADMIN") return "not-found" as const;
    }
    const proposal = await tx.proposal.findFirst({
      where: {
        id: input.proposalId,
        ...("statementId" in scope ? { problemStatementId: scope.statementId } : { majorProblemId: { not: null } }),
      },
      include: { problemStatement: { select: { status: true } } },
    });
    if (!proposal) return "not-found" as const;
    // A statement's proposals are decided while it is published. A major
    // problem's status is the city's record, not a window staff run, so staff
    // may still record a decision after the problem is marked solved.
    if ("statementId" in scope && proposal.problemStatement?.status !== "PUBLISHED") return "wrong-status" as const;
    const declined = input.status === "DECLINED";
    const data = {
      status: input.status,
      declineReason: declined ? input.declineReason! : null,
      declineNote: declined ? input.declineNote?.normalize("NFC").trim() || null : null,
    };
    const moved = await tx.proposal.updateMany({
      where: { id: proposal.id, status: { in: allowedFrom[input.status] } },
      data: { ...data, decidedById: actorId, decidedAt: new Date() },
    });
    if (moved.count !== 1) return "wrong-status" as const;
    await recordAudit(tx, {
      actorId,
      action: "proposal.status_changed",
      entityType: "Proposal",
      entityId: proposal.id,
      before: { status: proposal.status, declineReason: proposal.declineReason, declineNote: proposal.declineNote },
      after: data,
    });
    await notify(tx, await providerDecisionNotices(tx, proposal.id));
    return "done" as const;
  });
}

export type WithdrawOutcome = "withdrawn" | "not-found" | "decided";

/**
 * The provider takes a proposal back while the other side has not decided
 * (received or shortlisted). A member of the proposing organisation only;
 * the agency (or, for a major problem, staff and the problem's owner) is told.
 */
export async function withdrawProposal(
  actorId: string,
  organisationId: string,
  proposalId: string,
): Promise<WithdrawOutcome> {
  return db.$transaction(async (tx) => {
    const member = await tx.membership.findUnique({
      where: { userId_organisationId: { userId: actorId, organisationId } },
      select: { id: true },
    });
    const proposal = member ? await tx.proposal.findFirst({ where: { id: proposalId, organisationId } }) : null;
    if (!proposal) return "not-found" as const;
    // Conditional, so a decision taken at the same moment wins or loses whole.
    const moved = await tx.proposal.updateMany({
      where: { id: proposal.id, status: { in: ["RECEIVED", "SHORTLISTED"] } },
      data: { status: "WITHDRAWN", withdrawnAt: new Date() },
    });
    if (moved.count !== 1) return "decided" as const;
    await recordAudit(tx, {
      actorId,
      action: "proposal.withdrawn",
      entityType: "Proposal",
      entityId: proposal.id,
      before: { status: proposal.status },
      after: { status: "WITHDRAWN" },
    });
    await notify(tx, await deciderNotices(tx, proposal.id, "withdrawn"));
    return "withdrawn" as const;
  });
}

// ---- Who hears of a proposal ----------------------------------------------

type NoticeTx = Pick<Tx, "proposal" | "membership" | "user">;

async function proposalForNotice(tx: NoticeTx, proposalId: string) {
  return tx.proposal.findUniqueOrThrow({
    where: { id: proposalId },
    select: {
      id: true,
      organisationId: true,
      status: true,
      declineReason: true,
      declineNote: true,
      organisation: { select: { name: true } },
      offer: { select: { titleVi: true, titleEn: true } },
      problemStatement: { select: { id: true, title: true, slug: true, organisationId: true } },
      majorProblem: { select: { id: true, title: true, titleEn: true, code: true, listId: true, ownerId: true } },
    },
  });
}

// The deciding side: a statement's agency members, each sent to the
// statement's management page; for a major problem, staff and the problem's
// owner, sent to staff's proposals page for that list.
async function deciderNotices(tx: NoticeTx, proposalId: string, event: "received" | "withdrawn"): Promise<Notice[]> {
  const p = await proposalForNotice(tx, proposalId);
  const provider = p.organisation.name;
  const offer = { offer: p.offer.titleVi, offerEn: p.offer.titleEn ?? "" };
  if (p.problemStatement) {
    const s = p.problemStatement;
    return noticesFor(await organisationMembers(tx, s.organisationId), {
      kind: event === "received" ? "proposal.received" : "proposal.withdrawn",
      link: `/orgs/${s.organisationId}/problems/${s.id}#proposal-${p.id}`,
      values: { statement: s.title, provider, ...offer },
    });
  }
  const m = p.majorProblem!;
  const readers = [...(await staffUsers(tx)), ...(m.ownerId ? [m.ownerId] : [])];
  const link = `/staff/major-problems/proposals?list=${m.listId}#proposal-${p.id}`;
  const problem = majorProblemName(m);
  return event === "received"
    ? noticesFor(readers, {
        kind: "proposal.received_major",
        link,
        values: { problem: problem.vi, problemEn: problem.en, provider, ...offer },
      })
    : noticesFor(readers, {
        kind: "proposal.withdrawn",
        link,
        values: { statement: problem.vi, statementEn: problem.en, provider, ...offer },
      });
}

// A major problem as notices name it ("P-03: …"), and its English wording
// for English readers ("" until staff translate the title).
function majorProblemName(m: { code: string; title: string; titleEn: string | null }) {
  return { vi: `${m.code}: ${m.title}`, en: m.titleEn ? `${m.code}: ${m.titleEn}` : "" };
}

// The proposing organisation's members, sent to their proposals page, with
// the structured reason (translated for each reader) and the agency's note.
async function providerDecisionNotices(tx: NoticeTx, proposalId: string): Promise<Notice[]> {
  const p = await proposalForNotice(tx, proposalId);
  const statement = p.problemStatement ? { vi: p.problemStatement.title, en: "" } : majorProblemName(p.majorProblem!);
  const link = `/orgs/${p.organisationId}/proposals#proposal-${p.id}`;
  const values = {
    statement: statement.vi,
    statementEn: statement.en,
    offer: p.offer.titleVi,
    offerEn: p.offer.titleEn ?? "",
  };
  const readers = await organisationMembers(tx, p.organisationId);
  if (p.status === "SHORTLISTED") return noticesFor(readers, { kind: "proposal.shortlisted", link, values });
  if (p.status === "SELECTED") return noticesFor(readers, { kind: "proposal.selected", link, values });
  if (p.status !== "DECLINED") return [];
  return noticesFor(readers, {
    kind: "proposal.declined",
    link,
    values: {
      ...values,
      reasonKey: `statements.proposals.declineReasons.${p.declineReason ?? "OTHER"}`,
      note: p.declineNote ?? "",
    },
  });
}

const proposalRowSelect = {
  id: true,
  pitch: true,
  status: true,
  declineReason: true,
  declineNote: true,
  createdAt: true,
  attachmentName: true,
  organisation: { select: { name: true } },
  offer: { select: { titleVi: true, titleEn: true, slug: true, trl: true } },
} as const;

export async function listProposalsForStatement(statementId: string) {
  return db.proposal.findMany({
    where: { problemStatementId: statementId },
    orderBy: { createdAt: "asc" },
    select: proposalRowSelect,
  });
}

// Every proposal to a major problem, for staff, optionally for one list.
export async function listMajorProblemProposals(listId?: string) {
  return db.proposal.findMany({
    where: { majorProblemId: { not: null }, ...(listId ? { majorProblem: { listId } } : {}) },
    orderBy: [{ majorProblem: { list: { name: "asc" } } }, { majorProblem: { code: "asc" } }, { createdAt: "asc" }],
    select: {
      ...proposalRowSelect,
      majorProblem: {
        select: { id: true, code: true, title: true, list: { select: { id: true, name: true, slug: true } } },
      },
    },
  });
}

export async function listProposalsForOrg(organisationId: string) {
  return db.proposal.findMany({
    where: { organisationId },
    orderBy: { createdAt: "desc" },
    select: {
      id: true,
      status: true,
      declineReason: true,
      declineNote: true,
      createdAt: true,
      attachmentName: true,
      offer: { select: { titleVi: true, titleEn: true } },
      problemStatement: { select: { slug: true, title: true, organisation: { select: { name: true } } } },
      majorProblem: { select: { code: true, title: true, list: { select: { slug: true, name: true } } } },
    },
  });
}

// A proposal is reached by its statement's slug, or by the list slug and code
// of its major problem, so a URL cannot pair a proposal with another target.
export type AttachmentTarget = string | { listSlug: string; code: string };

// The attachment is for staff and the proposing organisation, and for a
// statement's agency; everyone else gets null, which the route turns into 404.
export async function findAttachment(
  target: AttachmentTarget,
  proposalId: string,
  user: { id: string; isStaff: boolean },
) {
  const proposal = await db.proposal.findFirst({
    where: {
      id: proposalId,
      ...(typeof target === "string"
        ? { problemStatement: { slug: target } }
        : { majorProblem: { code: target.code, list: { slug: target.listSlug } } }),
    },
    select: {
      organisationId: true,
      attachmentName: true,
      attachmentStored: true,
      attachmentMime: true,
      problemStatement: { select: { organisationId: true } },
    },
  });
  if (!proposal?.attachmentStored) return null;
  if (!user.isStaff) {
    const orgIds = [
      proposal.organisationId,
      ...(proposal.problemStatement ? [proposal.problemStatement.organisationId] : []),
    ];
    const member = await db.membership.findFirst({
      where: { userId: user.id, organisationId: { in: orgIds } },
      select: { id: true },
    });
    if (!member) return null;
  }
  return {
    name: proposal.attachmentName ?? "attachment.pdf",
    stored: proposal.attachmentStored,
    mime: proposal.attachmentMime ?? "application/pdf",
  };
}
