import { db } from "~/db.server";
import { recordAudit } from "./audit.server";
import { absoluteUrl, noticesFor, notify, organisationMembers } from "./notify.server";
import { DAY_MS, STALE_DAYS } from "./offer-content.server";

// Stale reminders: one notice per owner per stale period, through notify (in
// the owner's language and by their preference for deadline reminders).
// staleRemindedAt is cleared whenever the content changes, which starts a
// new period. The claim, the notices and the audit are one transaction per
// organisation, so two runs at once cannot both remind, and a failure
// leaves the offers to the next run.

export async function remindStaleOffers(now = new Date()): Promise<number> {
  const cutoff = new Date(now.getTime() - STALE_DAYS * DAY_MS);
  const candidates = await db.offer.findMany({
    where: { status: "PUBLISHED", contentUpdatedAt: { lt: cutoff }, staleRemindedAt: null },
    select: { id: true, titleVi: true, titleEn: true, organisationId: true },
  });
  const byOrganisation = new Map<string, typeof candidates>();
  for (const offer of candidates)
    byOrganisation.set(offer.organisationId, [...(byOrganisation.get(offer.organisationId) ?? []), offer]);
  let sent = 0;
  for (const [organisationId, offers] of byOrganisation) {
    sent += await db.$transaction(async (tx) => {
      const claimed: typeof offers = [];
      for (const offer of offers) {
        const { count } = await tx.offer.updateMany({
          where: { id: offer.id, staleRemindedAt: null },
          data: { staleRemindedAt: now },
        });
        if (count) claimed.push(offer);
      }
      if (claimed.length === 0) return 0;
      const owners = await organisationMembers(tx, organisationId, { roles: ["OWNER"] });
      const list = (title: (offer: (typeof claimed)[number]) => string) =>
        claimed.map((o) => `- ${title(o)}: ${absoluteUrl(`/orgs/${organisationId}/offers/${o.id}/edit`)}`).join("\n");
      const { notified } = await notify(
        tx,
        noticesFor(owners, {
          kind: "offer.stale",
          link: `/orgs/${organisationId}/offers`,
          // An English-reading owner sees each offer's English title where it has one.
          values: {
            count: claimed.length,
            offers: list((o) => o.titleVi),
            offersEn: list((o) => o.titleEn || o.titleVi),
          },
        }),
      );
      for (const offer of claimed) {
        await recordAudit(tx, {
          actorId: null,
          action: "offer.stale_reminded",
          entityType: "Offer",
          entityId: offer.id,
          data: { owners: owners.length },
        });
      }
      return notified;
    });
  }
  return sent;
}
