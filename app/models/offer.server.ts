import type { SubmissionResult } from "@conform-to/react";
import { parseWithZod } from "@conform-to/zod";
import { db, type DeploymentModel, type EvidenceLevel, type MediaKind, type PlatformRole, type Prisma, type TermKind } from "~/db.server";
import { MAX_IMAGES, MAX_PACKAGES, MAX_REFERENCES, ROW_INTENT, offerSchema, type OfferFormValue } from "~/schemas/offer";
import { logger } from "~/utils/logger.server";
import { renderMarkdown } from "~/utils/markdown.server";
import { isStaff, notFound } from "~/utils/permissions.server";
import { uniqueSlug } from "~/utils/slug.server";
import { readMultipart } from "~/utils/multipart.server";
import { checkUpload, deleteUpload, unreadableUpload, uploadRules, writeUpload, type StoredUpload, type UploadCheck } from "~/utils/uploads.server";
import { changedFields, recordAudit } from "./audit.server";
import { enqueueSearchSync } from "./search-index.server";
import { notifySearchSync } from "~/search-service.server";
import { absoluteUrl, noticesFor, notify, organisationMembers, type Notice } from "./notify.server";
import { offerLimitAllowsAnother } from "./plan.server";

export const STALE_DAYS = 180;
const DAY_MS = 24 * 60 * 60 * 1000;
const MB = 1024 * 1024;

export function isStale(contentUpdatedAt: Date | string, now = new Date()): boolean {
  return now.getTime() - new Date(contentUpdatedAt).getTime() > STALE_DAYS * DAY_MS;
}

type Offer = Prisma.OfferGetPayload<object>;
type Tx = Prisma.TransactionClient;

// ---------------------------------------------------------------------------
// Content: what the provider edits, in one plain shape that both the columns
// and a pending revision (JSON) hold.

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
    packages: value.packages.map((p) => ({ name: text(p.name)!, priceVnd: p.priceVnd, unit: text(p.unit)!, description: text(p.description) })),
    references: value.references.map((r) => ({ customer: text(r.customer)!, year: r.year, result: text(r.result)! })),
  };
}

const columns = (c: OfferContent) => ({
  titleVi: c.titleVi, titleEn: c.titleEn, summaryVi: c.summaryVi, summaryEn: c.summaryEn, descriptionMd: c.descriptionMd,
  trl: c.trl, deploymentModel: c.deploymentModel, ipStatus: c.ipStatus,
  contactName: c.contactName, contactEmail: c.contactEmail, contactPhone: c.contactPhone,
});

const withContent = {
  terms: { select: { termId: true } },
  packages: { orderBy: { sortOrder: "asc" } },
  references: { orderBy: { sortOrder: "asc" } },
  media: { orderBy: { createdAt: "asc" } },
} satisfies Prisma.OfferInclude;
type OfferWithContent = Prisma.OfferGetPayload<{ include: typeof withContent }>;

function liveContent(offer: OfferWithContent): OfferContent {
  return {
    ...columns({ ...offer, termIds: [], packages: [], references: [] }),
    termIds: offer.terms.map((t) => t.termId).sort(),
    // BigInt stops at the model boundary: JSON (loaders, revisions) cannot carry it.
    packages: offer.packages.map((p) => ({ name: p.name, priceVnd: p.priceVnd === null ? null : Number(p.priceVnd), unit: p.unit, description: p.description })),
    references: offer.references.map((r) => ({ customer: r.customer, year: r.year, result: r.result })),
  };
}

export function parseRevision(offer: Pick<Offer, "pendingRevision">): PendingRevision | null {
  return offer.pendingRevision ? (JSON.parse(offer.pendingRevision) as PendingRevision) : null;
}

