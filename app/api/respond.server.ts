// The one flow every public /api/v1 data endpoint follows: strict query
// parsing, 400 with reasons in the caller's language, 404 for what is not
// published, 503 when the matching service fails, and a short public cache
// for successful answers (they depend on the URL only, never on a session).
import type { LoaderFunctionArgs } from "@remix-run/node";
import type { TFunction } from "i18next";
import type { z } from "zod";
import type { Language } from "~/i18n/config";
import { i18next } from "~/i18n/i18next.server";
import { MatchingUnavailableError } from "~/models/public-api/ranked-matches.server";
import { type ApiQuerySchema, parseApiQuery } from "~/schemas/open-api";
import { apiError, apiValidationError, jsonWithEtag, limitedApi } from "~/utils/api.server";

type NotFoundKey =
  | "openApi.notFound.majorProblem"
  | "openApi.notFound.problemStatement"
  | "openApi.notFound.offer"
  | "openData.notFound.organisation";

/** Where a list's next page starts: a page number, or (in an updatedSince walk) the last record seen. */
export type NextPage = { page: number } | { updatedSince: string; after: string };

// The next page as a link with every other parameter of this request kept.
function nextLink(url: URL, next: NextPage): string {
  const params = new URLSearchParams(url.searchParams);
  for (const name of ["page", "updatedSince", "after"]) params.delete(name);
  for (const [name, value] of Object.entries(next)) params.set(name, String(value));
  return `${url.pathname}?${params.toString()}`;
}

// The language comes from ?lng only (not the cookie), so a cached answer is
// the same for everyone who asks for that URL.
function requestLanguage(url: URL): Language {
  return url.searchParams.get("lng") === "en" ? "en" : "vi";
}

// Open data: any web page may read it (no cookies are involved in the answer).
export function publicApi<S extends ApiQuerySchema>(
  args: Pick<LoaderFunctionArgs, "request" | "context">,
  options: { query: S; notFound?: NotFoundKey },
  run: (query: z.infer<S>, context: { language: Language; t: TFunction }) => Promise<object | null>,
): Promise<Response> {
  return limitedApi(args, () => answer(args.request, options, run));
}

async function answer<S extends ApiQuerySchema>(
  request: Request,
  options: { query: S; notFound?: NotFoundKey },
  run: (query: z.infer<S>, context: { language: Language; t: TFunction }) => Promise<object | null>,
): Promise<Response> {
  const url = new URL(request.url);
  const language = requestLanguage(url);
  const t = await i18next.getFixedT(language);
  const parsed = parseApiQuery(url.searchParams, options.query);
  if (!parsed.ok) return apiValidationError(t, parsed.errors);
  try {
    const body = await run(parsed.query, { language, t });
    if (body === null) return apiError(404, "not_found", t(options.notFound ?? "openApi.notFound.offer"));
    if ("next" in body && body.next && typeof body.next === "object") {
      return jsonWithEtag(request, { ...body, next: nextLink(url, body.next as NextPage) });
    }
    return jsonWithEtag(request, body);
  } catch (error) {
    if (error instanceof MatchingUnavailableError)
      return apiError(503, "matching_unavailable", t("openApi.matchingUnavailable"));
    throw error;
  }
}
