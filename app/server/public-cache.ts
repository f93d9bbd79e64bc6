import type { Request, Response } from "express";
import { LRUCache } from "lru-cache";
import { dataVersion } from "~/utils/data-version.server";
import { requestLanguage } from "./body-guard";

// The answers every anonymous visitor gets alike: public pages and the open
// API, rendered once and served from memory until the data changes.
//
// Who is served from it: GET requests with no session cookie (no signed-in
// user, no pending flash message) and no Authorization header, on the public
// paths below. A signed-in visitor always gets a fresh render, so nothing
// personal can be kept here. The key is the language the page is rendered in
// (the lng cookie or ?lng=) and the full URL.
//
// What is kept: 200 answers in HTML or JSON with no Set-Cookie, up to 1 MB.
// An answer is kept only if no write landed while it was rendered, and is
// dropped as soon as the next write commits (app/utils/data-version.server.ts)
// or after `ttlMs`, the bound on staleness when another process wrote.
//
// What stays per request: the CSP nonce (each answer gets its own, written
// where the render's nonce was), the security headers (set before this runs),
// the API's rate limit (counted on every hit) and the request log.

const PUBLIC_PATH =
  /^\/(?:|search|offers(?:\/[^/]+)?|major-problems(?:\/[^/]+(?:\/[^/]+)?)?|problems(?:\/[^/]+)?|organisations(?:\/[^/]+)?|market(?:\/compare)?|results|open-data|how-it-works|faq|terms|privacy|accessibility|contact|api\/v1\/.*)$/;
const MAX_BODY_BYTES = 1024 * 1024;
// Headers that belong to one answer, not to the page: recomputed per request.
const PER_REQUEST_HEADERS = new Set([
  "date",
  "content-length",
  "connection",
  "keep-alive",
  "transfer-encoding",
  "set-cookie",
  "ratelimit-limit",
  "ratelimit-remaining",
  "ratelimit-reset",
]);

export type CachedAnswer = {
  headers: [string, string][];
  /** The body cut where the render's CSP nonce was; joined with the visitor's own. */
  parts: string[];
  etag: string | null;
  version: number;
  bytes: number;
};

export type PublicCache = ReturnType<typeof createPublicCache>;

export function createPublicCache(options: { ttlMs: number; maxBytes: number }) {
  const answers = new LRUCache<string, CachedAnswer>({
    maxSize: options.maxBytes,
    sizeCalculation: (answer) => answer.bytes + 512,
    ttl: options.ttlMs,
  });
  // Concurrent misses on one key wait for the first render instead of all
  // rendering the same page (after a write, a busy page would otherwise be
  // rendered once per waiting visitor).
  const rendering = new Map<string, Promise<CachedAnswer | null>>();
  const enabled = options.ttlMs > 0 && options.maxBytes > 0;

  return {
    /** The cache key for this request, or null when it must be rendered for this visitor. */
    keyFor(req: Request): string | null {
      if (!enabled || req.method !== "GET") return null;
      if (req.headers.authorization) return null;
      if (/(?:^|;\s*)__session=/.test(req.headers.cookie ?? "")) return null;
      if (!PUBLIC_PATH.test(req.path)) return null;
      return `${requestLanguage(req)} ${req.originalUrl}`;
    },

    /** A kept answer still current for the data this process has. */
    get(key: string): CachedAnswer | null {
      const answer = answers.get(key);
      if (!answer) return null;
      if (answer.version !== dataVersion()) {
        answers.delete(key);
        return null;
      }
      return answer;
    },

    inFlight(key: string): Promise<CachedAnswer | null> | undefined {
      return rendering.get(key);
    },

    /**
     * Renders once for every visitor asking for `key` at the same time: they
     * wait for `render`'s answer (null: not keepable, or the render failed,
     * and they render for themselves). Keeps the answer if no write landed
     * while it was rendered.
     */
    async renderOnce<Rendered extends { answer: CachedAnswer | null }>(
      key: string,
      render: () => Promise<Rendered>,
    ): Promise<Rendered> {
      const pending = render();
      rendering.set(
        key,
        pending.then(
          (rendered) => rendered.answer,
          () => null,
        ),
      );
      try {
        const rendered = await pending;
        if (rendered.answer && rendered.answer.version === dataVersion()) answers.set(key, rendered.answer);
        return rendered;
      } finally {
        rendering.delete(key);
      }
    },
  };
}

/**
 * What of a rendered answer can be kept: null for anything that is not a plain
 * public 200. `version` is the data version read before the render began.
 */
export async function keepableAnswer(
  response: globalThis.Response,
  nonce: string,
  version: number,
): Promise<{ answer: CachedAnswer | null; body: Buffer }> {
  const body = Buffer.from(await response.arrayBuffer());
  const type = response.headers.get("content-type") ?? "";
  const keepable =
    response.status === 200 &&
    !response.headers.has("set-cookie") &&
    /^(text\/html|application\/json)/.test(type) &&
    body.length <= MAX_BODY_BYTES;
  if (!keepable) return { answer: null, body };
  const headers: [string, string][] = [];
  for (const [name, value] of response.headers.entries())
    if (!PER_REQUEST_HEADERS.has(name)) headers.push([name, value]);
  const text = body.toString("utf8");
  return {
    answer: {
      headers,
      parts: nonce ? text.split(nonce) : [text],
      etag: response.headers.get("etag"),
      version,
      bytes: body.length,
    },
    body,
  };
}

/** Writes a kept answer for one visitor, with that visitor's nonce. */
export function sendCachedAnswer(req: Request, res: Response, answer: CachedAnswer, nonce: string) {
  for (const [name, value] of answer.headers) res.append(name, value);
  res.setHeader("X-Cache", "hit");
  const ifNoneMatch = req.headers["if-none-match"];
  if (answer.etag && ifNoneMatch && ifNoneMatch.split(",").some((tag) => tag.trim() === answer.etag)) {
    res.status(304).end();
    return;
  }
  res.status(200).end(answer.parts.length === 1 ? answer.parts[0] : answer.parts.join(nonce));
}