async function writeChildren(tx: Tx, offerId: string, content: OfferContent) {
  await tx.offerTerm.deleteMany({ where: { offerId } });
  await tx.offerPackage.deleteMany({ where: { offerId } });
  await tx.offerReference.deleteMany({ where: { offerId } });
  if (content.termIds.length) await tx.offerTerm.createMany({ data: content.termIds.map((termId) => ({ offerId, termId })) });
  if (content.packages.length) {
    await tx.offerPackage.createMany({
      data: content.packages.map((p, i) => ({
        offerId, name: p.name, unit: p.unit, description: p.description ?? null, priceVnd: p.priceVnd === null ? null : BigInt(p.priceVnd), sortOrder: i,
      })),
    });
  }
  if (content.references.length) {
    await tx.offerReference.createMany({ data: content.references.map((r, i) => ({ offerId, ...r, sortOrder: i })) });
  }
}

// ---------------------------------------------------------------------------
// Reading the multipart form. An oversized file is drained and flagged rather
// than aborting the parse, so the provider keeps everything typed.

export const fileFields = { logo: "LOGO", images: "IMAGE", brochure: "BROCHURE" } as const satisfies Record<string, MediaKind>;
export type FileField = keyof typeof fileFields;
type IncomingFile = { field: FileField; file: File } | { field: FileField; oversize: true };

// The biggest honest request: every file at its limit, plus the text fields.
export const MAX_OFFER_REQUEST_BYTES =
  uploadRules.LOGO.maxBytes + MAX_IMAGES * uploadRules.IMAGE.maxBytes + uploadRules.BROCHURE.maxBytes + 2 * MB;

export type OfferFormRead = { tooLarge: true } | { tooLarge: false; formData: FormData; files: IncomingFile[] };

export async function readOfferForm(request: Request): Promise<OfferFormRead> {
  if (Number(request.headers.get("content-length") ?? 0) > MAX_OFFER_REQUEST_BYTES) return { tooLarge: true };
  if (!request.headers.get("content-type")?.startsWith("multipart/form-data")) {
    return { tooLarge: false, formData: await request.formData(), files: [] };
  }
  const read = await readMultipart(request, {
    fileBytes: (name) => (name in fileFields ? uploadRules[fileFields[name as FileField]].maxBytes : 0),
    totalBytes: MAX_OFFER_REQUEST_BYTES,
    fieldBytes: 256 * 1024,
    parts: 1000,
  });
  if (read.status === "malformed") throw unreadableUpload();
  if (read.status === "tooLarge") return { tooLarge: true };
  const formData = new FormData();
  for (const [name, value] of read.fields) formData.append(name, value);
  // A nameless file with bytes is passed on, so the type check refuses it with a message.
  const files = read.files.map(({ field, file }): IncomingFile => (file ? { field: field as FileField, file } : { field: field as FileField, oversize: true }));
  return { tooLarge: false, formData, files };
}

export type CheckedMedia = Extract<UploadCheck, { ok: true }> & { kind: MediaKind };

export async function checkOfferFiles(files: IncomingFile[], keptImages: number) {
  const errors: Partial<Record<FileField, string[]>> = {};
  const checked: CheckedMedia[] = [];
  for (const field of Object.keys(fileFields) as FileField[]) {
    const kind = fileFields[field];
    const incoming = files.filter((f) => f.field === field);
    const max = field === "images" ? MAX_IMAGES - keptImages : 1;
    if (incoming.length > max) {
      errors[field] = [field === "images" ? `offers.validation.tooManyImages|${MAX_IMAGES}` : "offers.validation.oneFile"];
      continue;
    }
    for (const item of incoming) {
      if ("oversize" in item) {
        errors[field] = [`validation.fileTooLarge|${Math.round(uploadRules[kind].maxBytes / MB)}`];
        break;
      }
      const result = await checkUpload(item.file, kind);
      if (!result.ok) {
        errors[field] = [result.error];
        break;
      }
      checked.push({ ...result, kind });
    }
  }
  return { checked, errors: Object.keys(errors).length ? errors : null };
}

// The form's schema plus the checks that need the database.
export function offerSchemaWithTermCheck() {
  return offerSchema.superRefine(async (value, ctx) => {
    for (const field of await invalidTermFields(value)) ctx.addIssue({ path: [field], code: "custom", message: "validation.invalidChoice" });
  });
}

