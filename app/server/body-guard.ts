import { randomBytes } from "node:crypto";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import busboy from "busboy";
import contentType from "content-type";
import type { NextFunction, Request, Response } from "express";
import en from "~/i18n/en";
import vi from "~/i18n/vi";
import { logger } from "~/utils/logger.server";
import { WEBHOOK_PREFIX } from "./security";

// Every request body is read here, once, before any route runs: bounded in
// size while it streams, and checked in shape before a form parser builds
// objects from it. Form parsers turn `x[99999999]=1` into an array of that
// length (a 43-byte request once froze the server for 93 s), so names are
// refused here rather than in each route.
const MB = 1024 * 1024;
export const bodyLimits = {
  // application/x-www-form-urlencoded: text fields only; the longest honest
  // form (an offer without its files) is well under 100 kB.
  formBytes: 1 * MB,
  // multipart/form-data, all parts together. A backstop for every upload
  // form: each form reader also applies its own, smaller total (the offer
  // form's is the largest, 33 MB), and each file its own cap.
  multipartBytes: 40 * MB,
  // Stripe's events are a few kB; the cap is checked before the signature.
  webhookBytes: 1 * MB,
  // Fields (or multipart parts) in one form: the busiest form (an offer with
  // every package and reference row filled) has under 150.
  maxFields: 1000,
  // The largest list index any form uses is below 10 (packages, references).
  maxFieldIndex: 100,
  maxFieldNameLength: 200,
} as const;

const SAFE_METHODS = new Set(["GET", "HEAD", "OPTIONS"]);
// Routes whose action also takes a JSON body (the term-suggestion endpoint
// scripts call), bounded like a form.
const JSON_ENDPOINTS = new Set(["/taxonomy/suggest"]);
const FORM = "application/x-www-form-urlencoded";
const MULTIPART = "multipart/form-data";
// Names that would reach an object's prototype once a parser nests them.
const FORBIDDEN_SEGMENTS = new Set(["__proto__", "prototype", "constructor"]);

/** What the guard read, for the Remix handler to pass on instead of the socket. */
export type GuardedBody = { kind: "buffer"; bytes: Buffer } | { kind: "file"; path: string };

declare module "express-serve-static-core" {
  interface Request {
    guardedBody?: GuardedBody;
  }
}

type Refusal = { status: 400 | 411 | 413 | 415; message: string; headers?: Record<string, string> };
type Catalogue = typeof vi.requestGuard;

// The visitor's language, as the pages pick it: ?lng=, then the lng cookie
// (a Remix cookie: base64 of a JSON string), else Vietnamese.
export function requestLanguage(req: Pick<Request, "query" | "headers">): "vi" | "en" {
  if (req.query.lng === "en" || req.query.lng === "vi") return req.query.lng;
  return cookieLanguage(req.headers.cookie);
}

/** The language the lng cookie in a Cookie header names; Vietnamese without one. */
export function cookieLanguage(cookieHeader: string | null | undefined): "vi" | "en" {
  const raw = cookieHeader?.match(/(?:^|;\s*)lng=([^;]*)/)?.[1];
  if (!raw) return "vi";
  try {
    return JSON.parse(Buffer.from(decodeURIComponent(raw), "base64").toString("utf8")) === "en" ? "en" : "vi";
  } catch {
    return "vi";
  }
}

// How much of a refused body is still read (and thrown away) before the
// answer, so that the client, which is usually still sending, reads the 4xx
// instead of a connection reset. Bodies declared bigger, or that do not end
// within the wait, are answered at once and the connection is closed.
const DRAIN_BYTES = 8 * MB;
const DRAIN_WAIT_MS = 2_000;

function refuse(req: Request, res: Response, refusal: Refusal) {
  req.log?.warn({ status: refusal.status, reason: refusal.message }, "request body refused");
  let answered = false;
  const answer = () => {
    if (answered || res.headersSent || res.destroyed) return;
    answered = true;
    clearTimeout(timer);
    req.off("data", onData).off("end", answer);
    // The unread rest of a refused body would otherwise be parsed as the
    // next request on a keep-alive connection; closing it is the clean end.
    res.set("Connection", "close");
    res
      .status(refusal.status)
      .set(refusal.headers ?? {})
      .type("text/plain; charset=utf-8")
      .send(refusal.message);
  };
  let drained = 0;
  const onData = (chunk: Buffer) => {
    drained += chunk.length;
    if (drained > DRAIN_BYTES) answer();
  };
  const timer = setTimeout(answer, DRAIN_WAIT_MS);
  timer.unref();
  const declared = declaredLength(req);
  if (req.complete || (declared !== null && declared > DRAIN_BYTES + bodyLimits.multipartBytes)) return answer();
  req.on("data", onData).on("end", answer);
  req.resume();
}

function message(req: Request, key: keyof Catalogue, values: Record<string, string | number> = {}): string {
  const template = (requestLanguage(req) === "en" ? en.requestGuard : vi.requestGuard)[key];
  return template.replace(/\{\{(\w+)\}\}/g, (_, name: string) => String(values[name] ?? ""));
}

