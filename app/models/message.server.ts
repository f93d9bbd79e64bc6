// Private messages on a deal (issue 14 part 4). Each proposal and each order
// has one thread, made with its first message:
// - a proposal's sides are the proposing organisation and the statement's
//   agency; for a major problem, HiHUB (staff) and the problem's owner. Staff
//   read and post in every proposal thread;
// - an order's sides are the buyer and the provider; staff read only.
// Everyone else is told the thread does not exist (null here, 404 in the
// routes), whether or not it does, so ids cannot be probed.
import { db, type Db } from "~/db.server";
import type { MessageInput } from "~/schemas/message";
import { logger } from "~/utils/logger.server";
import { type UploadCheck, deleteUpload, writeUpload } from "~/utils/uploads.server";
import { recordAudit } from "./audit.server";
import { noticesFor, notify, organisationMembers, staffUsers } from "./notify.server";

export type ThreadRef = { kind: "proposal" | "order"; id: string };
export type Viewer = { id: string; isStaff: boolean };

type Tx = Parameters<Parameters<typeof db.$transaction>[0]>[0];
type Reader = Pick<Db, "proposal" | "order" | "membership">;

/** Why a party cannot post: the deal is off, or the reader is staff on an order. */
export type ClosedReason = "closedProposal" | "closedOrder" | "readOnly";

export type ThreadAccess = {
  ref: ThreadRef;
  /** The page the thread lives on, for links in notices. */
  path: string;
  /**
   * The sides told of a message, keyed by organisation id or HIHUB. The
   * author's own side is not told (their colleagues see the thread anyway).
   */
  sides: (tx: Tx) => Promise<Array<{ side: string; userIds: string[] }>>;
  /** Where this reader's messages come from: their organisation on the deal, or null for HiHUB. */
  authorOrganisationId: string | null;
  closed: ClosedReason | null;
  /** "Đề xuất X / Bài toán Y": names the deal in notices (both languages read it as it is). */
  subject: string;
  majorProblem: boolean;
};

/** The side of staff and a major problem's owner. */
const HIHUB = "hihub";

const memberOf = async (tx: Reader, userId: string, organisationIds: string[]) =>
  new Set(
    (
      await tx.membership.findMany({
        where: { userId, organisationId: { in: organisationIds } },
        select: { organisationId: true },
      })
    ).map((m) => m.organisationId),
  );

/**
 * What the viewer may do with a deal's thread, or null when they are no party
 * to it (or the deal does not exist). Reads the deal's current state, so call
 * it again inside the writing transaction.
 */
export async function threadAccess(ref: ThreadRef, viewer: Viewer, tx: Reader = db): Promise<ThreadAccess | null> {
  if (ref.kind === "proposal") {
    const proposal = await tx.proposal.findUnique({
      where: { id: ref.id },
      select: {
        id: true,
        status: true,
        organisationId: true,
        offer: { select: { titleVi: true } },
        problemStatement: { select: { organisationId: true, title: true } },
        majorProblem: { select: { code: true, title: true, ownerId: true } },
      },
    });
    if (!proposal) return null;
    const agencyId = proposal.problemStatement?.organisationId ?? null;
    const mine = await memberOf(
      tx,
      viewer.id,
      agencyId ? [proposal.organisationId, agencyId] : [proposal.organisationId],
    );
    const owner = proposal.majorProblem?.ownerId === viewer.id;
    if (!mine.size && !viewer.isStaff && !owner) return null;
    const target =
      proposal.problemStatement?.title ??
      (proposal.majorProblem ? `${proposal.majorProblem.code}: ${proposal.majorProblem.title}` : "");
    return {
      ref,
      path: `/proposals/${proposal.id}/messages`,
      authorOrganisationId: mine.has(proposal.organisationId)
        ? proposal.organisationId
        : agencyId && mine.has(agencyId)
        ? agencyId
        : null,
      closed: proposal.status === "WITHDRAWN" ? "closedProposal" : null,
      subject: `${proposal.offer.titleVi} / ${target}`,
      majorProblem: Boolean(proposal.majorProblem),
      // On a statement staff only read, so they are not told; on a major problem HiHUB is the other side.
      sides: async (t) => [
        { side: proposal.organisationId, userIds: await organisationMembers(t, proposal.organisationId) },
        agencyId
          ? { side: agencyId, userIds: await organisationMembers(t, agencyId) }
          : {
              side: HIHUB,
              userIds: [
                ...(await staffUsers(t)),
                ...(proposal.majorProblem?.ownerId ? [proposal.majorProblem.ownerId] : []),
              ],
            },
      ],
    };
  }
  const order = await tx.order.findUnique({
    where: { id: ref.id },
    select: {
      id: true,
      status: true,
      buyerOrganisationId: true,
      providerOrganisationId: true,
      offerTitle: true,
      packageName: true,
    },
  });
  if (!order) return null;
  const mine = await memberOf(tx, viewer.id, [order.buyerOrganisationId, order.providerOrganisationId]);
  if (!mine.size && !viewer.isStaff) return null;
  return {
    ref,
    path: `/orders/${order.id}`,
    authorOrganisationId: mine.has(order.buyerOrganisationId)
      ? order.buyerOrganisationId
      : mine.has(order.providerOrganisationId)
      ? order.providerOrganisationId
      : null,
    // Staff may read an order's thread to settle a dispute; the conversation is the two parties'.
    closed: !mine.size ? "readOnly" : order.status === "CANCELLED" ? "closedOrder" : null,
    subject: `${order.offerTitle} · ${order.packageName}`,
    majorProblem: false,
    sides: async (t) => [
      { side: order.buyerOrganisationId, userIds: await organisationMembers(t, order.buyerOrganisationId) },
      { side: order.providerOrganisationId, userIds: await organisationMembers(t, order.providerOrganisationId) },
    ],
  };
}

