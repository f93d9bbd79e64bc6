import { Transform } from "node:stream";
import type { ActionFunctionArgs, AppLoadContext, EntryContext, LoaderFunctionArgs } from "@remix-run/node";
import { createReadableStreamFromReadable } from "@remix-run/node";
import { RemixServer } from "@remix-run/react";
import { isbot } from "isbot";
import { renderToPipeableStream } from "react-dom/server";
import { I18nextProvider } from "react-i18next";
import { defaultLanguage, isLanguage } from "~/i18n/config";
import { i18next, renderInstance } from "~/i18n/i18next.server";
import { logger, redactUrl } from "~/utils/logger.server";
import { NonceProvider } from "~/utils/nonce";

// For the Express host (app/server): answers it serves from the public page
// cache count against the same per-client API budget as rendered ones.
export { allowanceHeaders, consumeApiRequest } from "~/utils/rate-limit.server";

const ABORT_DELAY = 5_000;

// React 18.3's streaming renderer pads some chunks with 0x00 bytes when a
// multi-byte character meets its 2 KB buffer edge (react#26228, fixed only in
// React 19). Vietnamese text hits this constantly. A 0x00 byte in UTF-8 can
// only be U+0000, which HTML never needs, so dropping every one is lossless.
function withoutNulBytes() {
  return new Transform({
    transform(chunk: Buffer, _encoding, callback) {
      callback(null, chunk.includes(0) ? Buffer.from(chunk.filter((byte) => byte !== 0)) : chunk);
    },
  });
}

export default async function handleRequest(
  request: Request,
  responseStatusCode: number,
  responseHeaders: Headers,
  remixContext: EntryContext,
  loadContext: AppLoadContext,
) {
  const language = await i18next.getLocale(request);
  const instance = renderInstance(isLanguage(language) ? language : defaultLanguage);
  const nonce = loadContext.cspNonce;
  const waitForAll = isbot(request.headers.get("user-agent") ?? "") || remixContext.isSpaMode;

  return new Promise((resolve, reject) => {
    let shellRendered = false;
    const { pipe, abort } = renderToPipeableStream(
      <NonceProvider value={nonce}>
        <I18nextProvider i18n={instance}>
          <RemixServer context={remixContext} url={request.url} abortDelay={ABORT_DELAY} nonce={nonce} />
        </I18nextProvider>
      </NonceProvider>,
      {
        nonce,
        [waitForAll ? "onAllReady" : "onShellReady"]() {
          shellRendered = true;
          const body = withoutNulBytes();
          responseHeaders.set("Content-Type", "text/html; charset=utf-8");
          resolve(
            new Response(createReadableStreamFromReadable(body), {
              headers: responseHeaders,
              status: responseStatusCode,
            }),
          );
          pipe(body);
        },
        onShellError(error: unknown) {
          reject(error);
        },
        onError(error: unknown) {
          responseStatusCode = 500;
          if (shellRendered) logger.error({ err: error }, "render error");
        },
      },
    );
    setTimeout(abort, ABORT_DELAY);
  });
}

export function handleError(error: unknown, { request }: LoaderFunctionArgs | ActionFunctionArgs) {
  if (request.signal.aborted) return;
  logger.error(
    { err: error, method: request.method, url: redactUrl(new URL(request.url).pathname + new URL(request.url).search) },
    "unhandled route error",
  );
}
