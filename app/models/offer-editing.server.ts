// The provider side: the form's choices, creating an offer and editing it.
// A published offer stays live while an edit waits for staff as a pending
// revision (approved or refused in offer-revisions.server.ts).
import { db, type MediaKind, type TermKind } from "~/db.server";
import type { OfferFormValue } from "~/schemas/offer";
import { uniqueSlug } from "~/utils/slug.server";
import { notifySearchSync } from "~/search-service.server";
import { changedFields, recordAudit } from "./audit.server";
import {
  columns,
  effectiveMedia,
  liveContent,
  mediaItem,
  parseRevision,
  removeFiles,
  toContent,
  withContent,
  withFiles,
  writeChildren,
  type CheckedMedia,
  type PendingRevision,
} from "./offer-content.server";
import { enqueueSearchSync } from "./search-index.server";

export async function termsForForm() {
  const terms = await db.taxonomyTerm.findMany({
    orderBy: [{ sortOrder: "asc" }, { nameVi: "asc" }],
    select: { id: true, kind: true, nameVi: true, nameEn: true },
  });
  const of = (kind: TermKind) => terms.filter((t) => t.kind === kind);
  return { SECTOR: of("SECTOR"), TECHNOLOGY: of("TECHNOLOGY"), BUSINESS_NEED: of("BUSINESS_NEED") };
}

// The checkbox groups whose ids are not terms of the kind the group offers.
export async function invalidTermFields(
  value: Pick<OfferFormValue, "sectorIds" | "technologyIds" | "businessNeedIds">,
) {
  const groups = { sectorIds: "SECTOR", technologyIds: "TECHNOLOGY", businessNeedIds: "BUSINESS_NEED" } as const;
  const ids = [...value.sectorIds, ...value.technologyIds, ...value.businessNeedIds];
  const found = await db.taxonomyTerm.findMany({ where: { id: { in: ids } }, select: { id: true, kind: true } });
  const kindOf = new Map(found.map((t) => [t.id, t.kind]));
  return (Object.keys(groups) as (keyof typeof groups)[]).filter((field) =>
    value[field].some((id) => kindOf.get(id) !== groups[field]),
  );
}

export async function createOffer(
  actorId: string,
  organisationId: string,
  value: OfferFormValue,
  uploads: CheckedMedia[],
) {
  const content = toContent(value);
  const slug = await uniqueSlug(
    content.titleVi,
    async (s) => Boolean(await db.offer.findUnique({ where: { slug: s }, select: { id: true } })),
    "giai-phap",
  );
  return withFiles(uploads, () =>
    db.$transaction(async (tx) => {
      const offer = await tx.offer.create({ data: { organisationId, slug, ...columns(content) } });
      await writeChildren(tx, offer.id, content);
      if (uploads.length)
        await tx.offerMedia.createMany({
          data: uploads.map((u) => ({ offerId: offer.id, kind: u.kind, ...u.upload })),
        });
      await recordAudit(tx, {
        actorId,
        action: "offer.created",
        entityType: "Offer",
        entityId: offer.id,
        after: { status: offer.status, ...content, files: uploads.map((u) => u.upload.originalName) },
      });
      await enqueueSearchSync(tx, { type: "offer", id: offer.id });
      return offer;
    }),
  ).finally(notifySearchSync);
}

export async function keptImageCount(organisationId: string, offerId: string, removeKeys: string[]) {
  const offer = await db.offer.findFirst({ where: { id: offerId, organisationId }, include: withContent });
  if (!offer) return 0;
  return effectiveMedia(offer, parseRevision(offer)).filter((m) => m.kind === "IMAGE" && !removeKeys.includes(m.key))
    .length;
}

export type UpdateOutcome = "saved" | "pending-review" | "not-found" | "conflict";

// Drafts (and offers under review or sent back) change in place. A published
// offer stays live: the edit waits in pendingRevision until staff approve it.
export async function updateOffer(
  actorId: string,
  organisationId: string,
  offerId: string,
  value: OfferFormValue,
  uploads: CheckedMedia[],
): Promise<UpdateOutcome> {
  const content = toContent(value);
  const replaced = new Set(uploads.filter((u) => u.kind !== "IMAGE").map((u) => u.kind));
  const dropped = (m: { key: string; kind: MediaKind }) => value.removeMedia.includes(m.key) || replaced.has(m.kind);
  const orphans: string[] = [];
  const outcome = await withFiles(uploads, () =>
    db.$transaction(async (tx): Promise<UpdateOutcome> => {
      const offer = await tx.offer.findFirst({ where: { id: offerId, organisationId }, include: withContent });
      if (!offer || offer.status === "ARCHIVED") return "not-found";
      const guard = { id: offer.id, status: offer.status, updatedAt: offer.updatedAt };
      const fileChanges = { addedFiles: uploads.map((u) => u.upload.originalName) };
      if (offer.status === "PUBLISHED") {
        const previous = parseRevision(offer);
        const media = effectiveMedia(offer, previous);
        const keptPending = (previous?.addMedia ?? []).filter((m) => !dropped({ key: m.storedName, kind: m.kind }));
        const revision: PendingRevision = {
          content,
          addMedia: [...keptPending, ...uploads.map(mediaItem)],
          removeMediaIds: [
            ...new Set([
              ...(previous?.removeMediaIds ?? []),
              ...media.filter((m) => m.key !== m.storedName && dropped(m)).map((m) => m.key),
            ]),
          ],
          submittedAt: new Date().toISOString(),
          submittedById: actorId,
        };
        orphans.push(...(previous?.addMedia ?? []).filter((m) => !keptPending.includes(m)).map((m) => m.storedName));
        const { count } = await tx.offer.updateMany({
          where: guard,
          data: { pendingRevision: JSON.stringify(revision), reviewNote: null },
        });
        if (count === 0) return "conflict";
        await recordAudit(tx, {
          actorId,
          action: "offer.revision_submitted",
          entityType: "Offer",
          entityId: offer.id,
          ...changedFields(liveContent(offer), content),
          data: { ...fileChanges, removedFiles: revision.removeMediaIds.length },
        });
        return "pending-review";
      }
      const removed = offer.media.filter((m) => dropped({ key: m.id, kind: m.kind }));
      const { count } = await tx.offer.updateMany({
        where: guard,
        data: { ...columns(content), contentUpdatedAt: new Date(), staleRemindedAt: null },
      });
      if (count === 0) return "conflict";
      await writeChildren(tx, offer.id, content);
      if (removed.length) await tx.offerMedia.deleteMany({ where: { id: { in: removed.map((m) => m.id) } } });
      if (uploads.length)
        await tx.offerMedia.createMany({
          data: uploads.map((u) => ({ offerId: offer.id, kind: u.kind, ...u.upload })),
        });
      orphans.push(...removed.map((m) => m.storedName));
      await enqueueSearchSync(tx, { type: "offer", id: offer.id });
      await recordAudit(tx, {
        actorId,
        action: "offer.updated",
        entityType: "Offer",
        entityId: offer.id,
        ...changedFields(liveContent(offer), content),
        data: { ...fileChanges, removedFiles: removed.map((m) => m.originalName) },
      });
      return "saved";
    }),
  );
  notifySearchSync();
  if (outcome === "not-found" || outcome === "conflict") await removeFiles(uploads.map((u) => u.upload.storedName));
  else await removeFiles(orphans);
  return outcome;
}