const threadWhere = (ref: ThreadRef) => (ref.kind === "proposal" ? { proposalId: ref.id } : { orderId: ref.id });

export type ThreadView = {
  closed: ClosedReason | null;
  majorProblem: boolean;
  /** When the viewer last opened the thread before now (messages after it are new to them). */
  lastReadAt: Date | null;
  messages: Array<{
    id: string;
    body: string;
    createdAt: Date;
    mine: boolean;
    authorName: string | null;
    /** The author's organisation on the deal; null for HiHUB. */
    organisationName: string | null;
    attachmentName: string | null;
  }>;
};

/**
 * The thread as the viewer may see it, or null (404). Opening it marks it
 * read for the viewer; the returned lastReadAt is the mark from before.
 */
export async function openThread(ref: ThreadRef, viewer: Viewer): Promise<ThreadView | null> {
  const access = await threadAccess(ref, viewer);
  if (!access) return null;
  const thread = await db.messageThread.findUnique({
    where: threadWhere(ref),
    select: {
      id: true,
      reads: { where: { userId: viewer.id }, select: { lastReadAt: true } },
      messages: {
        orderBy: [{ createdAt: "asc" }, { id: "asc" }],
        select: {
          id: true,
          body: true,
          createdAt: true,
          authorUserId: true,
          attachmentName: true,
          author: { select: { name: true } },
          authorOrganisation: { select: { name: true } },
        },
      },
    },
  });
  const lastReadAt = thread?.reads[0]?.lastReadAt ?? null;
  if (thread?.messages.length) await markRead(db, thread.id, viewer.id);
  return {
    closed: access.closed,
    majorProblem: access.majorProblem,
    lastReadAt,
    messages: (thread?.messages ?? []).map((m) => ({
      id: m.id,
      body: m.body,
      createdAt: m.createdAt,
      mine: m.authorUserId === viewer.id,
      authorName: m.author?.name ?? null,
      organisationName: m.authorOrganisation?.name ?? null,
      attachmentName: m.attachmentName,
    })),
  };
}

async function markRead(tx: Pick<Db, "messageThreadRead">, threadId: string, userId: string) {
  const now = new Date();
  await tx.messageThreadRead.upsert({
    where: { threadId_userId: { threadId, userId } },
    create: { threadId, userId, lastReadAt: now },
    update: { lastReadAt: now },
  });
}

export type PostOutcome =
  | { outcome: "posted"; messageId: string }
  | { outcome: "not-found" }
  | { outcome: ClosedReason };

class Refused extends Error {
  constructor(readonly result: PostOutcome) {
    super(result.outcome);
  }
}

const EXCERPT_CHARS = 200;
const excerpt = (body: string) => {
  const chars = Array.from(body.replace(/\s+/g, " "));
  return chars.length > EXCERPT_CHARS ? `${chars.slice(0, EXCERPT_CHARS).join("")}…` : chars.join("");
};

/**
 * Writes a message, its audit entry and the other side's notices in one
 * transaction. The attachment (already checked by checkUpload) is stored
 * first and removed again if nothing is saved.
 */
