// Orphan uploads (issue 13, part 4): a crash between writing a file and the
// transaction whose row names it leaves a file nobody refers to. The
// clean-up removes such files once older than the grace period, keeps every
// file a row names (offer media, a pending revision's media, a proposal's
// attachment) and every fresh one, and runs as `npm run clean:orphans`.
import { execFile } from "node:child_process";
import { randomBytes } from "node:crypto";
import fs from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { promisify } from "node:util";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { db } from "~/db.server";
import { orphanUploadGraceMs } from "~/models/maintenance.server";
import { removeOrphanUploads } from "~/models/upload-cleanup.server";
import { makeUser } from "~/test-support/factories";
import {
  makeAgency,
  makeOffer,
  makeProposal,
  makeProvider,
  makeStatement,
  pdfBytes,
} from "~/test-support/statement-factories";

const HOUR = 3_600_000;
let dir: string;

beforeAll(async () => {
  // A folder of this file's own: the shared upload folder holds other test files' uploads, named in their databases.
  dir = await fs.mkdtemp(path.join(os.tmpdir(), "hte-orphans-"));
});
afterAll(async () => {
  await fs.rm(dir, { recursive: true, force: true });
});

const storedName = (ext: "png" | "pdf" | "jpg" | "webp" = "pdf") => `${randomBytes(16).toString("hex")}.${ext}`;

/** A file as writeUpload leaves it, last modified `ageMs` ago. */
async function fileOnDisk(name: string, ageMs: number) {
  const file = path.join(dir, name);
  await fs.writeFile(file, pdfBytes());
  const when = new Date(Date.now() - ageMs);
  await fs.utimes(file, when, when);
  return name;
}

const exists = (name: string) =>
  fs.access(path.join(dir, name)).then(
    () => true,
    () => false,
  );

describe("orphan uploads", () => {
  it("removes the 4 files a crash left with no row once older than the grace period (1 hour by default), and keeps the rest", async () => {
    expect(orphanUploadGraceMs()).toBe(HOUR);
    const owner = await makeUser();
    const provider = await makeProvider(owner.id);
    const offer = await makeOffer(provider.id);

    // Named by rows: an offer's media, media waiting in a pending revision, a proposal's attachment.
    const media = await fileOnDisk(storedName("png"), 3 * HOUR);
    await db.offerMedia.create({
      data: {
        offerId: offer.id,
        kind: "IMAGE",
        storedName: media,
        originalName: "anh.png",
        mimeType: "image/png",
        sizeBytes: 100,
      },
    });
    const pendingMedia = await fileOnDisk(storedName("png"), 3 * HOUR);
    await db.offer.update({
      where: { id: offer.id },
      data: {
        pendingRevision: JSON.stringify({
          addMedia: [{ kind: "IMAGE", storedName: pendingMedia }],
          removeMediaIds: [],
        }),
      },
    });
    const agency = await makeAgency(owner.id);
    const statement = await makeStatement(agency.id, owner.id);
    const attachment = await fileOnDisk(storedName("pdf"), 3 * HOUR);
    await makeProposal(statement.id, offer, { attachmentStored: attachment });

    // The crash: files written, their transaction never committed.
    const orphans = await Promise.all(
      [storedName("pdf"), storedName("png"), storedName("jpg"), storedName("webp")].map((n) => fileOnDisk(n, 2 * HOUR)),
    );
    // A form still in flight: written a minute ago, no row yet.
    const fresh = await fileOnDisk(storedName("pdf"), 60_000);
    // Not a name the app makes: never touched.
    const foreign = await fileOnDisk("README.txt", 3 * HOUR);

    const swept = await removeOrphanUploads({ graceMs: orphanUploadGraceMs(), dir });
    expect(swept.removed.sort()).toEqual([...orphans].sort());
    for (const name of orphans) expect(await exists(name)).toBe(false);
    for (const name of [media, pendingMedia, attachment, fresh, foreign]) expect(await exists(name)).toBe(true);

    // Again: nothing more to remove.
    expect((await removeOrphanUploads({ graceMs: orphanUploadGraceMs(), dir })).removed).toEqual([]);
  });

  it("removes a file once its row is deleted and the grace period has passed", async () => {
    const owner = await makeUser();
    const offer = await makeOffer((await makeProvider(owner.id)).id);
    const name = await fileOnDisk(storedName("png"), 2 * HOUR);
    const row = await db.offerMedia.create({
      data: {
        offerId: offer.id,
        kind: "LOGO",
        storedName: name,
        originalName: "logo.png",
        mimeType: "image/png",
        sizeBytes: 100,
      },
    });
    expect((await removeOrphanUploads({ graceMs: HOUR, dir })).removed).toEqual([]);
    await db.offerMedia.delete({ where: { id: row.id } });
    expect((await removeOrphanUploads({ graceMs: HOUR, dir })).removed).toEqual([name]);
  });

  it("is a no-op when the upload folder does not exist yet", async () => {
    expect(await removeOrphanUploads({ graceMs: HOUR, dir: path.join(dir, "missing") })).toEqual({
      removed: [],
      kept: 0,
    });
  });

  it("runs from the command line: npm run clean:orphans (the script it names) sweeps this database's folder", async () => {
    const orphan = await fileOnDisk(storedName("pdf"), 2 * HOUR);
    const fresh = await fileOnDisk(storedName("pdf"), 60_000);
    const scripts = JSON.parse(await fs.readFile("package.json", "utf8")) as { scripts: Record<string, string> };
    expect(scripts.scripts["clean:orphans"]).toBe("tsx scripts/clean-orphans.ts");
    await promisify(execFile)(path.resolve("node_modules/.bin/tsx"), ["scripts/clean-orphans.ts"], {
      env: { ...process.env, UPLOAD_DIR: dir, LOG_LEVEL: "silent" },
      timeout: 60_000,
    });
    expect(await exists(orphan)).toBe(false);
    expect(await exists(fresh)).toBe(true);
  }, 90_000);
});