// What the form shows when the request was too big to read at all.
/**
 * "Thêm gói", "Xóa khách hàng 2"…: the answer to a row button is the form as
 * typed with one row more or less, no errors (nobody tried to save) and
 * nothing saved. Null when the post is not a row button's.
 */
export function rowIntentReply(formData: FormData): SubmissionResult<string[]> | null {
  const match = ROW_INTENT.exec(String(formData.get("intent") ?? ""));
  if (!match) return null;
  formData.delete("intent");
  const reply = parseWithZod(formData, { schema: offerSchema }).reply();
  const value = (reply.initialValue ?? {}) as Record<string, unknown>;
  const [, action, kind, index] = match;
  const key = kind === "package" ? "packages" : "references";
  const max = kind === "package" ? MAX_PACKAGES : MAX_REFERENCES;
  const current = value[key];
  const rows: unknown[] = Array.isArray(current) ? [...current] : current == null ? [] : [current];
  if (action === "add" && rows.length < max) rows.push({});
  if (action === "remove" && index !== undefined) rows.splice(Number(index), 1);
  return { ...reply, status: "error", error: {}, initialValue: { ...value, [key]: rows } as never };
}

export function tooLargeResult(): SubmissionResult<string[]> {
  return { status: "error", error: { "": [`offers.validation.requestTooLarge|${Math.floor(MAX_OFFER_REQUEST_BYTES / MB)}`] } };
}

const removeFiles = (names: string[]) =>
  Promise.all(names.map((name) => deleteUpload(name).catch((error: unknown) => logger.warn({ error, name }, "could not delete upload"))));

