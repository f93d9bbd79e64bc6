// The offer form's HTTP side, for the routes that create and edit offers:
// reading the multipart request, checking its files, the schema with the
// checks that need the database, and conform's replies for the buttons that
// do not save (add/remove a row) and for a request too big to read. The
// writes themselves are in app/models/offer-editing.server.ts.
import type { SubmissionResult } from "@conform-to/react";
import { parseWithZod } from "@conform-to/zod";
import type { MediaKind } from "~/db.server";
import { invalidTermFields } from "~/models/offer-editing.server";
import type { CheckedMedia } from "~/models/offer-content.server";
import { MAX_IMAGES, MAX_PACKAGES, MAX_REFERENCES, ROW_INTENT, offerSchema } from "~/schemas/offer";
import { readMultipart } from "~/utils/multipart.server";
import { checkUpload, unreadableUpload, uploadRules } from "~/utils/uploads.server";

const MB = 1024 * 1024;

// Reading the multipart form. An oversized file is drained and flagged rather
// than aborting the parse, so the provider keeps everything typed.

export const fileFields = { logo: "LOGO", images: "IMAGE", brochure: "BROCHURE" } as const satisfies Record<
  string,
  MediaKind
>;
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
  const files = read.files.map(
    ({ field, file }): IncomingFile =>
      file ? { field: field as FileField, file } : { field: field as FileField, oversize: true },
  );
  return { tooLarge: false, formData, files };
}

export async function checkOfferFiles(files: IncomingFile[], keptImages: number) {
  const errors: Partial<Record<FileField, string[]>> = {};
  const checked: CheckedMedia[] = [];
  for (const field of Object.keys(fileFields) as FileField[]) {
    const kind = fileFields[field];
    const incoming = files.filter((f) => f.field === field);
    const max = field === "images" ? MAX_IMAGES - keptImages : 1;
    if (incoming.length > max) {
      errors[field] = [
        field === "images" ? `offers.validation.tooManyImages|${MAX_IMAGES}` : "offers.validation.oneFile",
      ];
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
    for (const field of await invalidTermFields(value))
      ctx.addIssue({ path: [field], code: "custom", message: "validation.invalidChoice" });
  });
}

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

// What the form shows when the request was too big to read at all.
export function tooLargeResult(): SubmissionResult<string[]> {
  return {
    status: "error",
    error: { "": [`offers.validation.requestTooLarge|${Math.floor(MAX_OFFER_REQUEST_BYTES / MB)}`] },
  };
}
