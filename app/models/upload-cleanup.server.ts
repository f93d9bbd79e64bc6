// Uploaded files are written before the transaction whose rows name them
// (offer media, proposal attachments) and removed again if it fails; a
// crash between the two leaves a file no row names. Writing after the
// commit instead would risk the opposite, a row naming a file that never
// arrived, which a visitor would see as a broken image. So files go first,
// and this removes the ones left over: in the upload folder, with a stored
// name the app makes, older than a grace period (a younger one may belong
// to a form whose transaction is still running), and named by no row.
// The same sweep works on the upload folder and on the S3 bucket's
// "uploads/" prefix (app/utils/object-storage.server.ts).
import { db } from "~/db.server";
import { logger } from "~/utils/logger.server";
import { diskStore, type ObjectStore } from "~/utils/object-storage.server";
import { STORED_NAME, uploadStore } from "~/utils/uploads.server";
// Under SQLite's 999 bound values per statement.
const CHUNK = 500;

export type OrphanSweep = { removed: string[]; kept: number };

/** The stored names among `names` that some row still refers to. */
async function referenced(names: string[]): Promise<Set<string>> {
  const used = new Set<string>();
  for (let i = 0; i < names.length; i += CHUNK) {
    const chunk = names.slice(i, i + CHUNK);
    const [media, proposals, messages] = await Promise.all([
      db.offerMedia.findMany({ where: { storedName: { in: chunk } }, select: { storedName: true } }),
      db.proposal.findMany({ where: { attachmentStored: { in: chunk } }, select: { attachmentStored: true } }),
      // PDFs sent in private message threads (issue 14 part 4).
      db.message.findMany({ where: { attachmentStored: { in: chunk } }, select: { attachmentStored: true } }),
    ]);
    for (const m of media) used.add(m.storedName);
    for (const p of proposals) if (p.attachmentStored) used.add(p.attachmentStored);
    for (const m of messages) if (m.attachmentStored) used.add(m.attachmentStored);
  }
  // Media added by an edit waiting for review live in the offer's pending
  // revision (JSON). Matching the text keeps a file whenever its name appears there.
  const revisions = await db.offer.findMany({
    where: { pendingRevision: { not: null } },
    select: { pendingRevision: true },
  });
  for (const name of names) if (revisions.some((r) => r.pendingRevision!.includes(name))) used.add(name);
  return used;
}

/**
 * Deletes uploaded files older than `graceMs` that no row refers to, in the
 * upload storage (or the folder `dir`). Only names writeUpload makes are
 * considered; anything else is left alone. Safe to run in several processes at once.
 */
export async function removeOrphanUploads(options: {
  graceMs: number;
  now?: Date;
  dir?: string;
}): Promise<OrphanSweep> {
  const store: ObjectStore = options.dir ? diskStore(options.dir) : uploadStore();
  const cutoff = (options.now ?? new Date()).getTime() - options.graceMs;
  const objects = await store.list();
  const old = objects
    .filter((object) => STORED_NAME.test(object.key) && object.lastModified.getTime() < cutoff)
    .map((object) => object.key);
  const used = await referenced(old);
  const removed: string[] = [];
  for (const name of old) {
    if (used.has(name)) continue;
    await store.delete(name);
    removed.push(name);
  }
  if (removed.length)
    logger.warn({ files: removed, storage: store.location }, "orphan uploads removed (no row named them)");
  return { removed, kept: objects.length - removed.length };
}