// Files go to disk before the transaction (its rows name them) and are
// removed again if it fails, so nothing half-saved is left either way.
async function withFiles<T>(uploads: CheckedMedia[], work: () => Promise<T>): Promise<T> {
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

const mediaItem = (u: CheckedMedia): MediaItem => ({ ...u.upload, kind: u.kind });

// ---------------------------------------------------------------------------
// Provider side.

export async function termsForForm() {
  const terms = await db.taxonomyTerm.findMany({ orderBy: [{ sortOrder: "asc" }, { nameVi: "asc" }], select: { id: true, kind: true, nameVi: true, nameEn: true } });
  const of = (kind: TermKind) => terms.filter((t) => t.kind === kind);
  return { SECTOR: of("SECTOR"), TECHNOLOGY: of("TECHNOLOGY"), BUSINESS_NEED: of("BUSINESS_NEED") };
}

// The checkbox groups whose ids are not terms of the kind the group offers.
export async function invalidTermFields(value: Pick<OfferFormValue, "sectorIds" | "technologyIds" | "businessNeedIds">) {
  const groups = { sectorIds: "SECTOR", technologyIds: "TECHNOLOGY", businessNeedIds: "BUSINESS_NEED" } as const;
  const ids = [...value.sectorIds, ...value.technologyIds, ...value.businessNeedIds];
  const found = await db.taxonomyTerm.findMany({ where: { id: { in: ids } }, select: { id: true, kind: true } });
  const kindOf = new Map(found.map((t) => [t.id, t.kind]));
  return (Object.keys(groups) as (keyof typeof groups)[]).filter((field) => value[field].some((id) => kindOf.get(id) !== groups[field]));
}

// Only providers and research institutes list offers; for other kinds of
// organisation the offer pages do not exist.
export async function getOfferingOrganisation(organisationId: string) {
  const organisation = await db.organisation.findUnique({ where: { id: organisationId }, select: { id: true, name: true, kind: true } });
  return organisation?.kind === "PROVIDER" || organisation?.kind === "RESEARCH" ? organisation : null;
}

/** The offering organisation of a route's `orgId`, or a 404 for anything else. */
export async function requireOfferingOrganisation(organisationId: string | undefined) {
  const organisation = organisationId ? await getOfferingOrganisation(organisationId) : null;
  if (!organisation) throw notFound();
  return organisation;
}

export async function listOrganisationOffers(organisationId: string) {
  const offers = await db.offer.findMany({
    where: { organisationId },
    orderBy: { updatedAt: "desc" },
    select: { id: true, titleVi: true, status: true, pendingRevision: true, updatedAt: true, contentUpdatedAt: true, slug: true },
  });
  return offers.map(({ pendingRevision, ...offer }) => ({ ...offer, hasPendingRevision: pendingRevision !== null, isStale: isStale(offer.contentUpdatedAt) }));
}

export async function createOffer(actorId: string, organisationId: string, value: OfferFormValue, uploads: CheckedMedia[]) {
  const content = toContent(value);
  const slug = await uniqueSlug(content.titleVi, async (s) => Boolean(await db.offer.findUnique({ where: { slug: s }, select: { id: true } })), "giai-phap");
  return withFiles(uploads, () =>
    db.$transaction(async (tx) => {
      const offer = await tx.offer.create({ data: { organisationId, slug, ...columns(content) } });
      await writeChildren(tx, offer.id, content);
      if (uploads.length) await tx.offerMedia.createMany({ data: uploads.map((u) => ({ offerId: offer.id, kind: u.kind, ...u.upload })) });
      await recordAudit(tx, {
        actorId, action: "offer.created", entityType: "Offer", entityId: offer.id,
        after: { status: offer.status, ...content, files: uploads.map((u) => u.upload.originalName) },
      });
      await enqueueSearchSync(tx, { type: "offer", id: offer.id });
      return offer;
    }),
  ).finally(notifySearchSync);
}

// The offer's files as the provider currently sees them: the live ones as
// changed by a pending revision. Keys are row ids for live files and stored
// names for files waiting in a revision.
export function effectiveMedia(offer: OfferWithContent, revision: PendingRevision | null) {
  const live = offer.media
    .filter((m) => !revision?.removeMediaIds.includes(m.id))
    .map((m) => ({ key: m.id, kind: m.kind, storedName: m.storedName, originalName: m.originalName, mimeType: m.mimeType, sizeBytes: m.sizeBytes }));
  const pending = (revision?.addMedia ?? []).map((m) => ({ key: m.storedName, ...m }));
  return [...live, ...pending];
}

export async function keptImageCount(organisationId: string, offerId: string, removeKeys: string[]) {
  const offer = await db.offer.findFirst({ where: { id: offerId, organisationId }, include: withContent });
  if (!offer) return 0;
  return effectiveMedia(offer, parseRevision(offer)).filter((m) => m.kind === "IMAGE" && !removeKeys.includes(m.key)).length;
}

export type UpdateOutcome = "saved" | "pending-review" | "not-found" | "conflict";

// Drafts (and offers under review or sent back) change in place. A published
// offer stays live: the edit waits in pendingRevision until staff approve it.
export async function updateOffer(
  actorId: string, organisationId: string, offerId: string, value: OfferFormValue, uploads: CheckedMedia[],
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
          removeMediaIds: [...new Set([...(previous?.removeMediaIds ?? []), ...media.filter((m) => m.key !== m.storedName && dropped(m)).map((m) => m.key)])],
          submittedAt: new Date().toISOString(),
          submittedById: actorId,
        };
        orphans.push(...(previous?.addMedia ?? []).filter((m) => !keptPending.includes(m)).map((m) => m.storedName));
        const { count } = await tx.offer.updateMany({ where: guard, data: { pendingRevision: JSON.stringify(revision), reviewNote: null } });
        if (count === 0) return "conflict";
        await recordAudit(tx, {
          actorId, action: "offer.revision_submitted", entityType: "Offer", entityId: offer.id,
          ...changedFields(liveContent(offer), content),
          data: { ...fileChanges, removedFiles: revision.removeMediaIds.length },
        });
        return "pending-review";
      }
      const removed = offer.media.filter((m) => dropped({ key: m.id, kind: m.kind }));
      const { count } = await tx.offer.updateMany({ where: guard, data: { ...columns(content), contentUpdatedAt: new Date(), staleRemindedAt: null } });
      if (count === 0) return "conflict";
      await writeChildren(tx, offer.id, content);
      if (removed.length) await tx.offerMedia.deleteMany({ where: { id: { in: removed.map((m) => m.id) } } });
      if (uploads.length) await tx.offerMedia.createMany({ data: uploads.map((u) => ({ offerId: offer.id, kind: u.kind, ...u.upload })) });
      orphans.push(...removed.map((m) => m.storedName));
      await enqueueSearchSync(tx, { type: "offer", id: offer.id });
      await recordAudit(tx, {
        actorId, action: "offer.updated", entityType: "Offer", entityId: offer.id,
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

// ---------------------------------------------------------------------------
// Workflow. Every move is a conditional update on the status and updatedAt
// the actor saw, so of two people acting at once only one wins.

export type MoveOutcome = "ok" | "not-found" | "invalid";

async function move(
  actorId: string,
  where: Prisma.OfferWhereInput,
  action: string,
  allowed: (offer: Offer) => boolean,
  change: (offer: Offer) => Prisma.OfferUpdateManyMutationInput,
  data?: (offer: Offer) => unknown,
  // Who to tell of the move, written in its transaction.
  tell?: (offer: Offer, members: string[]) => Notice[],
): Promise<{ outcome: MoveOutcome; before: Offer | null }> {
  return db.$transaction(async (tx) => {
    const offer = await tx.offer.findFirst({ where });
    if (!offer) return { outcome: "not-found" as const, before: null };
    if (!allowed(offer)) return { outcome: "invalid" as const, before: offer };
    const update = change(offer);
    const { count } = await tx.offer.updateMany({ where: { id: offer.id, status: offer.status, updatedAt: offer.updatedAt }, data: update });
    if (count === 0) return { outcome: "invalid" as const, before: offer };
    // The revision JSON is large and already described by `data` where it matters.
    const audited = Object.fromEntries(Object.entries(update).filter(([key]) => key !== "pendingRevision"));
    await recordAudit(tx, { actorId, action, entityType: "Offer", entityId: offer.id, ...changedFields(offer as Record<string, unknown>, audited), data: data?.(offer) });
    await enqueueSearchSync(tx, { type: "offer", id: offer.id });
    if (tell) await notify(tx, tell(offer, await organisationMembers(tx, offer.organisationId)));
    return { outcome: "ok" as const, before: offer };
  }).finally(notifySearchSync);
}

// The plan caps offers published or awaiting review, checked when one is
// sent for review. A downgrade never unpublishes anything; it only stops
// new submissions while over the cap.
export async function submitOffer(actorId: string, organisationId: string, offerId: string): Promise<MoveOutcome | "over-limit"> {
  if (!(await offerLimitAllowsAnother(organisationId))) {
    const mine = await db.offer.count({ where: { id: offerId, organisationId, status: { in: ["DRAFT", "CHANGES_REQUESTED"] } } });
    if (mine) return "over-limit";
  }
  const { outcome } = await move(actorId, { id: offerId, organisationId }, "offer.submitted",
    (o) => o.status === "DRAFT" || o.status === "CHANGES_REQUESTED",
    () => ({ status: "SUBMITTED", submittedAt: new Date() }));
  return outcome;
}

// Archiving also drops an edit waiting for review, and its new files.
export async function archiveOffer(actorId: string, offerId: string, organisationId?: string) {
  const { outcome, before } = await move(actorId, { id: offerId, ...(organisationId ? { organisationId } : {}) }, "offer.archived",
    (o) => o.status !== "ARCHIVED",
    () => ({ status: "ARCHIVED", pendingRevision: null }),
    (o) => ({ discardedRevision: o.pendingRevision !== null }));
  const revision = before && outcome === "ok" ? parseRevision(before) : null;
  if (revision) await removeFiles(revision.addMedia.map((m) => m.storedName));
  return outcome;
}

export async function publishOffer(actorId: string, offerId: string, evidenceLevel: EvidenceLevel) {
  const { outcome } = await move(actorId, { id: offerId }, "offer.published",
    (o) => o.status === "SUBMITTED",
    (o) => ({ status: "PUBLISHED", publishedAt: o.publishedAt ?? new Date(), reviewNote: null, evidenceLevel }),
    undefined,
    (o, members) => noticesFor(members, { kind: "offer.published", link: `/offers/${o.slug}`, values: { offer: o.titleVi } }));
  return outcome;
}

export async function requestChanges(actorId: string, offerId: string, reason: string) {
  const { outcome } = await move(actorId, { id: offerId }, "offer.changes_requested",
    (o) => o.status === "SUBMITTED",
    () => ({ status: "CHANGES_REQUESTED", reviewNote: reason.normalize("NFC").trim() }),
    undefined,
    (o, members) => noticesFor(members, {
      kind: "offer.changes_requested", link: `/orgs/${o.organisationId}/offers/${o.id}/edit`,
      values: { offer: o.titleVi, reason: reason.normalize("NFC").trim() },
    }));
  return outcome;
}

export async function setEvidenceLevel(actorId: string, offerId: string, evidenceLevel: EvidenceLevel) {
  const { outcome } = await move(actorId, { id: offerId }, "offer.evidence_set",
    (o) => o.status !== "ARCHIVED" && o.evidenceLevel !== evidenceLevel,
    () => ({ evidenceLevel }));
  return outcome;
}

export async function rejectRevision(actorId: string, offerId: string, reason: string) {
  const { outcome, before } = await move(actorId, { id: offerId }, "offer.revision_rejected",
    (o) => o.status === "PUBLISHED" && o.pendingRevision !== null,
    () => ({ pendingRevision: null, reviewNote: reason.normalize("NFC").trim() }),
    (o) => ({ rejected: parseRevision(o)?.content }),
    (o, members) => noticesFor(members, {
      kind: "offer.revision_refused", link: `/orgs/${o.organisationId}/offers/${o.id}`,
      values: { offer: o.titleVi, reason: reason.normalize("NFC").trim() },
    }));
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
    const existing = await tx.taxonomyTerm.findMany({ where: { id: { in: revision.content.termIds } }, select: { id: true } });
    const content = { ...revision.content, termIds: existing.map((t) => t.id).sort() };
    const { count } = await tx.offer.updateMany({
      where: { id: offer.id, status: "PUBLISHED", updatedAt: offer.updatedAt },
      data: { ...columns(content), pendingRevision: null, reviewNote: null, contentUpdatedAt: new Date(), staleRemindedAt: null },
    });
    if (count === 0) return { outcome: "invalid" as const, orphans: [] };
    await writeChildren(tx, offer.id, content);
    await enqueueSearchSync(tx, { type: "offer", id: offer.id });
    const removed = offer.media.filter((m) => revision.removeMediaIds.includes(m.id));
    if (removed.length) await tx.offerMedia.deleteMany({ where: { id: { in: removed.map((m) => m.id) } } });
    if (revision.addMedia.length) await tx.offerMedia.createMany({ data: revision.addMedia.map((m) => ({ offerId: offer.id, ...m })) });
    await recordAudit(tx, {
      actorId, action: "offer.revision_approved", entityType: "Offer", entityId: offer.id,
      ...changedFields(liveContent(offer), content),
      data: { addedFiles: revision.addMedia.map((m) => m.originalName), removedFiles: removed.map((m) => m.originalName), submittedById: revision.submittedById },
    });
    await notify(tx, noticesFor(await organisationMembers(tx, offer.organisationId), {
      kind: "offer.revision_approved", link: `/offers/${offer.slug}`, values: { offer: content.titleVi },
    }));
    return { outcome: "ok" as const, orphans: removed.map((m) => m.storedName) };
  });
  notifySearchSync();
  await removeFiles(result.orphans);
  return result.outcome;
}

