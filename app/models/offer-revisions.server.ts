// Staff decide on an edit of a published offer (a pending revision, written
// by updateOffer in offer-editing.server.ts): approving copies it into the
// live offer, refusing drops it and its new files.
import { db } from "~/db.server";
import { notifySearchSync } from "~/search-service.server";
import { changedFields, recordAudit } from "./audit.server";
import { noticesFor, notify, organisationMembers } from "./notify.server";
import { columns, liveContent, parseRevision, removeFiles, withContent, writeChildren } from "./offer-content.server";
import { move, type MoveOutcome } from "./offer-workflow.server";
import { enqueueSearchSync } from "./search-index.server";

export async function rejectRevision(actorId: string, offerId: string, reason: string) {
  const { outcome, before } = await move(
    actorId,
    { id: offerId },
    "offer.revision_rejected",
    (o) => o.status === "PUBLISHED" && o.pendingRevision !== null,
    () => ({ pendingRevision: null, reviewNote: reason.normalize("NFC").trim() }),
    (o) => ({ rejected: parseRevision(o)?.content }),
    (o, members) =>
      noticesFor(members, {
        kind: "offer.revision_refused",
        link: `/orgs/${o.organisationId}/offers/${o.id}`,
        values: { offer: o.titleVi, offerEn: o.titleEn ?? "", reason: reason.normalize("NFC").trim() },
      }),
  );
  const revision = before && outcome === "ok" ? parseRevision(before) : null;
  if (revision) await removeFiles(revision.addMedia.map((m) => m.storedName));
  return outcome;
}

export async function approveRevision(actorId: string, offerId: string): Promise<MoveOutcome> {
  const result = await db.$transaction(async (tx) => {
    const offer = await tx.offer.findUnique({ where: { id: offerId }, include: withContent });
    if (!offer) return { outcome: "not-found" as const, orphans: [] };
    const revision = parseRevision(offer);
    if (offer.status !== "PUBLISHED" || !revision) return { outcome: "invalid" as const, orphans: [] };
    // A term staff deleted since the edit would break the foreign key.
    const existing = await tx.taxonomyTerm.findMany({
      where: { id: { in: revision.content.termIds } },
      select: { id: true },
    });
    const content = { ...revision.content, termIds: existing.map((t) => t.id).sort() };
    const { count } = await tx.offer.updateMany({
      where: { id: offer.id, status: "PUBLISHED", updatedAt: offer.updatedAt },
      data: {
        ...columns(content),
        pendingRevision: null,
        reviewNote: null,
        contentUpdatedAt: new Date(),
        staleRemindedAt: null,
      },
    });
    if (count === 0) return { outcome: "invalid" as const, orphans: [] };
    await writeChildren(tx, offer.id, content);
    await enqueueSearchSync(tx, { type: "offer", id: offer.id });
    const removed = offer.media.filter((m) => revision.removeMediaIds.includes(m.id));
    if (removed.length) await tx.offerMedia.deleteMany({ where: { id: { in: removed.map((m) => m.id) } } });
    if (revision.addMedia.length)
      await tx.offerMedia.createMany({ data: revision.addMedia.map((m) => ({ offerId: offer.id, ...m })) });
    await recordAudit(tx, {
      actorId,
      action: "offer.revision_approved",
      entityType: "Offer",
      entityId: offer.id,
      ...changedFields(liveContent(offer), content),
      data: {
        addedFiles: revision.addMedia.map((m) => m.originalName),
        removedFiles: removed.map((m) => m.originalName),
        submittedById: revision.submittedById,
      },
    });
    await notify(
      tx,
      noticesFor(await organisationMembers(tx, offer.organisationId), {
        kind: "offer.revision_approved",
        link: `/offers/${offer.slug}`,
        values: { offer: content.titleVi, offerEn: content.titleEn ?? "" },
      }),
    );
    return { outcome: "ok" as const, orphans: removed.map((m) => m.storedName) };
  });
  notifySearchSync();
  await removeFiles(result.orphans);
  return result.outcome;
}
