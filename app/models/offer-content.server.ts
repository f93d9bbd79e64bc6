// What an offer holds, in one plain shape that both the Offer columns and a
// pending revision (JSON) hold, and the helpers the other offer-*.server.ts
// modules share to read and write it: the child rows, the media list as the
// provider sees it, and files written to disk around a transaction.
//   offer-editing   the provider creates and edits offers
//   offer-workflow  submit, publish, request changes, archive, evidence level
//   offer-revisions staff approve or reject an edit of a published offer
//   offer-views     reading offers for pages, and who may read their files
//   offer-reminders stale-content reminders
// Reading the multipart form and answering it is the routes' work
// (app/route-actions/offer-form.server.ts).
import type { MediaKind, DeploymentModel, Prisma } from "~/db.server";
import type { OfferFormValue } from "~/schemas/offer";
import { logger } from "~/utils/logger.server";
import { deleteUpload, writeUpload, type StoredUpload, type UploadCheck } from "~/utils/uploads.server";

export const STALE_DAYS = 180;
export const DAY_MS = 24 * 60 * 60 * 1000;

export function isStale(contentUpdatedAt: Date | string, now = new Date()): boolean {
  return now.getTime() - new Date(contentUpdatedAt).getTime() > STALE_DAYS * DAY_MS;
}

export type Offer = Prisma.OfferGetPayload<object>;
type Tx = Prisma.TransactionClient;

export type OfferContent = {
  titleVi: string;
  titleEn: string | null;
  summaryVi: string;
  summaryEn: string | null;
  descriptionMd: string;
  // Null only for imported listings; the provider form requires both.
  trl: number | null;
  deploymentModel: DeploymentModel | null;
  ipStatus: string | null;
  contactName: string | null;
  contactEmail: string | null;
  contactPhone: string | null;
  termIds: string[];
  // description is absent from revisions saved before packages had one.
  packages: { name: string; priceVnd: number | null; unit: string; description?: string | null }[];
  references: { customer: string; year: number; result: string }[];
};

export type MediaItem = StoredUpload & { kind: MediaKind };

// An edit of a published offer, waiting for staff. Its new files are already
// on disk (so staff can look at them) but get an OfferMedia row only on approval.
export type PendingRevision = {
  content: OfferContent;
  addMedia: MediaItem[];
  removeMediaIds: string[];
  submittedAt: string;
  submittedById: string;
};

const text = (value: string | null | undefined) => value?.normalize("NFC").trim() || null;

export function toContent(value: OfferFormValue): OfferContent {
  return {
    titleVi: text(value.titleVi)!,
    titleEn: text(value.titleEn),
    summaryVi: text(value.summaryVi)!,
    summaryEn: text(value.summaryEn),
    descriptionMd: value.descriptionMd.normalize("NFC").trim(),
    trl: value.trl,
    deploymentModel: value.deploymentModel,
    ipStatus: text(value.ipStatus),
    contactName: text(value.contactName),
    contactEmail: text(value.contactEmail),
    contactPhone: text(value.contactPhone),
    termIds: [...new Set([...value.sectorIds, ...value.technologyIds, ...value.businessNeedIds])].sort(),
    packages: value.packages.map((p) => ({
      name: text(p.name)!,
      priceVnd: p.priceVnd,
      unit: text(p.unit)!,
      description: text(p.description),
    })),
    references: value.references.map((r) => ({ customer: text(r.customer)!, year: r.year, result: text(r.result)! })),
  };
}

export const columns = (c: OfferContent) => ({
  titleVi: c.titleVi,
  titleEn: c.titleEn,
  summaryVi: c.summaryVi,
  summaryEn: c.summaryEn,
  descriptionMd: c.descriptionMd,
  trl: c.trl,
  deploymentModel: c.deploymentModel,
  ipStatus: c.ipStatus,
  contactName: c.contactName,
  contactEmail: c.contactEmail,
  contactPhone: c.contactPhone,
});

export const withContent = {
  terms: { select: { termId: true } },
  packages: { orderBy: { sortOrder: "asc" } },
  references: { orderBy: { sortOrder: "asc" } },
  media: { orderBy: { createdAt: "asc" } },
} satisfies Prisma.OfferInclude;
export type OfferWithContent = Prisma.OfferGetPayload<{ include: typeof withContent }>;

export function liveContent(offer: OfferWithContent): OfferContent {
  return {
    ...columns({ ...offer, termIds: [], packages: [], references: [] }),
    termIds: offer.terms.map((t) => t.termId).sort(),
    // BigInt stops at the model boundary: JSON (loaders, revisions) cannot carry it.
    packages: offer.packages.map((p) => ({
      name: p.name,
      priceVnd: p.priceVnd === null ? null : Number(p.priceVnd),
      unit: p.unit,
      description: p.description,
    })),
    references: offer.references.map((r) => ({ customer: r.customer, year: r.year, result: r.result })),
  };
}

export function parseRevision(offer: Pick<Offer, "pendingRevision">): PendingRevision | null {
  return offer.pendingRevision ? (JSON.parse(offer.pendingRevision) as PendingRevision) : null;
}

export async function writeChildren(tx: Tx, offerId: string, content: OfferContent) {
  await tx.offerTerm.deleteMany({ where: { offerId } });
  await tx.offerPackage.deleteMany({ where: { offerId } });
  await tx.offerReference.deleteMany({ where: { offerId } });
  if (content.termIds.length)
    await tx.offerTerm.createMany({ data: content.termIds.map((termId) => ({ offerId, termId })) });
  if (content.packages.length) {
    await tx.offerPackage.createMany({
      data: content.packages.map((p, i) => ({
        offerId,
        name: p.name,
        unit: p.unit,
        description: p.description ?? null,
        priceVnd: p.priceVnd === null ? null : BigInt(p.priceVnd),
        sortOrder: i,
      })),
    });
  }
  if (content.references.length) {
    await tx.offerReference.createMany({ data: content.references.map((r, i) => ({ offerId, ...r, sortOrder: i })) });
  }
}

// The offer's files as the provider currently sees them: the live ones as
// changed by a pending revision. Keys are row ids for live files and stored
// names for files waiting in a revision.
export function effectiveMedia(offer: OfferWithContent, revision: PendingRevision | null) {
  const live = offer.media
    .filter((m) => !revision?.removeMediaIds.includes(m.id))
    .map((m) => ({
      key: m.id,
      kind: m.kind,
      storedName: m.storedName,
      originalName: m.originalName,
      mimeType: m.mimeType,
      sizeBytes: m.sizeBytes,
    }));
  const pending = (revision?.addMedia ?? []).map((m) => ({ key: m.storedName, ...m }));
  return [...live, ...pending];
}

// A file that passed the upload checks, with the kind of media it is.
export type CheckedMedia = Extract<UploadCheck, { ok: true }> & { kind: MediaKind };

export const removeFiles = (names: string[]) =>
  Promise.all(
    names.map((name) =>
      deleteUpload(name).catch((err: unknown) => logger.warn({ err, name }, "could not delete upload")),
    ),
  );

// Files go to disk before the transaction (its rows name them) and are
// removed again if it fails, so nothing half-saved is left either way.
export async function withFiles<T>(uploads: CheckedMedia[], work: () => Promise<T>): Promise<T> {
  const written: string[] = [];
  try {
    for (const upload of uploads) {
      await writeUpload(upload);
      written.push(upload.upload.storedName);
    }
    return await work();
  } catch (error) {
    await removeFiles(written);
    throw error;
  }
}

export const mediaItem = (u: CheckedMedia): MediaItem => ({ ...u.upload, kind: u.kind });