// ---------------------------------------------------------------------------
// Reading for display.

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

function contentView(offer: OfferForView, content: OfferContent, terms: TermRow[], media: ReturnType<typeof effectiveMedia>) {
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
    offer: { id: offer.id, slug: offer.slug, status: offer.status, reviewNote: offer.reviewNote, submittedAt: offer.submittedAt },
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
    offer: { id: offer.id, status: offer.status, reviewNote: offer.reviewNote, submittedAt: offer.submittedAt, evidenceLevel: offer.evidenceLevel },
    view,
    pending,
  };
}

export async function listReviewQueue() {
  const offers = await db.offer.findMany({
    where: { OR: [{ status: "SUBMITTED" }, { status: "PUBLISHED", pendingRevision: { not: null } }] },
    orderBy: [{ submittedAt: "asc" }, { createdAt: "asc" }],
    select: { id: true, titleVi: true, status: true, submittedAt: true, pendingRevision: true, organisation: { select: { name: true } } },
  });
  return offers.map(({ pendingRevision, ...offer }) => {
    const revision = parseRevision({ pendingRevision });
    return { ...offer, kind: revision ? ("revision" as const) : ("new" as const), waitingSince: revision?.submittedAt ?? offer.submittedAt };
  });
}

export type Viewer = { id: string; role: PlatformRole } | null;

