// Reading offers for pages (the public page, the organisation's pages, the
// staff review queue) and deciding who may read an offer's files.
import { db, type PlatformRole, type Prisma, type TermKind } from "~/db.server";
import { renderMarkdown } from "~/utils/markdown.server";
import { isStaff } from "~/utils/permissions.server";
import { changedFields } from "./audit.server";
import {
  effectiveMedia,
  isStale,
  liveContent,
  parseRevision,
  withContent,
  type OfferContent,
} from "./offer-content.server";

// Only providers and research institutes list offers; for other kinds of
// organisation the offer pages do not exist.
export async function getOfferingOrganisation(organisationId: string) {
  const organisation = await db.organisation.findUnique({
    where: { id: organisationId },
    select: { id: true, name: true, kind: true },
  });
  return organisation?.kind === "PROVIDER" || organisation?.kind === "RESEARCH" ? organisation : null;
}

export async function listOrganisationOffers(organisationId: string) {
  const offers = await db.offer.findMany({
    where: { organisationId },
    orderBy: { updatedAt: "desc" },
    select: {
      id: true,
      titleVi: true,
      status: true,
      pendingRevision: true,
      updatedAt: true,
      contentUpdatedAt: true,
      slug: true,
    },
  });
  return offers.map(({ pendingRevision, ...offer }) => ({
    ...offer,
    hasPendingRevision: pendingRevision !== null,
    isStale: isStale(offer.contentUpdatedAt),
  }));
}
const viewInclude = {
  ...withContent,
  organisation: { select: { id: true, name: true, slug: true } },
} satisfies Prisma.OfferInclude;
type OfferForView = Prisma.OfferGetPayload<{ include: typeof viewInclude }>;
type TermRow = { id: string; kind: TermKind; nameVi: string; nameEn: string; slug: string };

function termsById(ids: string[]): Promise<TermRow[]> {
  return db.taxonomyTerm.findMany({
    where: { id: { in: ids } },
    orderBy: [{ sortOrder: "asc" }, { nameVi: "asc" }],
    select: { id: true, kind: true, nameVi: true, nameEn: true, slug: true },
  });
}

function contentView(
  offer: OfferForView,
  content: OfferContent,
  terms: TermRow[],
  media: ReturnType<typeof effectiveMedia>,
) {
  return {
    id: offer.id,
    slug: offer.slug,
    status: offer.status,
    evidenceLevel: offer.evidenceLevel,
    organisation: offer.organisation,
    ...content,
    descriptionHtml: renderMarkdown(content.descriptionMd),
    terms: terms.filter((t) => content.termIds.includes(t.id)),
    media,
    contentUpdatedAt: offer.contentUpdatedAt,
    publishedAt: offer.publishedAt,
    isStale: isStale(offer.contentUpdatedAt),
  };
}
export type OfferView = ReturnType<typeof contentView>;

async function buildViews(offer: OfferForView) {
  const revision = parseRevision(offer);
  const live = liveContent(offer);
  const terms = await termsById([...live.termIds, ...(revision?.content.termIds ?? [])]);
  const view = contentView(offer, live, terms, effectiveMedia(offer, null));
  const pending = revision
    ? {
        view: contentView(offer, revision.content, terms, effectiveMedia(offer, revision)),
        changed: Object.keys(changedFields(live, revision.content).after),
        filesChanged: revision.addMedia.length + revision.removeMediaIds.length > 0,
        submittedAt: revision.submittedAt,
      }
    : null;
  return { view, pending };
}

export async function getOrganisationOffer(organisationId: string, offerId: string) {
  const offer = await db.offer.findFirst({ where: { id: offerId, organisationId }, include: viewInclude });
  if (!offer) return null;
  const { view, pending } = await buildViews(offer);
  const revision = parseRevision(offer);
  return {
    offer: {
      id: offer.id,
      slug: offer.slug,
      status: offer.status,
      reviewNote: offer.reviewNote,
      submittedAt: offer.submittedAt,
    },
    view,
    pending,
    // The form starts from what the provider last wrote, pending or live.
    formContent: revision?.content ?? liveContent(offer),
    formMedia: effectiveMedia(offer, revision),
  };
}

