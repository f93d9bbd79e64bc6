import { db, type DeclineReason, type ProposalStatus } from "~/db.server";
import { type UploadCheck, deleteUpload, writeUpload } from "~/utils/uploads.server";
import { recordAudit } from "./audit.server";
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

export async function createProposal(
  userId: string,
  statementId: string,
  input: { offerId: string; pitch: string },
  attachment: Extract<UploadCheck, { ok: true }> | null,
): Promise<{ outcome: ProposalOutcome; organisationId: string | null }> {
  const offer = (await proposableOffers(userId)).find((o) => o.id === input.offerId);
  if (!offer) return { outcome: "offer-not-allowed", organisationId: null };
  if (attachment) await writeUpload(attachment);
  try {
    const outcome = await db.$transaction(async (tx) => {
      // Touching the statement row locks it (PostgreSQL) for the rest of the
      // transaction, so two submissions of one offer cannot both pass the
      // duplicate check below. The schema has no unique index to lean on.
      const statement = await tx.problemStatement.update({ where: { id: statementId }, data: { updatedAt: new Date() } });
      if (statement.status !== "PUBLISHED" || (statement.proposalDeadline && statement.proposalDeadline.getTime() < Date.now())) return "closed" as const;
      if (await tx.proposal.count({ where: { problemStatementId: statementId, offerId: offer.id } })) return "duplicate" as const;
      const proposal = await tx.proposal.create({
        data: {
          organisationId: offer.organisation.id, offerId: offer.id, problemStatementId: statementId,
          pitch: input.pitch.normalize("NFC").trim(),
          ...(attachment
            ? { attachmentName: attachment.upload.originalName, attachmentStored: attachment.upload.storedName, attachmentMime: attachment.upload.mimeType, attachmentSize: attachment.upload.sizeBytes }
            : {}),
        },
      });
      await recordAudit(tx, {
        actorId: userId, action: "proposal.created", entityType: "Proposal", entityId: proposal.id,
        after: { status: "RECEIVED", offerId: offer.id, problemStatementId: statementId, attachment: Boolean(attachment) },
      });
      return "proposed" as const;
    });
    if (outcome !== "proposed" && attachment) await deleteUpload(attachment.upload.storedName);
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

export async function decideProposal(
  actorId: string,
  statementId: string,
  input: { proposalId: string; status: "SHORTLISTED" | "SELECTED" | "DECLINED"; declineReason?: DeclineReason; declineNote?: string },
): Promise<"done" | "not-found" | "wrong-status"> {
  return db.$transaction(async (tx) => {
    const proposal = await tx.proposal.findFirst({
      where: { id: input.proposalId, problemStatementId: statementId },
      include: { problemStatement: { select: { status: true } } },
    });
    if (!proposal) return "not-found" as const;
    if (proposal.problemStatement?.status !== "PUBLISHED") return "wrong-status" as const;
    const declined = input.status === "DECLINED";
    const data = {
      status: input.status,
      declineReason: declined ? input.declineReason! : null,
      declineNote: declined ? (input.declineNote?.normalize("NFC").trim() || null) : null,
    };
    const moved = await tx.proposal.updateMany({
      where: { id: proposal.id, status: { in: allowedFrom[input.status] } },
      data: { ...data, decidedById: actorId, decidedAt: new Date() },
    });
    if (moved.count !== 1) return "wrong-status" as const;
    await recordAudit(tx, {
      actorId, action: "proposal.status_changed", entityType: "Proposal", entityId: proposal.id,
      before: { status: proposal.status, declineReason: proposal.declineReason, declineNote: proposal.declineNote }, after: data,
    });
    return "done" as const;
  });
}

export async function listProposalsForStatement(statementId: string) {
  return db.proposal.findMany({
    where: { problemStatementId: statementId },
    orderBy: { createdAt: "asc" },
    select: {
      id: true, pitch: true, status: true, declineReason: true, declineNote: true, createdAt: true, attachmentName: true,
      organisation: { select: { name: true } },
      offer: { select: { titleVi: true, titleEn: true, slug: true, trl: true } },
    },
  });
}

export async function listProposalsForOrg(organisationId: string) {
  return db.proposal.findMany({
    where: { organisationId, problemStatementId: { not: null } },
    orderBy: { createdAt: "desc" },
    select: {
      id: true, status: true, declineReason: true, declineNote: true, createdAt: true, attachmentName: true,
      offer: { select: { titleVi: true, titleEn: true } },
      problemStatement: { select: { slug: true, title: true, organisation: { select: { name: true } } } },
    },
  });
}

// The attachment is for the agency, staff and the proposing organisation;
// everyone else gets null, which the route turns into 404.
export async function findAttachment(slug: string, proposalId: string, user: { id: string; isStaff: boolean }) {
  const proposal = await db.proposal.findFirst({
    where: { id: proposalId, problemStatement: { slug } },
    select: {
      organisationId: true, attachmentName: true, attachmentStored: true, attachmentMime: true,
      problemStatement: { select: { organisationId: true } },
    },
  });
  if (!proposal?.attachmentStored) return null;
  if (!user.isStaff) {
    const orgIds = [proposal.organisationId, proposal.problemStatement!.organisationId];
    const member = await db.membership.findFirst({ where: { userId: user.id, organisationId: { in: orgIds } }, select: { id: true } });
    if (!member) return null;
  }
  return { name: proposal.attachmentName ?? "attachment.pdf", stored: proposal.attachmentStored, mime: proposal.attachmentMime ?? "application/pdf" };
}