export async function mayManageOffers(viewer: Viewer, organisationId: string) {
  if (!viewer) return false;
  if (isStaff(viewer)) return true;
  return Boolean(await db.membership.findUnique({ where: { userId_organisationId: { userId: viewer.id, organisationId } }, select: { id: true } }));
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
  const rows = await db.offerMedia.findMany({ where: { offerId: { in: offerIds }, kind: "LOGO" }, select: { offerId: true, storedName: true } });
  return new Map(rows.map((row) => [row.offerId, row.storedName]));
}

// A stored file, if this viewer may read it: files of published offers are
// public; the others (drafts, archived offers, an edit waiting for review)
// belong to the organisation's members and staff.
export async function findReadableFile(storedName: string, viewer: Viewer) {
  const media = await db.offerMedia.findUnique({ where: { storedName }, include: { offer: { select: { status: true, organisationId: true } } } });
  if (media) {
    const visible = media.offer.status === "PUBLISHED" || (await mayManageOffers(viewer, media.offer.organisationId));
    return visible ? { storedName, mimeType: media.mimeType, originalName: media.originalName } : null;
  }
  // Stored names are 32 random hex digits, so a substring match is exact.
  if (!/^[a-f0-9]{32}\.[a-z]{3,4}$/.test(storedName)) return null;
  const offer = await db.offer.findFirst({ where: { pendingRevision: { contains: storedName } }, select: { pendingRevision: true, organisationId: true } });
  const pending = offer ? parseRevision(offer)?.addMedia.find((m) => m.storedName === storedName) : undefined;
  if (!offer || !pending || !(await mayManageOffers(viewer, offer.organisationId))) return null;
  return { storedName, mimeType: pending.mimeType, originalName: pending.originalName };
}