export async function getOfferForReview(offerId: string) {
  const offer = await db.offer.findUnique({ where: { id: offerId }, include: viewInclude });
  if (!offer) return null;
  const { view, pending } = await buildViews(offer);
  return {
    offer: {
      id: offer.id,
      status: offer.status,
      reviewNote: offer.reviewNote,
      submittedAt: offer.submittedAt,
      evidenceLevel: offer.evidenceLevel,
    },
    view,
    pending,
  };
}

export async function listReviewQueue() {
  const offers = await db.offer.findMany({
    where: { OR: [{ status: "SUBMITTED" }, { status: "PUBLISHED", pendingRevision: { not: null } }] },
    orderBy: [{ submittedAt: "asc" }, { createdAt: "asc" }],
    select: {
      id: true,
      titleVi: true,
      status: true,
      submittedAt: true,
      pendingRevision: true,
      organisation: { select: { name: true } },
    },
  });
  return offers.map(({ pendingRevision, ...offer }) => {
    const revision = parseRevision({ pendingRevision });
    return {
      ...offer,
      kind: revision ? ("revision" as const) : ("new" as const),
      waitingSince: revision?.submittedAt ?? offer.submittedAt,
    };
  });
}

export type Viewer = { id: string; role: PlatformRole } | null;

export async function mayManageOffers(viewer: Viewer, organisationId: string) {
  if (!viewer) return false;
  if (isStaff(viewer)) return true;
  return Boolean(
    await db.membership.findUnique({
      where: { userId_organisationId: { userId: viewer.id, organisationId } },
      select: { id: true },
    }),
  );
}

// The public page. Drafts and other unpublished offers exist only for the
// organisation's members and staff; everyone else gets null (404).
export async function getOfferBySlug(slug: string, viewer: Viewer) {
  const offer = await db.offer.findUnique({ where: { slug }, include: viewInclude });
  if (!offer) return null;
  if (offer.status !== "PUBLISHED" && !(await mayManageOffers(viewer, offer.organisationId))) return null;
  return (await buildViews(offer)).view;
}

// Lower case without diacritics, so "den giao thong" finds "Đèn giao thông".
export function fold(value: string): string {
  return value.normalize("NFD").replace(/\p{M}/gu, "").replace(/đ/g, "d").replace(/Đ/g, "D").toLowerCase();
}

/**
 * The live logo of each offer that has one (offer id → stored name), for
 * cards that list offers. One query for a whole page of results.
 */
export async function offerLogos(offerIds: string[]): Promise<Map<string, string>> {
  if (offerIds.length === 0) return new Map();
  const rows = await db.offerMedia.findMany({
    where: { offerId: { in: offerIds }, kind: "LOGO" },
    select: { offerId: true, storedName: true },
  });
  return new Map(rows.map((row) => [row.offerId, row.storedName]));
}

// A stored file, if this viewer may read it: files of published offers are
// public; the others (drafts, archived offers, an edit waiting for review)
// belong to the organisation's members and staff.
export async function findReadableFile(storedName: string, viewer: Viewer) {
  const media = await db.offerMedia.findUnique({
    where: { storedName },
    include: { offer: { select: { status: true, organisationId: true } } },
  });
  if (media) {
    const visible = media.offer.status === "PUBLISHED" || (await mayManageOffers(viewer, media.offer.organisationId));
    return visible ? { storedName, mimeType: media.mimeType, originalName: media.originalName } : null;
  }
  // Stored names are 32 random hex digits, so a substring match is exact.
  if (!/^[a-f0-9]{32}\.[a-z]{3,4}$/.test(storedName)) return null;
  const offer = await db.offer.findFirst({
    where: { pendingRevision: { contains: storedName } },
    select: { pendingRevision: true, organisationId: true },
  });
  const pending = offer ? parseRevision(offer)?.addMedia.find((m) => m.storedName === storedName) : undefined;
  if (!offer || !pending || !(await mayManageOffers(viewer, offer.organisationId))) return null;
  return { storedName, mimeType: pending.mimeType, originalName: pending.originalName };
}
