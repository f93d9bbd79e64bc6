// Reads a multipart/form-data body for every upload form (offers, both
// propose forms, the staff import) with busboy, bounded while it streams.
//
// Remix 2's own parser (@web3-storage/multipart-parser) splits the
// Content-Disposition header on every ";" and "=", so a file honestly named
// "a;b.png" or "a=b.png" threw, and the form answered 500. busboy parses the
// header as RFC 7578/2231 says (quoted strings, filename*=UTF-8''…).
import { Readable } from "node:stream";
import type { ReadableStream as NodeReadableStream } from "node:stream/web";
import busboy from "busboy";
import { logger } from "~/utils/logger.server";

export type MultipartFile = {
  field: string;
  /** Safe to show and store (see displayFileName); never used in a path. */
  filename: string;
  type: string;
  size: number;
  /** Null when the file was bigger than its field's limit: drained, not kept. */
  file: File | null;
};

export type MultipartResult =
  | { status: "ok"; fields: [string, string][]; files: MultipartFile[] }
  | { status: "tooLarge" }
  | { status: "malformed"; reason: string };

export type MultipartLimits = {
  /** Largest file kept for this field; 0 drains the part without keeping it. */
  fileBytes: (field: string) => number;
  /** The whole body: more than this stops the read. */
  totalBytes: number;
  /** One text field. */
  fieldBytes: number;
  /** Fields and files together. */
  parts: number;
};

const MAX_NAME_CHARS = 200;

/**
 * What an uploaded file is called on screen and in the database: the last
 * path segment, NFC, control characters dropped, at most 200 characters with
 * the extension kept. The file itself is stored under a random name.
 */
export function displayFileName(raw: string): string {
  const base = (raw.split(/[/\\]/).pop() ?? "")
    .normalize("NFC")
    .replace(/\p{Cc}/gu, "")
    .trim();
  const chars = Array.from(base);
  if (chars.length <= MAX_NAME_CHARS) return base;
  const dot = base.lastIndexOf(".");
  const extension = dot > 0 && base.length - dot <= 10 ? base.slice(dot) : "";
  return (
    Array.from(base.slice(0, base.length - extension.length))
      .slice(0, MAX_NAME_CHARS - extension.length)
      .join("") + extension
  );
}

export async function readMultipart(request: Request, limits: MultipartLimits): Promise<MultipartResult> {
  // A declared length over the cap is refused before any byte is read.
  if (Number(request.headers.get("content-length") ?? 0) > limits.totalBytes) return { status: "tooLarge" };
  if (!request.body) return { status: "malformed", reason: "no body" };
  let parser: busboy.Busboy;
  try {
    parser = busboy({
      headers: { "content-type": request.headers.get("content-type") ?? "" },
      // Browsers send file names as raw UTF-8; busboy's default would read them as Latin-1.
      defParamCharset: "utf8",
      limits: { fieldSize: limits.fieldBytes, parts: limits.parts, fieldNameSize: 200 },
    });
  } catch (error) {
    // No boundary, or not multipart at all.
    return { status: "malformed", reason: (error as Error).message };
  }
  const source = Readable.fromWeb(request.body as unknown as NodeReadableStream<Uint8Array>);

  return new Promise<MultipartResult>((resolve) => {
    const fields: [string, string][] = [];
    const files: MultipartFile[] = [];
    let total = 0;
    let settled = false;
    const finish = (result: MultipartResult) => {
      if (settled) return;
      settled = true;
      if (result.status !== "ok") {
        // Stop reading the rest of the body: nothing more is wanted from it.
        source.unpipe(parser);
        source.destroy();
        parser.removeAllListeners();
        parser.on("error", () => undefined);
      }
      resolve(result);
    };
    const count = (bytes: number) => {
      total += bytes;
      if (total > limits.totalBytes) finish({ status: "tooLarge" });
    };

    parser.on("field", (name, value, info) => {
      count(Buffer.byteLength(name) + Buffer.byteLength(value));
      if (info.valueTruncated || info.nameTruncated) return finish({ status: "tooLarge" });
      fields.push([name, value]);
    });
    parser.on("file", (field, stream, info) => {
      const limit = limits.fileBytes(field);
      const chunks: Buffer[] = [];
      let size = 0;
      stream.on("data", (chunk: Buffer) => {
        size += chunk.length;
        count(chunk.length);
        if (size <= limit) chunks.push(chunk);
      });
      stream.on("end", () => {
        if (settled) return;
        const filename = displayFileName(info.filename ?? "");
        // An empty file input: the browser sends a part with no name and no bytes.
        if (!filename && size === 0) return;
        if (limit === 0) return;
        files.push({
          field,
          filename,
          type: info.mimeType,
          size,
          file: size <= limit ? new File(chunks as unknown as BlobPart[], filename, { type: info.mimeType }) : null,
        });
      });
    });
    parser.on("partsLimit", () => finish({ status: "malformed", reason: "too many parts" }));
    parser.on("error", (error: Error) => {
      logger.info({ reason: error.message }, "multipart body refused");
      finish({ status: "malformed", reason: error.message });
    });
    parser.on("close", () => finish({ status: "ok", fields, files }));
    source.on("error", (error) => finish({ status: "malformed", reason: error.message }));
    source.pipe(parser);
  });
}