export async function postMessage(
  viewer: Viewer,
  ref: ThreadRef,
  input: Pick<MessageInput, "body">,
  attachment: Extract<UploadCheck, { ok: true }> | null,
): Promise<PostOutcome> {
  const first = await threadAccess(ref, viewer);
  if (!first) return { outcome: "not-found" };
  if (first.closed) return { outcome: first.closed };
  const body = input.body.normalize("NFC").trim();
  if (attachment) await writeUpload(attachment);
  try {
    const result = await db.$transaction(async (tx): Promise<PostOutcome> => {
      // The thread row is written first: on PostgreSQL it locks the thread, and
      // the deal is read again after it, so a withdrawal or a cancellation that
      // committed meanwhile is seen.
      const thread = await tx.messageThread.upsert({
        where: threadWhere(ref),
        create: threadWhere(ref),
        update: { lastMessageAt: new Date() },
        select: { id: true },
      });
      const access = await threadAccess(ref, viewer, tx);
      // Thrown, not returned, so the thread row made above is rolled back too.
      if (!access) throw new Refused({ outcome: "not-found" });
      if (access.closed) throw new Refused({ outcome: access.closed });
      const author = await tx.user.findUniqueOrThrow({ where: { id: viewer.id }, select: { name: true } });
      const organisation = access.authorOrganisationId
        ? await tx.organisation.findUnique({ where: { id: access.authorOrganisationId }, select: { name: true } })
        : null;
      const message = await tx.message.create({
        data: {
          threadId: thread.id,
          authorUserId: viewer.id,
          authorOrganisationId: access.authorOrganisationId,
          body,
          ...(attachment
            ? {
                attachmentName: attachment.upload.originalName,
                attachmentStored: attachment.upload.storedName,
                attachmentMime: attachment.upload.mimeType,
                attachmentSize: attachment.upload.sizeBytes,
              }
            : {}),
        },
        select: { id: true },
      });
      await markRead(tx, thread.id, viewer.id);
      // The body stays out of the audit log: the log is for who did what, and the thread keeps the words.
      await recordAudit(tx, {
        actorId: viewer.id,
        action: "message.posted",
        entityType: "Message",
        entityId: message.id,
        data: {
          threadId: thread.id,
          [ref.kind === "proposal" ? "proposalId" : "orderId"]: ref.id,
          authorOrganisationId: access.authorOrganisationId,
          attachment: Boolean(attachment),
        },
      });
      const authorSide = access.authorOrganisationId ?? HIHUB;
      const readers = (await access.sides(tx))
        .filter((s) => s.side !== authorSide)
        .flatMap((s) => s.userIds)
        .filter((id) => id !== viewer.id);
      await notify(
        tx,
        noticesFor(readers, {
          kind: "message.received",
          link: `${access.path}#m-${message.id}`,
          values: {
            subject: access.subject,
            sender: `${author.name} (${organisation?.name ?? "HiHUB"})`,
            excerpt: excerpt(body),
          },
        }),
      );
      return { outcome: "posted", messageId: message.id };
    });
    if (result.outcome !== "posted" && attachment) await deleteUpload(attachment.upload.storedName);
    return result;
  } catch (error) {
    if (attachment) await deleteUpload(attachment.upload.storedName);
    if (error instanceof Refused) return error.result;
    logger.warn({ err: error, thread: ref }, "message not saved");
    throw error;
  }
}

/** A message's PDF for a reader of its thread, or null (404). */
export async function findMessageAttachment(ref: ThreadRef, messageId: string, viewer: Viewer) {
  if (!(await threadAccess(ref, viewer))) return null;
  const message = await db.message.findFirst({
    where: { id: messageId, thread: threadWhere(ref) },
    select: { attachmentName: true, attachmentStored: true, attachmentMime: true },
  });
  if (!message?.attachmentStored) return null;
  return {
    name: message.attachmentName ?? "attachment.pdf",
    stored: message.attachmentStored,
    mime: message.attachmentMime ?? "application/pdf",
  };
}

export type ThreadCount = { total: number; unread: number };

/**
 * Message counts for the deals on a list page (keyed by proposal or order
 * id), with how many the viewer has not seen. Only call it for deals the
 * viewer may already see: it does not check access.
 */
export async function threadCounts(
  kind: ThreadRef["kind"],
  ids: string[],
  viewerId: string,
): Promise<Record<string, ThreadCount>> {
  if (!ids.length) return {};
  const threads = await db.messageThread.findMany({
    where: kind === "proposal" ? { proposalId: { in: ids } } : { orderId: { in: ids } },
    select: {
      proposalId: true,
      orderId: true,
      reads: { where: { userId: viewerId }, select: { lastReadAt: true } },
      messages: { select: { createdAt: true, authorUserId: true } },
    },
  });
  const counts: Record<string, ThreadCount> = {};
  for (const thread of threads) {
    const key = (kind === "proposal" ? thread.proposalId : thread.orderId)!;
    const seen = thread.reads[0]?.lastReadAt;
    counts[key] = {
      total: thread.messages.length,
      unread: thread.messages.filter((m) => m.authorUserId !== viewerId && (!seen || m.createdAt > seen)).length,
    };
  }
  return counts;
}

/** What the proposal's thread page shows above the messages. Call only after threadAccess said yes. */
export async function proposalForThread(id: string) {
  return db.proposal.findUnique({
    where: { id },
    select: {
      id: true,
      status: true,
      declineReason: true,
      declineNote: true,
      createdAt: true,
      organisationId: true,
      organisation: { select: { name: true } },
      offer: { select: { titleVi: true, titleEn: true, slug: true } },
      problemStatement: { select: { slug: true, title: true, organisation: { select: { name: true } } } },
      majorProblem: { select: { code: true, title: true, list: { select: { slug: true, name: true } } } },
    },
  });
}
