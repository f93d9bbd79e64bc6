import { randomBytes } from "node:crypto";
import path from "node:path";
import { json } from "@remix-run/node";
import { fileTypeFromBuffer } from "file-type";
import { env, s3Settings } from "~/env.server";
import { logger } from "~/utils/logger.server";
import { displayFileName, readMultipart } from "~/utils/multipart.server";
import { diskStore, s3Store, StorageUnavailableError, type ObjectStore } from "~/utils/object-storage.server";

export type UploadKind = "LOGO" | "IMAGE" | "BROCHURE" | "ATTACHMENT";

const MB = 1024 * 1024;
const images = { "image/png": "png", "image/jpeg": "jpg", "image/webp": "webp" } as const;
const pdf = { "application/pdf": "pdf" } as const;

export const uploadRules: Record<
  UploadKind,
  { maxBytes: number; types: Record<string, string>; extensions: string[] }
> = {
  LOGO: { maxBytes: 1 * MB, types: images, extensions: ["png", "jpg", "jpeg", "webp"] },
  IMAGE: { maxBytes: 5 * MB, types: images, extensions: ["png", "jpg", "jpeg", "webp"] },
  BROCHURE: { maxBytes: 10 * MB, types: pdf, extensions: ["pdf"] },
  ATTACHMENT: { maxBytes: 10 * MB, types: pdf, extensions: ["pdf"] },
};

// The largest single file any form accepts; bigger parts stop the parse.
export const MAX_UPLOAD_BYTES = 10 * MB;

export type ParsedMultipart = { formData: FormData; tooLarge: false } | { formData: null; tooLarge: true };

// The whole of a one-file form (a proposal, an import): its file at the cap
// plus room for the text fields. Twelve extra 9 MB parts are each under the
// file cap, so the total is what refuses them.
export const MAX_ONE_FILE_FORM_BYTES = MAX_UPLOAD_BYTES + 1 * MB;

// Reads a multipart form, keeping files in memory up to MAX_UPLOAD_BYTES each
// and MAX_ONE_FILE_FORM_BYTES together. A declared length over the total is
// refused before reading; otherwise the count stops the parse while streaming.
// A body that is not multipart at all cannot be answered with the form, so it
// is a 400 error page with a message (unreadableUpload).
export async function parseMultipartForm(request: Request): Promise<ParsedMultipart> {
  const read = await readMultipart(request, {
    fileBytes: () => MAX_UPLOAD_BYTES,
    totalBytes: MAX_ONE_FILE_FORM_BYTES,
    fieldBytes: 256 * 1024,
    parts: 1000,
  });
  if (read.status === "malformed") throw unreadableUpload();
  if (read.status === "tooLarge" || read.files.some((f) => !f.file)) return { formData: null, tooLarge: true };
  const formData = new FormData();
  for (const [name, value] of read.fields) formData.append(name, value);
  for (const file of read.files) formData.append(file.field, file.file!);
  return { formData, tooLarge: false };
}

/** The 400 page for a multipart body that cannot be read (the root error boundary shows the message). */
export function unreadableUpload(): Response {
  return json({ messageKey: "inputChecks.uploadUnreadable" }, { status: 400 });
}

export type StoredUpload = { storedName: string; originalName: string; mimeType: string; sizeBytes: number };
export type UploadCheck = { ok: true; upload: StoredUpload; bytes: Uint8Array } | { ok: false; error: string };

export function uploadDir(): string {
  return path.resolve(env.UPLOAD_DIR);
}

// Checks a file by its first bytes as well as its name: a ".pdf" that is
// really an executable is refused. The stored name is random, so nothing
// the user typed ever becomes part of a path.
export async function checkUpload(file: File, kind: UploadKind): Promise<UploadCheck> {
  const rule = uploadRules[kind];
  if (file.size > rule.maxBytes)
    return { ok: false, error: `validation.fileTooLarge|${Math.round(rule.maxBytes / MB)}` };
  const extension = path.extname(file.name).slice(1).toLowerCase();
  const bytes = new Uint8Array(await file.arrayBuffer());
  const detected = await fileTypeFromBuffer(bytes);
  if (!rule.extensions.includes(extension) || !detected || !(detected.mime in rule.types)) {
    return { ok: false, error: `validation.fileType|${rule.extensions.join(", ")}` };
  }
  const storedName = `${randomBytes(16).toString("hex")}.${rule.types[detected.mime]}`;
  return {
    ok: true,
    bytes,
    upload: { storedName, originalName: displayFileName(file.name), mimeType: detected.mime, sizeBytes: file.size },
  };
}

// Uploads sit in UPLOAD_DIR, or under "uploads/" in the S3 bucket when one
// is configured, so that every app process reads what any of them wrote.
let store: ObjectStore | undefined;
export function uploadStore(): ObjectStore {
  const s3 = s3Settings();
  store ??= s3 ? s3Store(s3, "uploads/") : diskStore(uploadDir());
  return store;
}

// Only names checkUpload makes; nothing else is ever read or removed.
export const STORED_NAME = /^[a-f0-9]{32}\.(png|jpg|webp|pdf)$/;

/**
 * The 503 page for a storage that does not answer (the root error boundary
 * shows the message). Thrown before any row is written, so nothing names a
 * file that never arrived.
 */
export function storageUnavailable(error: StorageUnavailableError): Response {
  logger.error({ err: error }, "upload storage unavailable");
  return json({ messageKey: "inputChecks.storageUnavailable" }, { status: 503, headers: { "Retry-After": "30" } });
}

export async function writeUpload(check: Extract<UploadCheck, { ok: true }>): Promise<void> {
  try {
    await uploadStore().put(check.upload.storedName, check.bytes, check.upload.mimeType);
  } catch (error) {
    if (error instanceof StorageUnavailableError) throw storageUnavailable(error);
    throw error;
  }
}

/** The stored file's bytes; null for a name checkUpload never makes or a file that is gone. A storage that does not answer is a 503. */
export async function readUpload(storedName: string): Promise<Buffer | null> {
  if (!STORED_NAME.test(storedName)) return null;
  try {
    return await uploadStore().get(storedName);
  } catch (error) {
    if (error instanceof StorageUnavailableError) throw storageUnavailable(error);
    throw error;
  }
}

/**
 * Removes a stored file. A storage that does not answer is logged, not
 * thrown: the caller's change is already decided (a replaced logo, a failed
 * form), and the orphan sweep removes the file once storage is back.
 */
export async function deleteUpload(storedName: string): Promise<void> {
  if (!STORED_NAME.test(storedName)) return;
  await uploadStore()
    .delete(storedName)
    .catch((error: unknown) => {
      if (!(error instanceof StorageUnavailableError)) throw error;
      logger.warn({ err: error, storedName }, "could not delete upload; the orphan sweep will");
    });
}

/** Throws unless upload storage answers and takes writes (the S3 bucket, or a writable UPLOAD_DIR): for /readyz. */
export async function checkUploadStorage(): Promise<void> {
  await uploadStore().check();
}
