import { randomBytes } from "node:crypto";
import fs from "node:fs/promises";
import path from "node:path";
import {
  unstable_composeUploadHandlers,
  unstable_createMemoryUploadHandler,
  unstable_parseMultipartFormData,
  MaxPartSizeExceededError,
} from "@remix-run/node";
import { fileTypeFromBuffer } from "file-type";
import { env } from "~/env.server";

export type UploadKind = "LOGO" | "IMAGE" | "BROCHURE" | "ATTACHMENT";

const MB = 1024 * 1024;
const images = { "image/png": "png", "image/jpeg": "jpg", "image/webp": "webp" } as const;
const pdf = { "application/pdf": "pdf" } as const;

export const uploadRules: Record<UploadKind, { maxBytes: number; types: Record<string, string>; extensions: string[] }> = {
  LOGO: { maxBytes: 1 * MB, types: images, extensions: ["png", "jpg", "jpeg", "webp"] },
  IMAGE: { maxBytes: 5 * MB, types: images, extensions: ["png", "jpg", "jpeg", "webp"] },
  BROCHURE: { maxBytes: 10 * MB, types: pdf, extensions: ["pdf"] },
  ATTACHMENT: { maxBytes: 10 * MB, types: pdf, extensions: ["pdf"] },
};

// The largest single file any form accepts; bigger parts stop the parse.
export const MAX_UPLOAD_BYTES = 10 * MB;

export type ParsedMultipart = { formData: FormData; tooLarge: false } | { formData: null; tooLarge: true };

// Reads a multipart form, keeping files in memory up to MAX_UPLOAD_BYTES. A
// 20 MB upload is refused while streaming, not after it has filled memory.
export async function parseMultipartForm(request: Request): Promise<ParsedMultipart> {
  try {
    const formData = await unstable_parseMultipartFormData(
      request,
      unstable_composeUploadHandlers(unstable_createMemoryUploadHandler({ maxPartSize: MAX_UPLOAD_BYTES })),
    );
    return { formData, tooLarge: false };
  } catch (error) {
    if (error instanceof MaxPartSizeExceededError) return { formData: null, tooLarge: true };
    throw error;
  }
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
  if (file.size > rule.maxBytes) return { ok: false, error: `validation.fileTooLarge|${Math.round(rule.maxBytes / MB)}` };
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
    upload: { storedName, originalName: path.basename(file.name).slice(0, 200), mimeType: detected.mime, sizeBytes: file.size },
  };
}

export async function writeUpload(check: Extract<UploadCheck, { ok: true }>): Promise<void> {
  await fs.mkdir(uploadDir(), { recursive: true });
  await fs.writeFile(path.join(uploadDir(), check.upload.storedName), check.bytes, { flag: "wx" });
}

export async function readUpload(storedName: string): Promise<Buffer | null> {
  if (!/^[a-f0-9]{32}\.(png|jpg|webp|pdf)$/.test(storedName)) return null;
  return fs.readFile(path.join(uploadDir(), storedName)).catch(() => null);
}

export async function deleteUpload(storedName: string): Promise<void> {
  if (!/^[a-f0-9]{32}\.(png|jpg|webp|pdf)$/.test(storedName)) return;
  await fs.rm(path.join(uploadDir(), storedName), { force: true });
}