const tooLarge = (req: Request, limit: number): Refusal => ({
  status: 413,
  message: message(req, "tooLarge", { limit: limit / MB }),
});
const malformed = (req: Request): Refusal => ({ status: 400, message: message(req, "malformed") });

/**
 * Why a form field name is refused, or null when it is fine: list indexes
 * above a small bound, prototype names, and absurd lengths.
 */
export function fieldNameProblem(name: string): string | null {
  if (name.length > bodyLimits.maxFieldNameLength) return "length";
  for (const match of name.matchAll(/\[(\d*)\]/g)) {
    const index = match[1]!;
    if (index.length > 3 || Number(index) > bodyLimits.maxFieldIndex) return "index";
  }
  for (const segment of name.split(/[.[\]]+/)) if (FORBIDDEN_SEGMENTS.has(segment)) return "prototype";
  return null;
}

function checkFieldNames(req: Request, names: Iterable<string>): Refusal | null {
  let count = 0;
  for (const name of names) {
    count += 1;
    if (count > bodyLimits.maxFields)
      return { status: 400, message: message(req, "tooManyFields", { limit: bodyLimits.maxFields }) };
    if (fieldNameProblem(name))
      return { status: 400, message: message(req, "badFieldName", { name: name.slice(0, 60) }) };
  }
  return null;
}

function declaredLength(req: Request): number | null {
  const header = req.headers["content-length"];
  if (header === undefined) return null;
  const length = Number(header);
  return Number.isSafeInteger(length) && length >= 0 ? length : Number.POSITIVE_INFINITY;
}

// Reads a body into memory, stopping as soon as it passes `limit`.
function readLimited(req: Request, limit: number): Promise<Buffer | "too-large"> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    const onData = (chunk: Buffer) => {
      size += chunk.length;
      if (size > limit) {
        cleanup();
        req.pause();
        resolve("too-large");
        return;
      }
      chunks.push(chunk);
    };
    const onEnd = () => {
      cleanup();
      resolve(Buffer.concat(chunks));
    };
    const onError = (error: Error) => {
      cleanup();
      reject(error);
    };
    const cleanup = () => {
      req.off("data", onData);
      req.off("end", onEnd);
      req.off("error", onError);
      req.off("aborted", onAborted);
    };
    const onAborted = () => onError(new Error("client aborted"));
    req.on("data", onData);
    req.on("end", onEnd);
    req.on("error", onError);
    req.on("aborted", onAborted);
  });
}

async function guardUrlEncoded(req: Request): Promise<Refusal | GuardedBody> {
  const body = await readLimited(req, bodyLimits.formBytes);
  if (body === "too-large") return tooLarge(req, bodyLimits.formBytes);
  // Only the names are needed here; URLSearchParams is linear in the size.
  const names = (function* () {
    for (const [name] of new URLSearchParams(body.toString("latin1")))
      yield Buffer.from(name, "latin1").toString("utf8");
  })();
  // No keyboard types a NUL, and PostgreSQL refuses it in text (a 500 there
  // while SQLite stored it), so a form value with one is refused for both.
  if (body.includes(0) || /%00/.test(body.toString("latin1")))
    return { status: 400, message: message(req, "nulCharacter") };
  return checkFieldNames(req, names) ?? { kind: "buffer", bytes: body };
}

// A multipart body is spooled to a temporary file while busboy checks its
// syntax and names, so no route sees an unterminated or oversized form and
// memory stays flat whatever the upload's size. The socket is read by hand,
// not piped: a pipeline would destroy it on a refusal, and the client would
// never read the answer.
async function guardMultipart(req: Request, boundary: string | undefined): Promise<Refusal | GuardedBody> {
  if (!boundary) return malformed(req);
  let parser: busboy.Busboy;
  try {
    parser = busboy({
      headers: req.headers,
      limits: {
        fields: bodyLimits.maxFields,
        files: bodyLimits.maxFields,
        parts: bodyLimits.maxFields,
        fieldNameSize: bodyLimits.maxFieldNameLength,
      },
    });
  } catch {
    return malformed(req);
  }
  const file = path.join(os.tmpdir(), `hte-form-${randomBytes(12).toString("hex")}`);
  const spool = fs.createWriteStream(file, { flags: "wx", mode: 0o600 });
  const names: string[] = [];
  let refusal: Refusal | null = null;
  const tooMany = () =>
    (refusal ??= { status: 400, message: message(req, "tooManyFields", { limit: bodyLimits.maxFields }) });
  let nul = false;
  parser.on("field", (name, value) => {
    names.push(name);
    if (value.includes("\u0000")) nul = true;
  });
  parser.on("file", (name, stream) => {
    names.push(name);
    stream.resume();
  });
  parser.on("partsLimit", tooMany).on("filesLimit", tooMany).on("fieldsLimit", tooMany);

  const outcome = await new Promise<"ok" | "too-large" | "malformed" | "aborted">((resolve) => {
    let size = 0;
    let settled = false;
    const finish = (result: "ok" | "too-large" | "malformed" | "aborted") => {
      if (settled) return;
      settled = true;
      req.off("data", onData).off("end", onEnd).off("aborted", onAborted).off("error", onAborted);
      if (result !== "ok") req.pause();
      resolve(result);
    };
    const onData = (chunk: Buffer) => {
      size += chunk.length;
      if (size > bodyLimits.multipartBytes) return finish("too-large");
      parser.write(chunk);
      if (!spool.write(chunk)) {
        req.pause();
        spool.once("drain", () => req.resume());
      }
    };
    const onEnd = () => {
      parser.end();
      spool.end();
    };
    const onAborted = () => finish("aborted");
    let parsed = false;
    let spooled = false;
    parser.on("close", () => {
      parsed = true;
      if (spooled) finish("ok");
    });
    parser.on("error", () => finish("malformed"));
    spool.on("finish", () => {
      spooled = true;
      if (parsed) finish("ok");
    });
    spool.on("error", () => finish("aborted"));
    req.on("data", onData).on("end", onEnd).on("aborted", onAborted).on("error", onAborted);
  });
  if (outcome !== "ok") {
    parser.removeAllListeners("error").on("error", () => {});
    spool.destroy();
    await fs.promises.rm(file, { force: true });
    if (outcome === "aborted") throw new Error("client aborted");
    return outcome === "too-large" ? tooLarge(req, bodyLimits.multipartBytes) : malformed(req);
  }
  if (nul) refusal ??= { status: 400, message: message(req, "nulCharacter") };
  refusal ??= checkFieldNames(req, names);
  if (refusal) {
    await fs.promises.rm(file, { force: true });
    return refusal;
  }
  return { kind: "file", path: file };
}

