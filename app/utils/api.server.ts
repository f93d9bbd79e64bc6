import { createHash } from "node:crypto";
import { json } from "@remix-run/node";
import type { TFunction } from "i18next";
import { translateError } from "~/components/form";
import { i18next } from "~/i18n/i18next.server";
import { allowanceHeaders, consumeApiRequest } from "~/utils/rate-limit.server";

// Every public API error has one shape, with the message in the caller's
// language (cookie or Accept-Language, Vietnamese by default).
export function apiError(
  status: number,
  code: string,
  message: string,
  details?: { field: string; message: string }[],
) {
  return json(
    { error: { code, message, ...(details ? { details } : {}) } },
    { status, headers: { "Cache-Control": "no-store" } },
  );
}

export function apiValidationError(t: TFunction, errors: { field: string; message: string }[]) {
  const details = errors.map((error) => ({ field: error.field, message: translateError(t, error.message) }));
  return apiError(
    400,
    "invalid_parameters",
    details.map((detail) => `${detail.field}: ${detail.message}`).join(" "),
    details,
  );
}

// A weak validator from the body itself: the same answer always has the same
// tag whichever process or database built it, so no state is kept for it.
export function etagOf(text: string | Buffer): string {
  return `W/"${createHash("sha256").update(text).digest("base64url").slice(0, 32)}"`;
}

// If-None-Match compares weakly (RFC 9110 13.1.2): W/"x" and "x" are the same.
export function notModified(request: Request, etag: string): boolean {
  const header = request.headers.get("If-None-Match");
  if (!header) return false;
  const bare = (tag: string) => tag.trim().replace(/^W\//, "");
  return header.split(",").some((tag) => tag.trim() === "*" || bare(tag) === bare(etag));
}

/** JSON with an ETag, or 304 without a body when the caller already has it. */
export function jsonWithEtag(request: Request, data: unknown, headers: Record<string, string> = {}): Response {
  const text = JSON.stringify(data);
  const etag = etagOf(text);
  const common = { ETag: etag, "Cache-Control": "public, max-age=60", ...headers };
  if (notModified(request, etag)) return new Response(null, { status: 304, headers: common });
  return new Response(text, { status: 200, headers: { "Content-Type": "application/json; charset=utf-8", ...common } });
}

// Browser clients on other origins may read these (CORS hides them otherwise).
const EXPOSED = "ETag, RateLimit-Limit, RateLimit-Remaining, RateLimit-Reset, Retry-After";

/**
 * Every /api/v1 answer goes through here: the per-IP limit (429 with
 * Retry-After, in the language of ?lng), the RateLimit-* headers, and open
 * CORS (answers never depend on cookies).
 */
export async function limitedApi(
  args: { request: Request; context: { clientIp?: string } },
  handler: () => Promise<Response>,
): Promise<Response> {
  const allowance = await consumeApiRequest(args.context.clientIp ?? "unknown");
  let response: Response;
  if (allowance && !allowance.allowed) {
    const t = await i18next.getFixedT(new URL(args.request.url).searchParams.get("lng") === "en" ? "en" : "vi");
    response = apiError(429, "rate_limited", t("openData.rateLimited", { seconds: allowance.resetSeconds }));
    response.headers.set("Retry-After", String(allowance.resetSeconds));
  } else {
    response = await handler();
  }
  if (allowance)
    for (const [name, value] of Object.entries(allowanceHeaders(allowance))) response.headers.set(name, value);
  response.headers.set("Access-Control-Allow-Origin", "*");
  response.headers.set("Access-Control-Expose-Headers", EXPOSED);
  return response;
}