// ---------------------------------------------------------------------------
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
    select: { id: true, titleVi: true, organisationId: true },
  });
  const byOrganisation = new Map<string, typeof candidates>();
  for (const offer of candidates) byOrganisation.set(offer.organisationId, [...(byOrganisation.get(offer.organisationId) ?? []), offer]);
  let sent = 0;
  for (const [organisationId, offers] of byOrganisation) {
    sent += await db.$transaction(async (tx) => {
      const claimed: typeof offers = [];
      for (const offer of offers) {
        const { count } = await tx.offer.updateMany({ where: { id: offer.id, staleRemindedAt: null }, data: { staleRemindedAt: now } });
        if (count) claimed.push(offer);
      }
      if (claimed.length === 0) return 0;
      const owners = await organisationMembers(tx, organisationId, { roles: ["OWNER"] });
      const list = claimed.map((o) => `- ${o.titleVi}: ${absoluteUrl(`/orgs/${organisationId}/offers/${o.id}/edit`)}`).join("\n");
      const { notified } = await notify(tx, noticesFor(owners, { kind: "offer.stale", link: `/orgs/${organisationId}/offers`, values: { count: claimed.length, offers: list } }));
      for (const offer of claimed) {
        await recordAudit(tx, { actorId: null, action: "offer.stale_reminded", entityType: "Offer", entityId: offer.id, data: { owners: owners.length } });
      }
      return notified;
    });
  }
  return sent;
}
