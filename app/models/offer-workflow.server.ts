// The offer's status moves: submit, publish, request changes, archive, set
// the evidence level. Staff decisions on an edit of a published offer are in
// offer-revisions.server.ts and go through the same move().
import { db, type EvidenceLevel, type Prisma } from "~/db.server";
import { notifySearchSync } from "~/search-service.server";
import { changedFields, recordAudit } from "./audit.server";
import { noticesFor, notify, organisationMembers, type Notice } from "./notify.server";
import { parseRevision, removeFiles, type Offer } from "./offer-content.server";
import { offerLimitAllowsAnother } from "./plan.server";
import { enqueueSearchSync } from "./search-index.server";

// Every move is a conditional update on the status and updatedAt
// the actor saw, so of two people acting at once only one wins.

export type MoveOutcome = "ok" | "not-found" | "invalid";

// Exported for offer-revisions.server.ts, whose refusal is a move too.
export async function move(
  actorId: string,
  where: Prisma.OfferWhereInput,
  action: string,
  allowed: (offer: Offer) => boolean,
  change: (offer: Offer) => Prisma.OfferUpdateManyMutationInput,
  data?: (offer: Offer) => unknown,
  // Who to tell of the move, written in its transaction.
  tell?: (offer: Offer, members: string[]) => Notice[],
): Promise<{ outcome: MoveOutcome; before: Offer | null }> {
  return db
    .$transaction(async (tx) => {
      const offer = await tx.offer.findFirst({ where });
      if (!offer) return { outcome: "not-found" as const, before: null };
      if (!allowed(offer)) return { outcome: "invalid" as const, before: offer };
      const update = change(offer);
      const { count } = await tx.offer.updateMany({
        where: { id: offer.id, status: offer.status, updatedAt: offer.updatedAt },
        data: update,
      });
      if (count === 0) return { outcome: "invalid" as const, before: offer };
      // The revision JSON is large and already described by `data` where it matters.
      const audited = Object.fromEntries(Object.entries(update).filter(([key]) => key !== "pendingRevision"));
      await recordAudit(tx, {
        actorId,
        action,
        entityType: "Offer",
        entityId: offer.id,
        ...changedFields(offer as Record<string, unknown>, audited),
        data: data?.(offer),
      });
      await enqueueSearchSync(tx, { type: "offer", id: offer.id });
      if (tell) await notify(tx, tell(offer, await organisationMembers(tx, offer.organisationId)));
      return { outcome: "ok" as const, before: offer };
    })
    .finally(notifySearchSync);
}

// The plan caps offers published or awaiting review, checked when one is
// sent for review. A downgrade never unpublishes anything; it only stops
// new submissions while over the cap.
export async function submitOffer(
  actorId: string,
  organisationId: string,
  offerId: string,
): Promise<MoveOutcome | "over-limit"> {
  if (!(await offerLimitAllowsAnother(organisationId))) {
    const mine = await db.offer.count({
      where: { id: offerId, organisationId, status: { in: ["DRAFT", "CHANGES_REQUESTED"] } },
    });
    if (mine) return "over-limit";
  }
  const { outcome } = await move(
    actorId,
    { id: offerId, organisationId },
    "offer.submitted",
    (o) => o.status === "DRAFT" || o.status === "CHANGES_REQUESTED",
    () => ({ status: "SUBMITTED", submittedAt: new Date() }),
  );
  return outcome;
}

// Archiving also drops an edit waiting for review, and its new files.
export async function archiveOffer(actorId: string, offerId: string, organisationId?: string) {
  const { outcome, before } = await move(
    actorId,
    { id: offerId, ...(organisationId ? { organisationId } : {}) },
    "offer.archived",
    (o) => o.status !== "ARCHIVED",
    () => ({ status: "ARCHIVED", pendingRevision: null }),
    (o) => ({ discardedRevision: o.pendingRevision !== null }),
  );
  const revision = before && outcome === "ok" ? parseRevision(before) : null;
  if (revision) await removeFiles(revision.addMedia.map((m) => m.storedName));
  return outcome;
}

export async function publishOffer(actorId: string, offerId: string, evidenceLevel: EvidenceLevel) {
  const { outcome } = await move(
    actorId,
    { id: offerId },
    "offer.published",
    (o) => o.status === "SUBMITTED",
    (o) => ({ status: "PUBLISHED", publishedAt: o.publishedAt ?? new Date(), reviewNote: null, evidenceLevel }),
    undefined,
    (o, members) =>
      noticesFor(members, {
        kind: "offer.published",
        link: `/offers/${o.slug}`,
        values: { offer: o.titleVi, offerEn: o.titleEn ?? "" },
      }),
  );
  return outcome;
}

export async function requestChanges(actorId: string, offerId: string, reason: string) {
  const { outcome } = await move(
    actorId,
    { id: offerId },
    "offer.changes_requested",
    (o) => o.status === "SUBMITTED",
    () => ({ status: "CHANGES_REQUESTED", reviewNote: reason.normalize("NFC").trim() }),
    undefined,
    (o, members) =>
      noticesFor(members, {
        kind: "offer.changes_requested",
        link: `/orgs/${o.organisationId}/offers/${o.id}/edit`,
        values: { offer: o.titleVi, offerEn: o.titleEn ?? "", reason: reason.normalize("NFC").trim() },
      }),
  );
  return outcome;
}

export async function setEvidenceLevel(actorId: string, offerId: string, evidenceLevel: EvidenceLevel) {
  const { outcome } = await move(
    actorId,
    { id: offerId },
    "offer.evidence_set",
    (o) => o.status !== "ARCHIVED" && o.evidenceLevel !== evidenceLevel,
    () => ({ evidenceLevel }),
  );
  return outcome;
}