/** Removes a spooled body once its response is done, however it ended. */
export function releaseGuardedBody(req: Request) {
  const body = req.guardedBody;
  if (body?.kind === "file") fs.rm(body.path, { force: true }, () => {});
}

export function bodyGuard() {
  return (req: Request, res: Response, next: NextFunction) => {
    if (SAFE_METHODS.has(req.method)) return next();
    run(req)
      .then((outcome) => {
        if (outcome === "aborted") return;
        if (outcome) return refuse(req, res, outcome);
        res.on("close", () => releaseGuardedBody(req));
        next();
      })
      .catch((error: unknown) => {
        // The client went away mid-body: nobody is left to answer.
        logger.debug({ err: error }, "request body aborted");
        if (!res.headersSent) res.destroy();
      });
  };
}

async function run(req: Request): Promise<Refusal | null | "aborted"> {
  const length = declaredLength(req);
  const chunked = req.headers["transfer-encoding"] !== undefined;
  const hasBody = chunked || (length !== null && length > 0);
  let type: { type: string; parameters: Record<string, string> } | null = null;
  if (req.headers["content-type"]) {
    try {
      type = contentType.parse(req.headers["content-type"]);
    } catch {
      type = { type: "invalid", parameters: {} };
    }
  }

  if (req.path.startsWith(WEBHOOK_PREFIX)) {
    if (length !== null && length > bodyLimits.webhookBytes) return tooLarge(req, bodyLimits.webhookBytes);
    if (type?.type !== "application/json")
      return { status: 415, message: message(req, "webhookType"), headers: { "Accept-Post": "application/json" } };
    const body = await readLimited(req, bodyLimits.webhookBytes);
    if (body === "too-large") return tooLarge(req, bodyLimits.webhookBytes);
    req.guardedBody = { kind: "buffer", bytes: body };
    return null;
  }

  // The few endpoints that read JSON as well as forms; everywhere else JSON
  // is a wrong content type (415) rather than something a route half-reads.
  if (type?.type === "application/json" && JSON_ENDPOINTS.has(req.path)) {
    if (length !== null && length > bodyLimits.formBytes) return tooLarge(req, bodyLimits.formBytes);
    const body = await readLimited(req, bodyLimits.formBytes);
    if (body === "too-large") return tooLarge(req, bodyLimits.formBytes);
    req.guardedBody = { kind: "buffer", bytes: body };
    return null;
  }
  const acceptPost = { "Accept-Post": `${FORM}, ${MULTIPART}` };
  if (!hasBody) {
    // An empty post (a bare button) reads as an empty form, whatever it
    // claimed to be, so every action can parse it without throwing.
    req.headers["content-type"] = FORM;
    req.guardedBody = { kind: "buffer", bytes: Buffer.alloc(0) };
    return null;
  }
  if (type?.type === FORM) {
    if (length !== null && length > bodyLimits.formBytes) return tooLarge(req, bodyLimits.formBytes);
    const outcome = await guardUrlEncoded(req);
    if ("status" in outcome) return outcome;
    req.guardedBody = outcome;
    return null;
  }
  if (type?.type === MULTIPART) {
    if (length !== null && length > bodyLimits.multipartBytes) return tooLarge(req, bodyLimits.multipartBytes);
    let outcome: Refusal | GuardedBody;
    try {
      outcome = await guardMultipart(req, type.parameters.boundary);
    } catch {
      return "aborted";
    }
    if ("status" in outcome) return outcome;
    req.guardedBody = outcome;
    return null;
  }
  return { status: 415, message: message(req, "unsupportedType"), headers: acceptPost };
}
