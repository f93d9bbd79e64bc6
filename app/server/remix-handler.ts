import fs from "node:fs";
import {
  createReadableStreamFromReadable,
  createRequestHandler as createRemixHandler,
  writeReadableStreamToWritable,
  type AppLoadContext,
  type ServerBuild,
} from "@remix-run/node";
import type { NextFunction, Request, Response } from "express";
import en from "~/i18n/en";
import vi from "~/i18n/vi";
import { dataVersion } from "~/utils/data-version.server";
import type { allowanceHeaders, consumeApiRequest } from "~/utils/rate-limit.server";
import { cookieLanguage, requestLanguage } from "./body-guard";
import { keepableAnswer, sendCachedAnswer, type CachedAnswer, type PublicCache } from "./public-cache";

// @remix-run/express's handler, with three differences that keep hostile
// requests at 4xx:
// - the body is the one bodyGuard already read and checked, not the socket;
// - the Origin header is dropped once originGuard has accepted it. Remix's
//   own check compares Origin with Host (or an unverified X-Forwarded-Host)
//   and throws a 500 when a proxy rewrote Host, even for APP_URL itself;
//   originGuard knows APP_URL and is the one CSRF check.
// - a Host that cannot make a URL is a 400, not a thrown error.
// Routes without uploads read their form with request.formData(), undici's
// parser. bodyGuard has already checked every multipart body with busboy, but
// undici is stricter about some headers busboy accepts (a quote inside a
// file name), and its TypeError would reach the visitor as a 500. A thrown
// Response is what Remix answers with, so that becomes a 400, here, once.
const parseFormData = Request.prototype.formData;
Request.prototype.formData = async function formData(this: globalThis.Request) {
  try {
    return await parseFormData.call(this);
  } catch (error) {
    if (!(error instanceof TypeError)) throw error;
    const catalogue = cookieLanguage(this.headers.get("cookie")) === "en" ? en : vi;
    throw new Response(catalogue.requestGuard.malformed, {
      status: 400,
      headers: { "Content-Type": "text/plain; charset=utf-8" },
    });
  }
};

export function createRequestHandler({
  build,
  mode,
  getLoadContext,
  publicCache,
}: {
  build: ServerBuild;
  mode: string;
  getLoadContext: (req: Request, res: Response) => AppLoadContext;
  publicCache?: PublicCache;
}) {
  const handleRequest = createRemixHandler(build, mode);
  // The API's per-client limit lives in the build's module graph; a cached
  // API answer is counted against the same budget as a rendered one.
  const api = build.entry.module as {
    consumeApiRequest?: typeof consumeApiRequest;
    allowanceHeaders?: typeof allowanceHeaders;
  };

  async function render(req: Request, res: Response): Promise<globalThis.Response | null> {
    const request = createRemixRequest(req, res);
    if (!request) {
      const catalogue = requestLanguage(req) === "en" ? en.requestGuard : vi.requestGuard;
      res.status(400).type("text/plain; charset=utf-8").send(catalogue.badHost);
      return null;
    }
    return handleRequest(request, getLoadContext(req, res));
  }

  async function serveFromCache(req: Request, res: Response, answer: CachedAnswer): Promise<boolean> {
    const context = getLoadContext(req, res);
    if (req.path.startsWith("/api/") && api.consumeApiRequest && api.allowanceHeaders) {
      const allowance = await api.consumeApiRequest(context.clientIp);
      // Over the limit: the route answers the 429 in the visitor's language.
      if (allowance && !allowance.allowed) return false;
      if (allowance) res.set(api.allowanceHeaders(allowance));
    }
    sendCachedAnswer(req, res, answer, context.cspNonce);
    return true;
  }

  return async (req: Request, res: Response, next: NextFunction) => {
    try {
      const key = publicCache?.keyFor(req) ?? null;
      if (publicCache && key) {
        const kept = publicCache.get(key) ?? (await publicCache.inFlight(key));
        if (kept && (await serveFromCache(req, res, kept))) return;
        if (!kept) {
          // This visitor renders the page; others asking meanwhile wait for it.
          const { response, body } = await publicCache.renderOnce(key, async () => {
            const version = dataVersion();
            const response = await render(req, res);
            if (!response) return { answer: null, response, body: null };
            return { response, ...(await keepableAnswer(response, getLoadContext(req, res).cspNonce, version)) };
          });
          if (response && body) await sendRemixResponse(res, response, body);
          return;
        }
      }
      const response = await render(req, res);
      if (response) await sendRemixResponse(res, response);
    } catch (error) {
      next(error);
    }
  };
}

function requestUrl(req: Request): URL | null {
  // req.hostname honours "trust proxy"; the port comes from the Host the
  // hostname came from.
  const hostHeader = req.get("host") ?? "";
  const port = Number.parseInt(hostHeader.split(":")[1] ?? "", 10);
  const host = `${req.hostname}${Number.isSafeInteger(port) ? `:${port}` : ""}`;
  try {
    return new URL(`${req.protocol}://${host}${req.originalUrl}`);
  } catch {
    return null;
  }
}

function createRemixRequest(req: Request, res: Response): globalThis.Request | null {
  const url = requestUrl(req);
  if (!url) return null;
  const headers = new Headers();
  for (const [key, values] of Object.entries(req.headers)) {
    if (Array.isArray(values)) for (const value of values) headers.append(key, value);
    else if (values) headers.set(key, values);
  }
  headers.delete("origin");
  headers.delete("x-forwarded-host");
  let controller: AbortController | null = new AbortController();
  const init: RequestInit & { duplex?: "half" } = { method: req.method, headers, signal: controller.signal };
  if (req.method !== "GET" && req.method !== "HEAD") {
    const body = req.guardedBody;
    if (body?.kind === "buffer") init.body = new Uint8Array(body.bytes);
    else if (body?.kind === "file") {
      init.body = createReadableStreamFromReadable(fs.createReadStream(body.path));
      init.duplex = "half";
    } else {
      init.body = createReadableStreamFromReadable(req);
      init.duplex = "half";
    }
  }
  // Abort loaders and actions once no response can be written.
  res.on("finish", () => (controller = null));
  res.on("close", () => controller?.abort());
  return new Request(url.href, init);
}

/** `body`: the answer's body when it was already read (to be kept by the public cache). */
async function sendRemixResponse(res: Response, response: globalThis.Response, body?: Buffer) {
  res.statusMessage = response.statusText;
  res.status(response.status);
  for (const [key, value] of response.headers.entries()) res.append(key, value);
  if (body) {
    res.end(body);
    return;
  }
  if (response.headers.get("Content-Type")?.match(/text\/event-stream/i)) res.flushHeaders();
  if (response.body) await writeReadableStreamToWritable(response.body, res);
  else res.end();
}
